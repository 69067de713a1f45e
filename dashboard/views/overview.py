"""Overview: the total as a gauge, the four pillars, the ranks, the change and the top tips."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from dashboard import data, state
from dashboard.components import charts, downloads, widgets
from dashboard.components.literal import html, md
from scoring.advice.tips import Tip, tips_payload
from scoring.bands import band
from scoring.compare import GroupComparison, Percentiles, percentiles_payload
from scoring.i18n import Lang, fmt_date, fmt_number, fmt_signed, t
from scoring.model.attribution import ScoreChange, change_payload
from scoring.model.notes import manual_only_text
from scoring.official import OfficialReading
from scoring.results import PILLARS, Score
from scoring.store import Change

TOP_TIPS = 3


def _change_metric(total: float, change: Change, lang: Lang) -> None:
    delta = change.delta["total"] if change.delta is not None else None
    colour, arrow = "gray", "off"
    if delta is not None and round(delta, 1) > 0:
        colour, arrow = "green", "up"
    elif delta is not None and round(delta, 1) < 0:
        colour, arrow = "red", "down"
    st.metric(
        t("common.total", lang),
        fmt_number(total, lang, 2),
        delta=change.text(lang),
        delta_color=colour,
        delta_arrow=arrow,
        help=t("dashboard.overview.total_help", lang),
    )


def _headline(score: Score, change: Change, lang: Lang) -> DeltaGenerator:
    """The total with its change and band; returns the column the gauge goes into.

    The gauge is drawn after the numbers (into the returned column): plotly takes
    the browser longest to render, and the numbers should not wait for it.
    """
    gauge_col, facts_col = st.columns([3, 2], vertical_alignment="center")
    with facts_col:
        _change_metric(score.total, change, lang)
        st.markdown(f"**{t(f'band.{band(score.total)}', lang)}**  \n{t('band.explain', lang)}")
    return gauge_col


def _gauge(score: Score, lang: Lang) -> None:
    widgets.chart(
        charts.gauge(score.total, lang),
        t(
            "dashboard.overview.gauge_alt",
            lang,
            total=fmt_number(score.total, lang, 2),
            band=t(f"band.{band(score.total)}", lang),
        ),
        key="gauge",
    )


def _bars(score: Score, percentiles: Percentiles, lang: Lang) -> None:
    widgets.chart(
        charts.pillar_bars(
            score,
            lang,
            references={p: percentiles.industry.pillars[p].average for p in PILLARS},
            reference_label=t(
                "dashboard.chart.average_of",
                lang,
                group=html(percentiles.industry.group_label(lang)),
            ),
        ),
        t(
            "dashboard.overview.bars_alt",
            lang,
            **{p: fmt_number(score.pillars[p].score, lang, 2) for p in PILLARS},
        ),
        key="pillar_bars",
    )


def _pillars(score: Score, change: Change, lang: Lang) -> None:
    st.subheader(t("dashboard.overview.pillars", lang))
    columns = st.columns(len(PILLARS))
    for column, pillar in zip(columns, PILLARS, strict=True):
        delta = change.delta[pillar] if change.delta is not None else None
        column.metric(
            t(f"pillar.{pillar}", lang),
            fmt_number(score.pillars[pillar].score, lang, 2),
            delta=fmt_signed(delta, lang, 2) if delta is not None else None,
            delta_color="normal",
            help=t(f"dashboard.overview.pillar_help_{pillar}", lang),
            border=True,
            height="stretch",
        )


def _why_it_moved(export: state.CurrentExport, lang: Lang) -> ScoreChange:
    """Under the weekly change: the as-of date against a week before, part by part."""
    change = data.score_change(export, manual=state.manual_inputs())
    with st.expander(t("dashboard.change.heading", lang), icon=":material/query_stats:"):
        widgets.score_change(change, lang)
    return change


def newest_official(readings: tuple[OfficialReading, ...]) -> OfficialReading | None:
    """The newest pasted reading with LinkedIn's total (undated ones count as oldest)."""
    dated = [r for r in readings if r.total is not None]
    if not dated:
        return None
    return max(dated, key=lambda r: r.as_of or date.min)


def official_table(reading: OfficialReading, lang: Lang) -> pd.DataFrame:
    """LinkedIn's own reading as LinkedIn shows it: its score, the industry's and the network's
    averages for the total and each pillar (``–`` where the page did not say)."""
    measures = ("total", *PILLARS)
    own = {"total": reading.total, **reading.pillars}
    industry = {"total": reading.industry_average, **(reading.industry_pillars or {})}
    network = {"total": reading.network_average, **(reading.network_pillars or {})}

    def shown(values: dict[str, float | None]) -> list[str]:
        return [
            fmt_number(values[m], lang, 2) if values.get(m) is not None else "–" for m in measures
        ]

    return pd.DataFrame(
        {
            t("score.heading.metric", lang): [
                t("common.total", lang) if m == "total" else t(f"pillar.{m}", lang)
                for m in measures
            ],
            t("dashboard.overview.official_col_score", lang): shown(own),
            t("dashboard.overview.official_col_industry", lang): shown(industry),
            t("dashboard.overview.official_col_network", lang): shown(network),
        }
    )


def official_ranks(reading: OfficialReading, lang: Lang) -> list[str]:
    """LinkedIn's two ranks of LinkedIn's score, in words (those the page gave)."""
    lines = []
    if reading.industry_top_pct is not None:
        lines.append(
            t(
                "dashboard.overview.official_industry_rank",
                lang,
                top=fmt_number(reading.industry_top_pct, lang, 0),
                industry=md(
                    reading.industry_name or t("dashboard.overview.official_industry", lang)
                ),
            )
        )
    if reading.network_top_pct is not None:
        lines.append(
            t(
                "dashboard.overview.official_network_rank",
                lang,
                top=fmt_number(reading.network_top_pct, lang, 0),
            )
        )
    return lines


def _official(score: Score, lang: Lang) -> None:
    """The newest pasted official reading, shown as LinkedIn's, apart from our estimate."""
    reading = newest_official(state.official_readings())
    if reading is None:
        return
    st.subheader(t("dashboard.overview.official_heading", lang))
    day = fmt_date(reading.as_of, lang) if reading.as_of else t("dashboard.overview.undated", lang)
    st.caption(
        t(
            "dashboard.overview.official_intro",
            lang,
            date=day,
            as_of=fmt_date(score.as_of, lang),
        )
    )
    st.table(official_table(reading, lang), hide_index=True)
    ranks = official_ranks(reading, lang)
    if ranks:
        st.markdown("  \n".join(ranks))


def side_by_side(
    score: Score, change: Change, percentiles: Percentiles, lang: Lang
) -> pd.DataFrame:
    """LinkedIn's layout: for the total and each pillar, our estimate, the industry and the
    network average next to each other, and the change in the week up to the as-of date."""
    measures = ("total", *PILLARS)
    ours = {"total": score.total, **{p: score.pillars[p].score for p in PILLARS}}

    def averages(group: GroupComparison | None) -> list[str]:
        if group is None:
            return ["–"] * len(measures)
        values = [group.total.average, *(group.pillars[p].average for p in PILLARS)]
        return [fmt_number(v, lang, 2) if v is not None else "–" for v in values]

    delta = change.delta or {}
    return pd.DataFrame(
        {
            t("score.heading.metric", lang): [
                t("common.total", lang) if m == "total" else t(f"pillar.{m}", lang)
                for m in measures
            ],
            t("dashboard.overview.col_estimate", lang): [
                fmt_number(ours[m], lang, 2) for m in measures
            ],
            t(
                "dashboard.overview.col_industry",
                lang,
                group=percentiles.industry.group_label(lang),
            ): averages(percentiles.industry),
            t("dashboard.overview.col_network", lang): averages(percentiles.network),
            t("dashboard.overview.col_week", lang): [
                fmt_signed(delta[m], lang, 2) if m in delta else "–" for m in measures
            ],
        }
    )


def comparison_lines(percentiles: Percentiles, lang: Lang) -> list[tuple[str, list[str]]]:
    """The comparisons as (heading, lines) for the HTML report."""
    out = []
    for heading, group in (
        ("compare.phrase.industry_rank", percentiles.industry),
        ("compare.phrase.network_rank", percentiles.network),
    ):
        if group is None:
            continue
        lines = [
            t("compare.phrase.top", lang, value=group.total.top_percent),
            group.average_text(lang) or "–",
            t("compare.phrase.computed_against", lang, source=group.source_label(lang)),
        ]
        out.append((t(heading, lang), lines))
    return out


def _top_tips(tips: list[Tip], lang: Lang) -> None:
    st.subheader(t("dashboard.overview.tips", lang))
    if not tips:
        st.success(t("dashboard.tips.none", lang), icon=":material/check_circle:")
        return
    for tip in tips[:TOP_TIPS]:
        st.markdown(f"- **{tip.goal}**  \n  {tip.text}")
        if tip.caveat:
            st.caption(f":material/visibility_off: {tip.caveat}")
    st.caption(t("tips.overlap", lang))
    st.page_link(
        "views/tips.py", label=t("dashboard.overview.all_tips", lang), icon=":material/lightbulb:"
    )


def render() -> None:
    """Draw the overview page."""
    lang = state.lang()
    export, export_data = widgets.loaded_export(lang)
    manual = state.manual_inputs()
    score = data.score(export, manual)
    change = data.week_change(export, state.today(), manual)
    st.title(t("dashboard.overview.title", lang))
    st.caption(
        t(
            "dashboard.overview.as_of",
            lang,
            date=fmt_date(score.as_of, lang, long=True),
            days=score.window_days,
            count=score.window_days,
            label=widgets.export_label(export, lang),
        )
    )
    if export_data.archive_kind == "basic":
        st.warning(t("dashboard.import.basic_notice", lang), icon=":material/inventory_2:")
    gauge_col = _headline(score, change, lang)
    _pillars(score, change, lang)
    st.caption(manual_only_text(lang, data.model_config()))
    moved = _why_it_moved(export, lang)
    # Our estimate is ranked against our sources; LinkedIn's ranks are of LinkedIn's score
    # and are shown with its reading below, never beside the estimate.
    percentiles = data.percentiles(export, manual, official=False)
    bars_slot = st.container()
    st.subheader(t("dashboard.overview.compared", lang))
    # st.table, not st.dataframe: plain HTML text, readable by screen readers and in print.
    st.table(side_by_side(score, change, percentiles, lang), hide_index=True)
    widgets.comparisons(percentiles, lang)
    _official(score, lang)
    # The charts are sent after the numbers and tables, into their places above: a first
    # chart makes a fresh browser load and run plotly (megabytes of script), which holds
    # back drawing whatever arrived just before it.
    with gauge_col:
        _gauge(score, lang)
    with bars_slot:
        _bars(score, percentiles, lang)
    # Tips simulate one what-if per sub-metric: seconds on a first visit, so they come last.
    with st.spinner(t("dashboard.overview.tips_wait", lang)):
        tips = data.tips(export, lang, manual)
    _top_tips(tips, lang)
    downloads.section(
        export,
        score,
        lang,
        extra={
            "percentiles": percentiles_payload(percentiles, lang),
            "tips": tips_payload(tips),
            # As ``ssi score --json``: why the score moved in the week, and which model.
            "change": change_payload(moved, lang),
            "model": data.model_payload(),
        },
        comparisons=comparison_lines(percentiles, lang),
        tips=[f"{tip.goal}: {tip.text}" for tip in tips[:TOP_TIPS]],
    )


render()
