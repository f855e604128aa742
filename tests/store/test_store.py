"""The store: migrations, WAL, one transaction per batch, errors kept with their reasons."""

from __future__ import annotations

import sqlalchemy as sa
from dbfixtures import fill, make_pg_database, pg_url_or_skip, report, synthetic_reports

from dyad.store import default_url, normalise_url, open_store
from dyad.store.database import current_revision, head_revision, make_engine, migrate
from dyad.store.schema import metadata
from dyad.store.store import Item


def _schema_diff(engine):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with engine.connect() as conn:
        return compare_metadata(MigrationContext.configure(conn), metadata)


def test_migrations_match_the_tables_sqlite(tmp_path):
    store = open_store(str(tmp_path / "m.db"))
    assert current_revision(store.engine) == head_revision()
    assert _schema_diff(store.engine) == []


def test_migrations_match_the_tables_postgresql():
    url, drop = make_pg_database(pg_url_or_skip())
    try:
        store = open_store(url)
        assert _schema_diff(store.engine) == []
        fill(store, synthetic_reports())
        assert store.stats()["events"] == 4
        store.close()
    finally:
        drop()


def test_database_from_an_older_version_is_upgraded(tmp_path):
    """A database at revision 0001 (dyad 0.1) with an article in it opens, upgraded, with the article."""
    url = normalise_url(str(tmp_path / "old.db"))
    engine = make_engine(url)
    migrate(engine, "0001")
    r = synthetic_reports()[0]
    with engine.begin() as conn:
        conn.execute(sa.text(
            "INSERT INTO articles (content_hash, doc_id, text, report, ingested_at) "
            "VALUES (:h, :d, :t, :r, CURRENT_TIMESTAMP)"),
            {"h": "0" * 64, "d": "old", "t": r["text"], "r": __import__("json").dumps(r)})
    engine.dispose()
    store = open_store(url)
    assert current_revision(store.engine) == head_revision()
    total, rows = store.articles()
    assert total == 1 and rows[0]["words"] == len(r["text"].split())
    assert store.article(rows[0]["id"])["report"]["doc_id"] == "strike"


def test_sqlite_is_in_wal_mode_under_the_user_data_dir(tmp_path, monkeypatch):
    monkeypatch.delenv("DYAD_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    url = default_url()
    assert url == f"sqlite:///{tmp_path / 'data' / 'dyad' / 'dyad.db'}"
    store = open_store()
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    assert (tmp_path / "data" / "dyad" / "dyad.db").exists()


def test_urls():
    assert normalise_url("postgresql://u:p@h/db") == "postgresql+psycopg://u:p@h/db"
    assert normalise_url("/tmp/x.db") == "sqlite:////tmp/x.db"


def test_save_batch_spreads_the_report_and_skips_stored_hashes(tmp_path):
    store = open_store(str(tmp_path / "s.db"))
    reports = synthetic_reports()
    assert len(fill(store, reports)) == 3
    stats = store.stats()
    assert (stats["articles"], stats["events"], stats["places"], stats["quotes"], stats["actors"],
            stats["claims"]) == (3, 4, 3, 2, 2, 1)
    assert fill(store, reports) == []  # the same content again: nothing new
    assert store.stats()["articles"] == 3


def test_failures_are_kept_with_reasons_and_cleared_on_success(tmp_path):
    store = open_store(str(tmp_path / "e.db"))
    bad = report("bad", "", error={"code": "empty", "message": "text is empty"})
    res = store.save_batch([Item("f" * 64, "x.txt", report=bad), Item(None, "gone.txt", error_code="not_found",
                                                                       error_message="gone.txt: no such file")])
    assert res.failed == 2 and res.saved == []
    errors = {e["code"]: e for e in store.errors()}
    assert errors["empty"]["source"] == "x.txt" and errors["not_found"]["message"].startswith("gone.txt")
    assert store.known_hashes(["f" * 64]) == (set(), {"f" * 64})
    # the same input, retried and now readable: stored, and its error gone
    good = synthetic_reports()[1]
    store.save_batch([Item("f" * 64, "x.txt", report=good)])
    assert store.known_hashes(["f" * 64]) == ({"f" * 64}, set())
    assert [e["code"] for e in store.errors()] == ["not_found"]


def test_a_failed_batch_leaves_nothing(tmp_path):
    """One transaction per batch: an error half-way rolls the whole batch back."""
    store = open_store(str(tmp_path / "t.db"))
    good = synthetic_reports()[0]
    broken = dict(synthetic_reports()[1])
    broken["events"] = [{"id": "e1"}]  # no 'status' etc. is fine, but places must be a list: break it harder
    broken["places"] = [{"id": "p1"}]  # missing name/start/end -> KeyError mid-batch
    try:
        store.save_batch([Item("a" * 64, "t", report=good), Item("b" * 64, "t", report=broken)])
    except KeyError:
        pass
    assert store.stats()["articles"] == 0 and store.stats()["events"] == 0
