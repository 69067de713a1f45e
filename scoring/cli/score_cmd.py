"""``ssi score`` and ``ssi history``: the estimated SSI of an export, now and over time.

``ssi score PATH... [--as-of YYYY-MM-DD] [--window-days N] [--json] [--lang en|de]
[--profile-views N] [--saved-leads N]`` prints every pillar and sub-metric as an
aligned table (or JSON); ``ssi history PATH... [--freq D|W|M] [--window-days N]
[--json] [--lang en|de]`` prints the score at every day, week or month from the
first activity to the export date. Both are thin skins over :mod:`scoring.model`.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from scoring.bands import band
from scoring.cli import clock
from scoring.cli.args import (
    add_export_arguments,
    add_manual_arguments,
    manual_inputs,
    parse_database_url,
    parse_date,
    parse_freq,
    parse_tips,
    parse_window,
)
from scoring.cli.models_cmd import models_folder
from scoring.cli.output import format_table, one_line, print_json, print_text
from scoring.errors import InputError
from scoring.fields import PILLARS, SCORE_FIELDS
from scoring.i18n import Lang, fmt_date, fmt_number, t
from scoring.present import metric_shown_value, metric_value_text, score_label

if TYPE_CHECKING:
    import pandas as pd

    from scoring.advice.tips import Tip
    from scoring.compare import GroupComparison, Percentiles
    from scoring.model.config import ModelConfig
    from scoring.model.saved import SavedModel
    from scoring.official import OfficialReading
    from scoring.results import Score


def register(subparsers: argparse._SubParsersAction, lang: Lang) -> None:
    """Add the ``score`` and ``history`` sub-commands to the ``ssi`` parser."""
    score = subparsers.add_parser(
        "score", help=t("score.help", lang), description=t("score.help", lang)
    )
    add_export_arguments(score, lang)
    add_manual_arguments(score, lang)
    score.add_argument("--industry", metavar="NAME", help=t("score.arg.industry", lang))
    score.add_argument("--peers", metavar="FILE", help=t("score.arg.peers", lang))
    score.add_argument("--official", metavar="FILE", help=t("score.arg.official", lang))
    score.add_argument("--team", action="store_true", help=t("score.arg.team", lang))
    score.add_argument("--member", metavar="NAME", help=t("score.arg.member", lang))
    score.add_argument("--db", metavar="URL", help=t("score.arg.db", lang))
    score.add_argument("--tips", default="5", metavar="N", help=t("score.arg.tips", lang))
    score.add_argument("--model", metavar="NAME", help=t("score.arg.model", lang))
    score.set_defaults(func=run_score)

    history = subparsers.add_parser(
        "history", help=t("history.help", lang), description=t("history.help", lang)
    )
    add_export_arguments(history, lang)
    history.add_argument("--freq", default="W", metavar="D|W|M", help=t("history.arg.freq", lang))
    history.add_argument("--model", metavar="NAME", help=t("score.arg.model", lang))
    history.set_defaults(func=run_history)


# ------------------------------------------------------------------ commands


def run_score(args: argparse.Namespace) -> int:
    """Score the export named by ``args.paths`` and print it; 0 on success."""
    # The library is imported when the command runs (see build_parser in scoring.cli).
    from scoring.advice.tips import ranked_tips, tips_payload  # noqa: PLC0415
    from scoring.compare import compare, percentiles_payload  # noqa: PLC0415
    from scoring.ingest import read_export  # noqa: PLC0415
    from scoring.model import score_as_of  # noqa: PLC0415
    from scoring.model.attribution import change_payload, score_and_change  # noqa: PLC0415
    from scoring.model.history import checked_as_of  # noqa: PLC0415
    from scoring.model.payload import score_payload  # noqa: PLC0415
    from scoring.model.saved import default_payload  # noqa: PLC0415

    lang = args.lang
    as_of = parse_date(args.as_of, "--as-of")
    window = parse_window(args.window_days)
    manual = manual_inputs(args)
    tip_count = parse_tips(args.tips)
    database = parse_database_url(args.db) if args.team else None
    official = _official_reading(args.official)
    config, saved = chosen_model(args.model)
    data = read_export(args.paths, today=clock.today())
    as_of = checked_as_of(data, as_of)
    # One evaluation per as-of day: JSON also reports the change since a week before,
    # so both days are evaluated at once and everything below reuses that score.
    change = None
    if args.as_json:
        scored = score_and_change(
            data, as_of=as_of, window_days=window, manual=manual, config=config
        )
        score, change = scored.score, scored.change
    else:
        score = score_as_of(data, as_of=as_of, window_days=window, manual=manual, config=config)
    percentiles = compare(
        score,
        data,
        industry=args.industry,
        peers=args.peers,
        official=official,
        cohort=_team_cohort(args, database),
        member=args.member,
    )
    tips = ranked_tips(data, score, config=config, lang=lang, limit=tip_count, manual=manual)
    if change is not None:  # --json
        payload = score_payload(score, lang)
        payload["band"] = band(score.total)
        payload["percentiles"] = percentiles_payload(percentiles, lang)
        payload["tips"] = tips_payload(tips)
        payload["change"] = change_payload(change, lang)
        payload["model"] = saved.payload() if saved else default_payload(config)
        return print_json(payload)
    print_text(score_text(score, lang, export_date=data.export_date))
    caveat = saved.uncertainty_text(lang) if saved else None
    if caveat:
        print_text(f"\n{caveat}")
    print_text("")
    print_text(guidance_text(score, percentiles, tips, lang))
    return 0


def chosen_model(name: str | None) -> tuple[ModelConfig, SavedModel | None]:
    """The model ``--model NAME`` names: a saved one, or the bundled one without a name."""
    from scoring.model.config import load_config  # noqa: PLC0415  lazy: loads pandas
    from scoring.model.saved import resolve_model  # noqa: PLC0415  lazy: loads pandas

    if name is None:
        return load_config(), None
    return resolve_model(models_folder(), name)


def _team_cohort(args: argparse.Namespace, database: str | None) -> pd.DataFrame | None:
    """The other members stored in the score database, when ``--team`` asks for them.

    The store is imported only here, so ``ssi score`` without ``--team`` never
    needs a database.
    """
    if not args.team:
        return None
    from scoring.store import Store  # noqa: PLC0415  lazy: SQLAlchemy only for --team

    with Store(database, now=clock.now) as store:
        return store.cohort(exclude=args.member)


def _official_reading(path: str | None) -> OfficialReading | None:
    """The official SSI reading pasted into the text file ``path``, if one was given."""
    if path is None:
        return None
    from scoring.official import parse_official  # noqa: PLC0415  lazy: loads pandas

    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        raise InputError("error.score_input.official_file", file=path) from None
    return parse_official(text)


def run_history(args: argparse.Namespace) -> int:
    """Print the score history of the export named by ``args.paths``; 0 on success."""
    from scoring.ingest import read_export  # noqa: PLC0415  lazy: pandas only when run
    from scoring.model import score_history  # noqa: PLC0415  lazy: pandas only when run
    from scoring.model.payload import history_payload  # noqa: PLC0415  lazy: loads pandas

    lang = args.lang
    window = parse_window(args.window_days)
    freq = parse_freq(str(args.freq))
    config, _ = chosen_model(args.model)
    data = read_export(args.paths, today=clock.today())
    history = score_history(data, freq=freq, window_days=window, config=config)
    if args.as_json:
        return print_json(history_payload(history))
    print_text(history_text(history, lang))
    return 0


# ------------------------------------------------------------------ human output


def _compact(value: float, lang: str) -> str:
    return fmt_number(value, lang, 0 if float(value).is_integer() else 1)


def score_text(score: Score, lang: str = "en", *, export_date: date | None = None) -> str:
    """The human report of ``score``: a title, then one aligned row per pillar and sub-metric.

    Notes below the table explain empty values and missing inputs; given the
    ``export_date``, a score as of a later date says that the export knows nothing
    after it (the activity only leaves the window).
    """
    from scoring.model.metrics import METRIC_SPECS  # noqa: PLC0415  lazy: loads numpy

    rows = [[t(f"score.heading.{c}", lang) for c in ("metric", "value", "target", "points")]]
    for key in PILLARS:
        pillar = score.pillars[key]
        points = f"{fmt_number(pillar.score, lang, 2)} / {_compact(pillar.max, lang)}"
        rows.append([t(f"pillar.{key}", lang), "", "", points])
        for m in pillar.metrics:
            rows.append(
                [
                    f"  {t(f'metric.{m.key}.label', lang)}",
                    metric_shown_value(m, lang),
                    metric_value_text(m.target, m.unit, lang),
                    f"{fmt_number(m.points, lang, 2)} / {_compact(m.max_points, lang)}",
                ]
            )
    rows.append([t("common.total", lang), "", "", f"{fmt_number(score.total, lang, 2)} / 100"])
    title = t(
        "score.title",
        lang,
        date=fmt_date(score.as_of, lang),
        days=score.window_days,
        count=score.window_days,
        version=score.model_version,
    )
    lines = [title, "", format_table(rows[0], rows[1:], right={1, 2, 3})]
    # say why a value is empty when the file was there (nothing sent, nobody wrote)
    empty = [m for m in score.metrics() if m.value is None and not m.missing_input]
    if empty:
        lines.append("")
        lines += [f"{t(f'metric.{m.key}.label', lang)}: {t(f'metric.{m.key}.none', lang)}"
                  for m in empty]  # fmt: skip
    lacking = [m for m in score.metrics() if m.missing_input]
    # a number typed in counts from the export date on: say so rather than ask for it again
    entered = {m.key for m in lacking if METRIC_SPECS[m.key].manual_field in score.manual_inputs}
    groups = (
        ("score.missing_note", [m for m in lacking if m.sources]),
        ("score.manual_note", [m for m in lacking if not m.sources and m.key not in entered]),
        ("score.manual_later_note", [m for m in lacking if m.key in entered]),
    )
    for note, metrics in groups:
        if metrics:
            labels = ", ".join(t(f"metric.{m.key}.label", lang) for m in metrics)
            lines += ["", t(note, lang, keys=labels)]
    if export_date is not None and score.as_of > export_date:
        lines += ["", t("score.after_export_note", lang, date=fmt_date(export_date, lang))]
    return "\n".join(lines)


def _standing_line(label: str, group: GroupComparison, lang: str) -> str:
    top = group.total.top_percent
    rank = t("compare.phrase.top", lang, value=top) if top is not None else "–"
    parts = [f"{label}: {rank}"]
    if (average := group.average_text(lang, decimals=1)) is not None:
        parts.append(average)
    parts.append(t("compare.phrase.computed_against", lang, source=group.source_label(lang)))
    return one_line(" · ".join(parts))


def guidance_text(score: Score, percentiles: Percentiles, tips: list[Tip], lang: str) -> str:
    """The band, the industry and network ranks with their sources, and the best tips."""
    lines = [f"{t(f'band.{band(score.total)}', lang)}. {t('band.explain', lang)}", ""]
    lines.append(
        _standing_line(t("compare.phrase.industry_rank", lang), percentiles.industry, lang)
    )
    if percentiles.network is not None:
        network = t("compare.phrase.network_rank", lang)
        lines.append(_standing_line(network, percentiles.network, lang))
    if percentiles.network_reason is not None:
        lines.append(one_line(percentiles.network_reason.text(lang)))
    if tips:
        lines += ["", t("score.tips_heading", lang)]
        lines += [f"{i}. {tip.goal}\n   {tip.text}" for i, tip in enumerate(tips, start=1)]
    return "\n".join(lines)


def history_text(history: pd.DataFrame, lang: str = "en") -> str:
    """The human history: one aligned row per date with the total and the four pillars."""
    from scoring.model.payload import history_payload  # noqa: PLC0415  lazy: loads pandas

    header = [t("score.heading.date", lang), *(score_label(c, lang) for c in SCORE_FIELDS)]
    rows = [
        [fmt_date(date.fromisoformat(record["as_of"]), lang)]
        + [fmt_number(record[c], lang, 2) for c in SCORE_FIELDS]
        for record in history_payload(history)
    ]
    return format_table(header, rows, right=range(1, len(header)))
