"""Bytes → text → a table of raw string columns, whatever LinkedIn or Excel did to the file.

Handles UTF-8 with or without BOM, UTF-16 (2018 files and one 2022 file:
UTF-16LE with BOM, tab-separated, every field quoted), Windows-1252 from an
Excel re-save, CRLF, comma/tab/semicolon delimiters, lines before the header
(the Connections preamble, of any length), backslash-escaped quotes
(Comments.csv, including a comment that ends in a backslash) and quoted line
breaks inside fields. The header row is *found* by matching the expected
column names, never assumed to be the first line. What a person can read is
never dropped: a stray undefined byte or NUL becomes a visible ``�``; a
duplicated column is read from whichever copy holds the value; a line with
unquoted delimiters in its last, free-text column keeps that text.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
from pyarrow import csv as pa_csv

from scoring.ingest.archive import settings
from scoring.ingest.errors import MalformedCsvError, NotTextError, UnexpectedColumnsError
from scoring.ingest.names import fold

#: How much of a file's start the checks for binary data and stand-in files look at.
HEAD_CHARS = 64 * 1024
_REPLACEMENT = "\ufffd"
_NON_ASCII = re.compile("[^\x00-\x7f\ufffd]")
# A comment ending in a backslash: `\"` closes the field when a new row follows.
_TRAILING_BACKSLASH = re.compile(r'(?<!\\)\\"(?=\r?\n\d{4}-\d{2}-\d{2}[ T]\d{2}:)')
_ESCAPED_BACKSLASH = '\\\\"'  # read back as one backslash, then the closing quote
_DELIMITERS = ("\t", ";", ",")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# "No conversations found": LinkedIn's stand-in for an empty file.
_NOTHING_FOUND = re.compile(r"^\W*no\b[\w\s]*\bfound\W*$", re.IGNORECASE)
_SENTINEL = "\x1fend-of-file"
_STRING_TYPES = {pa.string(): pd.StringDtype("pyarrow")}
_VISIBLE = re.compile(r"\S")
# An ASCII byte that is no whitespace (str.isspace also counts \x1c-\x1f as space).
_ASCII_VISIBLE = re.compile(rb"[^\t\n\x0b\x0c\r\x1c-\x1f \x80-\xff]")


class Decoded:
    """A file's text and the encoding it was read with.

    A clean UTF-8 file is checked without being decoded: its text becomes a
    Python string only when something asks for all of it (a 60 MB messages.csv
    would take twice its size as a string, and the parser reads the bytes).
    """

    __slots__ = ("_text", "encoding", "replaced", "utf8")

    def __init__(
        self,
        text: str | None,
        encoding: str,
        utf8: bytes | memoryview | None = None,
        replaced: int = 0,
    ) -> None:
        if text is None and utf8 is None:
            raise ValueError("Decoded needs the text or its UTF-8 bytes")
        self._text = text
        self.encoding = encoding  # utf-8, utf-8-sig, utf-16-le, utf-16-be, cp1252
        self.utf8 = utf8  # the UTF-8 bytes of ``text`` when the file had them
        self.replaced = replaced  # bytes no encoding could read (and NULs), shown as U+FFFD

    @property
    def text(self) -> str:
        """The whole text (decoded on first use)."""
        if self._text is None:
            self._text = str(self.utf8, "utf-8")
        return self._text

    def head(self, chars: int) -> str:
        """The first ``chars`` characters, without decoding the rest."""
        if self._text is not None:
            return self._text[:chars]
        start = memoryview(self.utf8)[: 4 * chars]  # at most 4 bytes per character
        return codecs.getincrementaldecoder("utf-8")().decode(start)[:chars]

    def byte_offset(self, chars: int) -> int:
        """Where character ``chars`` starts in the UTF-8 bytes."""
        return len(self.head(chars).encode("utf-8"))

    def blank_from(self, chars: int) -> bool:
        """True when everything from character ``chars`` on is whitespace."""
        if self._text is not None:
            return is_blank(self._text[chars:])
        rest = memoryview(self.utf8)[self.byte_offset(chars) :]
        if _ASCII_VISIBLE.search(rest) is not None:
            return False
        return is_blank(str(rest, "utf-8"))  # only spaces and non-ASCII: look closer


@dataclass(frozen=True)
class Header:
    """Where the header row is and which canonical field each column feeds."""

    offset: int  # character offset of the header line in the text
    delimiter: str
    fields: frozenset[str]  # canonical fields present in the header
    line: str  # the header line as found


@dataclass(frozen=True)
class Table:
    """The data rows as raw strings (``""`` for empty), one column per canonical field."""

    frame: pd.DataFrame
    malformed: int  # lines with more fields than the header, dropped by the parser
    recovered: int = 0  # such lines kept, the surplus joined into the last column


def decode_text(data: bytes, file: str) -> Decoded:
    """The file's text with any BOM removed, or :class:`NotTextError` for binary data.

    A few bytes no encoding explains (a stray 0x81, a NUL) are text with a
    flaw, not binary: each becomes ``�`` and is counted in ``replaced``.
    """
    boms = (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    )
    for bom, encoding in boms:
        if data.startswith(bom):
            body = memoryview(data)[len(bom) :]
            if encoding == "utf-8-sig":
                if not _valid_utf8(body):
                    raise NotTextError(file=file)
                decoded = Decoded(None, encoding, body)
                _check_sample(decoded.head(HEAD_CHARS), file)
                return decoded
            text = _decode(body, encoding, file)
            _check_sample(text, file)
            return Decoded(text, encoding)
    head = data[:4096]
    if head.count(0) > max(2, len(head) // 100):
        encoding = _bomless_utf16(head)
        if encoding is None:
            raise NotTextError(file=file)
        text = _decode(data, encoding, file)
        _check_sample(text, file)
        return Decoded(text, encoding)
    if not _valid_utf8(data):
        return _flawed(data, file)
    if b"\x00" in data:
        # The parser must not meet a NUL; the UTF-8 bytes no longer match the text.
        nuls = data.count(b"\x00")
        text = data.decode("utf-8").replace("\x00", _REPLACEMENT)
        _check_sample(text, file)
        return Decoded(text, "utf-8", None, nuls)
    decoded = Decoded(None, "utf-8", data)
    _check_sample(decoded.head(HEAD_CHARS), file)
    return decoded


def _valid_utf8(data: bytes | memoryview) -> bool:
    """True for valid UTF-8, checked in place (no Python string is built)."""
    offsets = pa.py_buffer(np.array([0, len(data)], dtype=np.int64))
    try:
        pa.LargeStringArray.from_buffers(1, offsets, pa.py_buffer(data)).validate(full=True)
    except pa.ArrowInvalid:
        return False
    return True


def _flawed(data: bytes, file: str) -> Decoded:
    """Text that is not clean UTF-8: UTF-8 with a few bad bytes, or Windows-1252."""
    as_utf8 = data.decode("utf-8", errors="replace")
    if _NON_ASCII.search(as_utf8) is not None:
        # Real UTF-8 sequences beside the bad bytes: a UTF-8 file with a flaw.
        text, encoding = as_utf8, "utf-8"
    else:
        # Excel's plain "CSV" save writes Windows-1252, not UTF-8; five of its
        # byte values are undefined.
        text, encoding = data.decode("cp1252", errors="replace"), "cp1252"
    text = text.replace("\x00", _REPLACEMENT)
    replaced = text.count(_REPLACEMENT)
    _check_sample(text, file)
    return Decoded(text, encoding, None, replaced)


def _decode(data: bytes | memoryview, encoding: str, file: str) -> str:
    try:
        return str(data, encoding)
    except UnicodeDecodeError as exc:
        raise NotTextError(file=file) from exc


def _bomless_utf16(head: bytes) -> str | None:
    even, odd = head[0::2], head[1::2]
    if odd and odd.count(0) >= 0.9 * len(odd) and even.count(0) <= 0.1 * len(even):
        return "utf-16-le"
    if even and even.count(0) >= 0.9 * len(even) and odd.count(0) <= 0.1 * len(odd):
        return "utf-16-be"
    return None


def _check_sample(text: str, file: str) -> None:
    """:class:`NotTextError` when the start of ``text`` is full of control characters."""
    sample = text[:HEAD_CHARS]
    if len(_CONTROL.findall(sample)) > max(2, len(sample) // 100):
        raise NotTextError(file=file)


def is_blank(text: str) -> bool:
    """True when the text holds nothing but whitespace."""
    return _VISIBLE.search(text) is None


def says_nothing_found(text: str) -> bool:
    """True for LinkedIn's stand-in files that hold only a line like ``No conversations found``."""
    lines = [line for line in text[:HEAD_CHARS].splitlines() if line.strip()]
    return len(lines) == 1 and bool(_NOTHING_FOUND.match(lines[0].strip()))


def alias_lookup(aliases: Mapping[str, tuple[str, ...]]) -> dict[str, str]:
    """Folded column name → canonical field, from ``field → (header names…)``."""
    return {fold(name): field for field, names in aliases.items() for name in names}


def find_header(
    text: str, lookup: Mapping[str, str], search_bytes: int | None = None
) -> Header | None:
    """The line among the first ones that names the most expected columns, or ``None``.

    Each candidate line is split (quotes respected) on tab, semicolon and
    comma; the split that matches the most expected names wins, and the first
    line with the highest count is the header. Lines before it (a preamble of
    any length within ``search_bytes``, by default the ``header_search_bytes``
    limit) are skipped; a quoted preamble cell that lists the column names is
    one cell, so it cannot pass for the header.
    """
    limit = settings()["header_search_bytes"] if search_bytes is None else search_bytes
    best: Header | None = None
    best_index = 0
    offset = 0
    for index, line in enumerate(text[:limit].splitlines(keepends=True)):
        # The header is the best line; a few lines past it nothing better comes.
        if best is not None and index > best_index + 3:
            break
        for delimiter in _DELIMITERS:
            if delimiter not in line and delimiter != ",":
                continue
            cells = next(csv.reader([line], delimiter=delimiter), [])
            found = frozenset(
                lookup[c] for c in (fold(cell.strip()) for cell in cells) if c in lookup
            )
            if found and (best is None or len(found) > len(best.fields)):
                best, best_index = Header(offset, delimiter, found, line.strip()), index
        offset += len(line)
    return best


def require_columns(
    header: Header | None,
    required: tuple[str, ...],
    any_of: tuple[str, ...] = (),
    *,
    text: str,
    file: str,
    kind: str,
    expected: str,
) -> Header:
    """``header`` when it names every ``required`` field and one of ``any_of``.

    Otherwise :class:`UnexpectedColumnsError`: a file named like a LinkedIn
    file whose columns are not that file's cannot be read as it, and reading it
    as zero rows would hide the problem.
    """
    if (
        header is not None
        and all(name in header.fields for name in required)
        and (not any_of or any(name in header.fields for name in any_of))
    ):
        return header
    found = _shown_header(header.line) if header else first_line(text)
    raise UnexpectedColumnsError(file=file, kind=kind, expected=expected, found=found)


def first_line(text: str) -> str:
    """The first non-empty line, shortened for an error message."""
    for line in text[:HEAD_CHARS].splitlines():
        if line.strip():
            return _shown_header(line)
    return ""


def _shown_header(line: str) -> str:
    line = line.strip().replace('"', "")
    return (line[:117] + "…") if len(line) > 120 else (line or "-")


def read_table(
    text: str | Decoded,
    header: Header,
    lookup: Mapping[str, str],
    *,
    file: str,
    escapechar: str | None = None,
    utf8: bytes | None = None,
    free_text: frozenset[str] = frozenset(),
) -> Table:
    """Parse the rows below ``header`` into raw string columns named by canonical field.

    Only the expected columns are parsed (extra columns are fine and never
    read, which keeps a 200k-row messages file fast); ``""`` stands for an
    empty cell. A line with more fields than the header (a quote LinkedIn did
    not escape) would shift its cells, so it is dropped and counted in
    ``malformed`` — unless the header's last column is one of the
    ``free_text`` fields: then the surplus is that text's own commas, joined
    back and counted in ``recovered``. A file cut off inside a quoted field raises
    :class:`MalformedCsvError`. ``text`` is the text or the :class:`Decoded`
    file (whose bytes the parser reads without a Python string of the text);
    ``utf8``, the bytes a ``text`` was decoded from, saves encoding it again.
    """
    decoded = text if isinstance(text, Decoded) else Decoded(text, "utf-8", utf8)
    cells = next(csv.reader([header.line], delimiter=header.delimiter), [])
    wanted: dict[str, list[int]] = {}
    for position, cell in enumerate(cells):
        field = lookup.get(fold(cell))
        if field is not None:
            wanted.setdefault(field, []).append(position)
    if (
        escapechar
        and '\\"' in decoded.text
        and _TRAILING_BACKSLASH.search(decoded.text, header.offset)
    ):
        # The backslash before the closing quote is the comment's own: escape it.
        full = decoded.text
        body = _TRAILING_BACKSLASH.sub(lambda _: _ESCAPED_BACKSLASH, full[header.offset :])
        decoded = Decoded(full[: header.offset] + body, decoded.encoding)
    used = sorted({p for positions in wanted.values() for p in positions} | {len(cells)})
    body = _body(decoded, header)
    frame = _parse_arrow(body, header, len(cells), used, escapechar)
    if frame is None:
        frame = _parse(body, header, len(cells), used, file=file, escapechar=escapechar)
    overflow = str(len(cells))
    bad = (frame[overflow] != "").to_numpy(dtype=bool)
    recovered = 0
    last = len(cells) - 1
    last_field = lookup.get(fold(cells[-1])) if cells else None
    if bad.any() and last_field in free_text:
        # The surplus is text of the last column: parse again as wide as the
        # widest line and join it back.
        lines = pd.Series(decoded.text[header.offset :].splitlines(), dtype="string")
        width = 1 + int(lines.str.count(re.escape(header.delimiter)).max())
        wide = _parse(body, header, width, list(range(width + 1)), file=file, escapechar=escapechar)
        tail = wide.loc[bad].fillna("")
        joined = tail[str(last)]
        for position in range(last + 1, width + 1):
            joined = joined + header.delimiter + tail[str(position)]
        joined = joined.str.rstrip(header.delimiter)
        frame.loc[bad, str(last)] = joined
        recovered, bad = int(bad.sum()), np.zeros(len(frame), dtype=bool)
    if bad.any():
        frame = frame.loc[~bad]
    columns = {field: _first_filled(frame, positions) for field, positions in wanted.items()}
    return Table(pd.DataFrame(columns, index=frame.index, copy=False), int(bad.sum()), recovered)


def _first_filled(frame: pd.DataFrame, positions: list[int]) -> pd.Series:
    """A field's cells; a field the header names twice takes the first copy that is filled."""
    values = frame[str(positions[0])]
    for position in positions[1:]:
        values = values.mask(values == "", frame[str(position)])
    return values


def _body(decoded: Decoded, header: Header) -> memoryview:
    """The UTF-8 bytes from the header line on (a view of the file's bytes, no copy)."""
    if decoded.utf8 is None:
        return memoryview(decoded.text[header.offset :].encode("utf-8"))
    return memoryview(decoded.utf8)[decoded.byte_offset(header.offset) :]


def _sentinel(body: memoryview, header: Header, cells: int) -> bytes:
    """A last line of ``cells`` cells ending in the sentinel (a newline first if needed)."""
    newline = b"" if bytes(body[-1:]) in (b"\n", b"\r") else b"\n"
    return newline + f"{header.delimiter * (cells - 1)}{_SENTINEL}\n".encode()


class _Joined(io.RawIOBase):
    """The file's body and the sentinel line read as one stream, without joining them."""

    def __init__(self, *parts: bytes | memoryview) -> None:
        super().__init__()
        self._parts = [memoryview(part).cast("B") for part in parts]
        self._part = 0
        self._at = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        target = memoryview(buffer).cast("B")
        while self._part < len(self._parts):
            part = self._parts[self._part]
            count = min(len(target), len(part) - self._at)
            if count > 0:
                target[:count] = part[self._at : self._at + count]
                self._at += count
                return count
            self._part, self._at = self._part + 1, 0
        return 0


def _parse_arrow(
    body: memoryview, header: Header, width: int, usecols: list[int], escapechar: str | None
) -> pd.DataFrame | None:
    """The rows as :func:`_parse` gives them, read by pyarrow; ``None`` when it cannot.

    pyarrow keeps every cell in Arrow memory (a message body never becomes a
    Python string) and is several times faster than the C parser. It refuses a
    row whose field count differs from the header's; such a file (and one cut
    off inside a quote) goes to the C parser, which counts and recovers rows.
    """
    names = [str(i) for i in range(width)]
    invalid: list[object] = []
    # A file cut off inside a quote would swallow this last row.
    sentinel = _sentinel(body, header, width)

    def skip(row: object) -> str:
        invalid.append(row)
        return "skip"

    try:
        table = pa_csv.read_csv(
            _Joined(body, sentinel),
            read_options=pa_csv.ReadOptions(column_names=names, skip_rows=1),
            parse_options=pa_csv.ParseOptions(
                delimiter=header.delimiter,
                escape_char=escapechar or False,
                newlines_in_values=True,
                invalid_row_handler=skip,
            ),
            convert_options=pa_csv.ConvertOptions(
                include_columns=[names[i] for i in sorted({*usecols, width - 1}) if i < width],
                column_types=dict.fromkeys(names, pa.string()),
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowInvalid, pa.ArrowException):
        return None
    last = table.column(names[-1])
    if invalid or not len(last) or last[-1].as_py() != _SENTINEL:
        return None
    frame = table.slice(0, len(last) - 1).to_pandas(types_mapper=_STRING_TYPES.get)
    del table, last
    pa.default_memory_pool().release_unused()  # the parser's scratch space, before more is built
    frame[str(width)] = pd.Series("", index=frame.index, dtype="string")
    return frame


def _parse(
    body: memoryview,
    header: Header,
    width: int,
    usecols: list[int],
    *,
    file: str,
    escapechar: str | None,
) -> pd.DataFrame:
    """The rows below the header as ``width`` + 1 string columns named ``"0"``, ``"1"``, …

    With usecols pandas silently drops surplus fields, so one more column
    catches them; a last sentinel line guarantees that column exists. Only the
    ``usecols`` positions are parsed.
    """
    sentinel = _sentinel(body, header, width + 1)
    names = [str(i) for i in range(width + 1)]
    try:
        frame = pd.read_csv(
            io.BytesIO(b"".join((body, sentinel))),  # bytes: the C parser reads them as they are
            encoding="utf-8",
            sep=header.delimiter,
            header=0,
            names=names,
            usecols=usecols,
            dtype="string",
            keep_default_na=False,
            na_filter=False,
            index_col=False,
            escapechar=escapechar,
            engine="c",
            skip_blank_lines=True,
            # In chunks, a chunk without a surplus field would lack the column.
            low_memory=False,
        )
    except (pd.errors.ParserError, ValueError) as exc:
        raise MalformedCsvError(file=file) from exc
    if not len(frame) or frame[str(width)].iloc[-1] != _SENTINEL:
        raise MalformedCsvError(file=file)
    return frame.iloc[:-1]
