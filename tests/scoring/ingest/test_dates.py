"""Every date shape of real exports parses to the same UTC instant."""

from __future__ import annotations

from datetime import datetime

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from scoring.ingest.dates import FORMATS, parse_dates


def parse_one(text: str) -> pd.Timestamp:
    return parse_dates(pd.Series([text], dtype="string")).values.iloc[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-06-01 14:03:22 UTC", "2025-06-01 14:03:22"),  # messages
        ("2025-07-01 14:33:22", "2025-07-01 14:33:22"),  # Shares, Comments, Reactions
        ("08 Feb 2026", "2026-02-08"),  # Connections
        ("1/29/26, 2:37 PM", "2026-01-29 14:37"),  # Invitations
        ("9/9/18, 9:05 PM", "2018-09-09 21:05"),  # 2018 Connections
        ("12/05/24, 10:15 AM", "2024-12-05 10:15"),  # Recommendations
        ("2023/07/01 12:00:00 UTC", "2023-07-01 12:00"),  # Endorsements, SearchQueries
        ("Aug 2023", "2023-08-01"),  # Positions
        ("2019", "2019-01-01"),  # Education
        ("May 12, 2023", "2023-05-12"),  # Publications
        ("Tue Aug 16 12:34:56 UTC 2022", "2022-08-16 12:34:56"),  # Company Follows
        ("2023-05-01 14:22 UTC", "2023-05-01 14:22"),  # Learning
        ("Sep 12, 2024 06:00 PM", "2024-09-12 18:00"),  # Events (start part)
        ("March 9, 2025 9:04 AM", "2025-03-09 09:04"),  # Rich_Media, extracted
        ("2024-03-01T10:00:00", "2024-03-01 10:00"),  # Hashtag_Follows
        ("2024-05-02T11:00:00.000", "2024-05-02 11:00"),  # Saved_Items
        ("2024-03-01T10:00:00+01:00", "2024-03-01 09:00"),  # ISO with an offset
        ("9-Sep-22", "2022-09-09"),  # Excel re-save
        ("09.09.2022 21:05", "2022-09-09 21:05"),  # German Excel
    ],
)
def test_each_shape(text, expected):
    assert parse_one(text) == pd.Timestamp(expected, tz="UTC")


def test_placeholders_are_missing_and_junk_is_unreadable():
    parsed = parse_dates(pd.Series(["N/A", "", "-", "soon", "1850-01-01 00:00:00", "2025-01-01"]))
    assert parsed.missing.tolist() == [True, True, True, False, False, False]
    # 1850 is outside what the reader accepts as a real date
    assert parsed.unreadable.tolist() == [False, False, False, True, True, False]
    assert parsed.values.isna().tolist() == [True, True, True, True, True, False]
    assert str(parsed.values.dtype) == "datetime64[ns, UTC]"


def test_mixed_shapes_in_one_column():
    parsed = parse_dates(pd.Series(["08 Feb 2026", "9-Sep-22", "9/9/18, 9:05 PM"] * 30))
    assert parsed.values.iloc[:3].tolist() == [
        pd.Timestamp("2026-02-08", tz="UTC"),
        pd.Timestamp("2022-09-09", tz="UTC"),
        pd.Timestamp("2018-09-09 21:05", tz="UTC"),
    ]
    assert not parsed.unreadable.any()


# Two-digit years (9-Sep-22, 9/9/18) mean 1969-2068, as in Excel and strptime.
moments = st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2068, 12, 31))


def us_short(moment: datetime) -> str:
    hour = moment.hour % 12 or 12
    ampm = "AM" if moment.hour < 12 else "PM"
    return f"{moment.month}/{moment.day}/{moment:%y}, {hour}:{moment:%M} {ampm}"


@pytest.mark.slow
@given(moment=moments)
def test_every_shape_round_trips(moment):
    minute = pd.Timestamp(moment.replace(second=0, microsecond=0), tz="UTC")
    second = pd.Timestamp(moment.replace(microsecond=0), tz="UTC")
    day = pd.Timestamp(moment.date(), tz="UTC")
    cases = {
        f"{moment:%Y-%m-%d %H:%M:%S} UTC": second,
        f"{moment:%Y-%m-%d %H:%M:%S}": second,
        f"{moment:%Y/%m/%d %H:%M:%S} UTC": second,
        f"{moment:%a %b %d %H:%M:%S} UTC {moment:%Y}": second,
        f"{moment:%d %b %Y}": day,
        us_short(moment): minute,
        f"{moment:%Y-%m-%d %H:%M} UTC": minute,
        f"{moment:%b} {moment.day}, {moment:%Y}": day,
        f"{moment.day}-{moment:%b-%y}": day,
    }
    parsed = parse_dates(pd.Series(list(cases)))
    assert parsed.values.tolist() == list(cases.values())


def test_no_two_formats_read_one_string_as_different_moments():
    # Why a kind's expected format may be tried alone: whichever of FORMATS reads a
    # string, it reads the same moment.
    moment = pd.Timestamp("2024-03-05 14:07:09")
    written = {moment.strftime(fmt) for fmt in FORMATS if fmt != "ISO8601"}
    written |= {"05-Mar-24", "2024", "Mar 2024", "03/05/24", "2024-03-05T14:07:09Z"}
    for text in sorted(written):
        read = {
            fmt: pd.to_datetime(pd.Index([text]), format=fmt, errors="coerce", utc=True)[0]
            for fmt in FORMATS
        }
        moments = {value for value in read.values() if not pd.isna(value)}
        moments = {value for value in moments if 1900 <= value.year < 2200}
        assert len(moments) <= 1, (text, read)


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        (["2025-06-01 14:03:22 UTC", "", "2024-01-31 00:00:00"] * 20, ("%Y-%m-%d %H:%M:%S",)),
        (["08 Feb 2026", "9/9/18, 9:05 PM", "N/A", "soon"] * 20, ("%d %b %Y",)),  # mixed
        (["08 Feb 2026", "1850-01-01 00:00:00"] * 20, ("%d %b %Y", "%Y-%m-%d %H:%M:%S")),
    ],
)
def test_an_expected_format_gives_what_trying_every_format_gives(cells, expected):
    raw = pd.Series(cells, dtype="string")
    fast, general = parse_dates(raw, expected=expected), parse_dates(raw)
    assert fast.values.equals(general.values)
    assert fast.missing.equals(general.missing)
    assert fast.unreadable.equals(general.unreadable)
    # hand-checked: the first cell of each column
    first = {"2025": "2025-06-01 14:03:22", "08 F": "2026-02-08 00:00:00"}[cells[0][:4]]
    assert fast.values.iloc[0] == pd.Timestamp(first, tz="UTC")
