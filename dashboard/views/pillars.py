"""Pillars: every sub-metric with its value, target, points, explanation, sources and history."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import data, state
from dashboard.components import charts, widgets
from scoring.i18n import Lang, fmt_date, fmt_number, t
from scoring.model import ManualInputs
from scoring.model.notes import explanation, status_text
from scoring.present import metric_shown_value, metric_value_text
from scoring.results import PILLARS, MetricScore, Score

#: The sub-metrics the export cannot carry, and the manual input that feeds each.
MANUAL_FIELDS: dict[str, str] = {
    "profile_views": "profile_views_90d",
    "saved_leads": "saved_leads_90d",
}


def metric_table(score: Score, pillar: str, lang: Lang) -> pd.DataFrame:
    """The sub-metrics of ``pillar`` as shown: label, value, target, points, maximum, sources."""
    metrics = score.pillars[pillar].metrics
    return pd.DataFrame(
        {
            t("score.heading.metric", lang): [t(f"metric.{m.key}.label", lang) for m in metrics],
            t("score.heading.value", lang): [metric_shown_value(m, lang) for m in metrics],
            t("score.heading.target", lang): [
                metric_value_text(m.target, m.unit, lang) for m in metrics
            ],
            t("score.heading.points", lang): [fmt_number(m.points, lang, 2) for m in metrics],
            t("dashboard.pillars.max_points", lang): [
                fmt_number(m.max_points, lang, 2) for m in metrics
            ],
            t("dashboard.pillars.sources", lang): [_sources_text(m, lang) for m in metrics],
        }
    )


def _sources_text(metric: MetricScore, lang: Lang) -> str:
    if not metric.sources:
        return t("dashboard.pillars.manual_source", lang)
    return ", ".join(t(f"dashboard.kind.{kind}", lang) for kind in metric.sources)


def _explanations(score: Score, pillar: str, lang: Lang) -> None:
    lines = []
    for m in score.pillars[pillar].metrics:
        line = f"- **{t(f'metric.{m.key}.label', lang)}**: {explanation(m.key, lang, 'page')}"
        note = status_text(m, lang)
        if note:
            line += f" *{note}*"
        lines.append(line)
    with st.expander(t("dashboard.pillars.explanations", lang), icon=":material/help:"):
        st.markdown("\n".join(lines))


def _over_time(export: state.CurrentExport, score: Score, pillar: str, lang: Lang) -> None:
    metrics = [m for m in score.pillars[pillar].metrics if m.sources]
    if not metrics:
        return
    key = st.selectbox(
        t("dashboard.pillars.over_time", lang),
        [m.key for m in metrics],
        format_func=lambda k: t(f"metric.{k}.label", lang),
        key=f"over_time_{pillar}",
    )
    units = {m.key: m.unit for m in metrics}
    history = data.history(export, "W", state.manual_inputs())
    widgets.chart(
        charts.metric_activity(history, key, pillar, lang, unit=units[key]),
        t(
            "dashboard.pillars.activity_alt",
            lang,
            metric=t(f"metric.{key}.label", lang),
            start=fmt_date(history["as_of"].iloc[0], lang),
            end=fmt_date(history["as_of"].iloc[-1], lang),
        ),
        key=f"activity_{pillar}",
    )


def _manual_inputs(lang: Lang) -> None:
    """Number inputs for what LinkedIn shows but the export lacks (profile views, saved leads)."""
    current = state.manual_inputs() or ManualInputs()
    entered: dict[str, float | None] = {}
    with st.expander(t("dashboard.pillars.manual_title", lang), icon=":material/edit:"):
        st.caption(t("dashboard.pillars.manual_intro", lang))
        for column, (metric, field) in zip(st.columns(2), MANUAL_FIELDS.items(), strict=True):
            entered[field] = column.number_input(
                t(f"metric.{metric}.label", lang),
                min_value=0.0,
                value=getattr(current, field),
                step=1.0,
                format="%.0f",
                placeholder=t("dashboard.pillars.manual_placeholder", lang),
                key=f"manual_{metric}",
            )
    state.set_manual_inputs(ManualInputs(**entered))


def render() -> None:
    """Draw the pillars page."""
    lang = state.lang()
    export, _ = widgets.loaded_export(lang)
    st.title(t("dashboard.pillars.title", lang))
    st.markdown(t("dashboard.pillars.intro", lang))
    _manual_inputs(lang)
    score = data.score(export, state.manual_inputs())
    tabs = st.tabs(
        [
            f"{t(f'pillar_short.{p}', lang)} · {fmt_number(score.pillars[p].score, lang, 2)}"
            for p in PILLARS
        ]
    )
    for tab, pillar in zip(tabs, PILLARS, strict=True):
        with tab:
            st.subheader(
                t(
                    "dashboard.pillars.heading",
                    lang,
                    pillar=t(f"pillar.{pillar}", lang),
                    score=fmt_number(score.pillars[pillar].score, lang, 2),
                ),
                help=t(f"dashboard.pillars.help_{pillar}", lang),
            )
            # st.table, not st.dataframe: a grid cuts "Read from" and long values to one line.
            st.table(metric_table(score, pillar, lang), hide_index=True)
            _explanations(score, pillar, lang)
            _over_time(export, score, pillar, lang)


render()
