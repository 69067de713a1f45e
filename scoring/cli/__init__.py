"""The ``ssi`` command: a thin skin over the scoring package.

Each sub-command lives in its own module with ``register(subparsers)``; the
module sets ``func`` on its parser. Exit codes: 0 success, 2 bad input (one line
on stderr, in the chosen language), 1 internal error (one line, no traceback
unless ``SSI_DEBUG=1``).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from scoring.errors import SSIError
from scoring.i18n import normalize_lang, t

#: Sub-command modules, in the order ``ssi --help`` lists them.
COMMAND_MODULES = (
    "scoring.cli.inspect_cmd",
    "scoring.cli.score_cmd",
    "scoring.cli.guide_cmd",
    "scoring.cli.store_cmd",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ssi",
        description="Estimate, explain and track your LinkedIn Social Selling Index "
        "from your own data export.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue
            raise
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(args_list)
    lang = normalize_lang(getattr(args, "lang", None) or os.environ.get("SSI_LANG"))
    try:
        return int(args.func(args) or 0)
    except SSIError as exc:
        print(exc.message(lang), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `ssi … | head` closed the pipe: not an error of ours or the user's.
        sys.stderr.close()
        return 0
    except Exception as exc:  # the last guard: one line, never a traceback
        if os.environ.get("SSI_DEBUG") == "1":
            raise
        print(t("error.internal", lang, detail=type(exc).__name__), file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
