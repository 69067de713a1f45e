"""``ssi change``: why the estimated SSI moved between two dates.

``ssi change PATH... [--since YYYY-MM-DD] [--as-of YYYY-MM-DD] [--window-days N]
[--json] [--lang en|de]`` prints the change of the total and of each pillar from
``--since`` (default: a week before ``--as-of``) to ``--as-of`` (default: the
export date), and every sub-metric's share of it with what caused it. The parts
add up exactly to the change of the total. A thin skin over
:func:`scoring.model.attribution.explain_change`.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from scoring.cli import clock
from scoring.cli.args import add_export_arguments, parse_date, parse_window
from scoring.cli.output import print_json, print_text
from scoring.fields import PILLARS
from scoring.i18n import Lang, fmt_signed, t

if TYPE_CHECKING:
    from scoring.model.attribution import ScoreChange


def register(subparsers: argparse._SubParsersAction, lang: Lang) -> None:
    """Add the ``change`` sub-command to the ``ssi`` parser."""
    change = subparsers.add_parser(
        "change", help=t("change.help", lang), description=t("change.help", lang)
    )
    add_export_arguments(change, lang)
    change.add_argument("--since", metavar="YYYY-MM-DD", help=t("change.arg.since", lang))
    change.add_argument("--as-of", metavar="YYYY-MM-DD", help=t("score.arg.as_of", lang))
    change.set_defaults(func=run_change)


def run_change(args: argparse.Namespace) -> int:
    """Explain the score change of the export named by ``args.paths``; 0 on success."""
    # The library is imported when the command runs (see build_parser in scoring.cli).
    from scoring.ingest import read_export  # noqa: PLC0415
    from scoring.model.attribution import change_payload, explain_change  # noqa: PLC0415
    from scoring.model.history import checked_as_of  # noqa: PLC0415

    lang = args.lang
    since = parse_date(args.since, "--since")
    as_of = parse_date(args.as_of, "--as-of")
    window = parse_window(args.window_days)
    data = read_export(args.paths, today=clock.today())
    as_of = checked_as_of(data, as_of)
    if since is not None:
        since = checked_as_of(data, since, "--since")
    change = explain_change(data, since, as_of, window_days=window)
    if args.as_json:
        return print_json(change_payload(change, lang))
    print_text(change_text(change, lang))
    return 0


def change_text(change: ScoreChange, lang: str = "en") -> str:
    """The human report: the total's change, then per pillar its parts, largest first."""
    lines = [change.title(lang), change.summary(lang)]
    if not change.metrics:
        return "\n".join([*lines, "", t("change.nothing", lang)])
    for pillar in PILLARS:
        parts = [m for m in change.metrics if m.pillar == pillar]
        if not parts:
            continue
        lines += [
            "",
            f"{fmt_signed(change.pillars[pillar], lang, 2)}  {t(f'pillar.{pillar}', lang)}",
        ]
        parts.sort(key=lambda m: -abs(m.points))
        width = max(len(fmt_signed(m.points, lang, 2)) for m in parts)
        lines += [
            f"  {fmt_signed(m.points, lang, 2).rjust(width)}  "
            f"{t(f'metric.{m.key}.label', lang)}: {m.reason(lang)}"
            for m in parts
        ]
    return "\n".join(lines)
