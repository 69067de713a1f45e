"""``ssi inspect PATH... [--json] [--lang en|de]``: what the reader found in an export.

Human output is an aligned table per file, followed by skipped rows,
warnings, ignored files, the kinds the score needs but the export lacks, and a
notice when the activity files are missing (a Basic archive). ``--json``
prints the same facts for scripts.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from scoring.cli import clock
from scoring.cli.output import format_table, json_text, one_line, print_text
from scoring.i18n import LANGS, Lang, fmt_date, fmt_number, t

if TYPE_CHECKING:
    from scoring.export import ExportData


def register(subparsers: argparse._SubParsersAction, lang: Lang) -> None:
    """Add the ``inspect`` sub-command to the ``ssi`` parser."""
    parser = subparsers.add_parser(
        "inspect", help=t("inspect.help", lang), description=t("inspect.help", lang)
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help=t("inspect.arg.paths", lang))
    parser.add_argument(
        "--json", action="store_true", dest="as_json", help=t("inspect.arg.json", lang)
    )
    parser.add_argument("--lang", choices=LANGS, default=None, help=t("inspect.arg.lang", lang))
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Read the export named by ``args.paths`` and print what was found; 0 on success."""
    from scoring.ingest import read_export  # noqa: PLC0415  lazy: pandas only when run

    data = read_export(args.paths, today=clock.today())
    if args.as_json:
        print_text(json_text(inspect_json(data, args.lang)))
    else:
        print_text(inspect_text(data, args.lang))
    return 0


def inspect_json(data: ExportData, lang: str = "en") -> dict[str, Any]:
    """The facts ``ssi inspect --json`` prints; ``notice`` only when activity is missing."""
    out: dict[str, Any] = {
        "archive_kind": data.archive_kind,
        "export_date": data.export_date.isoformat(),
        "sources": [
            {
                "file": source.file,
                "kind": source.kind,
                "rows": source.rows,
                "skipped": source.skipped,
                "warnings": source.warning_texts(lang),
            }
            for source in data.sources
        ],
        "ignored": list(data.ignored),
        "missing": list(data.missing),
    }
    text = notice(data, lang)
    if text is not None:
        out["notice"] = text
    return out


def notice(data: ExportData, lang: str = "en") -> str | None:
    """Advice to request the Complete archive when the activity files are missing.

    Said for a Basic archive, and for any LinkedIn export lacking one of the
    activity kinds; not for a generic activity CSV alone, which is no LinkedIn
    export at all.
    """
    from scoring.export import ACTIVITY_KINDS, KINDS  # noqa: PLC0415  lazy: loads pandas

    if not any(source.kind in KINDS for source in data.sources):
        return None
    if data.archive_kind == "basic":
        return t("inspect.notice.basic", lang)
    lacking = [kind for kind in ACTIVITY_KINDS if not data.has(kind)]
    if not lacking:
        return None
    return t("inspect.notice.activity_missing", lang, kinds=_kind_list(lacking, lang))


def inspect_text(data: ExportData, lang: str = "en") -> str:
    """The human report: header facts, the per-file table, then notes and the notice."""
    date_source = t(
        "inspect.date_from_name" if data.export_date_from_name else "inspect.date_from_data", lang
    )
    shown_name = one_line(
        data.archive_name or t("inspect.loose_files", lang, count=len(data.sources))
    )
    lines = [
        f"{t('inspect.export', lang)}: {shown_name}",
        f"{t('inspect.archive_kind', lang)}: {t(f'inspect.archive.{data.archive_kind}', lang)}",
        f"{t('inspect.export_date', lang)}: {fmt_date(data.export_date, lang)} ({date_source})",
        "",
        *_table(data, lang),
    ]
    lines += _notes(data, lang)
    missing = _kind_list(list(data.missing), lang) or t("inspect.nothing_missing", lang)
    lines += ["", f"{t('inspect.missing', lang)}: {missing}"]
    text = notice(data, lang)
    if text is not None:
        lines += ["", f"⚠ {text}"]
    return "\n".join(lines)


def _table(data: ExportData, lang: str) -> list[str]:
    header = [t(f"inspect.col.{c}", lang) for c in ("file", "kind", "rows", "skipped")]
    body = [
        [
            s.file,
            t(f"kind.{s.kind}", lang),
            fmt_number(s.rows, lang, 0),
            fmt_number(s.skipped, lang, 0),
        ]
        for s in data.sources
    ]
    return format_table(header, body, right={2, 3}).split("\n")


def _notes(data: ExportData, lang: str) -> list[str]:
    skipped = [
        one_line(f"  {s.file}: {fmt_number(count, lang, 0)} × {reason}")
        for s in data.sources
        for reason, count in s.skip_texts(lang).items()
    ]
    warned = [one_line(f"  {s.file}: {w}") for s in data.sources for w in s.warning_texts(lang)]
    lines: list[str] = []
    if skipped:
        lines += ["", t("inspect.skipped_rows", lang), *skipped]
    if warned:
        lines += ["", t("inspect.warnings", lang), *warned]
    if data.ignored:
        lines += [
            "",
            one_line(
                f"{t('inspect.ignored', lang, count=len(data.ignored))}: {', '.join(data.ignored)}"
            ),
        ]
    return lines


def _kind_list(kinds: list[str], lang: str) -> str:
    return ", ".join(t(f"kind.{kind}", lang) for kind in kinds)
