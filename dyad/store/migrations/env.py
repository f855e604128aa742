"""alembic environment: migrations run on the connection `dyad.store.migrate` hands over.

Run from the command line too: `alembic -x url=sqlite:///path.db -c /dev/null ...` is not needed in
practice, since `dyad ingest` and `dyad serve` upgrade the database they open.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from dyad.store.schema import metadata

config = context.config


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option("sqlalchemy.url")
    with create_engine(url).begin() as conn:
        _run(conn)


def _run(connection) -> None:
    # render_as_batch: SQLite can only ALTER a table by copying it, which batch mode does
    context.configure(connection=connection, target_metadata=metadata,
                      render_as_batch=connection.dialect.name == "sqlite")
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():  # pragma: no cover - offline SQL scripts are not used
    raise SystemExit("dyad's migrations run online, on the database being opened")
run_migrations_online()
