"""``ssi whatif``: the score if you did more (or less) each week, followed tips, or stopped.

``ssi whatif PATH... --add ACTIVITY=N ... [--weeks W] [--stop WEEKS]`` prints the
score now and after ``N`` more (or fewer) occurrences of each activity a week,
scored by the real model (:func:`scoring.advice.whatif.simulate`), and with ``--stop``
the week-by-week decay if all activity stops (:func:`scoring.advice.decay.decay`).
``--plan TIP...`` scores the tips ``ssi score`` lists (their keys) done together
(:func:`scoring.advice.plan.plan_gain`): the plan's real gain, which is less than
the tips' gains added up when they lift the same sub-metrics, and its weekly goals.
A thin skin over :mod:`scoring.advice`.
"""

from __future__ import annotations

import argparse
import math
from typing import TYPE_CHECKING, Any

from scoring.cli import clock
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
from scoring.fields import SCORE_FIELDS
from scoring.i18n import Lang, fmt_date, fmt_number, fmt_signed, t, tn
from scoring.present import score_label

if TYPE_CHECKING:
    import pandas as pd

    from scoring.advice.plan import Plan
    from scoring.results import Score


def register(subparsers: argparse._SubParsersAction, lang: Lang) -> None:
    """Add the ``whatif`` sub-command to the ``ssi`` parser."""
    whatif = subparsers.add_parser(
        "whatif", help=t("whatif.help", lang), description=t("whatif.help", lang)
    )
    add_export_arguments(whatif, lang)
    whatif.add_argument(
        "--add", action="append", default=[], metavar="ACTIVITY=N", help=t("whatif.arg.add", lang)
    )
    whatif.add_argument(
        "--plan", action="extend", nargs="+", default=[], metavar="TIP",
        help=t("whatif.arg.plan", lang),
    )  # fmt: skip
    whatif.add_argument("--weeks", metavar="W", help=t("whatif.arg.weeks", lang))
    whatif.add_argument("--stop", metavar="WEEKS", help=t("whatif.arg.stop", lang))
    add_manual_arguments(whatif, lang)
    whatif.set_defaults(func=run_whatif)


def parse_changes(items: list[str]) -> dict[str, float]:
    """``["posts=3", "comments=2,5"]`` → ``{"posts": 3.0, "comments": 2.5}`` (per week).

    The activity names and rates are checked here, before any file is read
    (:func:`scoring.advice.whatif.checked_changes`). A name given twice keeps its
    last value.
    """
    from scoring.advice.whatif import ACTIVITIES, checked_changes  # noqa: PLC0415  lazy: pandas

    changes: dict[str, float] = {}
    for item in items:
        name, sep, raw = item.partition("=")
        rate = parse_weekly_change(name.strip(), raw) if sep and name.strip() else math.nan
        if not math.isfinite(rate):
            raise InputError("error.guide.change", value=item, known=", ".join(ACTIVITIES))
        changes[name.strip()] = rate
    checked_changes(changes)
    return changes


def parse_plan(keys: list[str]) -> list[str]:
    """The tip keys of ``--plan``, each once and in the order given; an unknown one is an error."""
    from scoring.advice.goals import load_tip_goals  # noqa: PLC0415  lazy: loads pandas

    known = load_tip_goals().tip
    for key in keys:
        if key not in known:
            raise InputError("error.advice.unknown_tip", name=key, known=", ".join(known))
    return list(dict.fromkeys(keys))


def score_values(score: Score) -> dict[str, float]:
    """The total and the four pillar scores of ``score``, rounded to two decimals."""
    return {field: round(value, 2) for field, value in score.field_values().items()}


def plan_values(now: Score, plan: Plan) -> dict[str, float]:
    """The total and the pillars with the plan done: now plus the plan's gains."""
    gains = {"total": plan.gain, **plan.pillar_gains}
    return {k: round(v + gains[k], 2) for k, v in score_values(now).items()}


def whatif_payload(
    now: Score,
    after: Score | None,
    changes: dict[str, float],
    weeks: float | None,
    stop: pd.DataFrame | None,
    plan: Plan | None = None,
) -> dict[str, Any]:
    """The JSON of ``ssi whatif``: now, after the changes or the plan and the difference, decay."""
    payload: dict[str, Any] = {"as_of": now.as_of.isoformat(), "now": score_values(now)}
    if after is not None or plan is not None:
        before = score_values(now)
        later = score_values(after) if after is not None else plan_values(now, plan)
        if plan is not None:
            payload["plan"] = plan.model_dump(mode="json")
        payload["changes"] = changes if plan is None else plan.changes
        payload["weeks"] = weeks
        payload["after"] = later
        payload["difference"] = {k: round(later[k] - before[k], 2) for k in SCORE_FIELDS}
    if stop is not None:
        import pandas as pd  # noqa: PLC0415  lazy: the decay frame exists only when run

        frame = stop.assign(as_of=pd.to_datetime(stop["as_of"]).dt.strftime("%Y-%m-%d"))
        payload["decay"] = frame.round(2).to_dict(orient="records")
    return payload


def _comparison(now: Score, later: dict[str, float], after_heading: str, lang: str) -> str:
    before = score_values(now)
    header = ["", t("whatif.now", lang), after_heading, t("whatif.change", lang)]
    rows = [
        [score_label(k, lang, long=True), fmt_number(before[k], lang, 2),
         fmt_number(later[k], lang, 2), fmt_signed(later[k] - before[k], lang, 2)]
        for k in SCORE_FIELDS
    ]  # fmt: skip
    return format_table(header, rows, right=range(1, len(header)))


def plan_text(now: Score, plan: Plan, lang: str) -> str:
    """The human plan: its tips, now and with the plan, the overlap, the weekly goals."""
    title = t("whatif.plan.title", lang, date=fmt_date(now.as_of, lang), tips=", ".join(plan.tips))
    table = _comparison(now, plan_values(now, plan), t("whatif.plan.after", lang), lang)
    lines = [title, "", table, ""]
    alone = plan.sum_of_gains if plan.sum_of_gains is not None else plan.gain
    overlap = "whatif.plan.overlap" if alone > plan.gain else "whatif.plan.no_overlap"
    lines.append(
        t(overlap, lang, gain=fmt_signed(plan.gain, lang, 2), alone=fmt_signed(alone, lang, 2))
    )
    if plan.goals:
        lines += ["", t("whatif.plan.goals", lang), *(f"  {goal}" for goal in plan.goals)]
    if plan.caveat:
        lines += ["", plan.caveat]
    return "\n".join(lines)


def whatif_text(
    now: Score,
    after: Score | None,
    changes: dict[str, float],
    stop: pd.DataFrame | None,
    lang: str,
    plan: Plan | None = None,
) -> str:
    """The human what-if: now, after the changes (or the plan) per pillar, then the decay."""
    lines: list[str] = []
    if plan is not None:
        lines.append(plan_text(now, plan, lang))
    elif after is not None:
        wanted = ", ".join(f"{name} {fmt_signed(rate, lang, 1)}" for name, rate in changes.items())
        lines += [t("whatif.title", lang, date=fmt_date(now.as_of, lang), changes=wanted), ""]
        lines.append(_comparison(now, score_values(after), t("whatif.after", lang), lang))
    if stop is not None:
        import pandas as pd  # noqa: PLC0415  lazy: the decay frame exists only when run

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
    """Score the export, apply the changes or the plan and/or the stop, print them; 0 on success."""
    # The library is imported when the command runs (see build_parser in scoring.cli).
    from scoring.advice.decay import decay  # noqa: PLC0415
    from scoring.advice.plan import plan_gain  # noqa: PLC0415
    from scoring.advice.whatif import ACTIVITIES, simulate  # noqa: PLC0415
    from scoring.ingest import read_export  # noqa: PLC0415
    from scoring.model import score_as_of  # noqa: PLC0415

    if args.add and args.plan:
        raise InputError("error.guide.plan_and_add")
    changes = parse_changes(args.add)
    tips = parse_plan(args.plan)
    stop_weeks = parse_weeks(args.stop, "--stop")
    if not changes and not tips and stop_weeks is None:
        raise InputError("error.guide.nothing", known=", ".join(ACTIVITIES))
    weeks = parse_weeks(args.weeks, "--weeks")
    as_of = parse_date(args.as_of, "--as-of")
    window = parse_window(args.window_days)
    manual = manual_inputs(args)
    data = read_export(args.paths, today=clock.today())
    now = score_as_of(data, as_of=as_of, window_days=window, manual=manual)
    after = plan = None
    if changes:
        after = simulate(
            data, changes, weeks=weeks, as_of=now.as_of, window_days=window, manual=manual
        )
    if tips:
        plan = plan_gain(data, tips, score=now, manual=manual, weeks=weeks, lang=args.lang)
    stop = None
    if stop_weeks is not None:
        stop = decay(data, stop_weeks, window_days=window, manual=manual)
    if args.as_json:
        return print_json(whatif_payload(now, after, changes, weeks, stop, plan))
    print_text(whatif_text(now, after, changes, stop, args.lang, plan))
    return 0
