"""Vectorized renderings of timestamps in each export file's own date shape, and CSV bytes.

Month and weekday names come from fixed English tables, never from ``strftime``,
so the output does not depend on the machine's locale.
"""

from __future__ import annotations

import csv
import io

import numpy as np
import pandas as pd

MONTHS_SHORT = np.array(
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
)
MONTHS_LONG = np.array(
    ["January", "February", "March", "April", "May", "June", "July", "August", "September",
     "October", "November", "December"]
)  # fmt: skip
WEEKDAYS_SHORT = np.array(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"])


def _num(values: pd.Series, width: int = 0) -> pd.Series:
    text = values.astype("int64").astype(str)
    return text.str.zfill(width) if width else text


def _parts(ts: pd.Series) -> dict[str, pd.Series]:
    dt = pd.Series(pd.to_datetime(ts)).reset_index(drop=True).dt
    return {
        "y": dt.year, "m": dt.month, "d": dt.day, "H": dt.hour, "M": dt.minute,
        "S": dt.second, "wd": dt.day_of_week,
    }  # fmt: skip


def _ampm(hour: pd.Series) -> tuple[pd.Series, pd.Series]:
    h12 = (hour % 12).where(hour % 12 != 0, 12)
    return h12, pd.Series(np.where(hour < 12, "AM", "PM"), index=hour.index)


def _month(parts: dict[str, pd.Series], names: np.ndarray) -> pd.Series:
    return pd.Series(names[parts["m"].to_numpy() - 1], index=parts["m"].index)


def _ymd(p: dict[str, pd.Series], sep: str) -> pd.Series:
    return _num(p["y"], 4) + sep + _num(p["m"], 2) + sep + _num(p["d"], 2)


def _hms(p: dict[str, pd.Series], sep: str = ":") -> pd.Series:
    return _num(p["H"], 2) + sep + _num(p["M"], 2) + sep + _num(p["S"], 2)


def iso_space(ts: pd.Series) -> pd.Series:
    """``2025-07-01 14:33:22`` (Shares, Comments, Reactions, Votes, Member_Follows)."""
    p = _parts(ts)
    return _ymd(p, "-") + " " + _hms(p)


def iso_space_utc(ts: pd.Series) -> pd.Series:
    """``2025-06-01 14:03:22 UTC`` (messages.csv)."""
    return iso_space(ts) + " UTC"


def slash_utc(ts: pd.Series) -> pd.Series:
    """``2025/08/01 10:00:00 UTC`` (SearchQueries, endorsements)."""
    p = _parts(ts)
    return _ymd(p, "/") + " " + _hms(p) + " UTC"


def iso_t(ts: pd.Series) -> pd.Series:
    """``2024-03-01T10:00:00`` (Hashtag_Follows, Saved_Items: ISO without a zone)."""
    p = _parts(ts)
    return _ymd(p, "-") + "T" + _hms(p)


def day_month_year(ts: pd.Series) -> pd.Series:
    """``08 Feb 2026`` (Connections ``Connected On``)."""
    p = _parts(ts)
    return _num(p["d"], 2) + " " + _month(p, MONTHS_SHORT) + " " + _num(p["y"], 4)


def us_short(ts: pd.Series) -> pd.Series:
    """``1/29/26, 2:37 PM`` (Invitations, Jobs): no zero padding, two-digit year."""
    p = _parts(ts)
    h12, ampm = _ampm(p["H"])
    return (
        _num(p["m"]) + "/" + _num(p["d"]) + "/" + _num(p["y"] % 100, 2) + ", "
        + _num(h12) + ":" + _num(p["M"], 2) + " " + ampm
    )  # fmt: skip


def us_short_padded(ts: pd.Series) -> pd.Series:
    """``12/05/24, 10:15 AM`` (Recommendations ``Creation Date``)."""
    p = _parts(ts)
    h12, ampm = _ampm(p["H"])
    return (
        _num(p["m"], 2) + "/" + _num(p["d"], 2) + "/" + _num(p["y"] % 100, 2) + ", "
        + _num(h12, 2) + ":" + _num(p["M"], 2) + " " + ampm
    )  # fmt: skip


def month_year(ts: pd.Series) -> pd.Series:
    """``Aug 2023`` (Positions, Education, Certifications, Projects, Honors, Volunteering)."""
    p = _parts(ts)
    return _month(p, MONTHS_SHORT) + " " + _num(p["y"], 4)


def month_day_year(ts: pd.Series) -> pd.Series:
    """``May 12, 2023`` (Publications)."""
    p = _parts(ts)
    return _month(p, MONTHS_SHORT) + " " + _num(p["d"]) + ", " + _num(p["y"], 4)


def java_date(ts: pd.Series) -> pd.Series:
    """``Tue Aug 16 12:34:56 UTC 2022`` (Company Follows)."""
    p = _parts(ts)
    weekday = pd.Series(WEEKDAYS_SHORT[p["wd"].to_numpy()], index=p["wd"].index)
    return (
        weekday + " " + _month(p, MONTHS_SHORT) + " " + _num(p["d"], 2) + " " + _hms(p)
        + " UTC " + _num(p["y"], 4)
    )  # fmt: skip


def minute_utc(ts: pd.Series) -> pd.Series:
    """``2023-05-01 14:22 UTC`` (Learning)."""
    p = _parts(ts)
    return _ymd(p, "-") + " " + _num(p["H"], 2) + ":" + _num(p["M"], 2) + " UTC"


def event_span(start: pd.Series, end: pd.Series) -> pd.Series:
    """``Sep 12, 2024 06:00 PM - Sep 12, 2024 07:00 PM`` (Events)."""

    def one(ts: pd.Series) -> pd.Series:
        p = _parts(ts)
        h12, ampm = _ampm(p["H"])
        return (
            _month(p, MONTHS_SHORT) + " " + _num(p["d"], 2) + ", " + _num(p["y"], 4) + " "
            + _num(h12, 2) + ":" + _num(p["M"], 2) + " " + ampm
        )  # fmt: skip

    return one(start) + " - " + one(end)


def uploaded_sentence(ts: pd.Series, what: pd.Series) -> pd.Series:
    """``You uploaded a feed photo on March 9, 2025 at 9:04 AM (GMT)`` (Rich_Media)."""
    p = _parts(ts)
    h12, ampm = _ampm(p["H"])
    return (
        "You uploaded " + what.reset_index(drop=True) + " on " + _month(p, MONTHS_LONG) + " "
        + _num(p["d"]) + ", " + _num(p["y"], 4) + " at " + _num(h12) + ":" + _num(p["M"], 2)
        + " " + ampm + " (GMT)"
    )  # fmt: skip


def article_stamp(ts: pd.Series) -> pd.Series:
    """``2025-11-21 17_31_01.0`` (the date part of an article's file name)."""
    p = _parts(ts)
    return _ymd(p, "-") + " " + _hms(p, "_") + ".0"


def csv_bytes(
    frame: pd.DataFrame,
    *,
    sep: str = ",",
    quoting: int = csv.QUOTE_MINIMAL,
    lineterminator: str = "\n",
    escapechar: str | None = None,
    preamble: str = "",
    final_newline: bool = True,
    encoding: str = "utf-8",
    bom: bool = False,
) -> bytes:
    """One export file: header + rows as LinkedIn writes them, with the requested quirks."""
    buffer = io.StringIO()
    frame.to_csv(
        buffer,
        index=False,
        sep=sep,
        quoting=quoting,
        lineterminator=lineterminator,
        escapechar=escapechar,
        doublequote=escapechar is None,
        na_rep="",
    )
    text = preamble + buffer.getvalue()
    if not final_newline and text.endswith(lineterminator) and len(frame):
        text = text[: -len(lineterminator)]
    return (("\ufeff" if bom else "") + text).encode(encoding)
