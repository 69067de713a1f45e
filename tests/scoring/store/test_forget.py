"""Forgetting a member: every derived row goes, in one step, and the bytes go with it."""

from __future__ import annotations

import struct
from datetime import date

import pytest
from store_db import execute

from scoring.errors import StoreError
from scoring.store import OfficialEntry

OCT15 = date(2026, 10, 15)
# A value no other row holds, to find in the file's bytes: SQLite stores REAL big-endian,
# PostgreSQL float8 in the machine's order.
MARK = 13.37
MARK_BYTES = {"sqlite": struct.pack(">d", MARK), "postgresql": struct.pack("=d", MARK)}


@pytest.fixture
def two_members(store, make_data, make_score, make_history):
    store.import_export(
        make_data("Zelda Forgetme", OCT15, "zelda"),
        score=make_score(OCT15, (MARK, 9.0, 9.0, 9.0)),
        history=make_history({date(2026, 10, 4): 30.0, date(2026, 10, 11): 31.0}),
    )
    store.add_official("Zelda Forgetme", OfficialEntry(as_of=OCT15, total=44, brand=MARK))
    store.import_export(
        make_data("Bert Keepme", OCT15, "bert"),
        score=make_score(OCT15, (10.0, 10.0, 10.0, 10.0)),
        history=make_history({date(2026, 10, 11): 39.0}),
    )
    return store


def test_forget_deletes_the_member_and_everything_derived(two_members, db_url, counts):
    result = two_members.forget("zelda forgetme")

    assert result.to_dict() == {
        "member": "Zelda Forgetme", "imports": 1, "snapshots": 1, "history": 2,
        "official_readings": 1,
    }  # fmt: skip
    assert counts() == {
        "members": 1, "imports": 1, "snapshots": 1, "history": 1, "official_readings": 0,
    }  # fmt: skip
    ids = {row[0] for row in execute(db_url, "SELECT id FROM members")}
    for table in ("imports", "snapshots", "history", "official_readings"):
        referenced = {row[0] for row in execute(db_url, f"SELECT member_id FROM {table}")}
        assert referenced <= ids, table
    assert two_members.members()["member"].tolist() == ["Bert Keepme"]
    assert two_members.team()["member"].tolist() == ["Bert Keepme"]


def test_forgotten_values_are_gone_from_the_file(two_members, raw_bytes, backend):
    before = raw_bytes()
    assert b"Zelda Forgetme" in before
    assert MARK_BYTES[backend] in before

    two_members.forget("Zelda Forgetme")

    after = raw_bytes()
    assert b"Zelda Forgetme" not in after
    assert b"Forgetme" not in after
    assert MARK_BYTES[backend] not in after
    assert b"zelda" not in after  # the content hash of the import
    assert b"Bert Keepme" in after


def test_forgetting_an_unknown_member_changes_nothing(two_members, counts):
    before = counts()

    with pytest.raises(StoreError) as caught:
        two_members.forget("Nobody Here")

    assert caught.value.code == "error.store.unknown_member"
    assert "Nobody Here" in str(caught.value)
    assert counts() == before
