"""Where the database lives by default, per platform, and how a URL is shown."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from builders import fixed_now

from scoring.errors import StoreError
from scoring.store import Store
from scoring.store.paths import data_dir, default_database_url, display_url, sqlite_file

HOME = Path("/home/anna")


def test_linux_uses_xdg_data_home_when_absolute():
    assert data_dir({"XDG_DATA_HOME": "/data/anna"}, "linux", HOME) == Path(
        "/data/anna/ssi-dashboard"
    )
    # A relative value is invalid per the XDG specification and is ignored.
    assert data_dir({"XDG_DATA_HOME": "rel/dir"}, "linux", HOME) == Path(
        "/home/anna/.local/share/ssi-dashboard"
    )
    assert data_dir({}, "linux", HOME) == Path("/home/anna/.local/share/ssi-dashboard")


def test_macos_and_windows_folders():
    assert data_dir({}, "darwin", HOME) == Path(
        "/home/anna/Library/Application Support/ssi-dashboard"
    )
    assert data_dir({"APPDATA": "C:/Users/anna/AppData/Roaming"}, "win32", HOME) == Path(
        "C:/Users/anna/AppData/Roaming/ssi-dashboard"
    )
    assert data_dir({}, "win32", HOME) == Path("/home/anna/AppData/Roaming/ssi-dashboard")


def test_default_url_is_the_sqlite_file_unless_the_variable_is_set():
    assert default_database_url({}, "linux", HOME) == (
        "sqlite:////home/anna/.local/share/ssi-dashboard/ssi.sqlite"
    )
    team = "postgresql+psycopg://ssi:secret@db.example/ssi"
    assert default_database_url({"SSI_DATABASE_URL": team}, "linux", HOME) == team
    assert default_database_url({"SSI_DATABASE_URL": "  "}, "linux", HOME).startswith("sqlite:")


def test_urls_are_shown_as_a_path_or_without_password():
    assert sqlite_file("sqlite:////tmp/x/ssi.sqlite") == Path("/tmp/x/ssi.sqlite")
    assert sqlite_file("sqlite://") is None
    assert sqlite_file("postgresql://h/db") is None
    assert display_url("sqlite:////tmp/x/ssi.sqlite") == "/tmp/x/ssi.sqlite"
    assert display_url("postgresql+psycopg://ssi:secret@db.example/ssi") == (
        "postgresql+psycopg://ssi:***@db.example/ssi"
    )


def test_store_creates_its_folder_readable_by_the_owner_only(tmp_path):
    from scoring.store import Store

    folder = tmp_path / "fresh"
    with Store(f"sqlite:///{folder / 'ssi.sqlite'}", now=fixed_now):
        pass

    assert (folder / "ssi.sqlite").is_file()
    assert folder.stat().st_mode & 0o077 == 0


def test_team_server_url_without_its_driver_is_a_one_line_store_error():
    if importlib.util.find_spec("pg8000") is not None:
        pytest.skip("pg8000 is installed here, so its absence cannot be shown")

    with pytest.raises(StoreError) as caught:
        Store("postgresql+pg8000://ssi:secret@team-server/ssi", now=fixed_now)

    assert caught.value.code == "error.store.driver"
    assert caught.value.params["driver"] == "pg8000"
    english, german = caught.value.message("en"), caught.value.message("de")
    assert english.startswith(
        "The score database postgresql+pg8000://ssi:***@team-server/ssi needs the Python "
        "package pg8000, which is not installed;"
    )
    assert german.startswith("Die Score-Datenbank postgresql+pg8000://ssi:***@team-server/ssi")
    for text in (english, german):
        assert "secret" not in text
        assert len(text.splitlines()) == 1
