from __future__ import annotations

import pytest
from dbfixtures import fill, make_pg_database, pg_url_or_skip, synthetic_reports


@pytest.fixture(params=["sqlite", "postgresql"], scope="module")
def store(request, tmp_path_factory):
    """A store holding the synthetic reports, on each database (read-only in the tests)."""
    from dyad.store import open_store

    if request.param == "sqlite":
        s = open_store(str(tmp_path_factory.mktemp("web") / "web.db"))
        drop = None
    else:
        url, drop = make_pg_database(pg_url_or_skip())
        s = open_store(url)
    s.ids = fill(s, synthetic_reports())
    yield s
    s.close()
    if drop:
        drop()


@pytest.fixture(scope="module")
def client(store):
    from fastapi.testclient import TestClient

    from dyad.web.app import create_app

    with TestClient(create_app(store)) as c:
        c.store = store
        yield c
