"""History: the score and the pillars over time, with stored imports and official readings."""

from __future__ import annotations

from datetime import timedelta

import pandas as pd
import streamlit as st

from dashboard import data, state
from dashboard.components import charts, downloads, widgets
from dashboard.components.literal import error_md
from scoring.errors import SSIError
from scoring.i18n import Lang, fmt_date, fmt_number, fmt_signed, t
from scoring.results import PILLARS

#: Range choices: key → days back from the export date (None: everything).
RANGES: dict[str, int | None] = {"3m": 91, "6m": 182, "1y": 365, "2y": 730, "all": None}
FREQS: tuple[str, ...] = ("D", "W", "M")


def in_range(frame: pd.DataFrame, end: object, days: int | None) -> pd.DataFrame:
    """The rows of ``frame`` whose ``as_of`` lies within ``days`` before ``end`` (all if None)."""
    if days is None or frame.empty:
        return frame
    start = end - timedelta(days=days)  # type: ignore[operator]
    return frame[pd.to_datetime(frame["as_of"]) >= pd.Timestamp(start)]


def _controls(lang: Lang) -> tuple[int | None, str]:
    range_col, freq_col = st.columns(2)
    with range_col:
        span = st.segmented_control(
            t("dashboard.history.range", lang),
            tuple(RANGES),
            format_func=lambda k: t(f"dashboard.history.range_{k}", lang),
            default="1y",
            key="history_range",
        )
    with freq_col:
        freq = st.segmented_control(
            t("dashboard.history.freq", lang),
            FREQS,
            format_func=lambda f: t(f"dashboard.history.freq_{f}", lang),
            default="W",
            key="history_freq",
        )
    return RANGES[span or "1y"], freq or "W"


def _week_changes(weekly: pd.DataFrame, lang: Lang) -> None:
    st.subheader(t("dashboard.history.changes", lang))
    recent = weekly.tail(9)
    table = pd.DataFrame(
        {
            t("dashboard.history.week_ending", lang): [fmt_date(d, lang) for d in recent["as_of"]],
            t("common.total", lang): [fmt_number(v, lang, 2) for v in recent["total"]],
            t("dashboard.history.change", lang): [
                fmt_signed(v, lang, 2) if pd.notna(v) else "–" for v in recent["delta_total"]
            ],
            **{
                t(f"pillar_short.{p}", lang): [fmt_number(v, lang, 2) for v in recent[p]]
                for p in PILLARS
            },
        }
    ).iloc[1:][::-1]
    st.dataframe(table, hide_index=True, width="stretch", key="week_changes")


def _why_it_moved(export: state.CurrentExport, lang: Lang) -> None:
    """Between two dates the user picks (default: a week before the as-of date, and it)."""
    st.subheader(t("dashboard.change.heading", lang))
    first, last = data.as_of_bounds(export)
    day = data.as_of(export)
    since_col, until_col = st.columns(2)
    since = since_col.date_input(
        t("dashboard.history.since", lang),
        value=max(first, day - timedelta(days=7)),
        min_value=first,
        max_value=last,
        format="DD.MM.YYYY" if lang == "de" else "YYYY-MM-DD",
        key="change_since",
    )
    until = until_col.date_input(
        t("dashboard.history.until", lang),
        value=day,
        min_value=first,
        max_value=last,
        format="DD.MM.YYYY" if lang == "de" else "YYYY-MM-DD",
        key="change_until",
    )
    if since > until:
        # The CLI's message names --since and --as-of; the page names its own fields.
        st.error(t("dashboard.history.order", lang), icon=":material/error:")
        return
    try:
        change = data.score_change(export, since, until, state.manual_inputs())
    except SSIError as error:
        st.error(error_md(error, lang), icon=":material/error:")
        return
    widgets.score_change(change, lang)


def render() -> None:
    """Draw the history page."""
    lang = state.lang()
    export, export_data = widgets.loaded_export(lang)
    manual = state.manual_inputs()
    st.title(t("dashboard.history.title", lang))
    st.markdown(t("dashboard.history.intro", lang))
    days, freq = _controls(lang)
    history = in_range(data.history(export, freq, manual), export_data.export_date, days)
    member = data.stored_member(export)
    stored = official = None
    if member is not None:
        stored = in_range(data.stored_snapshots(member), export_data.export_date, days)
        official = in_range(data.official_readings(member), export_data.export_date, days)
    session_official = data.session_official_frame()
    if not session_official.empty:
        # A reading kept in the store and still in this session is one reading.
        official = pd.concat([official, session_official]).drop_duplicates("as_of", keep="last")
    change = data.week_change(export, state.today(), manual)
    current = data.score(export, manual)
    st.metric(
        t("dashboard.history.latest", lang, date=fmt_date(current.as_of, lang)),
        fmt_number(current.total, lang, 2),
        delta=change.text(lang),
        delta_color="off",
        delta_arrow="off",
    )
    if member is None:
        st.caption(t("dashboard.history.not_stored", lang))
    start, end = fmt_date(history["as_of"].iloc[0], lang), fmt_date(history["as_of"].iloc[-1], lang)
    widgets.chart(
        charts.score_lines(history, lang, stored=stored, official=official, columns=("total",)),
        t("dashboard.history.total_alt", lang, start=start, end=end),
        key="history_chart",
    )
    widgets.chart(
        charts.score_lines(history, lang, columns=PILLARS),
        t("dashboard.history.pillars_alt", lang, start=start, end=end),
        key="history_pillars_chart",
    )
    _why_it_moved(export, lang)
    _week_changes(data.weekly_changes(export, manual), lang)
    downloads.history_buttons(
        history, f"ssi-history-{freq}-{export_data.export_date.isoformat()}", lang
    )


render()
