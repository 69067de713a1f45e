"""Everything the CLI prints goes through here: aligned tables, text and JSON.

Text from an export or the database (a profile name, a member name, a file name
inside a zip) is data, never terminal commands: ``ESC]52;…`` would set the
clipboard, ``ESC]0;`` the window title, ``ESC[8m`` hide what follows, a newline
forge an output line. This module is the one place that neutralises them:
:func:`terminal_text` for whole reports (keeps their own newlines and tabs),
:func:`one_line` for a line or cell that holds data (newlines too), and
:func:`json_text` for JSON (escaped, so that scripts still get the exact value).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Collection, Sequence
from datetime import date, datetime

#: What an unprintable character is shown as: visible, and never a command.
REPLACEMENT = "\ufffd"
#: C0 controls, DEL, C1 controls, and the bidi embeddings, overrides and isolates
#: that reorder what the reader sees ("Trojan source").
_UNSAFE = [
    *range(0x00, 0x20),
    0x7F,
    *range(0x80, 0xA0),
    *range(0x202A, 0x202F),
    *range(0x2066, 0x206A),
]
_LINE = dict.fromkeys(_UNSAFE, REPLACEMENT)
_TEXT = {c: r for c, r in _LINE.items() if c not in (0x0A, 0x09)}
#: Escaped in JSON although ``json.dumps`` leaves them as they are (it escapes only C0).
_JSON = {c: f"\\u{c:04x}" for c in _UNSAFE if c >= 0x7F}


def one_line(text: object) -> str:
    """``text`` as one printable line: every control character (newline too) replaced."""
    return str(text).translate(_LINE)


def terminal_text(text: str) -> str:
    """A report for the terminal: control characters replaced, its newlines and tabs kept."""
    return text.translate(_TEXT)


def format_table(
    header: Sequence[str], rows: Sequence[Sequence[str]], right: Collection[int] = ()
) -> str:
    """Rows under a header, each column padded to its widest cell.

    Columns whose index is in ``right`` (numbers) are right-aligned, the others
    left-aligned; trailing spaces are dropped.
    """
    table = [[one_line(cell) for cell in row] for row in [header, *rows]]
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    return "\n".join(
        "  ".join(
            cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
            for i, cell in enumerate(row)
        ).rstrip()
        for row in table
    )


def _json_default(value: object) -> object:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def json_text(payload: object) -> str:
    """``payload`` as indented JSON; dates as ISO text, numpy scalars as numbers.

    Control characters inside strings are escaped (``\\u001b``, ``\\u202e``): the
    value survives for a script, the terminal that shows it sees no command.
    """
    text = json.dumps(payload, ensure_ascii=False, indent=2, default=_json_default)
    return text.translate(_JSON)


def print_text(text: str) -> None:
    """Print ``text`` (a report, a table) on standard output, control characters replaced."""
    print(terminal_text(text), flush=True)


def print_line(text: str) -> None:
    """Print one line that may hold data (a member's name) on standard output."""
    print(one_line(text), flush=True)


def print_error(text: str) -> None:
    """Print one line on standard error: an error is always exactly one line."""
    print(one_line(text), file=sys.stderr, flush=True)


def print_json(payload: object) -> int:
    """Print ``payload`` as JSON on standard output; 0, the exit code of a command that did."""
    print_text(json_text(payload))
    return 0
