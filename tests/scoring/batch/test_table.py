"""The event-table form: typed once, split by member, each member scored like an export."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

from scoring.batch import batch_jobs, results_frame, score_batch
from scoring.batch.table import export_events, read_table, table_jobs
from scoring.errors import InputError
from scoring.export import COLUMNS
from scoring.ingest import read_export
from scoring.model import score_as_of
from scoring.samples import PERSONAS, sample_path


def test_each_member_gets_their_own_rows_counted_in_the_window(event_table, tmp_path):
    path = tmp_path / "events.csv"
    event_table.to_csv(path, index=False)

    frame = results_frame(score_batch(batch_jobs(path))).set_index("member")

    # 20 searches inside the 90 days before 15 Oct, the January one outside;
    # people_searches: 6 points * 20 / 200 (linear) = 0.6
    assert frame.loc["Ana", "value.people_searches"] == 20
    assert frame.loc["Ana", "points.people_searches"] == 0.6
    assert frame.loc["Ben", "value.people_searches"] == 60
    assert frame.loc["Ben", "points.people_searches"] == 1.8
    assert list(frame.index) == ["Ana", "Ben", "Cleo"]
    assert frame.loc["Ana", "as_of"] == "2026-10-15"


def test_a_bad_value_reports_only_its_member_in_english_and_german(event_table):
    jobs = table_jobs(pa.Table.from_pandas(event_table, preserve_index=False))
    outcomes = score_batch(jobs)

    cleo = outcomes[2]
    assert cleo.member == "Cleo"
    assert cleo.row == {}
    assert cleo.error["en"].startswith("“yesterday” in column at (kind search_queries)")
    assert cleo.error["de"].startswith("„yesterday“ in der Spalte at (Art search_queries)")
    assert [o.error for o in outcomes[:2]] == [None, None]
    frame = results_frame(outcomes, "de")
    assert frame["error"].iloc[2] == cleo.error["de"]
    # the batch percentile ranks the two scored members only: 1/4 and 3/4
    assert frame["percentile_batch"].tolist()[:2] == [25.0, 75.0]
    assert frame["percentile_batch"].isna().tolist() == [False, False, True]


def test_an_unknown_kind_reports_its_member():
    table = pa.table(
        {
            "member": ["Ana", "Ben"],
            "kind": ["search_queries", "telepathy"],
            "at": ["2026-10-01"] * 2,
        }
    )

    outcomes = score_batch(table_jobs(table))

    assert outcomes[0].error is None
    assert (
        outcomes[1].error["en"] == "The kind “telepathy” is unknown; docs/batch.md lists the kinds."
    )


def test_a_member_without_any_date_needs_as_of():
    table = pa.table({"member": ["Ana"], "kind": ["skills"], "name": ["Selling"]})

    assert table_jobs(table)[0].problem["en"].startswith("No dated event and no export_date")
    job = table_jobs(table, as_of=date(2026, 3, 1))[0]
    assert job.data.export_date == date(2026, 3, 1)
    assert job.data.frame("skills")["name"].tolist() == ["Selling"]


def test_a_row_with_only_member_and_kind_marks_the_file_present():
    table = pa.table(
        {
            "member": ["Ana", "Ana"],
            "kind": ["comments", "search_queries"],
            "at": [None, "2026-10-01"],
        }
    )

    data = table_jobs(table)[0].data

    assert data.has("comments") and data.has("search_queries")
    assert len(data.frame("comments")) == 0
    assert not data.has("shares")
    assert data.export_date == date(2026, 10, 1)


def test_values_are_typed_as_the_reader_types_them():
    table = pa.table(
        {
            "member": ["Ana"] * 3,
            "kind": ["shares"] * 3,
            "at": ["2026-10-01", "2026-10-02 08:30:00", "2026-10-03T23:00:00+02:00"],
            "has_media": ["TRUE", "false", None],
            "chars": ["12", None, "7"],
        }
    )

    shares = table_jobs(table)[0].data.frame("shares")

    assert shares["at"].dt.strftime("%Y-%m-%d %H:%M").tolist() == [
        "2026-10-01 00:00", "2026-10-02 08:30", "2026-10-03 21:00",
    ]  # fmt: skip
    assert shares["has_media"].tolist() == [True, False, False]
    assert shares["chars"].tolist() == [12, 0, 7]
    assert shares["is_reshare"].tolist() == [False, False, False]
    assert shares["link"].isna().all()
    assert str(shares["at"].dtype) == "datetime64[ns, UTC]"


@pytest.mark.parametrize(
    ("columns", "fragment"),
    [
        ({"member": ["Ana"], "at": ["2026-10-01"]}, "kind"),
        ({"member": ["Ana"], "kind": ["shares"], "colour": ["red"]}, "colour"),
    ],
)
def test_missing_or_unknown_columns_stop_the_whole_table(tmp_path, columns, fragment):
    path = tmp_path / "events.parquet"
    pd.DataFrame(columns).to_parquet(path)

    with pytest.raises(InputError) as caught:
        read_table(path)

    assert caught.value.code == "error.batch.table_columns"
    assert caught.value.params["columns"] == fragment


def test_rows_without_a_member_stop_the_whole_table(tmp_path):
    path = tmp_path / "events.csv"
    path.write_text("member,kind,at\nAna,shares,2026-10-01\n ,shares,2026-10-02\n,shares,\n")

    with pytest.raises(InputError) as caught:
        read_table(path)

    assert caught.value.params["rows"] == 2


@pytest.mark.slow
@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_the_samples_as_one_table_score_as_their_archives_do(tmp_path, suffix):
    exports = {persona: read_export([sample_path(persona)]) for persona in PERSONAS}
    table = pd.concat([export_events(d, p) for p, d in exports.items()], ignore_index=True)
    path = tmp_path / f"events{suffix}"
    if suffix == ".csv":
        table.to_csv(path, index=False)
    else:
        table.to_parquet(path)

    outcomes = {o.member: o for o in score_batch(batch_jobs(path))}

    for persona, data in exports.items():
        direct = score_as_of(data)
        assert outcomes[persona].row["total"] == direct.total
        assert {
            k: outcomes[persona].row[f"points.{k}"] for k in (m.key for m in direct.metrics())
        } == {m.key: m.points for m in direct.metrics()}


DOC = Path(__file__).resolve().parents[3] / "docs" / "batch.md"


def test_docs_list_every_kind_with_exactly_its_columns():
    rows = [line for line in DOC.read_text("utf-8").splitlines() if line.startswith("| `")]
    documented = {}
    for line in rows:
        kind, columns = (cell.strip() for cell in line.strip("|").split("|")[:2])
        if columns.startswith("`") and "(" in columns:
            documented[kind.strip("`")] = re.findall(r"`(\w+)` \((\w+)\)", columns)

    assert documented == {kind: list(cols.items()) for kind, cols in COLUMNS.items()}


def test_the_example_table_in_the_docs_scores(tmp_path):
    text = DOC.read_text("utf-8")
    example = text.split("```csv\nmember,kind")[1].split("```")[0]
    path = tmp_path / "events.csv"
    path.write_text("member,kind" + example, encoding="utf-8")

    (outcome,) = score_batch(batch_jobs(path))

    assert outcome.error is None
    assert outcome.row["as_of"] == "2026-10-02"
    assert outcome.row["industry_group"] == "Software Development"
    # one outgoing invitation in the window: 4 points * 1 / 90 (linear) = 0.04
    assert outcome.row["value.invitations_sent"] == 1
    assert outcome.row["points.invitations_sent"] == 0.04
    assert outcome.row["value.comments"] == 0
