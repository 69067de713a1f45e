"""Arguments several commands share, and how their values are read.

Each ``parse_*`` function turns the text typed on the command line into the value
the library wants, or raises an :class:`~scoring.errors.InputError` whose one line
names the option and what it accepts.
"""

from __future__ import annotations

import argparse
import math
import os
import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING

from scoring.errors import InputError
from scoring.i18n import LANGS, Lang, t

if TYPE_CHECKING:
    from scoring.model import ManualInputs

#: Dates the program accepts anywhere: LinkedIn began in 2003, and pandas' calendar
#: ends in 2262, so a year beyond these is a typing error, never an export.
FIRST_DATE = date(2003, 1, 1)
LAST_DATE = date(2199, 12, 31)
#: The largest weekly change ``--add`` takes, either way: far beyond any real week,
#: small enough that the simulated export stays a few thousand rows.
MAX_WEEKLY_CHANGE = 1_000
#: ``--weeks`` and ``--stop``: ten years, the longest scoring window.
MAX_WEEKS = 520
#: A hand-entered count over 90 days (profile views, saved leads).
MAX_COUNT = 1_000_000
MAX_TIPS = 50
#: What a database URL looks like: SQLite or PostgreSQL, optionally with a driver.
_DATABASE_URL = re.compile(r"(sqlite|postgresql)(\+\w+)?://\S*")
DATABASE_VARIABLE = "SSI_DATABASE_URL"


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
        day = datetime.strptime(text, "%Y-%m-%d").date()
    except ValueError:
        raise InputError("error.score_input.date", option=option, value=text) from None
    return checked_date(day, text, option)


def checked_date(day: date, text: str, option: str) -> date:
    """``day`` when it lies from :data:`FIRST_DATE` to :data:`LAST_DATE`, else an InputError."""
    if not FIRST_DATE <= day <= LAST_DATE:
        raise InputError(
            "error.cli.date_range",
            option=option,
            value=text,
            first=FIRST_DATE.isoformat(),
            last=LAST_DATE.isoformat(),
        )
    return day


def parse_window(text: str | None) -> int | None:
    """The ``--window-days`` value: a whole number of days from 1 to the model's limit."""
    from scoring.model.score import MAX_WINDOW_DAYS  # noqa: PLC0415  lazy: loads numpy

    if text is None:
        return None
    try:
        days = int(text)
    except ValueError:
        days = 0
    if not 1 <= days <= MAX_WINDOW_DAYS:
        raise InputError("error.score_input.window_days", value=text, limit=MAX_WINDOW_DAYS)
    return days


def _number(text: str) -> float:
    """A decimal number typed with a point or a comma; NaN when it is none."""
    try:
        return float(text.strip().replace(",", "."))
    except ValueError:
        return math.nan


def parse_count(text: str | None, option: str) -> float | None:
    """A hand-entered count from 0 to :data:`MAX_COUNT` for ``option``."""
    if text is None:
        return None
    value = _number(text)
    if not 0 <= value <= MAX_COUNT:  # NaN fails both comparisons
        raise InputError("error.score_input.manual", option=option, value=text, limit=MAX_COUNT)
    return value


def parse_weekly_change(name: str, text: str) -> float:
    """The weekly change of one ``--add NAME=N``: from −1000 to 1000; NaN or ±inf when none."""
    value = _number(text)
    if math.isfinite(value) and abs(value) > MAX_WEEKLY_CHANGE:
        raise InputError("error.cli.weekly_change", name=name, value=text, limit=MAX_WEEKLY_CHANGE)
    return value


def parse_weeks(text: str | None, option: str) -> int | None:
    """A whole number of weeks from 1 to :data:`MAX_WEEKS` for ``option``, or None."""
    if text is None:
        return None
    try:
        weeks = int(text)
    except ValueError:
        weeks = 0
    if not 1 <= weeks <= MAX_WEEKS:
        raise InputError("error.guide.weeks", option=option, value=text, limit=MAX_WEEKS)
    return weeks


def parse_tips(text: str) -> int:
    """How many tips ``--tips`` asks for: 0 to :data:`MAX_TIPS`."""
    try:
        count = int(text)
    except ValueError:
        count = -1
    if not 0 <= count <= MAX_TIPS:
        raise InputError("error.cli.tips", value=text, limit=MAX_TIPS)
    return count


def parse_freq(text: str) -> str:
    """``--freq``: ``D``, ``W`` or ``M`` (any case)."""
    from scoring.model.history import FREQS  # noqa: PLC0415  lazy: loads pandas

    freq = text.strip().upper()
    if freq not in FREQS:
        raise InputError("error.score_input.freq", value=text, choices=", ".join(FREQS))
    return freq


def parse_database_url(text: str | None, environ: Mapping[str, str] | None = None) -> str | None:
    """``--db`` (else ``SSI_DATABASE_URL``) checked to be a database URL; None for the default.

    Checked here, before any work, so that a typing error is one line naming the
    option instead of a failure deep in the database driver.
    """
    env = os.environ if environ is None else environ
    if text is not None:
        option, value = "--db", text
    else:
        option, value = DATABASE_VARIABLE, env.get(DATABASE_VARIABLE)
    if value is None or (option == DATABASE_VARIABLE and not value.strip()):
        return None  # a blank variable means "not set", as the store reads it
    if not _DATABASE_URL.fullmatch(value.strip()):
        raise InputError("error.cli.database_url", option=option, value=value)
    return value.strip()


def manual_inputs(args: argparse.Namespace) -> ManualInputs | None:
    """The hand-entered inputs given on the command line, or None when there are none."""
    from scoring.model import ManualInputs  # noqa: PLC0415  lazy: scoring.model loads pandas

    views = parse_count(args.profile_views, "--profile-views")
    leads = parse_count(args.saved_leads, "--saved-leads")
    if views is None and leads is None:
        return None
    return ManualInputs(profile_views_90d=views, saved_leads_90d=leads)
