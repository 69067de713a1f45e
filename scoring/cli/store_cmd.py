"""``ssi import``, ``ssi snapshots``, ``ssi team``, ``ssi official add``, ``ssi forget``.

Thin commands over :class:`scoring.store.Store`. Each takes ``--db URL`` (else
``SSI_DATABASE_URL``, else the file in the user's data folder), ``--json`` for
machine-readable output and ``--lang en|de``. This is the edge of the program,
so it is where today's date is read (``--today`` overrides it). The store (and
SQLAlchemy) is imported only when one of these commands runs, so that other
commands such as ``ssi score`` neither need nor load a database.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scoring.cli import clock
from scoring.cli.args import checked_date, parse_database_url
from scoring.cli.output import format_table, one_line, print_json, print_line, print_text
from scoring.errors import InputError
from scoring.fields import PILLARS, SCORE_FIELDS
from scoring.i18n import LANGS, Lang, fmt_date, fmt_number, fmt_signed, t
from scoring.present import score_label

if TYPE_CHECKING:
    import pandas as pd

    from scoring.store import Store
    from scoring.timeline import Change, TeamAverage

YES = ("y", "yes", "j", "ja")


def register(subparsers: argparse._SubParsersAction, lang: Lang) -> None:
    """Add the store's commands to the ``ssi`` parser, their help texts in ``lang``."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="URL", help=t("store.cli.arg.db", lang))
    common.add_argument("--json", action="store_true", help=t("store.cli.arg.json", lang))
    common.add_argument("--lang", choices=LANGS, help=t("store.cli.arg.lang", lang))

    imp = _command(subparsers, "import", lang, parents=[common])
    imp.add_argument("paths", nargs="+", metavar="PATH", help=t("store.cli.arg.paths", lang))
    imp.add_argument("--member", metavar="NAME", help=t("store.cli.arg.import_member", lang))
    imp.set_defaults(func=run_import)

    snaps = _command(subparsers, "snapshots", lang, parents=[common])
    snaps.add_argument("--member", metavar="NAME", help=t("store.cli.arg.snapshots_member", lang))
    snaps.add_argument("--today", metavar="YYYY-MM-DD", help=t("store.cli.arg.today", lang))
    snaps.set_defaults(func=run_snapshots)

    team = _command(subparsers, "team", lang, parents=[common])
    team.add_argument("--today", metavar="YYYY-MM-DD", help=t("store.cli.arg.today", lang))
    team.add_argument(
        "--without-stale", action="store_true", help=t("store.cli.arg.without_stale", lang)
    )
    team.set_defaults(func=run_team)

    official = subparsers.add_parser("official", help=t("store.cli.help.official", lang))
    actions = official.add_subparsers(
        dest="official_action",
        metavar="ACTION",
        required=True,
        help=t("store.cli.arg.official_action", lang),
    )
    add = _command(actions, "add", lang, key="official_add", parents=[common])
    add.add_argument(
        "--member", metavar="NAME", required=True, help=t("store.cli.arg.member", lang)
    )
    for name in SCORE_FIELDS:
        add.add_argument(
            f"--{name}",
            metavar="X",
            help=t("store.cli.arg.score", lang, score=score_label(name, lang)),
        )
    for option in ("industry-rank", "network-rank"):
        add.add_argument(f"--{option}", metavar="PCT", help=_option_help(option, lang))
    for option in ("industry-average", "network-average"):
        add.add_argument(f"--{option}", metavar="X", help=_option_help(option, lang))
    add.add_argument("--date", metavar="YYYY-MM-DD", help=t("store.cli.arg.date", lang))
    add.add_argument("--text-file", metavar="FILE", help=t("store.cli.arg.text_file", lang))
    add.set_defaults(func=run_official_add)

    forget = _command(subparsers, "forget", lang, parents=[common])
    forget.add_argument(
        "--member", metavar="NAME", required=True, help=t("store.cli.arg.member", lang)
    )
    forget.add_argument("--yes", action="store_true", help=t("store.cli.arg.yes", lang))
    forget.set_defaults(func=run_forget)


def _command(
    subparsers: argparse._SubParsersAction,
    name: str,
    lang: Lang,
    key: str = "",
    parents: Sequence[argparse.ArgumentParser] = (),
) -> argparse.ArgumentParser:
    """The sub-parser ``name`` with its one-line help and its description from the catalogue."""
    key = key or name
    return subparsers.add_parser(
        name,
        help=t(f"store.cli.help.{key}", lang),
        description=t(f"store.cli.description.{key}", lang),
        parents=list(parents),
    )


def _option_help(option: str, lang: Lang) -> str:
    return t(f"store.cli.arg.{option.replace('-', '_')}", lang)


# -- commands -----------------------------------------------------------------------------


def run_import(args: argparse.Namespace) -> int:
    """``ssi import``: read, score and store each export given (scoring only what is new)."""
    # Imported when the command runs: `ssi score` neither needs nor loads a database.
    from scoring.ingest import read_export  # noqa: PLC0415
    from scoring.model import score_as_of, score_history  # noqa: PLC0415
    from scoring.store import export_hash  # noqa: PLC0415

    lang = args.lang
    results = []
    with open_store(args) as store:
        for sources in export_groups(args.paths):
            data = read_export(sources, today=clock.today())
            result = store.stored_import(export_hash(data)) or store.import_export(
                data, args.member, score=score_as_of(data), history=score_history(data)
            )
            results.append(result)
            if not args.json:
                # Said at once: when a later export fails, the user still learns which
                # ones before it were stored (each import is its own transaction).
                print_line(result.message(lang))
        if args.json:
            return print_json({"database": store.where, "imports": [r.to_dict() for r in results]})
    return 0


def run_snapshots(args: argparse.Namespace) -> int:
    """``ssi snapshots``: stored scores, change since last week, staleness."""
    lang = args.lang
    today = parse_date(args.today, "--today") if args.today else clock.today()
    with open_store(args) as store:
        frame = store.snapshots(args.member)
        names = list(dict.fromkeys(frame["member"]))
        changes = [store.change(name, today=today) for name in names]
        where = store.where
    if args.json:
        columns = ["member", "as_of", *SCORE_FIELDS, "model_version", "export_date", "archive_kind"]
        return print_json(
            {
                "database": where,
                "today": today,
                "snapshots": _records(frame[columns]),
                "changes": [_change_dict(c, lang) for c in changes],
            }
        )
    print_line(t("store.database", lang, where=where))
    if frame.empty:
        print_text(t("store.snapshots.none", lang))
        return 0
    header = [t(k, lang) for k in ("store.column.member", "store.column.date")]
    header += [score_label(c, lang) for c in SCORE_FIELDS] + [t("store.column.archive", lang)]
    shown = ["member", "as_of", *SCORE_FIELDS, "archive_kind"]
    rows = [
        [m, fmt_date(d, lang), *(fmt_number(v, lang) for v in scores), kind]
        for m, d, *scores, kind in frame[shown].itertuples(index=False)
    ]
    print_text(format_table(header, rows))
    for change in changes:
        print_line(_change_line(change, lang))
        if change.stale_text(lang):
            print_text(change.stale_text(lang))
    return 0


def run_team(args: argparse.Namespace) -> int:
    """``ssi team``: the leaderboard, the average of the latest estimates, the weekly average."""
    lang = args.lang
    today = parse_date(args.today, "--today") if args.today else clock.today()
    with open_store(args) as store:
        board = store.team()
        average = store.team_average("W")
        latest = store.team_latest_average(today, include_stale=not args.without_stale)
        stale_days = store.settings.team.stale_after_days
        where = store.where
    if args.json:
        return print_json(
            {
                "database": where,
                "today": today,
                "team": _records(board),
                "latest_average": _latest_dict(latest),
                "average": _records(average),
            }
        )
    print_line(t("store.database", lang, where=where))
    if board.empty:
        print_text(t("store.team.none", lang))
        return 0
    header = [t(k, lang) for k in ("store.column.rank", "store.column.member")]
    header += [t("store.column.industry", lang), *(score_label(c, lang) for c in SCORE_FIELDS)]
    header.append(t("store.column.change", lang))
    columns = ["rank", "member", "industry", *SCORE_FIELDS, "change"]
    rows = [
        [
            str(rank),
            member,
            industry or "–",
            *(fmt_number(v, lang) for v in scores),
            signed(ch, lang),
        ]
        for rank, member, industry, *scores, ch in board[columns].itertuples(index=False)
    ]
    print_text(format_table(header, rows))
    if latest.total is not None:
        print_text(
            t(
                "store.team.average",
                lang,
                total=fmt_number(latest.total, lang),
                members=latest.members,
                count=latest.members,
                first=fmt_date(latest.first, lang),
                last=fmt_date(latest.last, lang),
            )
        )
    if latest.stale:
        names = ", ".join(latest.stale)
        when = fmt_date(today, lang)
        print_line(
            t(
                "store.team.stale",
                lang,
                days=stale_days,
                count=stale_days,
                today=when,
                members=names,
            )
        )
    if latest.left_out:
        print_line(t("store.team.left_out", lang, members=", ".join(latest.left_out)))
    return 0


def run_official_add(args: argparse.Namespace) -> int:
    """``ssi official add``: store one reading of LinkedIn's SSI page."""
    from scoring.official import manual_reading, parse_official  # noqa: PLC0415  lazy: pandas

    lang = args.lang
    parse_database_url(args.db)  # a typing error in the URL stops before any file is read
    as_of = parse_date(args.date) if args.date else clock.today()
    typed = {
        "total": args.total,
        **{p: getattr(args, p) for p in PILLARS},
        "industry_top_pct": args.industry_rank,
        "network_top_pct": args.network_rank,
        "industry_average": args.industry_average,
        "network_average": args.network_average,
    }
    typed = {k: v for k, v in typed.items() if v is not None}
    if args.text_file:
        reading = parse_official(read_text(args.text_file), as_of=as_of)
        if typed:
            override = manual_reading(typed, as_of=as_of).model_dump(include=set(typed))
            reading = reading.model_copy(update=override)
    elif typed:
        reading = manual_reading(typed, as_of=as_of)
    else:
        raise InputError("error.store.official_total")
    from scoring.store.records import OfficialEntry  # noqa: PLC0415  lazy: SQLAlchemy

    entry = OfficialEntry.of(reading, as_of)
    with open_store(args) as store:
        outcome = store.add_official(args.member, entry)
        member = store.member_name(args.member)
        where = store.where
    if args.json:
        return print_json(
            {"database": where, "member": member, "status": outcome, **entry.model_dump()}
        )
    print_line(
        t(
            f"store.official.{outcome}",
            lang,
            date=fmt_date(entry.as_of, lang),
            member=member,
            total=fmt_number(entry.total, lang),
        )
    )
    return 0


def run_forget(args: argparse.Namespace) -> int:
    """``ssi forget``: delete a member after a confirmation."""
    lang = args.lang
    with open_store(args) as store:
        name = store.member_name(args.member)
        if not args.yes and not confirmed(name, store.where, lang):
            print_text(t("store.forget.cancelled", lang))
            return 0
        result = store.forget(name)
        where = store.where
    if args.json:
        return print_json({"database": where, **result.to_dict()})
    print_line(result.message(lang))
    return 0


# -- helpers ------------------------------------------------------------------------------


def open_store(args: argparse.Namespace) -> Store:
    """The store named by ``--db`` (else ``SSI_DATABASE_URL``, else the default file)."""
    from scoring.store import Store  # noqa: PLC0415  lazy: SQLAlchemy only when run

    return Store(parse_database_url(args.db), now=clock.now)


def export_groups(paths: Sequence[str]) -> list[list[Path]]:
    """The exports among ``paths``: each zip and each folder alone, loose files together."""
    given = [Path(p) for p in paths]
    whole = [[p] for p in given if p.is_dir() or p.suffix.lower() == ".zip"]
    loose = [p for p in given if not (p.is_dir() or p.suffix.lower() == ".zip")]
    return whole + ([loose] if loose else [])


def parse_date(text: str, option: str = "--date") -> date:
    """``YYYY-MM-DD`` as a date; raises :class:`InputError` naming the value otherwise."""
    try:
        day = datetime.strptime(text.strip(), "%Y-%m-%d").date()
    except ValueError:
        raise InputError("error.store.date", value=text) from None
    return checked_date(day, text, option)


def read_text(path: str) -> str:
    """The UTF-8 text of ``path`` (a BOM is dropped); raises :class:`InputError` if unreadable."""
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        raise InputError("error.store.text_file", file=path, reason=reason) from None


def confirmed(member: str, where: str, lang: str) -> bool:
    """Ask on the terminal whether to delete ``member``; refuses when there is no terminal."""
    if not sys.stdin.isatty():
        raise InputError("error.store.confirm_forget", member=member)
    answer = input(one_line(t("store.forget.confirm", lang, member=member, where=where)))
    return answer.strip().lower() in YES


def signed(value: float | None, lang: str = "en") -> str:
    """A change in points with its sign, or ``–`` when unknown."""
    missing = value is None or value != value  # NaN is the only value unequal to itself
    return fmt_signed(None if missing else float(value), lang)


def _change_line(change: Change, lang: str) -> str:
    return t(
        "store.snapshots.latest",
        lang,
        member=change.member,
        total=fmt_number(change.total, lang),
        date=fmt_date(change.as_of, lang),
        change=change.text(lang),
    )


def _change_dict(change: Change, lang: str) -> dict[str, Any]:
    return {
        "member": change.member,
        "as_of": change.as_of,
        "total": change.total,
        "previous_as_of": change.previous_as_of,
        "delta": change.delta,
        "text": change.text(lang),
        "last_export": change.last_export,
        "days_since_export": change.days_since_export,
        "stale": change.stale,
        "stale_text": change.stale_text(lang),
    }


def _latest_dict(latest: TeamAverage) -> dict[str, Any]:
    return {
        "total": latest.total,
        "pillars": latest.pillars,
        "members": latest.members,
        "first": latest.first,
        "last": latest.last,
        "stale": list(latest.stale),
        "left_out": list(latest.left_out),
    }


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return frame.astype(object).where(frame.notna(), None).to_dict("records")
