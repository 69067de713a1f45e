"""The empty start: what the tool does, one click to the sample data, and the upload itself."""

from __future__ import annotations

import streamlit as st

from dashboard import data, state
from dashboard.components.literal import error_md
from scoring.errors import SSIError
from scoring.i18n import Lang, t

SAMPLE = "active_seller"


def _try_sample() -> None:
    state.set_export(data.sample_export(SAMPLE))


def welcome(lang: Lang) -> None:
    """Greet a newcomer on a page that needs an export; a loaded export reruns the page."""
    st.title(t("dashboard.welcome.title", lang))
    st.markdown(t("dashboard.welcome.intro", lang))
    st.button(
        t("dashboard.welcome.sample", lang),
        type="primary",
        on_click=_try_sample,
        key="welcome_sample",
    )
    st.caption(t(f"dashboard.persona_about.{SAMPLE}", lang))
    upload = st.file_uploader(
        t("dashboard.import.files_label", lang),
        type=["zip"],
        help=t("dashboard.import.files_help", lang),
        key="welcome_upload",
    )
    if upload is not None:
        export = state.make_export(((upload.name, upload.getvalue()),))
        try:
            with st.spinner(t("dashboard.import.scoring", lang)):
                data.export_data(export)
                data.warm_up(export)
        except SSIError as error:
            st.error(error_md(error, lang), icon="❗")
            st.caption(t("dashboard.import.remove_hint", lang))
        else:
            state.set_export(export)
            st.rerun()
    st.page_link("views/import_export.py", label=t("dashboard.empty.go_import", lang), icon="📂")
