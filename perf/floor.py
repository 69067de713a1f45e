"""The I/O floor: a process that only reads an export's CSV files with ``pyarrow.csv``.

``python perf/floor.py EXPORT.zip`` decompresses every CSV of the archive and
parses it into an Arrow table, nothing else: what any reader of the same bytes
must at least spend. Rows a file's header does not fit (LinkedIn's "Notes:"
preamble) are skipped rather than failing, as a reader must too.
"""

from __future__ import annotations

import io
import sys
import zipfile

import pyarrow.csv as pacsv


def read_all(path: str) -> int:
    """Parse every CSV in the zip at ``path``; the number of rows read."""
    options = pacsv.ParseOptions(newlines_in_values=True, invalid_row_handler=lambda _row: "skip")
    rows = 0
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            if info.filename.lower().endswith(".csv"):
                data = archive.read(info)
                rows += pacsv.read_csv(io.BytesIO(data), parse_options=options).num_rows
    return rows


if __name__ == "__main__":
    print(read_all(sys.argv[1]))
