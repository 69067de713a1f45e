"""Importing exports: what is stored, idempotency, the history rule, one transaction."""

from __future__ import annotations

import itertools
from datetime import date

import pandas as pd
import pytest
from builders import fixed_now

from scoring.errors import InputError, StoreError
from scoring.store import Store, export_hash, merge

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

    again = store.import_export(
        data, score=make_score(OCT15, (1, 1, 1, 1)), history=make_history({})
    )

    assert again.status == "already_imported"
    assert (again.import_id, again.total, again.member) == (first.import_id, 40.0, "Anna Example")
    assert counts() == before


def test_has_import_tells_callers_what_not_to_score_again(
    store, make_data, make_score, make_history
):
    data = make_data("Anna Example", OCT15, "h1")
    assert not store.has_import("h1")
    assert store.stored_import("h1") is None

    store.import_export(data, score=make_score(OCT15, (10, 10, 10, 10)), history=make_history({}))

    assert store.has_import(export_hash(data))
    known = store.stored_import("h1")
    assert (known.status, known.member, known.total) == ("already_imported", "Anna Example", 40.0)
    assert not store.has_import("h2")


def test_import_needs_the_score_and_history_from_the_caller(store, make_data, make_score):
    with pytest.raises(TypeError):
        store.import_export(make_data("Anna Example", OCT15, "h1"))  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        store.import_export(  # type: ignore[call-arg]
            make_data("Anna Example", OCT15, "h1"), score=make_score(OCT15, (1, 1, 1, 1))
        )
    assert store.members().empty


def test_same_export_under_another_name_names_its_owner(store, make_data, make_score, make_history):
    data = make_data("Anna Example", OCT15, "h1")
    store.import_export(data, score=make_score(OCT15, (10, 10, 10, 10)), history=make_history({}))

    again = store.import_export(
        data, "Bert Other", score=make_score(OCT15, (1, 1, 1, 1)), history=make_history({})
    )

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


@pytest.mark.slow
@pytest.mark.parametrize("order", list(itertools.permutations((NEWER, OLDER, OLDEST))))
def test_history_does_not_depend_on_import_order(
    db_url, make_data, make_score, make_history, order
):
    with Store(db_url, now=fixed_now) as store:
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
    original = merge.merge_history

    def merge_then_fail(session, member_id, record, rows):
        written.append(original(session, member_id, record, rows))
        raise RuntimeError("disk pulled out")

    monkeypatch.setattr(merge, "merge_history", merge_then_fail)

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

    monkeypatch.setattr(merge, "insert_snapshot", fail)

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
            make_data(None, OCT15, "h1"),
            "x" * 201,
            score=make_score(OCT15, (1, 1, 1, 1)),
            history=make_history({}),
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

    again = store.import_export(
        data, score=make_score(OCT15, (1, 1, 1, 1)), history=make_history({})
    )
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
    again = store.import_export(data, score=score, history=make_history({}))
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


# Thursday Oct 15: a Complete export; Tuesday Oct 20, five days later: a Basic one, which
# lacks the reactions and so scores lower. Each history is anchored on its export's weekday.
COMPLETE_THU = ("complete", OCT15, "complete", {date(2026, 9, 24): 72.1, date(2026, 10, 1): 72.9,
                date(2026, 10, 8): 73.4, OCT15: 73.85})  # fmt: skip
BASIC_TUE = ("basic", date(2026, 10, 20), "basic", {date(2026, 9, 29): 51.0,
             date(2026, 10, 6): 51.5, date(2026, 10, 13): 51.8,
             date(2026, 10, 20): 52.11})  # fmt: skip


def _import_kind(store, make_data, make_score, make_history, spec):
    content_hash, export_date, kind, rows = spec
    return store.import_export(
        make_data("Anna Example", export_date, content_hash, kind=kind),
        score=make_score(export_date, (10, 10, 10, 10)),
        history=make_history(rows),
    )


@pytest.mark.parametrize("order", [(COMPLETE_THU, BASIC_TUE), (BASIC_TUE, COMPLETE_THU)])
def test_exports_of_different_weekdays_share_one_weekly_calendar(
    store, make_data, make_score, make_history, order
):
    first, second = order
    _import_kind(store, make_data, make_score, make_history, first)

    result = _import_kind(store, make_data, make_score, make_history, second)

    history = store.history("Anna Example")
    # Weeks ending Sunday: Sep 27 (Complete's Sep 24 only), Oct 4 (Complete's Oct 1 beats
    # Basic's Sep 29), Oct 11 (Oct 8 beats Oct 6), Oct 18 (Oct 15 beats Oct 13), then
    # Oct 25, which only the newer Basic export reaches: one value a week, no interleaving.
    assert dict(zip(history["as_of"], history["total"], strict=True)) == {
        date(2026, 9, 24): 72.1,
        date(2026, 10, 1): 72.9,
        date(2026, 10, 8): 73.4,
        OCT15: 73.85,
        date(2026, 10, 20): 52.11,
    }
    if second is BASIC_TUE:
        # Basic second: Oct 25 is new, the three shared weeks stay Complete's.
        assert (result.history_added, result.history_replaced, result.history_kept) == (1, 0, 3)
    else:
        # Complete second: Sep 27 is new, the three shared weeks become Complete's.
        assert (result.history_added, result.history_replaced, result.history_kept) == (1, 3, 0)
