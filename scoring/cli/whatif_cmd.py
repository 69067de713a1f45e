"""``ssi whatif``: the score if you did more (or less) each week, or stopped for a while.

``ssi whatif PATH... --add ACTIVITY=N ... [--weeks W] [--stop WEEKS]`` prints the
score now and after ``N`` more (or fewer) occurrences of each activity a week,
scored by the real model (:func:`scoring.advice.whatif.simulate`), and with ``--stop``
the week-by-week decay if all activity stops (:func:`scoring.advice.decay.decay`).
A thin skin over :mod:`scoring.advice`.
"""

from __future__ import annotations

import argparse
import math
from datetime import date
from typing import Any

import pandas as pd

from scoring.advice.decay import decay
from scoring.advice.whatif import ACTIVITIES, simulate
from scoring.cli.args import (
    add_export_arguments,
    add_manual_arguments,
    manual_inputs,
    parse_date,
    parse_weekly_change,
    parse_weeks,
    parse_window,
)
from scoring.cli.output import format_table, print_json, print_text
from scoring.errors import InputError
from scoring.i18n import Lang, fmt_date, fmt_number, fmt_signed, t, tn
from scoring.ingest import read_export
from scoring.model import score_as_of
from scoring.present import score_label
from scoring.results import SCORE_FIELDS, Score


def register(subparsers: Any, lang: Lang) -> None:
    """Add the ``whatif`` sub-command to the ``ssi`` parser."""
    whatif = subparsers.add_parser(
        "whatif", help=t("whatif.help", lang), description=t("whatif.help", lang)
    )
    add_export_arguments(whatif, lang)
    whatif.add_argument(
        "--add", action="append", default=[], metavar="ACTIVITY=N", help=t("whatif.arg.add", lang)
    )
    whatif.add_argument("--weeks", metavar="W", help=t("whatif.arg.weeks", lang))
    whatif.add_argument("--stop", metavar="WEEKS", help=t("whatif.arg.stop", lang))
    add_manual_arguments(whatif, lang)
    whatif.set_defaults(func=run_whatif)


def parse_changes(items: list[str]) -> dict[str, float]:
    """``["posts=3", "comments=2,5"]`` → ``{"posts": 3.0, "comments": 2.5}`` (per week).

    The activity names are checked by :func:`scoring.advice.whatif.simulate`; here
    only the ``NAME=NUMBER`` shape is. A name given twice keeps its last value.
    """
    changes: dict[str, float] = {}
    for item in items:
        name, sep, raw = item.partition("=")
        rate = parse_weekly_change(name.strip(), raw) if sep and name.strip() else math.nan
        if not math.isfinite(rate):
            raise InputError("error.guide.change", value=item, known=", ".join(ACTIVITIES))
        changes[name.strip()] = rate
    return changes


def score_values(score: Score) -> dict[str, float]:
    """The total and the four pillar scores of ``score``, rounded to two decimals."""
    return {field: round(value, 2) for field, value in score.field_values().items()}


def whatif_payload(
    now: Score, after: Score | None, changes: dict[str, float], weeks: float | None, stop: Any
) -> dict[str, Any]:
    """The JSON of ``ssi whatif``: now, after the changes and their difference, and the decay."""
    payload: dict[str, Any] = {"as_of": now.as_of.isoformat(), "now": score_values(now)}
    if after is not None:
        before, later = score_values(now), score_values(after)
        payload["changes"] = changes
        payload["weeks"] = weeks
        payload["after"] = later
        payload["difference"] = {k: round(later[k] - before[k], 2) for k in SCORE_FIELDS}
    if stop is not None:
        frame = stop.assign(as_of=pd.to_datetime(stop["as_of"]).dt.strftime("%Y-%m-%d"))
        payload["decay"] = frame.round(2).to_dict(orient="records")
    return payload


def whatif_text(
    now: Score, after: Score | None, changes: dict[str, float], stop: Any, lang: str
) -> str:
    """The human what-if: now, after the changes and the change per pillar, then the decay."""
    labels = [score_label(k, lang, long=True) for k in SCORE_FIELDS]
    before = score_values(now)
    lines: list[str] = []
    if after is not None:
        wanted = ", ".join(f"{name} {fmt_signed(rate, lang, 1)}" for name, rate in changes.items())
        lines += [t("whatif.title", lang, date=fmt_date(now.as_of, lang), changes=wanted), ""]
        later = score_values(after)
        header = ["", t("whatif.now", lang), t("whatif.after", lang), t("whatif.change", lang)]
        rows = [
            [label, fmt_number(before[k], lang, 2), fmt_number(later[k], lang, 2),
             fmt_signed(later[k] - before[k], lang, 2)]
            for label, k in zip(labels, SCORE_FIELDS, strict=True)
        ]  # fmt: skip
        lines.append(format_table(header, rows, right=range(1, len(header))))
    if stop is not None:
        if lines:
            lines.append("")
        weeks = int(stop["week"].max())
        lines += [tn("whatif.decay_title", weeks, lang, weeks=weeks), ""]
        header = [t("whatif.week", lang), t("score.heading.date", lang)]
        header += [score_label(k, lang) for k in SCORE_FIELDS]
        dates = pd.to_datetime(stop["as_of"]).dt.date
        rows = [
            [str(week), fmt_date(day, lang), *(fmt_number(v, lang, 2) for v in values)]
            for week, day, values in zip(
                stop["week"], dates, stop[list(SCORE_FIELDS)].to_numpy().tolist(), strict=True
            )
        ]
        lines.append(format_table(header, rows, right=range(1, len(header))))
    return "\n".join(lines)


def run_whatif(args: argparse.Namespace) -> int:
    """Score the export, apply the weekly changes and/or the stop, print both; 0 on success."""
    changes = parse_changes(args.add)
    stop_weeks = parse_weeks(args.stop, "--stop")
    if not changes and stop_weeks is None:
        raise InputError("error.guide.nothing", known=", ".join(ACTIVITIES))
    weeks = parse_weeks(args.weeks, "--weeks")
    as_of = parse_date(args.as_of, "--as-of")
    window = parse_window(args.window_days)
    manual = manual_inputs(args)
    data = read_export(args.paths, today=date.today())
    now = score_as_of(data, as_of=as_of, window_days=window, manual=manual)
    after = None
    if changes:
        after = simulate(
            data, changes, weeks=weeks, as_of=now.as_of, window_days=window, manual=manual
        )
    stop = None
    if stop_weeks is not None:
        stop = decay(data, stop_weeks, window_days=window, manual=manual)
    if args.as_json:
        return print_json(whatif_payload(now, after, changes, weeks, stop))
    print_text(whatif_text(now, after, changes, stop, args.lang))
    return 0
