"""The store: articles and their reports in SQLite (default) or PostgreSQL, through SQLAlchemy Core.

    store = open_store()                       # ~/.local/share/dyad/dyad.db, WAL, migrated
    store = open_store("postgresql+psycopg://dyad:pw@127.0.0.1:5432/dyad")
    store.save_batch(items)                    # one transaction per batch (ingest)
    store.events(EventFilter(country="AF"))    # the filtered queries the API and pages share

`schema.py` holds the tables, `database.py` the URL/engine/migrations, `store.py` writes and
`queries.py` reads.
"""

from dyad.store.database import default_url, normalise_url, open_store, safe_url
from dyad.store.queries import EventFilter
from dyad.store.store import Store

__all__ = ["open_store", "default_url", "normalise_url", "safe_url", "Store", "EventFilter"]
