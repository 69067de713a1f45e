"""The table form of a batch: one table of already-normalised events with a member column.

The schema is documented in docs/batch.md: ``member`` and ``kind`` on every row,
then the normalised columns of :data:`scoring.export.COLUMNS` that the kinds in the
table use (one row per event, columns of other kinds left empty), and an optional
``export_date``. A row of a kind with every other column empty only says the
member's export had that file.

The whole table is typed column by column and split by member with one stable
sort per kind, so 10 million events cost a few vectorised passes, not one
Python step per row. A member with a value that cannot be read (a date that is
no date, ``maybe`` in a true/false column, an unknown kind) is reported with the
first such value and left out; the others are scored.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import overload

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from scoring.batch.jobs import MemberJob, Reason, reason_of
from scoring.errors import InputError
from scoring.export import COLUMNS, KINDS, PANDAS_DTYPES, ArchiveKind, ExportData, empty_frame
from scoring.ingest import archive_kind_of
from scoring.ingest.reader import UNDATING_KINDS, _profile
from scoring.model.grouped import MemberFrames
from scoring.model.score import day_number

KEY_COLUMNS = ("member", "kind")
EXPORT_DATE = "export_date"
#: Every column an event table may have.
TABLE_COLUMNS: tuple[str, ...] = (
    *KEY_COLUMNS,
    EXPORT_DATE,
    *dict.fromkeys(c for cols in COLUMNS.values() for c in cols),
)
TABLE_SUFFIXES = (".csv", ".parquet", ".pq")
_TRUE = ("true", "1", "yes")
_FALSE = ("false", "0", "no", "")
_NS_PER_DAY = 86_400 * 10**9
_NONE = np.iinfo(np.int64).min  # "no date" in the per-member int64 day arrays
#: The value of a column the table does not have (as the reader fills a missing one).
_FILL = {"str": pd.NA, "bool": False, "int": 0, "ts": pd.NaT}


def read_table(path: Path) -> pa.Table:
    """The event table at ``path`` (CSV read as text, Parquet as typed), columns checked.

    ``member`` and ``kind`` come back dictionary-encoded (codes into their distinct
    values): the checks and the split work on the few distinct values.
    """
    try:
        table = _read_csv(path) if path.suffix.lower() == ".csv" else _read_parquet(path)
    except (OSError, pa.ArrowException, UnicodeDecodeError, csv.Error):
        raise InputError("error.batch.table_unreadable", file=str(path)) from None
    missing = [c for c in KEY_COLUMNS if c not in table.column_names]
    unknown = [c for c in table.column_names if c not in TABLE_COLUMNS]
    if missing or unknown:
        raise InputError(
            "error.batch.table_columns",
            file=str(path),
            columns=", ".join(missing + unknown),
        )
    for column in KEY_COLUMNS:
        table = table.set_column(table.column_names.index(column), column, _encoded(table[column]))
    members = table["member"].chunk(0) if table["member"].num_chunks else None
    unnamed = 0
    if members is not None and len(members):
        blank = pc.invert(
            pc.greater(pc.utf8_length(pc.utf8_trim_whitespace(members.dictionary)), 0)
        )
        unnamed = members.null_count + int(np.asarray(blank)[_indices(members)].sum())
    if unnamed:
        raise InputError("error.batch.table_no_member", file=str(path), rows=unnamed)
    return table


def _read_parquet(path: Path) -> pa.Table:
    # The key columns as dictionaries straight from Parquet's own encoding.
    schema = pq.read_schema(path)
    keys = [
        c for c in KEY_COLUMNS if c in schema.names and pa.types.is_string(schema.field(c).type)
    ]
    return pq.read_table(path, read_dictionary=keys)


def _encoded(column: pa.ChunkedArray) -> pa.ChunkedArray:
    """``column`` as one chunk of text codes into its distinct values."""
    if pa.types.is_dictionary(column.type):
        if not pa.types.is_string(column.type.value_type):
            column = pc.cast(column, pa.dictionary(column.type.index_type, pa.string()))
        column = pa.table({"c": column}).unify_dictionaries()["c"]
    else:
        column = pc.dictionary_encode(_text(column))
    return pa.chunked_array([column.combine_chunks()])


def _indices(encoded: pa.DictionaryArray) -> np.ndarray:
    """The codes of a dictionary array (nulls read as code 0: callers check nulls apart)."""
    return pc.fill_null(encoded.indices, 0).to_numpy(zero_copy_only=False)


def _read_csv(path: Path) -> pa.Table:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        header = next(csv.reader(fh), [])
    # Text first: each column is typed below with the same rules as a Parquet string.
    return pacsv.read_csv(
        path,
        convert_options=pacsv.ConvertOptions(
            column_types=dict.fromkeys(header, pa.string()), strings_can_be_null=True
        ),
    )


def _text(column: pa.ChunkedArray) -> pa.ChunkedArray:
    return column if pa.types.is_string(column.type) else pc.cast(column, pa.string())


# ------------------------------------------------------------------ typing one column


@dataclass(frozen=True)
class _Typed:
    """A column in its normalised dtype, and where the given value could not be read."""

    values: pd.Series
    bad: np.ndarray  # bool per row


def _typed_ts(column: pa.ChunkedArray) -> _Typed:
    if pa.types.is_timestamp(column.type) or pa.types.is_date(column.type):
        values = pd.Series(column.to_pandas())
        values = pd.to_datetime(values, utc=True)
        return _Typed(values.astype(PANDAS_DTYPES["ts"]), np.zeros(len(values), dtype=bool))
    text = pd.Series(_text(column).to_pandas(), dtype="string")
    values = pd.to_datetime(text, utc=True, format="ISO8601", errors="coerce")
    bad = (text.notna() & values.isna()).to_numpy()
    return _Typed(values.astype(PANDAS_DTYPES["ts"]), bad)


def _typed_bool(column: pa.ChunkedArray) -> _Typed:
    if pa.types.is_boolean(column.type):
        values = pd.Series(pc.fill_null(column, False).to_numpy(zero_copy_only=False))
        return _Typed(values.astype(bool), np.zeros(len(values), dtype=bool))
    folded = pc.utf8_lower(pc.utf8_trim_whitespace(pc.fill_null(_text(column), "")))
    true = pc.is_in(folded, pa.array(_TRUE)).to_numpy(zero_copy_only=False)
    false = pc.is_in(folded, pa.array(_FALSE)).to_numpy(zero_copy_only=False)
    return _Typed(pd.Series(true), ~(true | false))


def _typed_int(column: pa.ChunkedArray) -> _Typed:
    if pa.types.is_integer(column.type):
        values = pd.Series(pc.fill_null(column, 0).to_numpy(zero_copy_only=False))
        return _Typed(values.astype(PANDAS_DTYPES["int"]), np.zeros(len(values), dtype=bool))
    if pa.types.is_floating(column.type):
        # a whole-number column with gaps, as pandas writes one
        number = pd.Series(column.to_numpy(zero_copy_only=False))
    else:
        text = pd.Series(_text(column).to_pandas(), dtype="string")
        number = pd.to_numeric(text, errors="coerce")
    given = pd.Series(column.is_valid().to_numpy(zero_copy_only=False))
    whole = number.notna() & (number % 1 == 0)
    bad = (given & ~whole).to_numpy()
    return _Typed(number.where(whole, 0).astype(PANDAS_DTYPES["int"]), bad)


def _typed_str(column: pa.ChunkedArray) -> _Typed:
    values = pd.Series(_text(column).to_pandas(), dtype=PANDAS_DTYPES["str"])
    return _Typed(values, np.zeros(len(values), dtype=bool))


_TYPERS = {"ts": _typed_ts, "bool": _typed_bool, "int": _typed_int, "str": _typed_str}


# ------------------------------------------------------------------ splitting by member


@dataclass
class _Split:
    """What the split has learnt about every member (index = member code)."""

    names: np.ndarray  # member names, sorted
    kinds: dict[str, tuple[pd.DataFrame, np.ndarray]]  # all members' typed rows, member codes
    present: list[set[str]]
    newest_ns: np.ndarray  # newest dated event, ns since the epoch (int64 min: none)
    export_ns: np.ndarray  # newest export_date given (int64 min: none)
    problems: dict[int, InputError]


def _member_codes(table: pa.Table) -> tuple[np.ndarray, np.ndarray]:
    """Each row's member as a code into the sorted member names, and those names."""
    encoded = _encoded(table["member"]).chunk(0)
    names = np.asarray(encoded.dictionary.to_pylist(), dtype=object)
    order = np.argsort(names, kind="stable")
    rank = np.empty(len(names), dtype=np.int64)
    rank[order] = np.arange(len(names))
    return rank[_indices(encoded)], names[order]


def _spans(codes: np.ndarray, members: int) -> tuple[np.ndarray, np.ndarray]:
    """Start and end of each member's run in ``codes`` (sorted)."""
    bounds = np.searchsorted(codes, np.arange(members + 1))
    return bounds[:-1], bounds[1:]


def _note_problem(split: _Split, bad: np.ndarray, codes: np.ndarray, problem: InputError) -> None:
    for code in np.unique(codes[bad]):
        split.problems.setdefault(int(code), problem)


def _split_kind(
    split: _Split, table: pa.Table, kind: str, rows: np.ndarray, codes: np.ndarray
) -> None:
    """Type the rows of ``kind`` once, then hand each member its slice."""
    order = np.argsort(codes, kind="stable")
    rows, codes = rows[order], codes[order]
    members = len(split.names)
    starts, ends = _spans(codes, members)
    for code in np.flatnonzero(ends > starts):
        split.present[code].add(kind)
    columns = [c for c in COLUMNS[kind] if c in table.column_names]
    part = table.select(columns).take(pa.array(rows))
    content = np.zeros(len(rows), dtype=bool)
    typed: dict[str, pd.Series] = {}
    for column in COLUMNS[kind]:
        if column not in columns:
            continue
        source = part[column]
        content |= source.is_valid().to_numpy(zero_copy_only=False)
        result = _TYPERS[COLUMNS[kind][column]](source)
        if result.bad.any():
            first = int(np.flatnonzero(result.bad)[0])
            value = source[first].as_py()
            problem = InputError("error.batch.table_value", kind=kind, column=column, value=value)
            _note_problem(split, result.bad, codes, problem)
        typed[column] = result.values
    # a row with nothing but member and kind only marks the file as present
    frame = _normalised(kind, typed, content)
    codes = codes[content]
    if "at" in frame and kind not in UNDATING_KINDS and len(frame):
        starts, ends = _spans(codes, members)
        _note_newest(split, frame["at"], starts, ends)
    split.kinds[kind] = (frame, codes)


def _normalised(kind: str, typed: dict[str, pd.Series], content: np.ndarray) -> pd.DataFrame:
    """The kind's rows with content, every normalised column in order, absent ones empty."""
    index = pd.RangeIndex(int(content.sum()))
    columns = {}
    for column, typ in COLUMNS[kind].items():
        if column in typed:
            columns[column] = typed[column][content].reset_index(drop=True)
        else:
            columns[column] = pd.Series(_FILL[typ], index=index, dtype=PANDAS_DTYPES[typ])
    return pd.DataFrame(columns)


def _note_newest(split: _Split, at: pd.Series, starts: np.ndarray, ends: np.ndarray) -> None:
    """Raise each member's newest event to the newest ``at`` of their run (rows sorted)."""
    ns = np.where(at.isna().to_numpy(), _NONE, _ns(at))
    runs = np.flatnonzero(ends > starts)
    newest = np.maximum.reduceat(ns, starts[runs])
    split.newest_ns[runs] = np.maximum(split.newest_ns[runs], newest)


def _ns(at: pd.Series) -> np.ndarray:
    return at.dt.tz_convert("UTC").dt.tz_localize(None).to_numpy("datetime64[ns]").view(np.int64)


def _note_export_dates(split: _Split, table: pa.Table, codes: np.ndarray) -> None:
    if EXPORT_DATE not in table.column_names:
        return
    result = _typed_ts(table[EXPORT_DATE])
    if result.bad.any():
        value = table[EXPORT_DATE][int(np.flatnonzero(result.bad)[0])].as_py()
        problem = InputError("error.batch.table_value", kind="-", column=EXPORT_DATE, value=value)
        _note_problem(split, result.bad, codes, problem)
    known = ~result.values.isna().to_numpy()
    newest = pd.Series(_ns(result.values)[known]).groupby(codes[known]).max()
    split.export_ns[newest.index.to_numpy()] = newest.to_numpy()


def split_table(table: pa.Table, as_of: date | None = None) -> EventBatch:
    """The members of the event table, sorted by name, as one :class:`EventBatch`.

    A member's export date is the newest ``export_date`` given on their rows, else
    the day of their newest dated event, else ``as_of``; without any of them the
    member cannot be scored and is reported.
    """
    codes, names = _member_codes(table)
    members = len(names)
    split = _Split(
        names=names,
        kinds={},
        present=[set() for _ in range(members)],
        newest_ns=np.full(members, _NONE, dtype=np.int64),
        export_ns=np.full(members, _NONE, dtype=np.int64),
        problems={},
    )
    kinds = _encoded(table["kind"]).chunk(0)
    kind_codes = pc.fill_null(kinds.indices, -1).to_numpy(zero_copy_only=False)
    for number, kind in enumerate(kinds.dictionary.to_pylist()):
        rows = np.flatnonzero(kind_codes == number)
        if kind not in COLUMNS:
            problem = InputError("error.batch.table_kind", kind=kind)
            _note_problem(split, np.ones(len(rows), dtype=bool), codes[rows], problem)
            continue
        _split_kind(split, table, kind, rows, codes[rows])
    _note_export_dates(split, table, codes)
    return _batch(split, as_of)


def table_jobs(table: pa.Table, as_of: date | None = None) -> list[MemberJob]:
    """One job per member of the event table, sorted by member name (see :func:`split_table`)."""
    return list(split_table(table, as_of))


def _batch(split: _Split, as_of: date | None) -> EventBatch:
    newest = np.maximum(split.export_ns, split.newest_ns)
    dated = newest != _NONE
    fallback = _NONE if as_of is None else day_number(as_of)
    export_days = np.where(dated, newest // _NS_PER_DAY, fallback)
    problems = {code: reason_of(problem) for code, problem in split.problems.items()}
    undated = InputError("error.batch.table_no_date")
    for code in np.flatnonzero(export_days == _NONE):
        problems.setdefault(int(code), reason_of(undated))
    present = [frozenset(kinds) for kinds in split.present]
    return EventBatch(
        names=split.names,
        kinds=split.kinds,
        present=present,
        export_days=export_days,
        problems=problems,
    )


@dataclass(frozen=True)
class EventBatch(Sequence[MemberJob]):
    """The members of an event table: all their typed rows of each kind, a member code per row.

    As a sequence it gives one :class:`MemberJob` per member, sorted by name, each
    with its own :class:`ExportData` cut from the rows (the per-member path, and
    what ``--store`` keeps); :meth:`member_frames` gives the rows of all members at
    once for :func:`scoring.model.grouped.evaluate_members`. :meth:`part` cuts out
    a run of members, rows and all, to score elsewhere.
    """

    names: np.ndarray
    kinds: Mapping[str, tuple[pd.DataFrame, np.ndarray]]  # rows sorted by member code
    present: list[frozenset[str]]
    export_days: np.ndarray  # day number per member (int64 min: a member with a problem)
    problems: Mapping[int, Reason]

    def __len__(self) -> int:
        return len(self.names)

    @overload
    def __getitem__(self, index: int) -> MemberJob: ...
    @overload
    def __getitem__(self, index: slice) -> list[MemberJob]: ...
    def __getitem__(self, index: int | slice) -> MemberJob | list[MemberJob]:
        if isinstance(index, slice):
            return [self._job(code) for code in range(len(self))[index]]
        code = range(len(self))[index]
        return self._job(code)

    def export_date(self, code: int) -> date:
        """The export date of member ``code`` (one without a problem)."""
        return np.datetime64(int(self.export_days[code]), "D").item()

    def archive_kinds(self) -> list[ArchiveKind]:
        """Each member's archive kind, judged by the kinds their rows name."""
        return [
            archive_kind_of(present, self.export_date(code) if code not in self.problems else None)
            for code, present in enumerate(self.present)
        ]

    def member_frames(self) -> MemberFrames:
        """Every member's rows of each kind in one frame (see :class:`MemberFrames`)."""
        members = len(self)
        present = {kind: np.zeros(members, dtype=bool) for kind in KINDS}
        for code, kinds in enumerate(self.present):
            for kind in kinds:
                present[kind][code] = True
        complete = np.array([kind == "complete" for kind in self.archive_kinds()], dtype=bool)
        return MemberFrames(
            members=members,
            frames={kind: frame for kind, (frame, _) in self.kinds.items()},
            codes={kind: codes for kind, (_, codes) in self.kinds.items()},
            present=present,
            complete=complete,
        )

    def part(self, start: int, stop: int) -> EventBatch:
        """Members ``start`` … ``stop - 1`` with their rows alone (codes from 0 again)."""
        kinds = {}
        for kind, (frame, codes) in self.kinds.items():
            begin, end = np.searchsorted(codes, [start, stop])
            piece = frame.iloc[begin:end].reset_index(drop=True)
            kinds[kind] = (piece, codes[begin:end] - start)
        return EventBatch(
            names=self.names[start:stop],
            kinds=kinds,
            present=self.present[start:stop],
            export_days=self.export_days[start:stop],
            problems={c - start: p for c, p in self.problems.items() if start <= c < stop},
        )

    def _job(self, code: int) -> MemberJob:
        member = str(self.names[code])
        if code in self.problems:
            return MemberJob(member, problem=self.problems[code])
        full = {}
        for kind in KINDS:
            rows = self.kinds.get(kind)
            if rows is None:
                full[kind] = _empty(kind)
                continue
            frame, codes = rows
            begin, end = np.searchsorted(codes, [code, code + 1])
            if begin == end:
                full[kind] = _empty(kind)
                continue
            piece = frame.iloc[begin:end]
            # a fresh RangeIndex as the reader gives; 3× cheaper than reset_index per slice
            piece.index = pd.RangeIndex(end - begin)
            full[kind] = piece
        export_date = self.export_date(code)
        data = ExportData(
            frames=full,
            profile=_profile(full),
            archive_kind=archive_kind_of(self.present[code], export_date),
            export_date=export_date,
            present=self.present[code],
        )
        return MemberJob(member, data=data)


@cache
def _empty(kind: str) -> pd.DataFrame:
    # one shared empty frame per kind: the frames of an export are never changed
    return empty_frame(kind)


def export_events(data: ExportData, member: str) -> pd.DataFrame:
    """``data`` as rows of an event table for ``member`` (the inverse of the split).

    Every kind the export had contributes its rows (a kind whose file was empty one
    row with only ``member`` and ``kind``); ``export_date`` is on every row. Used to
    turn exports into one table, and by the tests to check both forms agree.
    """
    parts = []
    for kind in KINDS:
        if not data.has(kind):
            continue
        frame = data.frame(kind)
        if not len(frame):
            frame = pd.DataFrame({"kind": [kind]})
        parts.append(frame.assign(kind=kind))
    events = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame({"kind": []})
    events.insert(0, "member", member)
    events[EXPORT_DATE] = pd.Timestamp(data.export_date, tz="UTC")
    ordered = [c for c in TABLE_COLUMNS if c in events.columns]
    return events[ordered]
