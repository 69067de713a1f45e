"""Small drawing helpers every page shares: sidebar, charts with alt text, empty states."""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from dashboard import data, state
from dashboard.components.literal import keyed_md, md
from dashboard.components.uploader import localise as localise_uploaders
from dashboard.components.welcome import welcome
from dashboard.state import CurrentExport
from scoring.compare import GroupComparison, Percentiles
from scoring.export import ExportData
from scoring.i18n import Lang, fmt_date, fmt_number, fmt_signed, t
from scoring.model.attribution import ScoreChange
from scoring.model.score import MAX_WINDOW_DAYS
from scoring.present import export_title
from scoring.results import PILLARS

LANG_LABELS: dict[str, str] = {"en": "English", "de": "Deutsch"}

#: Plotly's toolbar keeps only what a reader needs: the download as an image.
PLOTLY_CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["lasso2d", "select2d"]}


#: Long pillar names ("Gezielt die richtigen Personen finden") and values ("Vollständiges
#: Archiv") must wrap, not be cut off; Streamlit truncates metrics to one line by default.
STYLE = """<style>
[data-testid="stMetricLabel"] p {white-space: normal !important; overflow: visible !important;
  text-overflow: clip !important;}
[data-testid="stMetricLabel"] {height: auto !important; min-height: 1.5rem;}
[data-testid="stMetricValue"] > div {white-space: normal !important; overflow-wrap: anywhere;}
</style>"""


def page_style(lang: Lang) -> None:
    """The few style rules the theme cannot express (see :data:`STYLE`), and the file
    uploaders' own words in ``lang`` (replaced in the page, not painted over by CSS,
    which a screen reader read through in English: :mod:`uploader`)."""
    st.html(STYLE)
    localise_uploaders(lang)


def deployment_notices(lang: Lang) -> None:
    """On every page: a warning when others can reach the server, a note in read-only mode."""
    address = st.get_option("server.address")
    if state.exposed(address):
        st.warning(
            t("dashboard.deploy.exposed", lang, address=md(address or "0.0.0.0")),
            icon="⚠️",
        )
    if state.read_only():
        st.info(t("dashboard.deploy.read_only", lang), icon="🔒")


def sidebar(lang: Lang) -> DeltaGenerator:
    """The language switch on every page; returns the slot that names the loaded export.

    The slot is filled by :func:`loaded_export_caption` after the page ran, so an
    export loaded by the page itself (an upload) is named without another rerun.
    """
    with st.sidebar:
        st.selectbox(
            t("dashboard.sidebar.language", lang),
            options=tuple(LANG_LABELS),
            format_func=LANG_LABELS.__getitem__,
            key=state.LANG_KEY,
        )
        state.sync_query_language()
        score_controls(lang)
        slot = st.empty()
        st.caption(t("dashboard.sidebar.privacy", lang))
    return slot


def score_controls(lang: Lang) -> None:
    """The as-of date and the window every score uses (``ssi score --as-of --window-days``).

    Drawn on every page once an export is loaded. The date is bounded by the export's
    first activity and a year after its export date (later days only let activity
    leave the window); changing either re-scores the parsed export, never re-reads it.
    """
    export = state.current_export()
    if export is None:
        return
    first, last = data.as_of_bounds(export)
    export_date = data.export_data(export).export_date
    if not first <= (state.as_of_choice() or export_date) <= last:
        st.session_state.pop(state.AS_OF_KEY, None)
    st.date_input(
        t("dashboard.controls.as_of", lang),
        value=state.as_of_choice() or export_date,
        min_value=first,
        max_value=last,
        format="DD.MM.YYYY" if lang == "de" else "YYYY-MM-DD",
        help=t("dashboard.controls.as_of_help", lang, date=fmt_date(export_date, lang)),
        key=state.AS_OF_KEY,
    )
    st.number_input(
        t("dashboard.controls.window", lang),
        min_value=1,
        max_value=MAX_WINDOW_DAYS,
        value=state.window_choice() or data.default_window(),
        step=1,
        help=t("dashboard.controls.window_help", lang),
        key=state.WINDOW_KEY,
    )
    model_control(lang)


def model_control(lang: Lang) -> None:
    """The score model every page uses: the bundled one or one saved by a calibration.

    Shown once a model was saved (Calibrate page or ``ssi calibrate --save``); a chosen
    model whose file has gone falls back to the bundled one.
    """
    names = [m.name for m in data.saved_models()]
    if not names:
        state.set_model_choice(None)
        return
    if state.model_choice() not in names:
        state.set_model_choice(None)
    st.selectbox(
        t("dashboard.controls.model", lang),
        options=("", *names),
        format_func=lambda n: n or t("dashboard.controls.model_default", lang),
        help=t("dashboard.controls.model_help", lang),
        key=state.MODEL_KEY,
    )


def loaded_export_caption(slot: DeltaGenerator, lang: Lang) -> None:
    """Name the current export (file or sample, archive kind, export date) in ``slot``."""
    export = state.current_export()
    if export is None:
        return
    export_data = data.export_data(export)
    slot.caption(
        t(
            "dashboard.sidebar.loaded",
            lang,
            label=export_label(export, lang),
            kind=t(f"dashboard.archive_kind.{export_data.archive_kind}", lang),
            date=fmt_date(export_data.export_date, lang),
        )
    )


def chart(fig: go.Figure, alt: str, *, key: str | None = None) -> None:
    """Draw ``fig`` with ``alt`` (plain text) as its accessible name and as a visible caption."""
    st.plotly_chart(fig, config=PLOTLY_CONFIG, alt=alt, key=key)
    st.caption(md(alt))


def loaded_export(lang: Lang) -> tuple[CurrentExport, ExportData]:
    """The current export and its data, or an invitation to import one (ends the page)."""
    export = state.current_export()
    if export is None:
        welcome(lang)
        st.stop()
    export_notices(export, lang)
    return export, data.export_data(export)


def export_notices(export: CurrentExport, lang: Lang) -> None:
    """What every page that shows a score says about the export's dates, prominently.

    An export older than the store's limit (30 days) is not today's picture; a score
    as of a day after the export date only shows activity leaving the window.
    """
    export_data = data.export_data(export)
    stale = data.week_change(export, state.today(), state.manual_inputs()).stale_text(lang)
    if stale:
        st.warning(stale, icon="⏳")
    if data.as_of(export) > export_data.export_date:
        st.info(
            t("score.after_export_note", lang, date=fmt_date(export_data.export_date, lang)),
            icon="📅",
        )


def export_label(export: CurrentExport, lang: Lang) -> str:
    """How the current export is named: its kind and export date, or the sample persona."""
    if export.sample:
        return t(
            "dashboard.sample_label", lang, persona=t(f"dashboard.persona.{export.sample}", lang)
        )
    return export_title(data.export_data(export), lang)


def comparisons(percentiles: Percentiles, lang: Lang) -> None:
    """The industry and the network comparison side by side."""
    industry_col, network_col = st.columns(2)
    with industry_col:
        comparison(percentiles.industry, t("compare.phrase.industry_rank", lang), lang)
    with network_col:
        reason = percentiles.network_reason.text(lang) if percentiles.network_reason else None
        comparison(percentiles.network, t("compare.phrase.network_rank", lang), lang, reason)


def comparison(
    group: GroupComparison | None, heading: str, lang: Lang, reason: str | None = None
) -> None:
    """One group comparison: "Top X%", the group, its average, and what it is computed against."""
    st.markdown(f"**{heading}**")
    if group is None:
        st.caption(reason or t("dashboard.compare.no_network", lang))
        return
    total = group.total
    value = t("compare.phrase.top", lang, value=total.top_percent) if total.top_percent else "–"
    st.metric(
        md(group.group_label(lang)),
        value,
        help=t("dashboard.compare.top_help", lang),
    )
    lines = [md(text) for text in (group.average_text(lang), group.percentile_text(lang)) if text]
    lines.append(t("compare.phrase.computed_against", lang, source=group.source_label(lang)))
    lines.extend(keyed_md(note.key, lang, note.params) for note in group.notes)
    if reason:
        lines.append(reason)
    st.caption("  \n".join(lines))


def change_lines(change: ScoreChange, lang: Lang) -> list[str]:
    """Every sub-metric's share of a score change with its reason, as markdown list items:
    ``- **+0.12** People searches (People): 11 new searches in the window …``."""
    return [
        t(
            "dashboard.change.part",
            lang,
            points=md(fmt_signed(m.points, lang, 2)),
            metric=md(t(f"metric.{m.key}.label", lang)),
            pillar=md(t(f"pillar_short.{m.pillar}", lang)),
            reason=md(m.reason(lang)),
        )
        for m in change.metrics
    ]


def score_change(change: ScoreChange, lang: Lang) -> None:
    """Why the score moved between two dates: the total, each pillar, each sub-metric's part."""
    st.markdown(
        t(
            "dashboard.change.summary",
            lang,
            since=fmt_date(change.since, lang),
            as_of=fmt_date(change.as_of, lang),
            change=fmt_signed(change.total, lang, 2),
            before=fmt_number(change.total_before, lang, 2),
            after=fmt_number(change.total_after, lang, 2),
        )
    )
    if not change.metrics:
        st.caption(t("change.nothing", lang))
        return
    pillars = " · ".join(
        f"{t(f'pillar_short.{p}', lang)} {fmt_signed(change.pillars[p], lang, 2)}" for p in PILLARS
    )
    st.caption(pillars)
    # A list, not a table: every reason is read in full, also on a phone and in print.
    st.markdown("\n".join(f"- {line}" for line in change_lines(change, lang)))
    st.caption(t("dashboard.change.adds_up", lang, total=fmt_signed(change.total, lang, 2)))
