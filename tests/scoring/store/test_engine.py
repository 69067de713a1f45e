"""The connection plumbing: a SQLite file in a folder the user may not write is still read."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import tempfile
from datetime import date
from pathlib import Path

import pytest
from builders import fixed_now

from scoring.errors import StoreError
from scoring.store import Store
from scoring.store.engine import read_only_file

OCT15 = date(2026, 10, 15)
NOBODY = 65534


def _read_as_another_user(url: str, answers) -> None:
    """Open the store without write access (as root: become nobody) and report what it saw."""
    if os.geteuid() == 0:
        # Root may write anywhere; an ordinary user meets the read-only folder.
        os.setgid(NOBODY)
        os.setuid(NOBODY)
    try:
        with Store(url, now=fixed_now) as store:
            seen = {
                "read_only": store.read_only,
                "members": store.members()["member"].tolist(),
                "history": store.history("Anna Example")["total"].tolist(),
                "team": store.team()[["member", "total"]].values.tolist(),
            }
            try:
                store.forget("Anna Example")
            except StoreError as error:
                seen["forget"] = (error.code, error.message("en"), error.message("de"))
        answers.put(seen)
    except Exception as error:  # reported to the test instead of dying silently
        answers.put({"error": repr(error)})


@pytest.fixture
def read_only_folder(make_data, make_score, make_history):
    """A database with one member, in a folder (and file) nobody may write to."""
    folder = Path(tempfile.mkdtemp(prefix="ssi-ro-"))
    path = folder / "ssi.sqlite"
    with Store(f"sqlite:///{path}", now=fixed_now) as store:
        store.import_export(
            make_data("Anna Example", OCT15, "h1"),
            score=make_score(OCT15, (10.0, 10.0, 10.0, 11.0)),
            history=make_history({date(2026, 10, 4): 40.0, date(2026, 10, 11): 40.5}),
        )
    path.chmod(0o444)
    folder.chmod(0o555)
    try:
        yield path
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder)


def test_a_database_in_a_read_only_folder_can_be_read(read_only_folder):
    url = f"sqlite:///{read_only_folder}"
    context = multiprocessing.get_context("fork")
    answers = context.Queue()
    reader = context.Process(target=_read_as_another_user, args=(url, answers))
    reader.start()
    seen = answers.get(timeout=60)
    reader.join(timeout=30)

    assert "error" not in seen, seen
    assert seen["read_only"] is True
    assert seen["members"] == ["Anna Example"]
    assert seen["history"] == [40.0, 40.5]
    assert seen["team"] == [["Anna Example", 41.0]]  # 10 + 10 + 10 + 11
    code, english, german = seen["forget"]
    assert code == "error.store.read_only"
    assert english.startswith(f"The score database {read_only_folder} is in a folder you may not")
    assert "nur lesbar" in german
    # Reading left nothing beside the file (no -shm, no -wal) and the member is still there.
    assert sorted(p.name for p in read_only_folder.parent.iterdir()) == ["ssi.sqlite"]
    with Store(url, now=fixed_now) as store:
        assert store.members()["member"].tolist() == ["Anna Example"]


def test_only_an_existing_file_without_write_access_is_read_only(tmp_path):
    path = tmp_path / "ssi.sqlite"
    assert read_only_file(f"sqlite:///{path}") is None  # not there yet: it will be created
    path.write_bytes(b"")
    assert read_only_file(f"sqlite:///{path}") is None  # ours to write
    assert read_only_file("postgresql+psycopg://h/ssi") is None
