"""Opening a store: the URL, the engine (SQLite in WAL mode by default), and schema migrations.

`open_store(url)` is the one entry point: it accepts a SQLAlchemy URL
(`postgresql+psycopg://user:pw@host/db`, `sqlite:///path.db`) or a plain file path, makes the
database reach the newest schema through alembic (a database made by an older dyad is upgraded,
never rebuilt), and returns a `Store`.
"""

from __future__ import annotations

import os
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import URL, Engine, make_url

ENV_DB = "DYAD_DB"


def default_url() -> str:
    """`$DYAD_DB`, else a SQLite file under the user's data dir (e.g. ~/.local/share/dyad/dyad.db)."""
    if os.environ.get(ENV_DB):
        return normalise_url(os.environ[ENV_DB])
    from platformdirs import user_data_dir

    return normalise_url(str(Path(user_data_dir("dyad")) / "dyad.db"))


def normalise_url(db: str) -> str:
    """A SQLAlchemy URL as given, or a file path turned into a SQLite URL."""
    if "://" in db:
        url = make_url(db)
        if url.drivername == "postgresql":  # psycopg 3 is the driver we ship; psycopg2 is not installed
            url = url.set(drivername="postgresql+psycopg")
        return url.render_as_string(hide_password=False)
    return f"sqlite:///{Path(db).expanduser().resolve()}"


def safe_url(url: str) -> str:
    """The URL with its password masked, for messages."""
    return make_url(url).render_as_string(hide_password=True)


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    # WAL: the web server keeps reading while an ingest writes
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def make_engine(url: str) -> Engine:
    u: URL = make_url(url)
    if u.get_backend_name() == "sqlite":
        if u.database and u.database != ":memory:":
            Path(u.database).parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(u, connect_args={"check_same_thread": False})
        sa.event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return sa.create_engine(u, pool_pre_ping=True)


def alembic_config(connection=None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).with_name("migrations")))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def migrate(engine: Engine, revision: str = "head") -> None:
    """Upgrade the database to `revision` (the newest by default); a no-op when it is there."""
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), revision)


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def open_store(db: str | None = None, upgrade: bool = True):
    from dyad.store.store import Store

    url = normalise_url(db) if db else default_url()
    engine = make_engine(url)
    if upgrade and current_revision(engine) != head_revision():
        migrate(engine)
    return Store(engine)
