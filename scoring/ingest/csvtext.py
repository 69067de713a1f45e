"""Bytes → text → a table of raw string columns, whatever LinkedIn or Excel did to the file.

Handles UTF-8 with or without BOM, UTF-16 (2018 files and one 2022 file:
UTF-16LE with BOM, tab-separated, every field quoted), Windows-1252 from an
Excel re-save, CRLF, comma/tab/semicolon delimiters, lines before the header
(the Connections preamble), backslash-escaped quotes (Comments.csv) and quoted
line breaks inside fields. The header row is *found* by matching the expected
column names, never assumed to be the first line.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from scoring.ingest.errors import MalformedCsvError, NotTextError, UnexpectedColumnsError
from scoring.ingest.names import fold

#: How far into a file the header row may sit (the 2022+ Connections preamble is 3 lines).
HEADER_SEARCH_LINES = 40
_HEAD_CHARS = 64 * 1024
_DELIMITERS = ("\t", ";", ",")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# "No conversations found": LinkedIn's stand-in for an empty file.
_NOTHING_FOUND = re.compile(r"^\W*no\b[\w\s]*\bfound\W*$", re.IGNORECASE)
_SENTINEL = "\x1fend-of-file"
_VISIBLE = re.compile(r"\S")


@dataclass(frozen=True)
class Decoded:
    """A file's text and the encoding it was read with."""

    text: str
    encoding: str  # utf-8, utf-8-sig, utf-16-le, utf-16-be, cp1252
    utf8: bytes | None = None  # the UTF-8 bytes of ``text`` when the file had them


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


def decode_text(data: bytes, file: str) -> Decoded:
    """The file's text with any BOM removed, or :class:`NotTextError` for binary data."""
    boms = (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    )
    for bom, encoding in boms:
        if data.startswith(bom):
            body = data[len(bom) :]
            decoded = _checked(_decode(body, encoding.removesuffix("-sig"), file), encoding, file)
            return Decoded(decoded.text, encoding, body if encoding == "utf-8-sig" else None)
    head = data[:4096]
    if b"\x00" in head:
        encoding = _bomless_utf16(head)
        if encoding is None:
            raise NotTextError(file=file)
        return _checked(_decode(data, encoding, file), encoding, file)
    try:
        return Decoded(_checked(data.decode("utf-8"), "utf-8", file).text, "utf-8", data)
    except UnicodeDecodeError:
        # Excel's plain "CSV" save writes Windows-1252, not UTF-8.
        return _checked(_decode(data, "cp1252", file), "cp1252", file)


def _decode(data: bytes, encoding: str, file: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise NotTextError(file=file) from exc


def _bomless_utf16(head: bytes) -> str | None:
    even, odd = head[0::2], head[1::2]
    if odd and odd.count(0) >= 0.9 * len(odd) and even.count(0) <= 0.1 * len(even):
        return "utf-16-le"
    if even and even.count(0) >= 0.9 * len(even) and odd.count(0) <= 0.1 * len(odd):
        return "utf-16-be"
    return None


def _checked(text: str, encoding: str, file: str) -> Decoded:
    sample = text[:_HEAD_CHARS]
    if len(_CONTROL.findall(sample)) > max(2, len(sample) // 100):
        raise NotTextError(file=file)
    return Decoded(text, encoding)


def is_blank(text: str) -> bool:
    """True when the text holds nothing but whitespace."""
    return _VISIBLE.search(text) is None


def says_nothing_found(text: str) -> bool:
    """True for LinkedIn's stand-in files that hold only a line like ``No conversations found``."""
    lines = [line for line in text[:_HEAD_CHARS].splitlines() if line.strip()]
    return len(lines) == 1 and bool(_NOTHING_FOUND.match(lines[0].strip()))


def alias_lookup(aliases: Mapping[str, tuple[str, ...]]) -> dict[str, str]:
    """Folded column name → canonical field, from ``field → (header names…)``."""
    return {fold(name): field for field, names in aliases.items() for name in names}


def find_header(text: str, lookup: Mapping[str, str]) -> Header | None:
    """The line among the first ones that names the most expected columns, or ``None``.

    Each candidate line is split on tab, semicolon and comma; the split that
    matches the most expected names wins, and the first line with the highest
    count is the header. Lines before it (a preamble) are skipped.
    """
    best: Header | None = None
    best_index = 0
    offset = 0
    for index, line in enumerate(text[:_HEAD_CHARS].splitlines(keepends=True)):
        # The header is the best line; a few lines past it nothing better comes.
        if index >= HEADER_SEARCH_LINES or (best is not None and index > best_index + 3):
            break
        for delimiter in _DELIMITERS:
            cells = (fold(cell.strip().strip('"').strip()) for cell in line.split(delimiter))
            found = frozenset(lookup[c] for c in cells if c in lookup)
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
    for line in text[:_HEAD_CHARS].splitlines():
        if line.strip():
            return _shown_header(line)
    return ""


def _shown_header(line: str) -> str:
    line = line.strip().replace('"', "")
    return (line[:117] + "…") if len(line) > 120 else (line or "-")


def read_table(
    text: str,
    header: Header,
    lookup: Mapping[str, str],
    *,
    file: str,
    escapechar: str | None = None,
    utf8: bytes | None = None,
) -> Table:
    """Parse the rows below ``header`` into raw string columns named by canonical field.

    Only the expected columns are parsed (extra columns are fine and never
    read, which keeps a 200k-row messages file fast); ``""`` stands for an
    empty cell. A line with more fields than the header (a quote LinkedIn did
    not escape) would shift its cells, so it is dropped and counted in
    ``malformed``. A file cut off inside a quoted field raises
    :class:`MalformedCsvError`. ``utf8``, the bytes ``text`` was decoded from,
    saves encoding it again for the parser.
    """
    cells = next(csv.reader([header.line], delimiter=header.delimiter), [])
    wanted: dict[str, int] = {}
    for position, cell in enumerate(cells):
        field = lookup.get(fold(cell))
        if field is not None:
            wanted.setdefault(field, position)
    # With usecols pandas silently drops surplus fields, so one more column
    # catches them; a last sentinel line guarantees that column exists.
    overflow = str(len(cells))
    newline = "" if text.endswith(("\n", "\r")) else "\n"
    sentinel = f"{newline}{header.delimiter * len(cells)}{_SENTINEL}\n".encode()
    if utf8 is None:
        body = text[header.offset :].encode("utf-8")
    else:
        body = utf8[len(text[: header.offset].encode("utf-8")) :]
    try:
        frame = pd.read_csv(
            io.BytesIO(body + sentinel),  # bytes: the C parser reads them without a copy
            encoding="utf-8",
            sep=header.delimiter,
            header=0,
            names=[str(i) for i in range(len(cells) + 1)],
            usecols=[*wanted.values(), len(cells)],
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
    if not len(frame) or frame[overflow].iloc[-1] != _SENTINEL:
        raise MalformedCsvError(file=file)
    frame = frame.iloc[:-1]
    bad = (frame[overflow] != "").to_numpy(dtype=bool)
    columns = {field: frame.loc[~bad, str(position)] for field, position in wanted.items()}
    return Table(pd.DataFrame(columns, index=frame.index[~bad]), int(bad.sum()))
