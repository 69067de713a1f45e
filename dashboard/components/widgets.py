"""Small drawing helpers every page shares: sidebar, charts with alt text, empty states."""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from dashboard import data, state
from dashboard.state import CurrentExport
from scoring.compare import GroupComparison, Percentiles
from scoring.export import ExportData
from scoring.i18n import Lang, fmt_date, fmt_number, t

LANG_LABELS: dict[str, str] = {"en": "English", "de": "Deutsch"}
IMPORT_PAGE = "views/import_export.py"

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


def uploader_style(lang: Lang) -> str:
    """CSS that words Streamlit's file-uploader button and size limit in ``lang``.

    Streamlit writes "Upload" and "500MB per file • ZIP, CSV" in English whatever the
    page language; a German page gets its own words in their place (the accepted file
    types are already named in each uploader's label). English keeps Streamlit's text.
    """
    if lang == "en":
        return ""
    button = t("dashboard.uploader.button", lang)
    limit = t(
        "dashboard.uploader.limit",
        lang,
        size=fmt_number(st.get_option("server.maxUploadSize"), lang, 0),
    )
    zone = '[data-testid="stFileUploaderDropzone"]'
    return (
        f'{zone} button [data-testid="stMarkdownContainer"] p {{font-size: 0;}}\n'
        f'{zone} button [data-testid="stMarkdownContainer"] p::after '
        f'{{content: "{button}"; font-size: 14px;}}\n'
        f'{zone} [data-testid="stFileUploaderDropzoneInstructions"] span {{font-size: 0;}}\n'
        f'{zone} [data-testid="stFileUploaderDropzoneInstructions"] span::after '
        f'{{content: "{limit}"; font-size: 14px;}}\n'
    )


def page_style(lang: Lang) -> None:
    """The few style rules the theme cannot express (see :data:`STYLE`), in ``lang``."""
    st.html(STYLE.replace("</style>", uploader_style(lang) + "</style>"))


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
        slot = st.empty()
        st.caption(t("dashboard.sidebar.privacy", lang))
    return slot


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
    """Draw ``fig`` with ``alt`` as its accessible name and as a visible caption."""
    st.plotly_chart(fig, config=PLOTLY_CONFIG, alt=alt, key=key)
    st.caption(alt)


def loaded_export(lang: Lang) -> tuple[CurrentExport, ExportData]:
    """The current export and its data, or an invitation to import one (ends the page)."""
    export = state.current_export()
    if export is None:
        st.info(t("dashboard.empty.no_export", lang))
        st.page_link(
            IMPORT_PAGE, label=t("dashboard.empty.go_import", lang), icon=":material/upload_file:"
        )
        st.stop()
    return export, data.export_data(export)


def export_label(export: CurrentExport, lang: Lang) -> str:
    """How the current export is named on screen: the file name or the sample persona."""
    if export.sample:
        return t(
            "dashboard.sample_label", lang, persona=t(f"dashboard.persona.{export.sample}", lang)
        )
    return export.label


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
        group.group_label(lang),
        value,
        help=t("dashboard.compare.top_help", lang),
    )
    group_name = group.group_label(lang)
    lines = [
        t(phrase, lang, group=group_name, value=fmt_number(number, lang, decimals))
        for phrase, number, decimals in (
            ("compare.phrase.average", total.average, 2),
            ("compare.phrase.percentile", total.percentile, 1),
        )
        if number is not None
    ]
    lines.append(t("compare.phrase.computed_against", lang, source=group.source_label(lang)))
    lines.extend(note.text(lang) for note in group.notes)
    if reason:
        lines.append(reason)
    st.caption("  \n".join(lines))
