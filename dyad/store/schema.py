"""The store's tables (SQLAlchemy 2 Core): one row per article, and its report spread over rows.

The full report is kept as JSON on the article (it is what `/api/articles/{id}` returns), and the
parts analysts filter on — actors, quotes, places, events with their places, claims and evidence
spans — are copied into their own tables so the filters are plain indexed SQL. `local_id` keeps
the report's own ids ("a1", "e2") so a row can be matched back to the JSON.

These definitions are what queries are built from; the alembic migrations in
`dyad/store/migrations/versions/` create the same tables (a test compares the two).
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData(naming_convention={
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
})

# plain JSON (text) on every database, PostgreSQL included: JSONB would reorder the report's keys,
# and nothing queries inside the report (the parts filtered on have their own tables)
JSONType = sa.JSON()


def _article_fk() -> sa.Column:
    return sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"),
                     nullable=False, index=True)


articles = sa.Table(
    "articles", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    # sha256 of the article as it came in (headline and body, text or HTML): the identity that
    # makes ingest idempotent and resumable
    sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("doc_id", sa.String(500)),
    sa.Column("source", sa.String(2000)),  # where it was ingested from: file path, feed or WARC URL
    sa.Column("url", sa.String(2000)),
    sa.Column("title", sa.Text),
    sa.Column("published", sa.String(10), index=True),  # ISO date; strings compare in date order
    sa.Column("site", sa.String(500)),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("report", JSONType, nullable=False),
    sa.Column("words", sa.Integer),  # added in migration 0002
    sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
)

actors = sa.Table(
    "actors", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _article_fk(),
    sa.Column("local_id", sa.String(20), nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("kind", sa.String(20)),
    sa.Column("role", sa.Text),
    sa.Column("country", sa.String(2)),
    sa.Column("sector", sa.String(3)),
    sa.Column("mentions", sa.Integer),  # how many mentions the report lists
)

quotes = sa.Table(
    "quotes", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _article_fk(),
    sa.Column("local_id", sa.String(20), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("kind", sa.String(10)),
    sa.Column("speaker", sa.Text),
    sa.Column("speaker_actor", sa.String(20)),
    sa.Column("cue", sa.Text),
)

places = sa.Table(
    "places", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _article_fk(),
    sa.Column("local_id", sa.String(20), nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("feature", sa.String(20)),
    sa.Column("country", sa.String(2), index=True),
    sa.Column("admin1", sa.Text),
    sa.Column("iso3166_2", sa.String(10)),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("geonameid", sa.BigInteger),
)

events = sa.Table(
    "events", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _article_fk(),
    sa.Column("local_id", sa.String(20), nullable=False),
    sa.Column("rank", sa.Integer, nullable=False),  # 0 = the report's most salient event
    sa.Column("plover", sa.String(20), index=True),
    sa.Column("mode", sa.String(30)),
    sa.Column("acled_type", sa.String(60), index=True),
    sa.Column("acled_subtype", sa.String(80)),
    sa.Column("cameo", sa.String(10)),
    sa.Column("source_actor", sa.String(20)),
    sa.Column("source_name", sa.Text),
    sa.Column("source_country", sa.String(2), index=True),
    sa.Column("source_sector", sa.String(3)),
    sa.Column("target_actor", sa.String(20)),
    sa.Column("target_name", sa.Text),
    sa.Column("target_country", sa.String(2), index=True),
    sa.Column("target_sector", sa.String(3)),
    # the event's own date when the text gives one, else the article's published date (so that
    # timelines and date filters see it); date_precision is null for the fallback
    sa.Column("date", sa.String(10), index=True),
    sa.Column("date_precision", sa.String(10)),
    sa.Column("killed", sa.Integer),
    sa.Column("killed_qualifier", sa.String(10)),
    sa.Column("injured", sa.Integer),
    sa.Column("injured_qualifier", sa.String(10)),
    sa.Column("status", sa.String(20), index=True),
    sa.Column("intensity", sa.Float),
    sa.Column("confidence", sa.Float),
)

event_places = sa.Table(
    "event_places", metadata,
    sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("place_id", sa.Integer, sa.ForeignKey("places.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("rank", sa.Integer, nullable=False),  # order in the report: 0 = the event's main place
)

claims = sa.Table(
    "claims", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"), nullable=False,
              index=True),
    sa.Column("actor", sa.String(20)),
    sa.Column("actor_name", sa.Text),
    sa.Column("stance", sa.String(30), nullable=False),
    sa.Column("quote", sa.String(20)),
)

evidence = sa.Table(
    "evidence", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"), nullable=False,
              index=True),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("text", sa.Text),  # the span's text, for free-text search and CSV notes
)

ingest_errors = sa.Table(
    "ingest_errors", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    # the input's content hash, or for an input that could not be read (missing file, failed
    # fetch) a hash of where it is and what went wrong: one row per failing input, not per run
    sa.Column("content_hash", sa.String(64), unique=True),
    sa.Column("doc_id", sa.String(500)),
    sa.Column("source", sa.String(2000)),
    sa.Column("code", sa.String(50), nullable=False),
    sa.Column("message", sa.Text, nullable=False),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
)
