"""A batch that is not stored reads only the columns the grouped pass uses.

The other text columns (contacts' keys, links, titles, names) stay unread; a row
whose read columns are all empty is looked up in the unread ones, because it
still counts as an event when one of them has a value; a stored batch reads
every column, so that each member's export is kept whole.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from scoring.batch import batch_jobs, results_frame, score_batch
from scoring.batch.member import score_jobs
from scoring.batch.table import MODEL_COLUMNS, EventBatch

ROWS = [
    # Ana: her first profile row has only a first name, so it is the row the reader
    # takes (no industry: ranked among all industries); one recommendation and one
    # article whose only value is an unread text; two messages with a sender key
    {"member": "Ana", "kind": "profile", "first_name": "Ana"},
    {"member": "Ana", "kind": "profile", "industry": "Software Development"},
    {"member": "Ana", "kind": "recommendations_received", "job_title": "CEO"},
    {"member": "Ana", "kind": "articles", "title": "Why we sell"},
    {"member": "Ana", "kind": "messages", "at": "2026-10-01T09:00:00Z", "conversation_id": "c1",
     "sender_key": "s1", "from_owner": "false"},
    {"member": "Ana", "kind": "messages", "at": "2026-10-01T10:00:00Z", "conversation_id": "c1",
     "sender_key": "s0", "from_owner": "true"},
    # Ben: a profile with an industry, an empty comments file, one search
    {"member": "Ben", "kind": "profile", "industry": "Software Development"},
    {"member": "Ben", "kind": "comments"},
    {"member": "Ben", "kind": "search_queries", "at": "2026-10-02"},
]  # fmt: skip


@pytest.fixture(params=[".parquet", ".csv"])
def table_path(request, tmp_path):
    frame = pd.DataFrame(ROWS).astype("string")
    frame["export_date"] = "2026-10-15"
    path = tmp_path / f"events{request.param}"
    if request.param == ".csv":
        frame.to_csv(path, index=False)
    else:
        frame.to_parquet(path)
    return path


def test_only_the_model_columns_are_read_and_the_rest_is_named(table_path):
    jobs = batch_jobs(table_path)

    assert isinstance(jobs, EventBatch)
    assert set(jobs.unread) == {"first_name", "job_title", "title", "sender_key"}
    assert not set(jobs.unread) & MODEL_COLUMNS
    messages, _ = jobs.kinds["messages"]
    assert messages["sender_key"].isna().all()
    assert messages["conversation_id"].tolist() == ["c1", "c1"]


def test_rows_with_only_unread_values_still_count(table_path):
    frame = results_frame(score_batch(batch_jobs(table_path))).set_index("member")

    # the first-name row is Ana's profile: no industry there
    assert frame.loc["Ana", "industry_group"] == "All industries"
    assert frame.loc["Ben", "industry_group"] == "Software Development"
    assert frame.loc["Ana", "value.recommendations"] == 1
    assert frame.loc["Ana", "value.articles"] == 1
    # one message of someone else answered within the hour: 1 of 1 conversation
    assert frame.loc["Ana", "value.replies"] == 1
    assert frame.loc["Ben", "value.comments"] == 0


def test_the_lean_read_scores_as_the_whole_read_and_member_by_member(table_path):
    lean = results_frame(score_batch(batch_jobs(table_path)))
    whole_jobs = batch_jobs(table_path, every_column=True)
    whole = results_frame(score_batch(whole_jobs))
    reference = results_frame(score_jobs(list(whole_jobs), None, keep=False))

    assert whole_jobs.unread == ()
    pd.testing.assert_frame_equal(lean, whole, check_exact=True)
    pd.testing.assert_frame_equal(lean, reference, check_exact=True)


def test_a_stored_batch_keeps_every_column_of_each_export(table_path):
    outcomes = score_batch(batch_jobs(table_path), keep=True)

    ana = outcomes[0].data
    assert ana.frame("messages")["sender_key"].tolist() == ["s1", "s0"]
    assert ana.frame("articles")["title"].tolist() == ["Why we sell"]
    assert ana.profile.first_name == "Ana"
    assert outcomes[0].row["value.articles"] == 1


def test_a_part_cannot_read_the_unread_columns(table_path):
    batch = batch_jobs(table_path)

    with pytest.raises(ValueError, match="part"):
        batch.part(0, 1).every_column()


def test_parquet_moments_are_typed_in_utc_and_out_of_range_ones_reported(tmp_path):
    table = pa.table(
        {
            "member": ["Ana", "Ana", "Ben"],
            "kind": ["shares", "search_queries", "search_queries"],
            # 1 Oct 2026 12:00 UTC, stored as 14:00 in Berlin
            "at": pa.array([1_790_856_000, None, None], pa.timestamp("s", tz="Europe/Berlin")),
            "export_date": pa.array([dt.date(2026, 10, 15)] * 2 + [dt.date(3000, 1, 1)]),
        }
    )
    path = tmp_path / "events.parquet"
    pq.write_table(table, path)

    ana, ben = batch_jobs(path)

    shares = ana.data.frame("shares")
    assert shares["at"].tolist() == [pd.Timestamp("2026-10-01 12:00", tz="UTC")]
    assert str(shares["at"].dtype) == "datetime64[ns, UTC]"
    assert ana.data.export_date == dt.date(2026, 10, 15)
    # the year 3000 does not fit in nanoseconds: Ben's date cannot be read
    assert ben.problem is not None
    assert ben.problem["en"].startswith("“3000-01-01” in column export_date")
