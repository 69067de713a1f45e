"""Compare: the reference distributions with your position, peer files, official readings."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from dashboard import data, state
from dashboard.components import charts, widgets
from dashboard.components.literal import error_md, md
from scoring.compare import GroupComparison, Percentiles
from scoring.compare.industries import industry_label
from scoring.errors import SSIError
from scoring.i18n import Lang, fmt_date, fmt_number, fmt_signed, t, tn
from scoring.official import OfficialReading, parse_official
from scoring.present import score_label
from scoring.results import SCORE_FIELDS, Score

INDUSTRY_WIDGET = "industry_widget"


def _keep_industry() -> None:
    st.session_state[state.INDUSTRY_KEY] = st.session_state[INDUSTRY_WIDGET]


def _industry_choice(profile_industry: str | None, lang: Lang) -> None:
    options: list[str | None] = [
        None,
        *(g for g in data.reference_groups() if data.resolved_industry(g)),
    ]
    current = state.industry_choice()
    st.selectbox(
        t("dashboard.compare.industry", lang),
        options,
        index=options.index(current) if current in options else 0,
        format_func=lambda g: (
            industry_label(g, lang)
            if g is not None
            else t("dashboard.compare.industry_auto", lang, industry=profile_industry or "–")
        ),
        key=INDUSTRY_WIDGET,
        on_change=_keep_industry,
    )


def measure_name(measure: str, lang: Lang) -> str:
    """``total`` → "Total", a pillar → its full name."""
    return score_label(measure, lang, long=True)


#: What each distribution is, under its charts.
_BASIS_NOTES = {
    "modelled_reference": "compare.note.modelled",
    "estimated_network": "compare.note.estimated_network",
    "cohort": "dashboard.compare.distribution_table",
    "peer_csv": "dashboard.compare.distribution_table",
}


def _basis_label(group: GroupComparison, lang: Lang) -> str:
    if group.source == "modelled_reference":
        return t("dashboard.compare.basis_members", lang, group=group.group_label(lang))
    if group.source == "estimated_network":
        return t("dashboard.compare.basis_network", lang)
    if group.source == "official":
        return t("dashboard.compare.basis_official", lang)
    return group.group_label(lang)


def _distributions(score: Score, percentiles: Percentiles, lang: Lang) -> None:
    """The distribution of the chosen group: the industry or any network source in use.

    Each source draws its own group (the peer file its peers, the team its members);
    LinkedIn's official page gives a rank and an average but no distribution.
    """
    st.subheader(t("dashboard.compare.distribution", lang))
    groups = {g.source: g for g in (percentiles.industry, *percentiles.networks)}
    basis = st.segmented_control(
        t("dashboard.compare.basis", lang),
        tuple(groups),
        format_func=lambda source: _basis_label(groups[source], lang),
        default="modelled_reference",
        key="distribution_basis",
    )
    chosen = groups.get(basis or "modelled_reference", percentiles.industry)
    if not chosen.quantiles:
        st.info(t("dashboard.compare.distribution_none", lang), icon=":material/info:")
        return
    st.caption(t(_BASIS_NOTES[chosen.source], lang, group=md(chosen.group_label(lang))))
    values = score.field_values()
    total_slot = st.container()
    columns = st.columns(2)
    for index, measure in enumerate(SCORE_FIELDS):
        target = total_slot if measure == "total" else columns[(index - 1) % 2]
        with target:
            st.markdown(f"**{measure_name(measure, lang)}**")
            if measure not in chosen.quantiles:
                st.caption(t("dashboard.compare.distribution_too_few", lang))
                continue
            average = chosen.standing(measure).average or 0.0
            widgets.chart(
                charts.distribution_bars(
                    np.asarray(chosen.quantiles[measure]),
                    values[measure],
                    average,
                    measure,
                    lang,
                    scores=chosen.values.get(measure),
                ),
                t(
                    "dashboard.compare.distribution_alt",
                    lang,
                    measure=measure_name(measure, lang),
                    group=chosen.group_label(lang),
                    source=chosen.source_label(lang),
                    value=fmt_number(values[measure], lang, 2),
                    rank=chosen.percentile_text(lang, measure) or "–",
                    average=fmt_number(average, lang, 2),
                ),
                key=f"distribution_{measure}",
            )


def sources_table(percentiles: Percentiles, lang: Lang) -> pd.DataFrame:
    """Our estimate against the industry and every network source, one row each.

    LinkedIn's official rank is of LinkedIn's own score, and the table says so.
    """
    rows = []
    for group in (percentiles.industry, *percentiles.networks):
        top = group.total.top_percent
        rank = t("compare.phrase.top", lang, value=top) if top else "–"
        if group.source == "official" and top:
            rank = t("dashboard.compare.official_rank", lang, rank=rank)
        rows.append(
            {
                t("dashboard.compare.col_group", lang): group.group_label(lang),
                t("dashboard.compare.col_source", lang): group.source_label(lang),
                t("dashboard.compare.col_people", lang): (
                    fmt_number(group.size, lang, 0) if group.size else "–"
                ),
                t("dashboard.compare.col_rank", lang): rank,
                t("dashboard.compare.col_higher", lang): (
                    group.percentile_text(lang) if group.source != "official" else None
                )
                or "–",
                t("dashboard.compare.col_average", lang): (
                    fmt_number(group.total.average, lang, 2)
                    if group.total.average is not None
                    else "–"
                ),
            }
        )
    return pd.DataFrame(rows)


def _sources(percentiles: Percentiles, lang: Lang) -> None:
    st.markdown(f"**{t('dashboard.compare.sources', lang)}**")
    # A table wraps its long cells ("Higher than 99.1% of …"); a grid cut them.
    st.table(sources_table(percentiles, lang), hide_index=True)


def _peer_upload(lang: Lang) -> None:
    st.subheader(t("dashboard.compare.peers", lang))
    st.markdown(t("dashboard.compare.peers_intro", lang))
    upload = st.file_uploader(
        t("dashboard.compare.peers_label", lang), type=["csv"], key="peer_upload"
    )
    if upload is not None:
        peers = (upload.name, upload.getvalue())
        try:
            table = data.peer_table(peers)
        except SSIError as error:
            st.error(error_md(error, lang), icon=":material/error:")
        else:
            state.set_peer_file(peers)
            st.success(
                tn(
                    "dashboard.compare.peers_read",
                    len(table),
                    lang,
                    file=md(upload.name),
                    n=len(table),
                )
            )
    current = state.peer_file()
    if current is not None and upload is None:
        st.caption(t("dashboard.compare.peers_in_use", lang, file=md(current[0])))
        if st.button(t("dashboard.compare.peers_remove", lang), key="peer_remove"):
            state.set_peer_file(None)
            st.rerun()


def _official_paste(lang: Lang) -> None:
    st.subheader(t("dashboard.compare.official", lang))
    st.markdown(t("dashboard.compare.official_intro", lang))
    with st.form("official_form", border=True):
        text = st.text_area(
            t("dashboard.compare.official_label", lang), height=160, key="official_text"
        )
        read_on = st.date_input(
            t("dashboard.compare.official_date", lang),
            value=state.today(),
            format="DD.MM.YYYY" if lang == "de" else "YYYY-MM-DD",
            key="official_date",
        )
        submitted = st.form_submit_button(
            t("dashboard.compare.official_button", lang), type="primary"
        )
    if submitted:
        try:
            state.add_official_reading(parse_official(text, as_of=read_on))
        except SSIError as error:
            st.error(error_md(error, lang), icon=":material/error:")


def official_table(reading: OfficialReading, estimate: Score, lang: Lang) -> pd.DataFrame:
    """Official values beside the estimate of the same day, and the difference."""
    official = [getattr(reading, f) for f in SCORE_FIELDS]
    ours = list(estimate.field_values().values())
    return pd.DataFrame(
        {
            t("score.heading.metric", lang): [measure_name(m, lang) for m in SCORE_FIELDS],
            t("official.label.official", lang): [fmt_number(v, lang, 2) for v in official],
            t("official.label.estimate", lang): [fmt_number(v, lang, 2) for v in ours],
            t("official.label.difference", lang): [
                fmt_signed(o - e, lang, 2) if o is not None else "–"
                for o, e in zip(official, ours, strict=True)
            ],
        }
    )


def _official_readings(export: state.CurrentExport, lang: Lang) -> None:
    readings = state.official_readings()
    if not readings:
        return
    manual = state.manual_inputs()
    export_date = data.export_data(export).export_date
    for reading in sorted(readings, key=lambda r: r.as_of or export_date, reverse=True):
        day = reading.as_of or export_date
        # The export knows nothing after its date: compare a later reading with its last day.
        estimate = data.score_on(export, min(day, export_date), manual)
        st.markdown(
            t(
                "dashboard.compare.official_heading",
                lang,
                date=fmt_date(day, lang),
                estimate_date=fmt_date(estimate.as_of, lang),
            )
        )
        if estimate.as_of != day:
            st.warning(
                t(
                    "dashboard.compare.official_other_day",
                    lang,
                    date=fmt_date(day, lang),
                    estimate_date=fmt_date(estimate.as_of, lang),
                ),
                icon="📅",
            )
        st.dataframe(official_table(reading, estimate, lang), hide_index=True, width="stretch")
    keep_col, clear_col = st.columns(2)
    member = data.stored_member(export)
    if member is not None and not state.read_only():
        with keep_col:
            _keep_readings(member, readings, lang)
    if clear_col.button(t("dashboard.compare.official_clear", lang), key="official_clear"):
        state.clear_official_readings()
        st.rerun()


def _keep_readings(member: str, readings: tuple[OfficialReading, ...], lang: Lang) -> None:
    """Store this session's readings with the member's history (History shows them)."""
    if not st.button(
        t("dashboard.compare.official_store", lang, member=md(member)), key="official_store"
    ):
        return
    try:
        for reading in readings:
            outcome = data.store().add_official(member, reading)
            st.success(
                t(
                    f"store.official.{outcome}",
                    lang,
                    date=fmt_date(reading.as_of, lang),
                    member=md(member),
                    total=fmt_number(reading.total, lang, 2),
                )
            )
    except SSIError as error:
        st.error(error_md(error, lang), icon=":material/error:")


def render() -> None:
    """Draw the Compare page."""
    lang = state.lang()
    export, export_data = widgets.loaded_export(lang)
    manual = state.manual_inputs()
    st.title(t("dashboard.compare.title", lang))
    st.markdown(t("dashboard.compare.intro", lang))
    _industry_choice(export_data.profile.industry, lang)
    # The sources below change the comparison: draw its slots first, fill them after.
    results, distributions = st.container(), st.container()
    st.divider()
    _peer_upload(lang)
    _official_paste(lang)
    percentiles = data.percentiles(export, manual)
    with results:
        widgets.comparisons(percentiles, lang)
        _sources(percentiles, lang)
        _official_readings(export, lang)
    with distributions:
        _distributions(data.score(export, manual), percentiles, lang)


render()
