"""Network benchmark: the best available source for "people in your network".

Sources, in priority order (the first usable one wins, and the result always
says which one it is):

1. ``cohort``: the other members whose scores the store holds (a team);
2. ``peer_csv``: a peer file the user uploads (``member, industry, total, brand,
   people, insights, relationships``, one row per person, e.g. a Sales
   Navigator team report);
3. ``official``: the user's own official reading (LinkedIn's network rank and
   average, read off linkedin.com/sales/ssi);
4. ``estimated_network``: a documented model, clearly marked as estimated: the
   people one meets in a network are members of the modelled reference weighted
   by their number of connections (the friendship paradox: well-connected people
   sit in more networks), see ``docs/compare.md``.

A peer table ranks the user by mid-rank: the share of peers below plus half of
those level with the user.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from scoring.errors import InputError
from scoring.results import PILLAR_MAX, PILLARS, SCORE_FIELDS

#: The columns of a peer table (peer CSV, store cohort), in order.
SCORE_COLUMNS: tuple[str, ...] = SCORE_FIELDS
PEER_COLUMNS: tuple[str, ...] = ("member", "industry", *SCORE_COLUMNS)
#: Fewer peers than this give no rank: one or two people are not a distribution.
MIN_PEERS = 3
#: The total of a peer row may differ this much from its pillars' sum (reports round it).
TOTAL_SLACK = 1.0

#: Header spellings accepted for each column (after lower-casing, spaces → "_").
_HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "member": ("member", "name", "member_name", "person", "mitglied"),
    "industry": ("industry", "branche"),
    "total": ("total", "ssi", "ssi_score", "score", "gesamt"),
    "brand": ("brand", "professional_brand", "marke"),
    "people": ("people", "find_right_people", "find_the_right_people", "personen"),
    "insights": ("insights", "insight_engagement", "engage_with_insights", "einblicke"),
    "relationships": ("relationships", "strong_relationship", "build_relationships",
                      "beziehungen"),
}  # fmt: skip

PeerSource = str | Path | bytes | tuple[str, bytes] | pd.DataFrame


class PeerFileError(InputError):
    """A peer file (or cohort table) cannot be used as a comparison group."""

    code = "error.peers.unreadable"


def _raw(source: str | Path | bytes | tuple[str, bytes]) -> tuple[str, bytes]:
    if isinstance(source, tuple):
        return source[0], source[1]
    if isinstance(source, bytes):
        return "peers.csv", source
    path = Path(source)
    try:
        return path.name, path.read_bytes()
    except OSError:
        raise PeerFileError("error.peers.missing", file=str(source)) from None


def _decoded(name: str, raw: bytes) -> str:
    """Text of the file: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if b"\x00" in raw:
        raise PeerFileError("error.peers.unreadable", file=name)
    return raw.decode("cp1252")


def _delimiter(text: str) -> str:
    """``;`` (German Excel), tab, or ``,``: whichever the header line uses most."""
    header = text.split("\n", 1)[0]
    return max((";", "\t", ","), key=header.count)


def _header_map(columns: list[str]) -> dict[str, str]:
    """Original header → canonical column, for the headers we recognise."""
    out: dict[str, str] = {}
    for original in columns:
        key = original.strip().lower().replace(" ", "_").replace("-", "_")
        for canonical, aliases in _HEADER_ALIASES.items():
            if key in aliases and canonical not in out.values():
                out[original] = canonical
    return out


def read_peers(source: str | Path | bytes | tuple[str, bytes]) -> pd.DataFrame:
    """A peer CSV as a validated peer table (see :func:`peer_table`).

    ``source`` is a path, raw bytes, or a ``(name, bytes)`` pair as an upload
    gives it. Comma, semicolon (German Excel, with decimal commas) and tab
    separated files are read; UTF-8, UTF-16 and Windows-1252. Raises
    :class:`PeerFileError` naming the file, and the line and column where a value
    is wrong, with what to do.
    """
    name, raw = _raw(source)
    if not raw.strip():
        raise PeerFileError("error.peers.empty", file=name)
    text = _decoded(name, raw).replace("\r\n", "\n").replace("\r", "\n")
    try:
        frame = pd.read_csv(
            io.StringIO(text),
            sep=_delimiter(text),
            dtype=str,
            keep_default_na=False,
            skip_blank_lines=True,
            quoting=csv.QUOTE_MINIMAL,
        )
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError):
        raise PeerFileError("error.peers.unreadable", file=name) from None
    return peer_table(frame, name=name, first_line=2)


def peer_table(frame: pd.DataFrame, *, name: str = "cohort", first_line: int = 1) -> pd.DataFrame:
    """Check and normalise a peer table: ``member, industry, total`` and the pillars.

    Headers are matched case-insensitively (also ``SSI``, ``Name``, LinkedIn's
    API pillar names); ``industry`` may be missing. Scores may use a decimal
    comma. Every score must be a number, the total within 0–100 and each pillar
    within 0–25, the total within one point of its pillars' sum. ``first_line``
    is the file line of the first row, for the messages. Returns the columns of
    :data:`PEER_COLUMNS` with float scores.
    """
    mapping = _header_map([str(c) for c in frame.columns])
    renamed = frame.rename(columns=mapping)
    required = [c for c in PEER_COLUMNS if c != "industry"]
    missing = [c for c in required if c not in renamed.columns]
    if missing:
        raise PeerFileError(
            "error.peers.columns", file=name, missing=", ".join(missing), count=len(missing),
            expected=", ".join(PEER_COLUMNS),
        )  # fmt: skip
    table = renamed[[c for c in PEER_COLUMNS if c in renamed.columns]].copy()
    if "industry" not in table:
        table["industry"] = pd.NA
    text = table[list(SCORE_COLUMNS)].astype("string").apply(lambda s: s.str.strip())
    table = table[~(text.isna() | (text == "")).all(axis=1).to_numpy()]
    text = text.loc[table.index]
    if table.empty:
        raise PeerFileError("error.peers.empty", file=name)
    numbers = text.apply(lambda s: pd.to_numeric(s.str.replace(",", ".", regex=False),
                                                 errors="coerce"))  # fmt: skip
    lines = pd.Series(np.arange(len(frame)) + first_line, index=frame.index).loc[table.index]
    _check_numbers(numbers, text, lines, name)
    member = table["member"].astype("string").str.strip()
    member = member.where(member.fillna("") != "", "#" + lines.astype(str))
    industry = table["industry"].astype("string").str.strip().replace("", pd.NA)
    return pd.DataFrame(
        {"member": member, "industry": industry, **{c: numbers[c].astype(float)
                                                    for c in SCORE_COLUMNS}}
    ).reset_index(drop=True)  # fmt: skip


def _check_numbers(numbers: pd.DataFrame, text: pd.DataFrame, lines: pd.Series, name: str) -> None:
    """Raise for the first cell that is not a number, out of range, or inconsistent."""
    limits = {c: (100.0 if c == "total" else PILLAR_MAX) for c in SCORE_COLUMNS}
    for column in SCORE_COLUMNS:
        bad = numbers[column].isna() | ~numbers[column].between(0, limits[column])
        if bad.any():
            row = bad.idxmax()
            raise PeerFileError(
                "error.peers.value", file=name, line=int(lines[row]), column=column,
                value=text.at[row, column] if pd.notna(text.at[row, column]) else "",
                maximum=int(limits[column]),
            )  # fmt: skip
    gap = (numbers[list(PILLARS)].sum(axis=1) - numbers["total"]).abs()
    wrong = gap > TOTAL_SLACK
    if wrong.any():
        row = wrong.idxmax()
        raise PeerFileError(
            "error.peers.sum", file=name, line=int(lines[row]),
            total=text.at[row, "total"],
            pillar_sum=round(float(numbers.loc[row, list(PILLARS)].sum()), 2),
        )  # fmt: skip


def without_member(table: pd.DataFrame, member: str | None) -> pd.DataFrame:
    """The peer table without the user's own row (compared case-insensitively)."""
    if member is None or table.empty:
        return table
    keep = table["member"].astype("string").str.strip().str.casefold() != member.strip().casefold()
    return table[keep.fillna(True).to_numpy()]


def mid_rank_percentile(value: float, values: np.ndarray) -> float:
    """Percentile rank of ``value`` among ``values``: share below plus half of those equal."""
    values = np.asarray(values, dtype=float)
    below = np.count_nonzero(values < value)
    equal = np.count_nonzero(values == value)
    return 100.0 * (below + 0.5 * equal) / len(values)


def peer_stats(table: pd.DataFrame, score: Mapping[str, float]) -> dict[str, tuple[float, float]]:
    """Measure → (percentile of the user's value among the peers, the peers' mean)."""
    return {
        measure: (
            mid_rank_percentile(score[measure], table[measure].to_numpy(float)),
            float(table[measure].mean()),
        )
        for measure in SCORE_COLUMNS
    }
