"""The table form of a batch: one table of already-normalised events with a member column.

The schema is documented in docs/batch.md: ``member`` and ``kind`` on every row,
then the normalised columns of :data:`scoring.export.COLUMNS` that the kinds in the
table use (one row per event, columns of other kinds left empty), and an optional
``export_date``. A row of a kind with every other column empty only says the
member's export had that file.

The rows of each kind are typed once for all members, in the table's order, with
a member code per row, so 10 million events cost a few vectorised passes, not
one Python step per row; a member's own rows are cut out only when their export
is asked for (the per-member path, ``--store``). A member with a value that
cannot be read (a date that is no date, ``maybe`` in a true/false column, an
unknown kind) is reported with the first such value and left out; the others
are scored.

A batch that is not stored needs only :data:`MODEL_COLUMNS`: the other text
columns (contacts' keys, links, titles, names) are left unread, and read only
for the rows whose read columns are all empty, because such a row still counts
as an event when an unread column has a value.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache, cached_property
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
from scoring.model.grouped import TEXT_COLUMNS_READ, MemberFrames
from scoring.model.score import day_number

KEY_COLUMNS = ("member", "kind")
EXPORT_DATE = "export_date"
#: Every column an event table may have.
TABLE_COLUMNS: tuple[str, ...] = (
    *KEY_COLUMNS,
    EXPORT_DATE,
    *dict.fromkeys(c for cols in COLUMNS.values() for c in cols),
)
#: What the grouped pass reads: the keys, every date, flag and number column, and
#: the text columns of :data:`scoring.model.grouped.TEXT_COLUMNS_READ`.
MODEL_COLUMNS: frozenset[str] = frozenset(
    {*KEY_COLUMNS, EXPORT_DATE}
    | {
        column
        for kind, columns in COLUMNS.items()
        for column, typ in columns.items()
        if typ != "str" or column in TEXT_COLUMNS_READ.get(kind, ())
    }
)
TABLE_SUFFIXES = (".csv", ".parquet", ".pq")
_TRUE = ("true", "1", "yes")
_FALSE = ("false", "0", "no", "")
_NS_PER_DAY = 86_400 * 10**9
_NONE = np.iinfo(np.int64).min  # "no date" in the per-member int64 day arrays
#: The value of a column the table does not have (as the reader fills a missing one).
_FILL = {"str": pd.NA, "bool": False, "int": 0, "ts": pd.NaT}


def read_table(path: Path, columns: Collection[str] | None = None) -> pa.Table:
    """The event table at ``path`` (CSV read as text, Parquet as typed), columns checked.

    ``columns`` limits what is read to those of the file's columns (default: all);
    the check of the columns is of the whole file. ``member`` and ``kind`` come back
    dictionary-encoded (each chunk codes into its distinct values, as Parquet stores
    them): the checks and the split work on the few distinct values.
    """
    try:
        names = file_columns(path)
        wanted = names if columns is None else [c for c in names if c in columns]
        table = _read_file(path, wanted)
    except (OSError, pa.ArrowException, UnicodeDecodeError, csv.Error):
        raise InputError("error.batch.table_unreadable", file=str(path)) from None
    missing = [c for c in KEY_COLUMNS if c not in names]
    unknown = [c for c in names if c not in TABLE_COLUMNS]
    if missing or unknown:
        raise InputError(
            "error.batch.table_columns",
            file=str(path),
            columns=", ".join(missing + unknown),
        )
    for column in KEY_COLUMNS:
        encoded = pa.chunked_array(_dictionary_chunks(table[column]), _TEXT_CODES)
        table = table.set_column(table.column_names.index(column), column, encoded)
    unnamed = table["member"].null_count
    for members in table["member"].chunks:
        blank = pc.invert(
            pc.greater(pc.utf8_length(pc.utf8_trim_whitespace(members.dictionary)), 0)
        )
        if pc.any(blank).as_py():  # counted row by row only when some name is blank
            indices = pc.fill_null(members.indices, -1).to_numpy(zero_copy_only=False)
            unnamed += int(np.isin(indices, np.flatnonzero(np.asarray(blank))).sum())
    if unnamed:
        raise InputError("error.batch.table_no_member", file=str(path), rows=unnamed)
    return table


def file_columns(path: Path) -> list[str]:
    """The names of the columns of the event table at ``path`` (its header or schema)."""
    if path.suffix.lower() == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as fh:
            return next(csv.reader(fh), [])
    return list(pq.read_schema(path).names)


def _read_file(path: Path, columns: Sequence[str]) -> pa.Table:
    """The ``columns`` of the table at ``path`` (the caller checks the names)."""
    if path.suffix.lower() == ".csv":
        return _read_csv(path, columns)
    return _read_parquet(path, columns)


def _read_parquet(path: Path, columns: Sequence[str]) -> pa.Table:
    # The key columns as dictionaries straight from Parquet's own encoding.
    schema = pq.read_schema(path)
    keys = [c for c in KEY_COLUMNS if c in columns and pa.types.is_string(schema.field(c).type)]
    return pq.read_table(path, columns=list(columns), read_dictionary=keys)


_TEXT_CODES = pa.dictionary(pa.int32(), pa.string())


def _dictionary_chunks(column: pa.ChunkedArray) -> list[pa.DictionaryArray]:
    """The chunks of ``column`` as codes into text values (each chunk its own values)."""
    if not pa.types.is_dictionary(column.type):
        column = pc.dictionary_encode(_text(column))
    return [
        chunk if chunk.type == _TEXT_CODES else pc.cast(chunk, _TEXT_CODES)
        for chunk in column.chunks
    ]


def _codes(column: pa.ChunkedArray, *, by_name: bool) -> tuple[np.ndarray, list[str]]:
    """Each row's code into the distinct values of ``column``, and those values.

    The values are in the order they first appear, or sorted when ``by_name``. A
    missing value is -1, or, ``by_name``, the first value to appear (a table checked
    by :func:`read_table` has no row without a member).
    """
    chunks = _dictionary_chunks(column)
    dictionaries = [chunk.dictionary.to_pylist() for chunk in chunks]
    values = list(dict.fromkeys(v for d in dictionaries for v in d))
    first = values[0] if values else None
    if by_name:
        values.sort()
    index = pd.Index(values, dtype=object)
    missing = index.get_loc(first) if by_name and first is not None else -1
    # the narrowest codes that hold them: 10 million rows are 40 MB of int32, not 80
    codes = np.empty(len(column), dtype=np.min_scalar_type(-len(values) - 1))
    start = 0
    # chunk by chunk, through each chunk's own few values: no unified copy of the column
    for chunk, dictionary in zip(chunks, dictionaries, strict=True):
        to_code = np.append(index.get_indexer(dictionary), missing)
        indices = pc.fill_null(chunk.indices, -1) if chunk.null_count else chunk.indices
        codes[start : start + len(chunk)] = to_code[indices.to_numpy(zero_copy_only=False)]
        start += len(chunk)
    return codes, values


def _read_csv(path: Path, columns: Sequence[str]) -> pa.Table:
    # Text first: each column is typed below with the same rules as a Parquet string.
    return pacsv.read_csv(
        path,
        convert_options=pacsv.ConvertOptions(
            column_types=dict.fromkeys(columns, pa.string()),
            strings_can_be_null=True,
            include_columns=list(columns),
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


_UTC = pd.DatetimeTZDtype("ns", "UTC")


def _utc(moments: np.ndarray) -> pd.Series:
    """Naive UTC nanoseconds as the normalised tz-aware column (no conversion)."""
    return pd.Series(moments, dtype=_UTC)


def _moments(column: pa.ChunkedArray) -> tuple[np.ndarray, np.ndarray]:
    """A date column as naive UTC ``datetime64[ns]`` (NaT where empty or unreadable), and
    where a given value could not be read."""
    if pa.types.is_timestamp(column.type) or pa.types.is_date(column.type):
        # Arrow's cast keeps the instant (a naive moment is UTC, a date its midnight),
        # as pd.to_datetime(utc=True) does, without a round trip through pandas.
        bad = _beyond_ns(column)
        if bad.any():
            column = pc.if_else(pa.array(bad), pa.scalar(None, column.type), column)
        naive = pc.cast(column, pa.timestamp("ns"))
        return naive.to_numpy(zero_copy_only=False), bad
    text = pd.Series(_text(column).to_pandas(), dtype="string")
    values = pd.to_datetime(text, utc=True, format="ISO8601", errors="coerce")
    bad = (text.notna() & values.isna()).to_numpy()
    return values.astype(PANDAS_DTYPES["ts"]).to_numpy(dtype="datetime64[ns]"), bad


def _beyond_ns(column: pa.ChunkedArray) -> np.ndarray:
    """Where a Parquet moment lies outside what nanoseconds hold (the years 1677–2262)."""
    if pa.types.is_timestamp(column.type) and column.type.unit == "ns":
        return np.zeros(len(column), dtype=bool)
    moments = column.to_numpy(zero_copy_only=False)  # datetime64 in the column's own unit
    per_tick = np.timedelta64(1, np.datetime_data(moments.dtype)[0]) // np.timedelta64(1, "ns")
    ticks = moments.view(np.int64)
    # the bounds in the column's unit, in Python integers: comparing cannot overflow
    low, high = -((2**63 - 1) // per_tick), (2**63 - 1) // per_tick
    return ~np.isnat(moments) & ((ticks < low) | (ticks > high))


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


#: The typing of a column by its type (dates: :func:`_moments`, once per table).
_TYPERS = {"bool": _typed_bool, "int": _typed_int, "str": _typed_str}


# ------------------------------------------------------------------ splitting by member


@dataclass(frozen=True)
class UnreadColumns:
    """The columns of an event table's file that were left unread, and that file."""

    path: Path
    names: tuple[str, ...]

    def read(self, names: Sequence[str]) -> pa.Table:
        """``names`` (some of :attr:`names`) of the file, every row."""
        return _read_file(self.path, names)


@dataclass
class _Split:
    """What the split has learnt about every member (index = member code)."""

    names: np.ndarray  # member names, sorted
    kinds: dict[str, tuple[pd.DataFrame, np.ndarray]]  # all members' typed rows, member codes
    present: list[set[str]]
    newest_ns: np.ndarray  # newest dated event, ns since the epoch (int64 min: none)
    export_ns: np.ndarray  # newest export_date given (int64 min: none)
    problems: dict[int, InputError]
    unread: UnreadColumns | None = None
    unread_read: dict[str, pa.ChunkedArray] = field(default_factory=dict)
    moments: dict[str, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict)

    def moments_of(self, table: pa.Table, column: str) -> tuple[np.ndarray, np.ndarray]:
        """The date column ``column`` of the whole table, typed once (see :func:`_moments`)."""
        if column not in self.moments:
            self.moments[column] = _moments(table[column])
        return self.moments[column]

    def unread_content(self, kind: str, rows: np.ndarray) -> np.ndarray:
        """Whether an unread column of ``kind`` has a value on each of ``rows``."""
        found = np.zeros(len(rows), dtype=bool)
        if self.unread is None:
            return found
        names = [c for c in COLUMNS[kind] if c in self.unread.names]
        needed = [c for c in names if c not in self.unread_read]
        if needed:
            self.unread_read.update(zip(needed, self.unread.read(needed).columns, strict=True))
        for name in names:
            found |= _valid(self.unread_read[name].take(pa.array(rows)))
        return found


def _valid(column: pa.ChunkedArray | pa.Array) -> np.ndarray:
    if column.null_count == 0:
        return np.ones(len(column), dtype=bool)
    return column.is_valid().to_numpy(zero_copy_only=False)


def _note_problem(split: _Split, bad: np.ndarray, codes: np.ndarray, problem: InputError) -> None:
    for code in np.unique(codes[bad]):
        split.problems.setdefault(int(code), problem)


def _picker(rows: np.ndarray) -> Callable[[pa.ChunkedArray], pa.ChunkedArray]:
    """How to cut ``rows`` (ascending row numbers) out of a column of the table."""
    if len(rows) and rows[-1] - rows[0] + 1 == len(rows):  # one run: a zero-copy slice
        first = int(rows[0])
        return lambda column: column.slice(first, len(rows))
    indices = pa.array(rows)
    return lambda column: column.take(indices)


def _split_kind(
    split: _Split, table: pa.Table, kind: str, rows: np.ndarray, codes: np.ndarray
) -> None:
    """Type the rows of ``kind`` once, for all members, in the table's order."""
    members = len(split.names)
    for code in np.flatnonzero(np.bincount(codes, minlength=members)):
        split.present[code].add(kind)
    pick = _picker(rows)
    content = np.zeros(len(rows), dtype=bool)
    typed: dict[str, pd.Series] = {}
    newest = None
    for column, typ in COLUMNS[kind].items():
        if column not in table.column_names:
            continue
        if typ == "ts":
            # typed once for the whole table (most kinds have ``at``), then cut
            moments, unreadable = split.moments_of(table, column)
            values, bad = moments[rows], unreadable[rows]
            content |= ~np.isnat(values) | bad
            typed[column] = _utc(values)
            newest = values if column == "at" else newest
        else:
            source = pick(table[column])
            content |= _valid(source)
            result = _TYPERS[typ](source)
            typed[column], bad = result.values, result.bad
        if bad.any():
            value = table[column][int(rows[np.flatnonzero(bad)[0]])].as_py()
            problem = InputError("error.batch.table_value", kind=kind, column=column, value=value)
            _note_problem(split, bad, codes, problem)
    if not content.all():
        # a row whose read columns are empty may still have a value in an unread one
        lacking = np.flatnonzero(~content)
        content[lacking] = split.unread_content(kind, rows[lacking])
    # a row with nothing but member and kind only marks the file as present
    frame = _normalised(kind, typed, content)
    if newest is not None and kind not in UNDATING_KINDS:
        # NaT is int64 min: it raises nobody's newest event
        np.maximum.at(split.newest_ns, codes, newest.view(np.int64))
    codes = codes if len(frame) == len(codes) else codes[content]
    split.kinds[kind] = (frame, codes)


def _normalised(kind: str, typed: dict[str, pd.Series], content: np.ndarray) -> pd.DataFrame:
    """The kind's rows with content, every normalised column in order, absent ones empty."""
    rows = int(content.sum())
    every = rows == len(content)
    index = pd.RangeIndex(rows)
    columns = {}
    for column, typ in COLUMNS[kind].items():
        if column in typed:
            values = typed[column]
            columns[column] = values if every else values[content].reset_index(drop=True)
        elif typ == "str":
            # an Arrow column of nulls: no Python object per row
            columns[column] = pd.Series(
                pd.array(pa.nulls(rows, pa.large_string()), dtype=PANDAS_DTYPES["str"]),
                index=index,
            )
        else:
            columns[column] = pd.Series(_FILL[typ], index=index, dtype=PANDAS_DTYPES[typ])
    return pd.DataFrame(columns, copy=False)


def _note_export_dates(split: _Split, table: pa.Table, codes: np.ndarray) -> None:
    if EXPORT_DATE not in table.column_names:
        return
    moments, bad = split.moments_of(table, EXPORT_DATE)
    if bad.any():
        value = table[EXPORT_DATE][int(np.flatnonzero(bad)[0])].as_py()
        problem = InputError("error.batch.table_value", kind="-", column=EXPORT_DATE, value=value)
        _note_problem(split, bad, codes, problem)
    np.maximum.at(split.export_ns, codes, moments.view(np.int64))  # NaT is int64 min


def split_table(
    table: pa.Table, as_of: date | None = None, *, unread: UnreadColumns | None = None
) -> EventBatch:
    """The members of the event table, sorted by name, as one :class:`EventBatch`.

    A member's export date is the newest ``export_date`` given on their rows, else
    the day of their newest dated event, else ``as_of``; without any of them the
    member cannot be scored and is reported. ``unread`` names the columns of the
    table's file that ``table`` lacks (see :func:`read_events`).
    """
    codes, member_names = _codes(table["member"], by_name=True)
    names = np.asarray(member_names, dtype=object)
    members = len(names)
    split = _Split(
        names=names,
        kinds={},
        present=[set() for _ in range(members)],
        newest_ns=np.full(members, _NONE, dtype=np.int64),
        export_ns=np.full(members, _NONE, dtype=np.int64),
        problems={},
        unread=unread,
    )
    kind_codes, kinds = _codes(table["kind"], by_name=False)
    for number, kind in enumerate(kinds):
        rows = np.flatnonzero(kind_codes == number)
        if kind not in COLUMNS:
            problem = InputError("error.batch.table_kind", kind=kind)
            _note_problem(split, np.ones(len(rows), dtype=bool), codes[rows], problem)
            continue
        _split_kind(split, table, kind, rows, codes[rows])
    _note_export_dates(split, table, codes)
    return _batch(split, as_of)


def read_events(path: Path, as_of: date | None = None, *, every_column: bool = False) -> EventBatch:
    """The members of the event table at ``path`` (see :func:`split_table`).

    Only :data:`MODEL_COLUMNS` are read unless ``every_column``: enough for the
    grouped pass; :meth:`EventBatch.every_column` reads the rest when each member's
    own export is needed whole (``--store``).
    """
    table = read_table(path, None if every_column else MODEL_COLUMNS)
    left = tuple(c for c in file_columns(path) if c not in table.column_names)
    unread = UnreadColumns(path, left) if left else None
    batch = split_table(table, as_of, unread=unread)
    return batch if unread is None else replace(batch, unread=left, source=path, as_of=as_of)


def table_jobs(table: pa.Table, as_of: date | None = None) -> list[MemberJob]:
    """One job per member of the event table, sorted by member name (see :func:`split_table`)."""
    return list(split_table(table, as_of))


def _batch(split: _Split, as_of: date | None) -> EventBatch:
    newest = np.maximum(split.export_ns, split.newest_ns)
    dated = newest != _NONE
    fallback = _NONE if as_of is None else day_number(as_of)
    export_days = np.where(dated, newest // _NS_PER_DAY, fallback)
    problems = {code: reason_of(problem) for code, problem in split.problems.items()}
    undated = np.flatnonzero(export_days == _NONE)
    if len(undated):  # the message is made only when needed: it loads the catalogue
        reason = reason_of(InputError("error.batch.table_no_date"))
        for code in undated:
            problems.setdefault(int(code), reason)
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

    ``unread`` names the text columns of the file ``source`` left unread (their
    values are empty in the frames; the grouped pass does not read them);
    :meth:`every_column` gives the batch with them.
    """

    names: np.ndarray
    kinds: Mapping[str, tuple[pd.DataFrame, np.ndarray]]  # rows in the table's order
    present: list[frozenset[str]]
    export_days: np.ndarray  # day number per member (int64 min: a member with a problem)
    problems: Mapping[int, Reason]
    unread: tuple[str, ...] = ()
    source: Path | None = None  # the file, to read the unread columns from
    as_of: date | None = None  # the as-of day the batch was split with (for a re-read)

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

    def every_column(self) -> EventBatch:
        """This batch with every column of its file (itself when none was left unread)."""
        if not self.unread:
            return self
        if self.source is None:
            raise ValueError("a part of a batch cannot read the columns left unread")
        return read_events(self.source, self.as_of, every_column=True)

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
        """Members ``start`` … ``stop - 1`` with their rows alone (codes from 0 again).

        A part cannot read its unread columns again (:meth:`every_column` is the
        whole batch's).
        """
        kinds = {}
        for kind, (frame, codes) in self.kinds.items():
            mine = (codes >= start) & (codes < stop)
            piece = frame if mine.all() else frame[mine].reset_index(drop=True)
            kinds[kind] = (piece, codes[mine] - start)
        return EventBatch(
            names=self.names[start:stop],
            kinds=kinds,
            present=self.present[start:stop],
            export_days=self.export_days[start:stop],
            problems={c - start: p for c, p in self.problems.items() if start <= c < stop},
            unread=self.unread,
            as_of=self.as_of,
        )

    @cached_property
    def _by_member(self) -> dict[str, tuple[pd.DataFrame, np.ndarray]]:
        """Each kind's rows sorted by member (stable) and where each member's run starts."""
        runs = {}
        for kind, (frame, codes) in self.kinds.items():
            if len(codes) and (np.diff(codes) < 0).any():
                order = np.argsort(codes, kind="stable")
                frame, codes = frame.take(order).reset_index(drop=True), codes[order]
            runs[kind] = (frame, np.searchsorted(codes, np.arange(len(self) + 1)))
        return runs

    def _job(self, code: int) -> MemberJob:
        member = str(self.names[code])
        if code in self.problems:
            return MemberJob(member, problem=self.problems[code])
        full = {}
        for kind in KINDS:
            rows = self._by_member.get(kind)
            if rows is None:
                full[kind] = _empty(kind)
                continue
            frame, bounds = rows
            begin, end = int(bounds[code]), int(bounds[code + 1])
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
