"""The result table: columns, batch percentiles, formula-safe CSV and Parquet, all or nothing."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from scoring.batch import results_frame, write_results
from scoring.batch.jobs import MemberOutcome
from scoring.batch.output import batch_percentiles, result_columns
from scoring.errors import InputError


def test_batch_percentiles_are_mid_ranks_among_scored_members():
    totals = np.array([10.0, 30.0, np.nan, 30.0, 50.0])

    # 4 scored: 10 → (0+1)/2/4, 30 (twice) → (1+3)/2/4, 50 → (3+4)/2/4
    assert batch_percentiles(totals).tolist()[:2] == [12.5, 50.0]
    assert np.isnan(batch_percentiles(totals)[2])
    assert batch_percentiles(totals).tolist()[3:] == [50.0, 87.5]
    assert np.isnan(batch_percentiles(np.array([np.nan]))).all()


def test_columns_follow_the_model_and_end_with_the_comparisons():
    columns = result_columns()

    assert columns[:7] == [
        "member",
        "as_of",
        "total",
        "brand",
        "people",
        "insights",
        "relationships",
    ]
    assert columns[-4:] == ["percentile_batch", "industry_group", "percentile_industry", "error"]
    points = [c for c in columns if c.startswith("points.")]
    values = [c for c in columns if c.startswith("value.")]
    assert len(points) == len(values) == 27
    assert points[0] == "points.profile_completeness"


def _frame() -> pd.DataFrame:
    outcomes = [
        MemberOutcome('=HYPERLINK("x")', row={"total": 40.0}),
        MemberOutcome("-1+2", error={"en": "@bad", "de": "@schlecht"}),
        MemberOutcome("Zoë", row={"total": 60.0}),
    ]
    return results_frame(outcomes, "de")


def test_csv_cells_that_a_spreadsheet_would_run_are_quoted(tmp_path):
    path = tmp_path / "out.csv"

    write_results(_frame(), path)
    back = pd.read_csv(path, dtype=str, keep_default_na=False)

    assert back["member"].tolist() == ['\'=HYPERLINK("x")', "'-1+2", "Zoë"]
    assert back["error"].tolist() == ["", "'@schlecht", ""]
    assert back["total"].tolist() == ["40.0", "", "60.0"]
    assert back["percentile_batch"].tolist() == ["25.0", "", "75.0"]


def test_parquet_keeps_the_values_as_they_are(tmp_path):
    path = tmp_path / "out.parquet"

    write_results(_frame(), path)
    back = pd.read_parquet(path)

    assert back["member"].tolist()[0] == '=HYPERLINK("x")'
    assert back["total"].tolist()[2] == 60.0
    assert list(back.columns) == result_columns()


def test_another_suffix_is_refused_and_nothing_is_written(tmp_path):
    with pytest.raises(InputError) as caught:
        write_results(_frame(), tmp_path / "out.xlsx")

    assert caught.value.code == "error.batch.out_suffix"
    assert list(tmp_path.iterdir()) == []
