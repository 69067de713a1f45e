"""Every date shape found in real exports, parsed vectorized into tz-aware UTC.

Formats are tried in turn on the *unique* values still unparsed, the ones that
match a small sample first, so a column in one shape costs a single pass. A
string without a zone is UTC: LinkedIn writes its exports in UTC, and the
sentences in Rich_Media.csv say ``(GMT)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

#: Known shapes, the most common first. Comments name a file that uses each.
#: A trailing `` UTC`` (or ``GMT``, ``(GMT)``) is cut off before matching, which
#: also lets pandas take its fast ISO path for ``2025-06-01 14:03:22 UTC``.
FORMATS: tuple[str, ...] = (
    "%Y-%m-%d %H:%M:%S",  # messages.csv (+ UTC), Shares, Comments, Reactions, Votes
    "%d %b %Y",  # Connections (08 Feb 2026)
    "%m/%d/%y, %I:%M %p",  # Invitations, Recommendations, Jobs, 2018 Connections
    "%Y/%m/%d %H:%M:%S",  # SearchQueries, Endorsement_*_Info (+ UTC)
    "%b %Y",  # Positions, Certifications, Projects (Aug 2023)
    "%Y",  # Education (2019)
    "%b %d, %Y",  # Publications (May 12, 2023)
    "%a %b %d %H:%M:%S UTC %Y",  # Company Follows (Tue Aug 16 12:34:56 UTC 2022)
    "%Y-%m-%d %H:%M",  # Learning (2023-05-01 14:22 UTC)
    "%b %d, %Y %I:%M %p",  # Events, start part (Sep 12, 2024 06:00 PM)
    "%B %d, %Y %I:%M %p",  # Rich_Media sentence, extracted (March 9, 2025 9:04 AM)
    "ISO8601",  # Hashtag_Follows, Saved_Items, generic activity CSV
    "%d-%b-%y",  # any file re-saved by Excel (9-Sep-22)
    "%d-%b-%Y",
    "%m/%d/%y",
    "%m/%d/%Y %H:%M",
    "%m/%d/%Y %I:%M %p",
    "%m/%d/%Y",
    "%d.%m.%Y %H:%M:%S",  # Excel with German regional settings
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y",
    "%B %Y",
    "%B %d, %Y",
    "%d %B %Y",
    "%Y/%m/%d",
)

#: Cell values that mean "no date" rather than "a date we cannot read".
MISSING_TOKENS = frozenset({"", "n/a", "na", "-", "none", "null", "nan"})

_SAMPLE = 16
_ZONE_SUFFIX = r" *\(?(?:UTC|GMT)\)?$"  # no \s: it would make pandas use Python's re per row
_EARLIEST = pd.Timestamp("1900-01-01", tz="UTC")
_LATEST = pd.Timestamp("2200-01-01", tz="UTC")
UTC_NS = "datetime64[ns, UTC]"


@dataclass(frozen=True)
class ParsedDates:
    """Parsed values plus which cells were empty and which were unreadable."""

    values: pd.Series  # datetime64[ns, UTC], NaT where empty or unreadable
    missing: pd.Series  # bool: the cell was empty or N/A
    unreadable: pd.Series  # bool: the cell had text that is no known date shape


def parse_dates(
    raw: pd.Series, formats: tuple[str, ...] = FORMATS, expected: tuple[str, ...] = ()
) -> ParsedDates:
    """Parse a column of date strings in any known shape into UTC timestamps.

    Empty cells and placeholders such as ``N/A`` become ``NaT`` and are flagged
    as missing; text in no known shape becomes ``NaT`` and is flagged as
    unreadable, so callers can count and report it. Dates before 1900 or after
    2200 count as unreadable (they are typos, and outside the nanosecond range).

    ``expected`` are the shapes the file's generations write (its kind's
    :data:`~scoring.ingest.kinds.DATE_FORMATS`): when one of them reads every
    value, it is the only format tried, once over the column. No two of
    :data:`FORMATS` read one string as different moments, so this gives what
    trying them all gives.
    """
    text = raw.astype("string").str.strip().str.replace(_ZONE_SUFFIX, "", regex=True)
    missing = (text.isna() | text.str.lower().isin(MISSING_TOKENS)).to_numpy(dtype=bool)
    present = text[~missing]
    values = np.full(len(text), np.datetime64("NaT", "ns"), dtype="datetime64[ns]")
    if len(present):
        found = _in_expected_format(present, expected)
        if found is None:
            codes, uniques = pd.factorize(present)
            found = _parse_uniques(pd.Index(uniques), formats)[codes]
        values[~missing] = found
    result = pd.Series(values, index=raw.index).dt.tz_localize("UTC")
    unreadable = result.isna().to_numpy(dtype=bool) & ~missing
    return ParsedDates(
        result,
        pd.Series(missing, index=raw.index),
        pd.Series(unreadable, index=raw.index),
    )


def _in_expected_format(present: pd.Series, expected: tuple[str, ...]) -> np.ndarray | None:
    """The values read in the first of ``expected`` that reads all of them, else ``None``."""
    for fmt in expected:
        if not _parsed(present.iloc[:_SAMPLE], fmt)[1].all():
            continue  # a cheap look first: most files are in one shape or another entirely
        parsed, ok = _parsed(present, fmt)
        if ok.all():
            return parsed.dt.tz_convert(None).dt.as_unit("ns").to_numpy()
    return None


def _parse_uniques(uniques: pd.Index, formats: tuple[str, ...]) -> np.ndarray:
    out = np.full(len(uniques), np.datetime64("NaT", "ns"), dtype="datetime64[ns]")
    todo = np.arange(len(uniques))
    for fmt in _probe_order(uniques, formats):
        if not len(todo):
            break
        parsed, ok = _parsed(uniques[todo], fmt)
        out[todo[ok]] = parsed[ok].tz_convert(None).as_unit("ns").to_numpy()
        todo = todo[~ok]
    return out


def _parsed(values: pd.Index | pd.Series, fmt: str) -> tuple[Any, np.ndarray]:
    """``values`` read in ``fmt`` and which of them gave a date in the plausible range."""
    parsed = pd.to_datetime(values, format=fmt, errors="coerce", utc=True)
    return parsed, np.asarray((parsed >= _EARLIEST) & (parsed < _LATEST), dtype=bool)


def _probe_order(uniques: pd.Index, formats: tuple[str, ...]) -> list[str]:
    """Formats ordered by how many of a small sample they read; stops at a perfect one."""
    sample = uniques[:_SAMPLE]
    hits: dict[str, int] = {}
    for fmt in formats:
        hits[fmt] = int(pd.to_datetime(sample, format=fmt, errors="coerce", utc=True).notna().sum())
        if hits[fmt] == len(sample):
            break
    tried = sorted(hits, key=lambda fmt: -hits[fmt])  # stable: ties keep the list order
    return tried + [fmt for fmt in formats if fmt not in hits]
