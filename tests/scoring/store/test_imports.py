"""Importing exports: what is stored, idempotency, the history rule, one transaction."""

from __future__ import annotations

import itertools
from datetime import date

import pandas as pd
import pytest

from scoring.errors import InputError, StoreError
from scoring.store import Store

OCT15 = date(2026, 10, 15)
SEP15 = date(2026, 9, 15)


def test_import_stores_member_import_snapshot_and_history(
    store, make_data, make_score, make_history
):
    data = make_data("Anna Example", OCT15, "h1")
    score = make_score(OCT15, (12.5, 8.25, 6.0, 15.0))
    history = make_history({date(2026, 10, 4): 40.0, date(2026, 10, 11): 41.0})

    result = store.import_export(data, score=score, history=history)

    # 12.5 + 8.25 + 6.0 + 15.0 = 41.75
    assert (result.status, result.member, result.total) == ("imported", "Anna Example", 41.75)
    assert (result.history_added, result.history_replaced, result.history_kept) == (2, 0, 0)
    snaps = store.snapshots("Anna Example")
    assert snaps[["as_of", "total", "brand", "people", "insights", "relationships"]].to_dict(
        "records"
    ) == [
        {
            "as_of": OCT15,
            "total": 41.75,
            "brand": 12.5,
            "people": 8.25,
            "insights": 6.0,
            "relationships": 15.0,
        }
    ]
    assert store.history("Anna Example").to_dict("records") == [
        # 40 / 4 = 10 per pillar; 41 / 4 = 10.25
        {"as_of": date(2026, 10, 4), "total": 40.0, "brand": 10.0, "people": 10.0,
         "insights": 10.0, "relationships": 10.0},
        {"as_of": date(2026, 10, 11), "total": 41.0, "brand": 10.25, "people": 10.25,
         "insights": 10.25, "relationships": 10.25},
    ]  # fmt: skip
    imports = store.imports("Anna Example").iloc[0]
    assert imports["content_hash"] == "h1"
    assert imports["export_date"] == OCT15
    assert imports["archive_name"] == "Complete_h1.zip"  # the folder it came from is not kept
    assert imports["files"] == [
        {
            "file": "Shares.csv",
            "kind": "shares",
            "rows": 1,
            "skipped": 0,
            "skip_reasons": {},
            "warnings": [{"key": "ingest.warning.header_only", "params": {}}],
        }
    ]
    members = store.members()
    assert members.to_dict("records") == [
        {
            "member": "Anna Example",
            "industry": "Information Technology",
            "imports": 1,
            "last_export": OCT15,
        }
    ]


def test_stored_score_reads_back_equal(store, make_data, make_score, make_history):
    score = make_score(OCT15, (12.5, 8.25, 6.0, 15.0))
    store.import_export(
        make_data("Anna Example", OCT15, "h1"), score=score, history=make_history({})
    )

    assert store.snapshot_score("anna example") == score
    assert store.snapshot_score("Anna Example", OCT15) == score


def test_same_export_twice_adds_nothing(store, counts, make_data, make_score, make_history):
    data = make_data("Anna Example", OCT15, "h1")
    first = store.import_export(
        data, score=make_score(OCT15, (10, 10, 10, 10)), history=make_history({SEP15: 30.0})
    )
    before = counts()

    again = store.import_export(data, score=make_score(OCT15, (1, 1, 1, 1)))

    assert again.status == "already_imported"
    assert (again.import_id, again.total, again.member) == (first.import_id, 40.0, "Anna Example")
    assert counts() == before


def test_same_export_under_another_name_names_its_owner(store, make_data, make_score, make_history):
    data = make_data("Anna Example", OCT15, "h1")
    store.import_export(data, score=make_score(OCT15, (10, 10, 10, 10)), history=make_history({}))

    again = store.import_export(data, "Bert Other", score=make_score(OCT15, (1, 1, 1, 1)))

    assert (again.status, again.member) == ("already_imported", "Anna Example")
    assert store.members()["member"].tolist() == ["Anna Example"]


NEWER = ("new", OCT15, {date(2026, 9, 27): 50.0, date(2026, 10, 4): 51.0, date(2026, 10, 11): 52.0})
OLDER = ("old", date(2026, 10, 5), {date(2026, 9, 13): 40.0, date(2026, 9, 20): 41.0,
                                    date(2026, 9, 27): 42.0, date(2026, 10, 4): 43.0})  # fmt: skip
OLDEST = ("oldest", SEP15, {date(2026, 8, 30): 35.0, date(2026, 9, 13): 36.0})
#: OLDER's dates before NEWER starts, then NEWER's values.
NEWER_OVER_OLDER = {
    date(2026, 9, 13): 40.0,
    date(2026, 9, 20): 41.0,
    date(2026, 9, 27): 50.0,
    date(2026, 10, 4): 51.0,
    date(2026, 10, 11): 52.0,
}


def _import(store, make_data, make_score, make_history, spec):
    content_hash, export_date, rows = spec
    return store.import_export(
        make_data("Anna Example", export_date, content_hash),
        score=make_score(export_date, (10, 10, 10, 10)),
        history=make_history(rows),
    )


def test_older_export_after_newer_only_fills_gaps(store, make_data, make_score, make_history):
    _import(store, make_data, make_score, make_history, NEWER)

    result = _import(store, make_data, make_score, make_history, OLDER)

    # Sep 13 and Sep 20 are new; Sep 27 and Oct 4 stay as the newer export wrote them.
    assert (result.history_added, result.history_replaced, result.history_kept) == (2, 0, 2)
    history = store.history("Anna Example")
    assert dict(zip(history["as_of"], history["total"], strict=True)) == NEWER_OVER_OLDER


def test_newer_export_after_older_replaces_overlap(store, make_data, make_score, make_history):
    _import(store, make_data, make_score, make_history, OLDER)

    result = _import(store, make_data, make_score, make_history, NEWER)

    # Oct 11 is new; Sep 27 and Oct 4 came from the older export and are replaced.
    assert (result.history_added, result.history_replaced, result.history_kept) == (1, 2, 0)


@pytest.mark.parametrize("order", list(itertools.permutations((NEWER, OLDER, OLDEST))))
def test_history_does_not_depend_on_import_order(
    tmp_path, make_data, make_score, make_history, order
):
    with Store(f"sqlite:///{tmp_path / 'ssi.sqlite'}") as store:
        for spec in order:
            _import(store, make_data, make_score, make_history, spec)
        history = store.history("Anna Example")

    # Each date holds the value of the newest export covering it: OLDEST wins only Aug 30
    # (its Sep 13 is OLDER's), then as NEWER_OVER_OLDER.
    assert dict(zip(history["as_of"], history["total"], strict=True)) == {
        date(2026, 8, 30): 35.0,
        **NEWER_OVER_OLDER,
    }


def test_complete_archive_beats_basic_of_the_same_day(store, make_data, make_score, make_history):
    week = date(2026, 10, 11)
    basic = make_data("Anna Example", OCT15, "basic", kind="basic")
    complete = make_data("Anna Example", OCT15, "complete")
    store.import_export(
        basic, score=make_score(OCT15, (5, 5, 0, 5)), history=make_history({week: 15.0})
    )

    result = store.import_export(
        complete, score=make_score(OCT15, (9, 9, 9, 9)), history=make_history({week: 36.0})
    )
    late_basic = store.import_export(
        make_data("Anna Example", OCT15, "basic-again", kind="basic"),
        score=make_score(OCT15, (5, 5, 0, 5)),
        history=make_history({week: 15.0}),
    )

    assert result.history_replaced == 1
    assert late_basic.history_kept == 1
    assert store.history("Anna Example")["total"].tolist() == [36.0]
    # Three snapshots on one day; the timeline and the stored score show the Complete one.
    assert len(store.snapshots("Anna Example")) == 3
    assert store.snapshot_score("Anna Example").total == 36.0
    timeline = store.timeline("Anna Example")
    assert timeline.loc[timeline["source"] == "snapshot", "total"].tolist() == [36.0]


def test_failure_mid_import_leaves_no_rows(
    store, counts, make_data, make_score, make_history, monkeypatch
):
    store.import_export(
        make_data("Anna Example", SEP15, "first"),
        score=make_score(SEP15, (10, 10, 10, 10)),
        history=make_history({date(2026, 9, 13): 40.0}),
    )
    before = counts()
    written = []
    original = Store._merge_history

    def merge_then_fail(self, session, member_id, record, rows):
        written.append(original(self, session, member_id, record, rows))
        raise RuntimeError("disk pulled out")

    monkeypatch.setattr(Store, "_merge_history", merge_then_fail)

    with pytest.raises(RuntimeError, match="disk pulled out"):
        store.import_export(
            make_data("Bert Other", OCT15, "second"),
            score=make_score(OCT15, (10, 10, 10, 10)),
            history=make_history({date(2026, 10, 4): 40.0, date(2026, 10, 11): 41.0}),
        )

    # The member, the import, the snapshot and two history rows had been written…
    assert written == [(2, 0, 0)]
    # …and none of them is left.
    assert counts() == before
    assert store.members()["member"].tolist() == ["Anna Example"]


def test_database_error_mid_import_is_a_store_error(
    store, counts, make_data, make_score, monkeypatch
):
    from sqlalchemy.exc import OperationalError

    def fail(*_args):
        raise OperationalError("INSERT", {}, Exception("disk I/O error"))

    monkeypatch.setattr(Store, "_insert_snapshot", fail)

    with pytest.raises(StoreError) as caught:
        store.import_export(
            make_data("Anna Example", OCT15, "h1"),
            score=make_score(OCT15, (10, 10, 10, 10)),
            history=pd.DataFrame(
                columns=["as_of", "total", *("brand", "people", "insights", "relationships")]
            ),
        )

    assert caught.value.code == "error.store.failed"
    assert "disk I/O error" in str(caught.value)
    assert sum(counts().values()) == 0


def test_member_is_matched_ignoring_case_and_spaces(store, make_data, make_score, make_history):
    store.import_export(
        make_data("Anna Example", SEP15, "h1"),
        score=make_score(SEP15, (1, 1, 1, 1)),
        history=make_history({}),
    )

    result = store.import_export(
        make_data("Anna Example", OCT15, "h2"),
        "  anna   EXAMPLE ",
        score=make_score(OCT15, (2, 2, 2, 2)),
        history=make_history({}),
    )

    assert result.member == "Anna Example"
    assert store.members()["imports"].tolist() == [2]


def test_export_without_name_needs_a_member(store, make_data, make_score, make_history):
    with pytest.raises(StoreError) as caught:
        store.import_export(
            make_data(None, OCT15, "h1"),
            score=make_score(OCT15, (1, 1, 1, 1)),
            history=make_history({}),
        )
    assert caught.value.code == "error.store.no_member"
    assert "--member NAME" in str(caught.value)

    with pytest.raises(InputError):
        store.import_export(
            make_data(None, OCT15, "h1"), "x" * 201, score=make_score(OCT15, (1, 1, 1, 1))
        )


def test_industry_follows_the_newest_export(store, make_data, make_score, make_history):
    store.import_export(
        make_data("Anna Example", OCT15, "new", industry="Staffing"),
        score=make_score(OCT15, (1, 1, 1, 1)),
        history=make_history({}),
    )
    store.import_export(
        make_data("Anna Example", SEP15, "old", industry="Retail"),
        score=make_score(SEP15, (1, 1, 1, 1)),
        history=make_history({}),
    )

    assert store.members()["industry"].tolist() == ["Staffing"]


def test_export_without_content_hash_is_recognised_by_its_frames(
    store, make_data, make_score, make_history
):
    import dataclasses

    data = dataclasses.replace(make_data("Anna Example", OCT15, "x"), content_hash="")
    first = store.import_export(
        data, score=make_score(OCT15, (1, 1, 1, 1)), history=make_history({})
    )
    changed = dataclasses.replace(
        make_data("Anna Example", date(2026, 10, 16), "x"), content_hash=""
    )

    again = store.import_export(data, score=make_score(OCT15, (1, 1, 1, 1)))
    other = store.import_export(
        changed, score=make_score(OCT15, (1, 1, 1, 1)), history=make_history({})
    )

    assert len(first.content_hash) == 64
    assert again.status == "already_imported"
    assert other.status == "imported"


def test_results_say_what_happened_in_english_and_german(
    store, make_data, make_score, make_history
):
    data = make_data("Anna Example", OCT15, "h1")
    score = make_score(OCT15, (12.5, 8.25, 6.0, 15.0))
    done = store.import_export(data, score=score, history=make_history({SEP15: 30.0}))
    again = store.import_export(data)
    forgotten = store.forget("Anna Example")

    assert done.message("en") == (
        "Stored the export of 2026-10-15 for Anna Example: 41.8 out of 100; weekly history: "
        "1 new, 0 updated, 0 kept from a newer export."
    )
    assert done.message("de").startswith("Export vom 15.10.2026 für Anna Example gespeichert: 41,8")
    assert again.message("en") == (
        "The export of 2026-10-15 is already stored for Anna Example; nothing was added."
    )
    assert forgotten.message("en") == (
        "Deleted Anna Example with everything stored about them (imports: 1, scores: 1, "
        "history weeks: 1, official readings: 0)."
    )
