"""``ssi whatif`` and ``ssi calibrate``: the what-if simulator and the weight calibration.

``ssi whatif PATH... --add ACTIVITY=N ... [--weeks W] [--stop WEEKS]`` prints the
score now and after ``N`` more (or fewer) occurrences of each activity a week,
scored by the real model (:func:`scoring.advice.whatif.simulate`), and with ``--stop``
the week-by-week decay if all activity stops (:func:`scoring.advice.decay.decay`).
``ssi calibrate PATH... --reading YYYY-MM-DD=FILE ...`` fits the sub-metric weights
to several official readings of one user (:func:`scoring.model.calibrate.calibrate`)
and reports the error before and after. Both are thin skins over ``scoring``.
"""

from __future__ import annotations

import argparse
import json
import math
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from scoring.advice.decay import decay
from scoring.advice.whatif import ACTIVITIES, simulate
from scoring.cli.models_cmd import models_folder
from scoring.cli.score_cmd import _common_arguments, _lang, manual_inputs, parse_date, parse_window
from scoring.errors import InputError
from scoring.i18n import Lang, fmt_date, fmt_number, fmt_signed, t
from scoring.ingest import read_export
from scoring.model import load_config, score_as_of
from scoring.model.calibrate import Calibration, calibrate
from scoring.model.saved import checked_name, save_model, uncertainty_text
from scoring.official import OfficialReading, parse_official
from scoring.results import PILLARS, Score

SCORES = ("total", *PILLARS)


def register(subparsers: Any, lang: Lang) -> None:
    """Add the ``whatif`` and ``calibrate`` sub-commands to the ``ssi`` parser."""
    whatif = subparsers.add_parser(
        "whatif", help=t("whatif.help", lang), description=t("whatif.help", lang)
    )
    _common_arguments(whatif, lang)
    whatif.add_argument(
        "--add", action="append", default=[], metavar="ACTIVITY=N", help=t("whatif.arg.add", lang)
    )
    whatif.add_argument("--weeks", metavar="W", help=t("whatif.arg.weeks", lang))
    whatif.add_argument("--stop", metavar="WEEKS", help=t("whatif.arg.stop", lang))
    whatif.add_argument("--as-of", metavar="YYYY-MM-DD", help=t("score.arg.as_of", lang))
    whatif.add_argument("--profile-views", metavar="N", help=t("score.arg.profile_views", lang))
    whatif.add_argument("--saved-leads", metavar="N", help=t("score.arg.saved_leads", lang))
    whatif.set_defaults(func=run_whatif)

    cal = subparsers.add_parser(
        "calibrate", help=t("calibrate.help", lang), description=t("calibrate.help", lang)
    )
    _common_arguments(cal, lang)
    cal.add_argument(
        "--reading",
        action="append",
        default=[],
        metavar="YYYY-MM-DD=FILE",
        help=t("calibrate.arg.reading", lang),
    )
    cal.add_argument("--save", metavar="NAME", help=t("calibrate.arg.save", lang))
    cal.set_defaults(func=run_calibrate)


# ------------------------------------------------------------------ arguments


def parse_changes(items: list[str]) -> dict[str, float]:
    """``["posts=3", "comments=2,5"]`` → ``{"posts": 3.0, "comments": 2.5}`` (per week).

    The activity names are checked by :func:`scoring.advice.whatif.simulate`; here
    only the ``NAME=NUMBER`` shape is. A name given twice keeps its last value.
    """
    changes: dict[str, float] = {}
    for item in items:
        name, sep, raw = item.partition("=")
        try:
            rate = float(raw.strip().replace(",", "."))
        except ValueError:
            rate = math.nan
        if not sep or not name.strip() or not math.isfinite(rate):
            raise InputError("error.guide.change", value=item, known=", ".join(ACTIVITIES))
        changes[name.strip()] = rate
    return changes


def parse_weeks(text: str | None, option: str) -> int | None:
    """A whole number of weeks of at least 1 for ``option``, or None when not given."""
    if text is None:
        return None
    try:
        weeks = int(text)
    except ValueError:
        weeks = 0
    if weeks < 1:
        raise InputError("error.guide.weeks", option=option, value=text)
    return weeks


def parse_reading(spec: str) -> OfficialReading:
    """``YYYY-MM-DD=FILE`` → the official reading pasted into FILE, dated that day."""
    day, sep, path = spec.partition("=")
    if not sep or not path.strip():
        raise InputError("error.guide.reading", value=spec)
    as_of = parse_date(day.strip(), "--reading")
    try:
        text = Path(path.strip()).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        raise InputError("error.score_input.official_file", file=path.strip()) from None
    return parse_official(text, as_of=as_of)


# ------------------------------------------------------------------ what-if


def score_values(score: Score) -> dict[str, float]:
    """The total and the four pillar scores of ``score``, rounded to two decimals."""
    return {
        "total": round(score.total, 2),
        **{p: round(score.pillars[p].score, 2) for p in PILLARS},
    }


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
        payload["difference"] = {k: round(later[k] - before[k], 2) for k in SCORES}
    if stop is not None:
        frame = stop.assign(as_of=pd.to_datetime(stop["as_of"]).dt.strftime("%Y-%m-%d"))
        payload["decay"] = frame.round(2).to_dict(orient="records")
    return payload


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    return [
        "  ".join(
            cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(r)
        ).rstrip()
        for r in [header, *rows]
    ]


def whatif_text(
    now: Score, after: Score | None, changes: dict[str, float], stop: Any, lang: str
) -> str:
    """The human what-if: now, after the changes and the change per pillar, then the decay."""
    labels = [t("common.total", lang), *(t(f"pillar.{p}", lang) for p in PILLARS)]
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
            for label, k in zip(labels, SCORES, strict=True)
        ]  # fmt: skip
        lines += _table(header, rows)
    if stop is not None:
        if lines:
            lines.append("")
        lines += [t("whatif.decay_title", lang, weeks=int(stop["week"].max())), ""]
        header = [t("whatif.week", lang), t("score.heading.date", lang)]
        header += [t("common.total", lang), *(t(f"pillar_short.{p}", lang) for p in PILLARS)]
        dates = pd.to_datetime(stop["as_of"]).dt.date
        rows = [
            [str(week), fmt_date(day, lang), *(fmt_number(v, lang, 2) for v in values)]
            for week, day, values in zip(
                stop["week"], dates, stop[list(SCORES)].to_numpy().tolist(), strict=True
            )
        ]
        lines += _table(header, rows)
    return "\n".join(lines)


def run_whatif(args: argparse.Namespace) -> int:
    """Score the export, apply the weekly changes and/or the stop, print both; 0 on success."""
    lang = _lang(args)
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
        payload = whatif_payload(now, after, changes, weeks, stop)
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        print(whatif_text(now, after, changes, stop, lang))
    return 0


# ------------------------------------------------------------------ calibration


def calibration_payload(result: Calibration) -> dict[str, Any]:
    """The JSON of ``ssi calibrate``: weights before/after, bounds, errors, limits reached."""

    def finite(values: dict[str, float]) -> dict[str, float | None]:
        return {k: (v if math.isfinite(v) else None) for k, v in values.items()}

    return {
        "readings": result.readings,
        "model_version": result.config.version,
        "weights": {k: round(v, 4) for k, v in result.weights.items()},
        "default_weights": result.default_weights,
        "bounds": {k: list(v) for k, v in result.bounds.items()},
        "at_bound": list(result.at_bound),
        "rmse_before": finite(result.rmse_before),
        "rmse_after": finite(result.rmse_after),
    }


def calibration_text(result: Calibration, lang: str) -> str:
    """The human calibration report: the error summary, per-metric weights, limits reached."""

    def rmse(value: float) -> str:
        return fmt_number(value, lang, 2) if math.isfinite(value) else "–"

    lines = [
        t(
            "official.calibration.summary",
            lang,
            n=result.readings,
            before=rmse(result.rmse_before["total"]),
            after=rmse(result.rmse_after["total"]),
        ),
        "",
    ]
    header = [
        t("score.heading.metric", lang),
        t("calibrate.default", lang),
        t("calibrate.fitted", lang),
    ]
    rows: list[list[str]] = []
    for pillar in PILLARS:
        rows.append(
            [
                t(f"pillar.{pillar}", lang),
                t("calibrate.rmse", lang, value=rmse(result.rmse_before[pillar])),
                t("calibrate.rmse", lang, value=rmse(result.rmse_after[pillar])),
            ]
        )
        rows += [
            [
                f"  {t(f'metric.{k}.label', lang)}",
                fmt_number(result.default_weights[k], lang, 2),
                fmt_number(result.weights[k], lang, 2),
            ]
            for k in _pillar_keys(result, pillar)
        ]
    lines += _table(header, rows)
    if result.at_bound:
        labels = ", ".join(t(f"metric.{k}.label", lang) for k in result.at_bound)
        lines += ["", t("official.calibration.at_bound", lang, metrics=labels)]
    lines += ["", t("calibrate.note", lang)]
    return "\n".join(lines)


def _pillar_keys(result: Calibration, pillar: str) -> list[str]:
    """The metric keys of ``pillar``, in model order, from the calibrated configuration."""
    return [key for p, key, _ in result.config.metric_items() if p == pillar]


def run_calibrate(args: argparse.Namespace) -> int:
    """Fit the weights to the official readings given and print the result; 0 on success."""
    lang = _lang(args)
    if len(args.reading) < 1:
        raise InputError("error.guide.no_readings")
    readings = [parse_reading(spec) for spec in args.reading]
    if args.save is not None:
        checked_name(args.save)  # a bad name stops before any work
    window = parse_window(args.window_days)
    data = read_export(args.paths, today=date.today())
    late = [r.as_of for r in readings if r.as_of is not None and r.as_of > data.export_date]
    if late:
        # The export cannot know the activity after its own date: such a fit would be noise.
        raise InputError(
            "error.guide.reading_after_export", date=late[0].isoformat(),
            export_date=data.export_date.isoformat(),
        )  # fmt: skip
    config = load_config()
    # Scored here rather than in calibrate() so --window-days is range-checked by the model.
    scores = [score_as_of(data, as_of=r.as_of, window_days=window, config=config) for r in readings]
    result = calibrate(list(zip(scores, readings, strict=True)), config)
    saved = None
    if args.save is not None:
        dates = tuple(s.as_of for s in scores)
        saved = save_model(models_folder(), args.save, result, dates)
    caveat = uncertainty_text(result.readings, len(result.weights), lang)
    if args.as_json:
        payload = calibration_payload(result)
        payload["uncertainty"] = caveat
        if saved is not None:
            payload["model"] = saved.payload()
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        print(calibration_text(result, lang))
        if caveat:
            print(f"\n{caveat}")
        if saved is not None:
            print(f"\n{t('saved_model.saved', lang, name=saved.name, file=saved.path)}")
    return 0
