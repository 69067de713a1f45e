"""Schema versions: a file from the first version upgrades in place and keeps its rows."""

from __future__ import annotations

from datetime import date

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from builders import fixed_now
from sqlalchemy import create_engine, inspect
from store_db import execute

from scoring.errors import StoreError
from scoring.store import OfficialEntry, Store
from scoring.store.migrate import HEAD, alembic_config, known_revisions, upgrade
from scoring.store.schema import Base


def _at_revision(db_url: str, revision: str, db_path) -> None:
    db_path.parent.mkdir(parents=True, exist_ok=True)  # a SQLite file's folder
    engine = create_engine(db_url)
    with engine.begin() as connection:
        upgrade(connection, revision)
    engine.dispose()


def _version(db_url: str) -> str:
    return execute(db_url, "SELECT version_num FROM alembic_version")[0][0]


def test_new_database_is_at_the_newest_version_and_matches_the_models(store, db_url):
    assert _version(db_url) == HEAD == "0004"
    # HEAD is the newest file in the migrations folder.
    script = ScriptDirectory.from_config(alembic_config())
    assert script.get_current_head() == HEAD
    assert known_revisions() == {"0001", "0002", "0003", "0004"}
    with store.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []


def test_first_version_file_upgrades_in_place_keeping_its_rows(db_path, db_url):
    _at_revision(db_url, "0001", db_path)
    execute(
        db_url,
        "INSERT INTO members VALUES (1, 'Anna Example', 'IT', '2026-09-01 10:00:00')",
        "INSERT INTO imports VALUES (1, 1, 'h-old', '2026-09-01', 'complete', NULL,"
        " '[]', '[]', '2026-09-01 10:00:00', 'v0')",
        "INSERT INTO snapshots VALUES (1, 1, 1, '2026-09-01', 90, 40.0, 10.0, 10.0, 10.0,"
        " 10.0, '[]', 'v0', 'import')",
        "INSERT INTO history VALUES (1, '2026-08-30', 1, 39.0, 9.75, 9.75, 9.75, 9.75, 'v0')",
    )
    assert _version(db_url) == "0001"

    with Store(db_url, now=fixed_now) as store:
        assert _version(db_url) == "0004"
        snapshots = store.snapshots("Anna Example")
        assert snapshots[["as_of", "total", "model_version"]].values.tolist() == [
            [date(2026, 9, 1), 40.0, "v0"]
        ]
        # Added by 0002: old snapshots have no manual inputs.
        assert store.snapshot_score("Anna Example").manual_inputs == {}
        assert store.history("Anna Example")["total"].tolist() == [39.0]
        # The table of 0002 and the column of 0003 work on the upgraded file.
        store.add_official(
            "Anna Example", OfficialEntry(as_of=date(2026, 9, 2), total=53, industry_name="IT")
        )
        assert store.official_readings("Anna Example")["industry_name"].tolist() == ["IT"]
        assert store.timeline("Anna Example")["source"].tolist() == [
            "reconstructed", "snapshot", "official",
        ]  # fmt: skip


def test_second_version_file_gets_the_industry_name_column(db_path, db_url):
    _at_revision(db_url, "0002", db_path)
    execute(
        db_url,
        "INSERT INTO members VALUES (1, 'Anna Example', NULL, '2026-09-01 10:00:00')",
        "INSERT INTO official_readings (id, member_id, as_of, total, added_at)"
        " VALUES (1, 1, '2026-09-02', 53.0, '2026-09-02 10:00:00')",
    )

    with Store(db_url, now=fixed_now) as store:
        readings = store.official_readings("Anna Example")

    assert readings["total"].tolist() == [53.0]
    assert readings["industry_name"].isna().all()


def test_third_version_file_loses_the_unused_peer_table(db_path, db_url):
    _at_revision(db_url, "0003", db_path)
    execute(
        db_url,
        "INSERT INTO peer_benchmarks (id, source, label, total, added_at) "
        "VALUES (1, 'team.csv', 'Peer One', 52.5, '2026-09-02 10:00:00')",
    )

    with Store(db_url, now=fixed_now) as store:
        tables = set(inspect(store.engine).get_table_names())

    assert "peer_benchmarks" not in tables
    assert {"members", "imports", "snapshots", "history", "official_readings"} <= tables


def test_downgrade_and_upgrade_again_keep_the_first_versions_rows(store, db_url):
    store.add_official("Anna Example", OfficialEntry(as_of=date(2026, 9, 2), total=53))
    store.close()
    engine = create_engine(db_url)
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0001")
    engine.dispose()
    assert _version(db_url) == "0001"

    with Store(db_url, now=fixed_now) as reopened:
        assert reopened.members()["member"].tolist() == ["Anna Example"]
        assert reopened.official_readings("Anna Example").empty


def test_database_from_a_newer_program_is_refused(store, db_url):
    where = store.where
    store.close()
    execute(db_url, "UPDATE alembic_version SET version_num = '0099'")

    with pytest.raises(StoreError) as caught:
        Store(db_url, now=fixed_now)

    assert caught.value.code == "error.store.newer_schema"
    assert where in str(caught.value)
    assert "0099" in str(caught.value)


def test_file_that_is_not_a_database_is_refused(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("shopping list: milk, bread\n" * 200)

    with pytest.raises(StoreError) as caught:
        Store(f"sqlite:///{path}", now=fixed_now)

    assert caught.value.code == "error.store.open"
    assert str(caught.value).startswith(f"The score database {path} could not be opened")
    assert path.read_text().startswith("shopping list")


def test_unwritable_place_is_refused(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")

    with pytest.raises(StoreError) as caught:
        Store(f"sqlite:///{blocker}/ssi.sqlite", now=fixed_now)

    assert caught.value.code == "error.store.open"
