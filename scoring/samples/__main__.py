"""``python -m scoring.samples [OUT_DIR] [--heavy PATH]``: write the synthetic exports.

OUT_DIR gets every persona's archive and ``manifest.json`` (``sample_data``
reproduces the committed files byte for byte); ``--heavy PATH`` writes a large
archive for speed and memory tests. Give either or both.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from scoring.errors import SSIError
from scoring.samples import write_heavy_archive, write_samples


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the command line, write the archives, print one line per file written."""
    parser = argparse.ArgumentParser(
        prog="python -m scoring.samples",
        description="Write the synthetic LinkedIn sample exports (deterministic).",
    )
    parser.add_argument(
        "out_dir", type=Path, nargs="?", help="folder for the samples, e.g. sample_data"
    )
    parser.add_argument("--heavy", type=Path, metavar="PATH", help="also write a heavy archive")
    parser.add_argument("--connections", type=int, default=30_000, help="heavy: connections")
    parser.add_argument("--messages", type=int, default=200_000, help="heavy: messages")
    parser.add_argument("--seed", type=int, default=7, help="heavy: random seed")
    args = parser.parse_args(argv)
    if args.out_dir is None and args.heavy is None:
        parser.error("give OUT_DIR, --heavy PATH, or both")
    try:
        if args.out_dir is not None:
            for path in write_samples(args.out_dir):
                print(path)
        if args.heavy:
            manifest = write_heavy_archive(args.heavy, args.connections, args.messages, args.seed)
            rows = sum(f.rows for f in manifest.files)
            print(f"{args.heavy} ({rows} rows)")
    except SSIError as exc:
        print(exc.message("en"), file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
