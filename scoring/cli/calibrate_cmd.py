"""``ssi calibrate``: fit the sub-metric weights to several official readings of one user.

``ssi calibrate PATH... --reading YYYY-MM-DD=FILE ...`` scores the export as of
each reading's day, fits the weights (:func:`scoring.model.calibrate.calibrate`)
and reports the error before and after. A thin skin over :mod:`scoring.model`.
"""

from __future__ import annotations

import argparse
import math
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scoring.cli import clock
from scoring.cli.args import add_export_arguments, parse_date, parse_window
from scoring.cli.models_cmd import models_folder
from scoring.cli.output import format_table, print_json, print_text
from scoring.errors import InputError
from scoring.fields import PILLARS
from scoring.i18n import Lang, fmt_number, t

if TYPE_CHECKING:
    from scoring.model.calibrate import Calibration
    from scoring.official import OfficialReading


def register(subparsers: argparse._SubParsersAction, lang: Lang) -> None:
    """Add the ``calibrate`` sub-command to the ``ssi`` parser."""
    cal = subparsers.add_parser(
        "calibrate", help=t("calibrate.help", lang), description=t("calibrate.help", lang)
    )
    add_export_arguments(cal, lang)
    cal.add_argument(
        "--reading",
        action="append",
        default=[],
        metavar="YYYY-MM-DD=FILE",
        help=t("calibrate.arg.reading", lang),
    )
    cal.add_argument("--save", metavar="NAME", help=t("calibrate.arg.save", lang))
    cal.set_defaults(func=run_calibrate)


def parse_reading(spec: str) -> OfficialReading:
    """``YYYY-MM-DD=FILE`` → the official reading pasted into FILE, dated that day."""
    from scoring.official import parse_official  # noqa: PLC0415  lazy: loads pandas

    day, sep, path = spec.partition("=")
    if not sep or not path.strip():
        raise InputError("error.guide.reading", value=spec)
    as_of = parse_date(day.strip(), "--reading")
    try:
        text = Path(path.strip()).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        raise InputError("error.score_input.official_file", file=path.strip()) from None
    return parse_official(text, as_of=as_of)


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
    lines.append(format_table(header, rows, right={1, 2}))
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
    # The library is imported when the command runs (see build_parser in scoring.cli).
    from scoring.ingest import read_export  # noqa: PLC0415
    from scoring.model import load_config, score_as_of  # noqa: PLC0415
    from scoring.model.calibrate import calibrate  # noqa: PLC0415
    from scoring.model.saved import checked_name, save_model, uncertainty_text  # noqa: PLC0415

    if len(args.reading) < 1:
        raise InputError("error.guide.no_readings")
    readings = [parse_reading(spec) for spec in args.reading]
    if args.save is not None:
        checked_name(args.save)  # a bad name stops before any work
    window = parse_window(args.window_days)
    data = read_export(args.paths, today=clock.today())
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
    caveat = uncertainty_text(result.readings, len(result.weights), args.lang)
    if args.as_json:
        payload = calibration_payload(result)
        payload["uncertainty"] = caveat
        if saved is not None:
            payload["model"] = saved.payload()
        return print_json(payload)
    print_text(calibration_text(result, args.lang))
    if caveat:
        print_text(f"\n{caveat}")
    if saved is not None:
        print_text(f"\n{t('saved_model.saved', args.lang, name=saved.name, file=saved.path)}")
    return 0
