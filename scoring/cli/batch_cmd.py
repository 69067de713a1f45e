"""``ssi batch``: score many members at once and write one row per member.

``ssi batch INPUT --out FILE [--engine local|dask] [--scheduler ADDRESS]
[--as-of YYYY-MM-DD] [--store] [--db URL] [--lang en|de]``. INPUT is a folder of
exports, a manifest CSV or an event table (docs/batch.md). A member whose export
is bad is named on stderr with its reason and in the ``error`` column; the batch
goes on. A thin skin over :mod:`scoring.batch`.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from scoring.cli import clock
from scoring.cli.output import print_error, print_line
from scoring.errors import InputError
from scoring.i18n import LANGS, Lang, t


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser], lang: Lang) -> None:
    """Add the ``batch`` sub-command to the ``ssi`` parser."""
    batch = subparsers.add_parser(
        "batch", help=t("batch.help", lang), description=t("batch.help", lang)
    )
    batch.add_argument("input", metavar="INPUT", help=t("batch.arg.input", lang))
    batch.add_argument("--out", required=True, metavar="FILE", help=t("batch.arg.out", lang))
    batch.add_argument(
        "--engine", choices=("local", "dask"), default=None, help=t("batch.arg.engine", lang)
    )
    batch.add_argument("--scheduler", metavar="ADDRESS", help=t("batch.arg.scheduler", lang))
    batch.add_argument("--as-of", metavar="YYYY-MM-DD", help=t("batch.arg.as_of", lang))
    batch.add_argument("--store", action="store_true", help=t("batch.arg.store", lang))
    batch.add_argument("--db", metavar="URL", help=t("batch.arg.db", lang))
    batch.add_argument("--lang", choices=LANGS, default=None, help=t("batch.arg.lang", lang))
    batch.set_defaults(func=run_batch)


def _engine(args: argparse.Namespace) -> str:
    if args.scheduler and args.engine == "local":
        raise InputError("error.batch.engine")
    return args.engine or ("dask" if args.scheduler else "local")


def run_batch(args: argparse.Namespace) -> int:
    """Score the members of ``args.input`` and write ``args.out``; 0 when the file is written."""
    # The batch and the model are imported when the command runs, not to build the parser.
    from scoring.batch import (  # noqa: PLC0415, RUF100
        batch_jobs,
        checked_output,
        results_frame,
        score_batch,
        store_outcomes,
        write_results,
    )
    from scoring.cli.args import parse_date  # noqa: PLC0415, RUF100

    lang = args.lang
    out = checked_output(Path(args.out))
    engine = _engine(args)
    as_of = parse_date(args.as_of, "--as-of")
    # A batch to store keeps every column: read them all once, not the model's twice.
    jobs = batch_jobs(Path(args.input), as_of, every_column=args.store)
    outcomes = score_batch(
        jobs, engine=engine, scheduler=args.scheduler, as_of=as_of, keep=args.store
    )
    if args.store:
        from scoring.store import Store  # noqa: PLC0415, RUF100 - only --store needs it

        with Store(args.db, now=clock.now) as store:
            outcomes = store_outcomes(store, outcomes)
    frame = results_frame(outcomes, lang)
    write_results(frame, out)
    for member, reason in ((o.member, o.error) for o in outcomes if o.error is not None):
        line = t("batch.member_failed", lang, member=member, reason=reason[lang])
        print_error(line)
    scored = int(frame["total"].notna().sum())
    if args.store:
        new = sum(o.stored == "imported" for o in outcomes)
        known = sum(o.stored == "already_imported" for o in outcomes)
        print_line(t("batch.stored", lang, stored=new, known=known))
    print_line(t("batch.summary", lang, scored=scored, members=len(outcomes), file=out))
    return 0
