"""Downloads: the score and its history as JSON and CSV, and a self-contained HTML report.

The JSON files have the shapes ``ssi score --json`` and ``ssi history --json``
print (``scoring.model.payload``), so a download and the CLI agree; the CSV files
are the same numbers flat, one row per sub-metric or per date.

Every CSV leaves through :func:`csv_bytes`: a cell that a spreadsheet would run as a
formula (``=``, ``+``, ``-``, ``@``, a tab or a carriage return at its start; a
profile name ``=cmd|' /C calc'!A0``) is prefixed with ``'``, and a German download
is written for German Excel (``;``, decimal comma, UTF-8 with BOM, ``ja``/``nein``).
Streamlit's own table download is switched off (``client.disableDataExport``), as it
writes cells unchanged.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import timedelta
from typing import Any

import pandas as pd
import streamlit as st

from dashboard import data, state
from dashboard.components import report, widgets
from dashboard.state import CurrentExport
from scoring.i18n import Lang, t
from scoring.model.attribution import DEFAULT_SPAN_DAYS, explain_change
from scoring.model.payload import history_payload, score_payload
from scoring.present import score_label
from scoring.results import SCORE_FIELDS, Score

HISTORY_COLUMNS = ["as_of", *SCORE_FIELDS]
#: What makes Excel, LibreOffice and Google Sheets read a cell as a formula (OWASP).
FORMULA_START = r"^[=+\-@\t\r]"


def neutralised(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with every text cell that starts like a formula prefixed with ``'``."""
    out = frame.copy()
    for column in out.select_dtypes(include=["object", "string"]).columns:
        values = out[column]
        text = values.map(lambda v: isinstance(v, str))
        risky = text & values.astype(str).str.contains(FORMULA_START, regex=True)
        out[column] = values.where(~risky, "'" + values.astype(str))
    return out


def csv_bytes(frame: pd.DataFrame, lang: Lang) -> bytes:
    """``frame`` as CSV for a spreadsheet in ``lang``: formulas neutralised, German for Excel."""
    safe = neutralised(frame)
    if lang != "de":
        return safe.to_csv(index=False).encode("utf-8")
    words = {True: t("dashboard.download.yes", lang), False: t("dashboard.download.no", lang)}
    for column in safe.columns:
        values = safe[column]
        if values.dtype == bool or values.map(lambda v: isinstance(v, bool)).any():
            safe[column] = values.map(lambda v: words.get(v, v) if isinstance(v, bool) else v)
    # utf-8-sig: the byte-order mark is how German Excel knows the file is UTF-8.
    return safe.to_csv(index=False, sep=";", decimal=",").encode("utf-8-sig")


def _json_bytes(payload: object) -> bytes:
    return json.dumps(payload, ensure_ascii=False, indent=2).encode("utf-8")


def score_json(score: Score, lang: Lang, extra: dict[str, Any] | None = None) -> bytes:
    """The score payload of the CLI (labels in ``lang``), plus ``extra`` keys beside it."""
    return _json_bytes({**score_payload(score, lang), **(extra or {})})


def score_csv(score: Score, lang: Lang) -> bytes:
    """One row per sub-metric: pillar, pillar score, key, label, value, target, points, max."""
    payload = score_payload(score, lang)
    rows = [
        {"as_of": payload["as_of"], "pillar": pillar, "pillar_score": body["score"], **metric}
        for pillar, body in payload["pillars"].items()
        for metric in body["metrics"]
    ]
    return csv_bytes(pd.DataFrame(rows), lang)


def history_json(history: pd.DataFrame) -> bytes:
    """The history payload of the CLI: a list of ``{as_of, total, <pillars>}``."""
    return _json_bytes(history_payload(history))


def history_csv(history: pd.DataFrame, lang: Lang = "en") -> bytes:
    """``as_of`` (ISO date), total and the pillars, one row per date."""
    return csv_bytes(history[HISTORY_COLUMNS], lang)


def leaderboard_csv(board: pd.DataFrame, lang: Lang) -> bytes:
    """The store's leaderboard as CSV: the Team page's headings, the numbers unformatted."""
    frame = pd.DataFrame(
        {
            t("store.column.rank", lang): board["rank"].astype(int),
            t("store.column.member", lang): board["member"],
            t("store.column.industry", lang): board["industry"],
            t("store.column.date", lang): [
                pd.Timestamp(d).date().isoformat() for d in board["as_of"]
            ],
            **{score_label(f, lang): board[f] for f in SCORE_FIELDS},
            t("store.column.change", lang): board["change"],
        }
    )
    return csv_bytes(frame, lang)


def section(
    export: CurrentExport,
    score: Score,
    lang: Lang,
    *,
    extra: dict[str, Any] | None = None,
    comparisons: Sequence[tuple[str, Sequence[str]]] = (),
    tips: Sequence[str] = (),
) -> None:
    """The download buttons for the current export (each file is built only when clicked).

    ``extra`` adds keys to the score JSON (percentiles, tips); ``comparisons`` and
    ``tips`` are lines the HTML report shows.
    """
    manual = state.manual_inputs()
    history = data.history(export, "W", manual)
    change = data.week_change(export, state.today(), manual)
    export_data = data.export_data(export)

    def report_html() -> bytes:
        # Attribution scores two days again: only when the report is asked for.
        moved = explain_change(
            export_data,
            score.as_of - timedelta(days=DEFAULT_SPAN_DAYS),
            score.as_of,
            window_days=score.window_days,
            manual=manual,
        )
        inputs = report.ReportInputs(
            label=widgets.export_label(export, lang),
            score=score,
            history=history,
            change_text=change.text(lang),
            lang=lang,
            comparisons=tuple(comparisons),
            tips=tuple(tips),
            change=moved,
        )
        return report.build(inputs, today).encode("utf-8")

    today = state.today()
    stem = f"ssi-{score.as_of.isoformat()}"
    with st.expander(t("dashboard.download.title", lang), icon=":material/download:"):
        st.caption(t("dashboard.download.intro", lang))
        first, second, third = st.columns(3)
        with first:
            offer(
                t("dashboard.download.score_json", lang),
                lambda: score_json(score, lang, extra),
                f"{stem}.json",
            )
            offer(
                t("dashboard.download.score_csv", lang),
                lambda: score_csv(score, lang),
                f"{stem}.csv",
            )
        with second:
            history_buttons(history, f"{stem}-history", lang)
        with third:
            offer(
                t("dashboard.download.report", lang),
                report_html,
                f"{stem}-report.html",
                primary=True,
            )


MIME_TYPES = {"json": "application/json", "csv": "text/csv", "html": "text/html"}


def offer(
    label: str, payload: bytes | Callable[[], bytes], file_name: str, *, primary: bool = False
) -> None:
    """One download button; its widget key is the file name, so each file has its own.

    Pass a callable to build the file only when it is clicked (the usual case here:
    most visits download nothing).
    """
    st.download_button(
        label,
        payload,
        file_name=file_name,
        mime=MIME_TYPES[file_name.rsplit(".", 1)[-1]],
        key=f"download-{file_name}",
        on_click="ignore",
        type="primary" if primary else "secondary",
    )


def history_buttons(history: pd.DataFrame, stem: str, lang: Lang) -> None:
    """The history as CSV and as JSON, named ``<stem>.csv`` and ``<stem>.json``."""
    offer(t("dashboard.download.history_json", lang), lambda: history_json(history), f"{stem}.json")
    offer(
        t("dashboard.download.history_csv", lang), lambda: history_csv(history, lang), f"{stem}.csv"
    )
