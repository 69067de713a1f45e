"""Arguments several commands share, and how their values are read.

Each ``parse_*`` function turns the text typed on the command line into the value
the library wants, or raises an :class:`~scoring.errors.InputError` whose one line
names the option and what it accepts.
"""

from __future__ import annotations

import argparse
import math
from datetime import date, datetime
from typing import TYPE_CHECKING

from scoring.errors import InputError
from scoring.i18n import LANGS, Lang, t

if TYPE_CHECKING:
    from scoring.model import ManualInputs


def add_export_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    """The export paths, ``--window-days``, ``--json`` and ``--lang`` of the scoring commands."""
    parser.add_argument("paths", nargs="+", metavar="PATH", help=t("score.arg.paths", lang))
    parser.add_argument("--window-days", metavar="N", help=t("score.arg.window_days", lang))
    parser.add_argument(
        "--json", action="store_true", dest="as_json", help=t("score.arg.json", lang)
    )
    parser.add_argument("--lang", choices=LANGS, default=None, help=t("score.arg.lang", lang))


def add_manual_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    """``--as-of`` and the hand-entered counts the export cannot carry."""
    parser.add_argument("--as-of", metavar="YYYY-MM-DD", help=t("score.arg.as_of", lang))
    parser.add_argument("--profile-views", metavar="N", help=t("score.arg.profile_views", lang))
    parser.add_argument("--saved-leads", metavar="N", help=t("score.arg.saved_leads", lang))


def parse_date(text: str | None, option: str) -> date | None:
    """``YYYY-MM-DD`` as a date; anything else is an :class:`InputError` naming ``option``."""
    if text is None:
        return None
    try:
        return datetime.strptime(text, "%Y-%m-%d").date()
    except ValueError:
        raise InputError("error.score_input.date", option=option, value=text) from None


def parse_window(text: str | None) -> int | None:
    """The ``--window-days`` value as an integer (range checked by the model)."""
    if text is None:
        return None
    try:
        return int(text)
    except ValueError:
        raise InputError("error.score_input.window_days", value=text, limit=3650) from None


def parse_count(text: str | None, option: str) -> float | None:
    """A hand-entered count (0 or more) for ``option``."""
    if text is None:
        return None
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value < 0:
        raise InputError("error.score_input.manual", option=option, value=text)
    return value


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


def manual_inputs(args: argparse.Namespace) -> ManualInputs | None:
    """The hand-entered inputs given on the command line, or None when there are none."""
    from scoring.model import ManualInputs

    views = parse_count(args.profile_views, "--profile-views")
    leads = parse_count(args.saved_leads, "--saved-leads")
    if views is None and leads is None:
        return None
    return ManualInputs(profile_views_90d=views, saved_leads_90d=leads)
