"""Calibrate: fit the model's weights to pasted official SSI pages and keep the fit as a model.

The same as ``ssi calibrate EXPORT --reading DATE=FILE… --save NAME``: the readings
(pasted here or on the Compare page, one session list) are fitted by
``scoring.model.calibrate``; the save button writes a named model with
``scoring.model.saved`` into the same folder the CLI uses, and the sidebar's model
box then scores every page with it. Saving and removing write files, so in
read-only mode (``SSI_READ_ONLY=1``) both buttons are disabled.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from dashboard import data, state
from dashboard.components import widgets
from dashboard.components.literal import error_md, md
from scoring.errors import SSIError
from scoring.i18n import Lang, fmt_date, fmt_number, t, tn
from scoring.model.calibrate import Calibration
from scoring.model.saved import fit_summary, uncertainty_text
from scoring.official import OfficialReading, parse_official
from scoring.results import PILLARS

#: Where the outcome of the last save or removal waits for the next run (callbacks cannot draw).
OUTCOME_KEY = "calibration_outcome"
NAME_KEY = "calibration_name"


def usable(
    readings: tuple[OfficialReading, ...], export_date: date
) -> tuple[tuple[OfficialReading, ...], tuple[OfficialReading, ...]]:
    """(readings a fit can use, those it cannot): a fit needs a date no later than the export's
    (the export cannot know later activity) and at least one pillar value."""
    good = tuple(
        r for r in readings if r.as_of is not None and r.as_of <= export_date and r.pillars
    )
    return good, tuple(r for r in readings if r not in good)


def _paste(export_date: date, lang: Lang) -> None:
    with st.form("calibration_form", border=True):
        text = st.text_area(t("dashboard.compare.official_label", lang), height=140, key="cal_text")
        read_on = st.date_input(
            t("dashboard.calibrate.date", lang),
            value=export_date,
            max_value=export_date,
            format="DD.MM.YYYY" if lang == "de" else "YYYY-MM-DD",
            key="cal_date",
        )
        if st.form_submit_button(t("dashboard.calibrate.add", lang), type="primary"):
            try:
                state.add_official_reading(parse_official(text, as_of=read_on))
            except SSIError as error:
                st.error(error_md(error, lang), icon=":material/error:")


def readings_table(readings: tuple[OfficialReading, ...], lang: Lang) -> pd.DataFrame:
    """The readings as shown: date, LinkedIn's total and pillars (``–`` where missing)."""

    def shown(value: float | None) -> str:
        return fmt_number(value, lang, 2) if value is not None else "–"

    ordered = sorted(readings, key=lambda r: r.as_of or date.min)
    return pd.DataFrame(
        {
            t("dashboard.calibrate.read_on", lang): [
                fmt_date(r.as_of, lang) if r.as_of else "–" for r in ordered
            ],
            t("common.total", lang): [shown(r.total) for r in ordered],
            **{
                t(f"pillar_short.{p}", lang): [shown(r.pillars.get(p)) for r in ordered]
                for p in PILLARS
            },
        }
    )


def error_table(result: Calibration, lang: Lang) -> pd.DataFrame:
    """The fit error (root-mean-square, in points) before and after, per pillar and in total."""
    measures = (*PILLARS, "total")

    def shown(value: float) -> str:
        return fmt_number(value, lang, 2) if value == value else "–"  # NaN: no reading had it

    return pd.DataFrame(
        {
            t("score.heading.metric", lang): [
                t("common.total", lang) if m == "total" else t(f"pillar.{m}", lang)
                for m in measures
            ],
            t("dashboard.calibrate.before", lang): [shown(result.rmse_before[m]) for m in measures],
            t("dashboard.calibrate.after", lang): [shown(result.rmse_after[m]) for m in measures],
        }
    )


def weights_table(result: Calibration, lang: Lang) -> pd.DataFrame:
    """Each sub-metric's maximum points: the bundled model's and the fitted one."""
    keys = list(result.weights)
    return pd.DataFrame(
        {
            t("score.heading.metric", lang): [t(f"metric.{k}.label", lang) for k in keys],
            t("dashboard.calibrate.default_weight", lang): [
                fmt_number(result.default_weights[k], lang, 2) for k in keys
            ],
            t("dashboard.calibrate.fitted_weight", lang): [
                fmt_number(result.weights[k], lang, 2) for k in keys
            ],
        }
    )


def _save(result: Calibration, dates: tuple[date, ...], lang: Lang) -> None:
    """The save button's callback: runs before the page, so the sidebar box can switch."""
    name = str(st.session_state.get(NAME_KEY, "")).strip()
    try:
        saved = data.save_fit(name, result, dates)
    except SSIError as error:
        st.session_state[OUTCOME_KEY] = ("error", error_md(error, lang))
    else:
        text = t("dashboard.calibrate.saved", lang, name=md(saved.name))
        st.session_state[OUTCOME_KEY] = ("success", text)


def _remove(name: str, lang: Lang) -> None:
    try:
        data.remove_saved(name)
    except SSIError as error:
        st.session_state[OUTCOME_KEY] = ("error", error_md(error, lang))
    else:
        text = t("dashboard.calibrate.removed", lang, name=md(name))
        st.session_state[OUTCOME_KEY] = ("success", text)


def _fit(export: state.CurrentExport, readings: tuple[OfficialReading, ...], lang: Lang) -> None:
    st.subheader(t("dashboard.calibrate.fit", lang))
    try:
        result = data.fit(export, readings)
    except SSIError as error:
        st.error(error_md(error, lang), icon=":material/error:")
        return
    before_col, after_col = st.columns(2)
    before_col.metric(
        t("dashboard.calibrate.error_before", lang),
        fmt_number(result.rmse_before["total"], lang, 2),
        help=t("dashboard.calibrate.error_help", lang),
    )
    after_col.metric(
        t("dashboard.calibrate.error_after", lang),
        fmt_number(result.rmse_after["total"], lang, 2),
        help=t("dashboard.calibrate.error_help", lang),
    )
    caveat = uncertainty_text(result.readings, len(result.weights), lang)
    if caveat:
        st.warning(caveat, icon=":material/help:")
    st.table(error_table(result, lang), hide_index=True)
    with st.expander(t("dashboard.calibrate.weights", lang)):
        st.table(weights_table(result, lang), hide_index=True)
    name_col, button_col = st.columns([3, 2], vertical_alignment="bottom")
    name_col.text_input(
        t("dashboard.calibrate.name", lang),
        placeholder="my-fit",
        help=t("dashboard.calibrate.name_help", lang),
        key=NAME_KEY,
    )
    dates = tuple(r.as_of for r in readings if r.as_of is not None)
    button_col.button(
        t("dashboard.calibrate.save", lang),
        type="primary",
        disabled=state.read_only(),
        on_click=_save,
        args=(result, dates, lang),
        key="calibration_save",
    )


def _saved_models(lang: Lang) -> None:
    st.subheader(t("dashboard.calibrate.saved_models", lang))
    models = data.saved_models()
    if not models:
        st.caption(t("dashboard.calibrate.no_models", lang))
        return
    chosen = state.model_choice()
    for saved in models:
        line_col, button_col = st.columns([4, 1], vertical_alignment="center")
        mark = f" **{t('dashboard.calibrate.in_use', lang)}**" if saved.name == chosen else ""
        line_col.markdown(md(fit_summary(saved, lang)) + mark)
        button_col.button(
            t("dashboard.calibrate.remove", lang),
            disabled=state.read_only(),
            on_click=_remove,
            args=(saved.name, lang),
            key=f"calibration_remove_{saved.name}",
        )


def render() -> None:
    """Draw the calibration page."""
    lang = state.lang()
    export, export_data = widgets.loaded_export(lang)
    st.title(t("dashboard.calibrate.title", lang))
    st.markdown(t("dashboard.calibrate.intro", lang))
    if state.read_only():
        st.info(t("dashboard.calibrate.read_only", lang), icon="🔒")
    outcome = st.session_state.pop(OUTCOME_KEY, None)
    if outcome is not None:
        kind, text = outcome
        (st.error if kind == "error" else st.success)(text)
    _paste(export_data.export_date, lang)
    readings, left_out = usable(state.official_readings(), export_data.export_date)
    if readings or left_out:
        st.table(readings_table((*readings, *left_out), lang), hide_index=True)
    if left_out:
        st.caption(
            tn(
                "dashboard.calibrate.left_out",
                len(left_out),
                lang,
                n=len(left_out),
                date=fmt_date(export_data.export_date, lang),
            )
        )
    if readings:
        _fit(export, readings, lang)
    else:
        st.caption(t("dashboard.calibrate.none_yet", lang))
    _saved_models(lang)


render()
