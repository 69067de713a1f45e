"""Import: upload a LinkedIn export (zip, CSV files or a folder) or open a bundled sample."""

from __future__ import annotations

import logging

import pandas as pd
import streamlit as st

from dashboard import data, state
from dashboard.components import widgets
from dashboard.components.literal import error_md, md
from dashboard.state import CurrentExport, FailedUpload
from scoring.errors import SSIError
from scoring.export import ExportData, SourceReport
from scoring.i18n import Lang, fmt_date, fmt_number, t, tn

log = logging.getLogger(__name__)

FILE_TYPES = ["zip", "csv", "html"]
FOLDER_TYPES = ["csv", "html"]


def _uploaded(files: list | None) -> tuple[state.Upload, ...]:
    return tuple((f.name, f.getvalue()) for f in files or ())


def _read_with_status(export: CurrentExport, lang: Lang) -> bool:
    """Read and score ``export`` under a status box; on success make it the current export."""
    size = fmt_number(sum(len(b) for _, b in export.sources) / 1e6, lang, 1)
    with st.status(
        t("dashboard.import.reading", lang, count=len(export.sources), size=size)
    ) as box:
        try:
            data.export_data(export)
            box.write(t("dashboard.import.scoring", lang))
            data.warm_up(export)
        except SSIError as error:
            state.set_failed_upload(FailedUpload(export.key, error))
            box.update(label=t("dashboard.import.failed", lang), state="error")
            return False
        except Exception as error:  # a reader bug must not take the whole app down
            log.exception("reading %s failed", export.label)
            failure = SSIError("error.internal", detail=type(error).__name__)
            state.set_failed_upload(FailedUpload(export.key, failure))
            box.update(label=t("dashboard.import.failed", lang), state="error")
            return False
        state.set_export(export)
        box.update(label=t("dashboard.import.done", lang), state="complete", expanded=False)
    return True


def _accept(sources: tuple[state.Upload, ...], uploader: str, lang: Lang) -> None:
    """Read a new upload once; a repeat of the current or of a refused one is not re-read.

    Each attempt is judged on its own: when files were added to an uploader that
    still holds a refused one, and the whole set is refused again, the files added
    in this attempt are read without the earlier ones, so a bad first file never
    traps the user.
    """
    seen_key = f"{uploader}_seen"
    seen = st.session_state.get(seen_key, frozenset())
    st.session_state[seen_key] = frozenset(state.content_key([s]) for s in sources)
    if not sources:
        return
    export = state.make_export(sources)
    current, failed = state.current_export(), state.failed_upload()
    if (current and current.key == export.key) or (failed and failed.key == export.key):
        return
    if _read_with_status(export, lang):
        return
    added = tuple(s for s in sources if state.content_key([s]) not in seen)
    if seen and 0 < len(added) < len(sources) and _read_with_status(state.make_export(added), lang):
        left_out = ", ".join(md(name) for name, content in sources if (name, content) not in added)
        shown = tn("dashboard.import.left_out", len(added), lang, files=left_out)
        st.info(shown, icon="ℹ️")


def _upload_tabs(lang: Lang) -> None:
    files_tab, folder_tab, sample_tab = st.tabs(
        [
            t("dashboard.import.tab_files", lang),
            t("dashboard.import.tab_folder", lang),
            t("dashboard.import.tab_sample", lang),
        ]
    )
    with files_tab:
        files = st.file_uploader(
            t("dashboard.import.files_label", lang),
            type=FILE_TYPES,
            accept_multiple_files=True,
            help=t("dashboard.import.files_help", lang),
            key="upload_files",
        )
        _accept(_uploaded(files), "upload_files", lang)
    with folder_tab:
        folder = st.file_uploader(
            t("dashboard.import.folder_label", lang),
            type=FOLDER_TYPES,
            accept_multiple_files="directory",
            help=t("dashboard.import.folder_help", lang),
            key="upload_folder",
        )
        _accept(_uploaded(folder), "upload_folder", lang)
    if not files and not folder:
        state.set_failed_upload(None)  # the refused upload was removed from the uploader
    with sample_tab:
        _sample_choice(lang)


def _sample_choice(lang: Lang) -> None:
    personas = data.personas()
    persona = st.selectbox(
        t("dashboard.import.sample_label", lang),
        personas,
        format_func=lambda p: t(f"dashboard.persona.{p}", lang),
        key="sample_persona",
    )
    st.caption(t(f"dashboard.persona_about.{persona}", lang))
    if st.button(t("dashboard.import.sample_button", lang), key="load_sample", type="primary"):
        export = data.sample_export(persona)
        current = state.current_export()
        if current is None or current.key != export.key:
            _read_with_status(export, lang)


def _failure(lang: Lang) -> None:
    failed = state.failed_upload()
    if failed is not None:
        st.error(error_md(failed.error, lang), icon=":material/error:")
        st.caption(t("dashboard.import.remove_hint", lang))


def _archive_facts(export: CurrentExport, export_data: ExportData, lang: Lang) -> None:
    st.subheader(t("dashboard.import.loaded", lang, label=widgets.export_label(export, lang)))
    kind, exported, files, rows = st.columns([3, 2, 2, 2])
    kind.metric(
        t("dashboard.import.archive_kind", lang),
        t(f"dashboard.archive_kind.{export_data.archive_kind}", lang),
    )
    exported.metric(
        t("dashboard.import.export_date", lang), fmt_date(export_data.export_date, lang)
    )
    files.metric(
        t("dashboard.import.files_used", lang), fmt_number(len(export_data.sources), lang, 0)
    )
    rows.metric(
        t("dashboard.import.rows", lang),
        fmt_number(sum(s.rows for s in export_data.sources), lang, 0),
    )
    widgets.export_notices(export, lang)
    if export_data.archive_kind == "basic":
        st.warning(t("dashboard.import.basic_notice", lang), icon=":material/inventory_2:")
    elif export_data.archive_kind == "partial":
        st.info(t("dashboard.import.partial_notice", lang), icon=":material/info:")


def _notes_text(source: SourceReport, lang: Lang) -> str:
    """The file's warnings and why rows were skipped, in the reader's language."""
    skipped = [f"{reason} ({n})" for reason, n in source.skip_texts(lang).items()]
    return " · ".join(source.warning_texts(lang) + skipped)


def _file_report(export_data: ExportData, lang: Lang) -> None:
    st.markdown(f"#### {t('dashboard.import.report', lang)}")
    report = pd.DataFrame(
        {
            t("dashboard.import.col_file", lang): [s.file for s in export_data.sources],
            t("dashboard.import.col_kind", lang): [
                t(f"dashboard.kind.{s.kind}", lang) for s in export_data.sources
            ],
            # Formatted like every other number on the page (German "1.500", not "1500").
            t("dashboard.import.col_rows", lang): [
                fmt_number(s.rows, lang, 0) for s in export_data.sources
            ],
            t("dashboard.import.col_skipped", lang): [
                fmt_number(s.skipped, lang, 0) for s in export_data.sources
            ],
            t("dashboard.import.col_warnings", lang): [
                _notes_text(s, lang) for s in export_data.sources
            ],
        }
    )
    # st.table, not st.dataframe: a grid cuts long notes to one line; a table wraps them.
    st.table(report, hide_index=True)
    missing, ignored = st.columns(2)
    with missing:
        st.markdown(f"**{t('dashboard.import.missing', lang)}**")
        if export_data.missing:
            st.markdown(
                "\n".join(f"- {t(f'dashboard.kind.{k}', lang)}" for k in export_data.missing)
            )
        else:
            st.caption(t("dashboard.import.none_missing", lang))
    with ignored:
        st.markdown(f"**{t('dashboard.import.ignored', lang)}**")
        if export_data.ignored:
            st.markdown("\n".join(f"- {md(name)}" for name in export_data.ignored))
        else:
            st.caption(t("dashboard.import.none_ignored", lang))


def render() -> None:
    """Draw the import page."""
    lang = state.lang()
    st.title(t("dashboard.import.title", lang))
    st.markdown(t("dashboard.import.intro", lang))
    _upload_tabs(lang)
    _failure(lang)
    export = state.current_export()
    if export is None:
        return
    export_data = data.export_data(export)
    _archive_facts(export, export_data, lang)
    score = data.score(export, state.manual_inputs())
    st.success(
        t("dashboard.import.scored", lang, total=fmt_number(score.total, lang, 2)),
        icon=":material/check_circle:",
    )
    st.page_link(
        "views/overview.py", label=t("dashboard.import.to_overview", lang), icon=":material/speed:"
    )
    _file_report(export_data, lang)


render()
