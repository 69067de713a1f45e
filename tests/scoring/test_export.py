"""One way to build a typed frame: ``typed_frame``, ``empty_frame`` and ``export_from_rows``."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from scoring.export import COLUMNS, empty_frame, export_from_rows, typed_frame


def test_typed_frame_fills_left_out_columns_and_types_every_column() -> None:
    frame = typed_frame(
        "invitations",
        {"at": ["2026-10-01", "2026-10-02 14:03:00"], "direction": ["OUTGOING", None]},
    )
    assert list(frame.columns) == list(COLUMNS["invitations"])
    assert frame["at"].tolist() == [
        pd.Timestamp("2026-10-01", tz="UTC"),
        pd.Timestamp("2026-10-02 14:03", tz="UTC"),
    ]
    assert frame["direction"].iloc[0] == "OUTGOING" and frame["direction"].isna().iloc[1]
    assert frame["has_message"].tolist() == [False, False]
    assert [str(t) for t in frame.dtypes] == [
        "datetime64[ns, UTC]", "string", "bool", "string", "string"
    ]  # fmt: skip


def test_typed_frame_refuses_an_unknown_column() -> None:
    with pytest.raises(KeyError, match="lnk"):
        typed_frame("shares", {"lnk": ["x"]})


def test_empty_frame_is_a_fresh_copy_each_time() -> None:
    first = empty_frame("votes")
    first["extra"] = []
    assert list(empty_frame("votes").columns) == ["at", "link"]
    assert typed_frame("votes", {}).equals(empty_frame("votes"))


def test_export_from_rows_holds_every_kind_and_marks_the_given_ones_present() -> None:
    data = export_from_rows(
        export_date=date(2026, 10, 15), profile={"headline": "Sales"}, votes={"at": ["2026-10-01"]}
    )
    assert set(data.frames) == set(COLUMNS)
    assert data.present == {"votes", "profile"}
    assert data.frame("profile")["headline"].tolist() == ["Sales"]
    assert data.frame("shares").empty and len(data.frame("votes")) == 1
