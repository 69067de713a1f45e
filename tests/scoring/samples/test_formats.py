"""Each file's date shape, rendered exactly as the export documentation shows it."""

from __future__ import annotations

import csv
import io

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from scoring.samples import formats
from scoring.samples.activity import wrap_share_lines


def one(stamp: str) -> pd.Series:
    return pd.Series([pd.Timestamp(stamp)])


def test_invitation_shape_has_no_padding_and_a_twelve_hour_clock():
    assert formats.us_short(one("2026-01-29 14:37:00"))[0] == "1/29/26, 2:37 PM"
    # Midnight and noon are 12 on a twelve-hour clock.
    assert formats.us_short(one("2025-12-01 00:05:00"))[0] == "12/1/25, 12:05 AM"
    assert formats.us_short(one("2025-07-04 12:00:00"))[0] == "7/4/25, 12:00 PM"


def test_recommendation_shape_is_zero_padded():
    assert formats.us_short_padded(one("2024-12-05 10:15:00"))[0] == "12/05/24, 10:15 AM"
    assert formats.us_short_padded(one("2022-03-18 16:40:00"))[0] == "03/18/22, 04:40 PM"


def test_connection_and_month_shapes():
    assert formats.day_month_year(one("2026-02-08 09:00:00"))[0] == "08 Feb 2026"
    assert formats.month_year(one("2023-08-01"))[0] == "Aug 2023"
    assert formats.month_day_year(one("2023-05-12"))[0] == "May 12, 2023"


def test_machine_shapes():
    stamp = one("2025-06-01 14:03:22")
    assert formats.iso_space(stamp)[0] == "2025-06-01 14:03:22"
    assert formats.iso_space_utc(stamp)[0] == "2025-06-01 14:03:22 UTC"
    assert formats.slash_utc(stamp)[0] == "2025/06/01 14:03:22 UTC"
    assert formats.iso_t(stamp)[0] == "2025-06-01T14:03:22"
    assert formats.minute_utc(stamp)[0] == "2025-06-01 14:03 UTC"
    assert formats.article_stamp(one("2025-11-21 17:31:01"))[0] == "2025-11-21 17_31_01.0"


def test_company_follow_shape_names_the_weekday():
    # 1 Aug 2022 was a Monday, so the 16th was a Tuesday.
    assert formats.java_date(one("2022-08-16 12:34:56"))[0] == "Tue Aug 16 12:34:56 UTC 2022"


def test_rich_media_sentence_and_event_span():
    sentence = formats.uploaded_sentence(one("2025-03-09 09:04:00"), pd.Series(["a feed photo"]))
    assert sentence[0] == "You uploaded a feed photo on March 9, 2025 at 9:04 AM (GMT)"
    span = formats.event_span(one("2024-09-12 18:00"), one("2024-09-12 19:00"))
    assert span[0] == "Sep 12, 2024 06:00 PM - Sep 12, 2024 07:00 PM"


# Two-digit years pivot at 69 (strptime reads 69 as 1969), so stay within 2001-2068.
@given(st.datetimes(min_value=pd.Timestamp("2001-01-01"), max_value=pd.Timestamp("2068-12-31")))
def test_invitation_shape_parses_back_to_the_same_minute(moment):
    stamp = pd.Timestamp(moment).floor("min")
    text = formats.us_short(pd.Series([stamp]))[0]
    assert pd.to_datetime(text, format="%m/%d/%y, %I:%M %p") == stamp


def test_share_wrapping_survives_a_csv_round_trip():
    wrapped = wrap_share_lines(pd.Series(["Hello\n\nWorld", "single line"]))
    # Each line in quotes, the blank line as "": the shape the documentation shows.
    assert wrapped.tolist() == ['"Hello"\n""\n"World"', "single line"]
    raw = formats.csv_bytes(pd.DataFrame({"ShareCommentary": wrapped})).decode()
    assert raw == 'ShareCommentary\n"""Hello""\n""""\n""World"""\nsingle line\n'
    parsed = [row[0] for row in csv.reader(io.StringIO(raw))][1:]
    # The reader's recipe: replace "\n" by a newline, trim the outer quotes.
    assert parsed[0].replace('"\n"', "\n").strip('"') == "Hello\n\nWorld"


def test_csv_bytes_quirks():
    frame = pd.DataFrame({"A": ["x", "y"]})
    assert formats.csv_bytes(frame, final_newline=False) == b"A\nx\ny"
    utf16 = formats.csv_bytes(
        frame,
        sep="\t",
        quoting=csv.QUOTE_ALL,
        encoding="utf-16-le",
        bom=True,
        lineterminator="\r\n",
    )
    assert utf16 == '\ufeff"A"\r\n"x"\r\n"y"\r\n'.encode("utf-16-le")
    assert utf16[:2] == b"\xff\xfe"
