"""The one table formatter and the JSON writer of the CLI."""

from __future__ import annotations

from datetime import date

import numpy as np

from scoring.cli.output import format_table, json_text


def test_columns_are_padded_to_the_widest_cell_numbers_on_the_right():
    table = format_table(["Name", "Rows"], [["Shares.csv", "7"], ["Comments.csv", "1,234"]], {1})

    assert table.splitlines() == [
        "Name           Rows",  # 12 wide, two spaces, then right-aligned in 5
        "Shares.csv        7",
        "Comments.csv  1,234",
    ]


def test_left_aligned_cells_leave_no_trailing_spaces():
    table = format_table(["Member", "Industry"], [["Ann", ""], ["Bo", "Banking"]])

    assert table.splitlines() == ["Member  Industry", "Ann", "Bo      Banking"]


def test_json_writes_dates_as_iso_text_and_numpy_numbers_as_numbers():
    text = json_text({"as_of": date(2026, 10, 15), "total": np.float64(0.8), "n": np.int64(3)})

    assert text == '{\n  "as_of": "2026-10-15",\n  "total": 0.8,\n  "n": 3\n}'
