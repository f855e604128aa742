"""The first schema: articles and their reports spread over actors, quotes, places, events.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

JSONType = sa.JSON()



def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("doc_id", sa.String(500)),
        sa.Column("source", sa.String(2000)),
        sa.Column("url", sa.String(2000)),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.String(10)),
        sa.Column("site", sa.String(500)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("report", JSONType, nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_articles"),
        sa.UniqueConstraint("content_hash", name="uq_articles_content_hash"),
    )
    op.create_index("ix_articles_published", "articles", ["published"])

    def child(name, *cols):
        op.create_table(
            name,
            sa.Column("id", sa.Integer, primary_key=True),
            sa.Column("article_id", sa.Integer, nullable=False),
            sa.Column("local_id", sa.String(20), nullable=False),
            *cols,
            sa.PrimaryKeyConstraint("id", name=f"pk_{name}"),
            sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE",
                                    name=f"fk_{name}_article_id_articles"),
        )
        op.create_index(f"ix_{name}_article_id", name, ["article_id"])

    child("actors",
          sa.Column("name", sa.Text, nullable=False),
          sa.Column("kind", sa.String(20)),
          sa.Column("role", sa.Text),
          sa.Column("country", sa.String(2)),
          sa.Column("sector", sa.String(3)),
          sa.Column("mentions", sa.Integer))
    child("quotes",
          sa.Column("text", sa.Text, nullable=False),
          sa.Column("start", sa.Integer, nullable=False),
          sa.Column("end", sa.Integer, nullable=False),
          sa.Column("kind", sa.String(10)),
          sa.Column("speaker", sa.Text),
          sa.Column("speaker_actor", sa.String(20)),
          sa.Column("cue", sa.Text))
    child("places",
          sa.Column("name", sa.Text, nullable=False),
          sa.Column("start", sa.Integer, nullable=False),
          sa.Column("end", sa.Integer, nullable=False),
          sa.Column("feature", sa.String(20)),
          sa.Column("country", sa.String(2)),
          sa.Column("admin1", sa.Text),
          sa.Column("iso3166_2", sa.String(10)),
          sa.Column("lat", sa.Float),
          sa.Column("lon", sa.Float),
          sa.Column("geonameid", sa.BigInteger))
    op.create_index("ix_places_country", "places", ["country"])
    child("events",
          sa.Column("rank", sa.Integer, nullable=False),
          sa.Column("plover", sa.String(20)),
          sa.Column("mode", sa.String(30)),
          sa.Column("acled_type", sa.String(60)),
          sa.Column("acled_subtype", sa.String(80)),
          sa.Column("cameo", sa.String(10)),
          sa.Column("source_actor", sa.String(20)),
          sa.Column("source_name", sa.Text),
          sa.Column("source_country", sa.String(2)),
          sa.Column("source_sector", sa.String(3)),
          sa.Column("target_actor", sa.String(20)),
          sa.Column("target_name", sa.Text),
          sa.Column("target_country", sa.String(2)),
          sa.Column("target_sector", sa.String(3)),
          sa.Column("date", sa.String(10)),
          sa.Column("date_precision", sa.String(10)),
          sa.Column("killed", sa.Integer),
          sa.Column("killed_qualifier", sa.String(10)),
          sa.Column("injured", sa.Integer),
          sa.Column("injured_qualifier", sa.String(10)),
          sa.Column("status", sa.String(20)),
          sa.Column("intensity", sa.Float),
          sa.Column("confidence", sa.Float))
    for col in ("plover", "acled_type", "source_country", "target_country", "date", "status"):
        op.create_index(f"ix_events_{col}", "events", [col])

    op.create_table(
        "event_places",
        sa.Column("event_id", sa.Integer, nullable=False),
        sa.Column("place_id", sa.Integer, nullable=False),
        sa.Column("rank", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("event_id", "place_id", name="pk_event_places"),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], ondelete="CASCADE",
                                name="fk_event_places_event_id_events"),
        sa.ForeignKeyConstraint(["place_id"], ["places.id"], ondelete="CASCADE",
                                name="fk_event_places_place_id_places"),
    )
    for name, cols in (
        ("claims", [sa.Column("actor", sa.String(20)), sa.Column("actor_name", sa.Text),
                    sa.Column("stance", sa.String(30), nullable=False), sa.Column("quote", sa.String(20))]),
        ("evidence", [sa.Column("start", sa.Integer, nullable=False), sa.Column("end", sa.Integer, nullable=False),
                      sa.Column("text", sa.Text)]),
    ):
        op.create_table(
            name,
            sa.Column("id", sa.Integer, primary_key=True),
            sa.Column("event_id", sa.Integer, nullable=False),
            *cols,
            sa.PrimaryKeyConstraint("id", name=f"pk_{name}"),
            sa.ForeignKeyConstraint(["event_id"], ["events.id"], ondelete="CASCADE",
                                    name=f"fk_{name}_event_id_events"),
        )
        op.create_index(f"ix_{name}_event_id", name, ["event_id"])

    op.create_table(
        "ingest_errors",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("content_hash", sa.String(64)),
        sa.Column("doc_id", sa.String(500)),
        sa.Column("source", sa.String(2000)),
        sa.Column("code", sa.String(50), nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_ingest_errors"),
        sa.UniqueConstraint("content_hash", name="uq_ingest_errors_content_hash"),
    )


def downgrade() -> None:
    for name in ("ingest_errors", "evidence", "claims", "event_places", "events", "places", "quotes", "actors",
                 "articles"):
        op.drop_table(name)
