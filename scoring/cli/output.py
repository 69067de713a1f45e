"""Everything the CLI prints goes through here: aligned tables, text and JSON."""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from datetime import date, datetime
from typing import Any


def format_table(
    header: Sequence[str], rows: Sequence[Sequence[str]], right: Collection[int] = ()
) -> str:
    """Rows under a header, each column padded to its widest cell.

    Columns whose index is in ``right`` (numbers) are right-aligned, the others
    left-aligned; trailing spaces are dropped.
    """
    table = [list(header), *(list(row) for row in rows)]
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    return "\n".join(
        "  ".join(
            cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
            for i, cell in enumerate(row)
        ).rstrip()
        for row in table
    )


def _json_default(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def json_text(payload: Any) -> str:
    """``payload`` as indented JSON; dates as ISO text, numpy scalars as numbers."""
    return json.dumps(payload, ensure_ascii=False, indent=2, default=_json_default)


def print_text(text: str) -> None:
    """Print ``text`` (a report, a table, a message) on standard output."""
    print(text, flush=True)


def print_json(payload: Any) -> int:
    """Print ``payload`` as JSON on standard output; 0, the exit code of a command that did."""
    print_text(json_text(payload))
    return 0
