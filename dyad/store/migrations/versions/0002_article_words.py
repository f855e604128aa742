"""Articles get a word count (for throughput figures and the articles list); filled in for old rows.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("words", sa.Integer))
    # a database made by 0.1 has articles without the count: compute it from their text
    conn = op.get_bind()
    arts = sa.table("articles", sa.column("id", sa.Integer), sa.column("text", sa.Text),
                    sa.column("words", sa.Integer))
    rows = conn.execute(sa.select(arts.c.id, arts.c.text).where(arts.c.words.is_(None))).all()
    for art_id, text in rows:
        conn.execute(sa.update(arts).where(arts.c.id == art_id).values(words=len((text or "").split())))


def downgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("words")
