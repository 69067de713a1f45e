"""Tips & what-if: ranked tips with weekly goals, activity sliders, and the decay."""

from __future__ import annotations

import streamlit as st

from dashboard import data, state
from dashboard.components import charts, widgets
from scoring.advice.tips import Tip, general_advice
from scoring.i18n import Lang, fmt_date, fmt_number, fmt_signed, t, tn
from scoring.results import PILLARS, Score

#: The what-if sliders: activity of ``scoring.advice.whatif.ACTIVITIES`` → most per week offered.
SLIDERS: dict[str, int] = {
    "posts": 10,
    "comments": 20,
    "reactions": 50,
    "group_comments": 10,
    "searches": 30,
    "member_follows": 20,
    "invitations_with_note": 20,
    "decision_maker_connections": 10,
    "replies": 20,
}
DECAY_WEEKS = (4, 26, 12)  # slider minimum, maximum, default
#: Tips shown at once; the rest wait in an expander so the sliders stay in view.
SHOWN_TIPS = 5


def _tip_card(rank: int, tip: Tip) -> None:
    with st.container(border=True):
        st.markdown(f"**{rank}. {tip.goal}**  \n{tip.text}")


def _tips(export: state.CurrentExport, lang: Lang) -> None:
    st.subheader(t("dashboard.tips.ranked", lang))
    with st.spinner(t("dashboard.overview.tips_wait", lang)):
        tips = data.tips(export, lang, state.manual_inputs())
    if not tips:
        st.success(t("dashboard.tips.none", lang), icon=":material/check_circle:")
        return
    for rank, tip in enumerate(tips[:SHOWN_TIPS], start=1):
        _tip_card(rank, tip)
    if len(tips) > SHOWN_TIPS:
        with st.expander(
            tn("dashboard.tips.more", len(tips) - SHOWN_TIPS, lang, n=len(tips) - SHOWN_TIPS)
        ):
            for rank, tip in enumerate(tips[SHOWN_TIPS:], start=SHOWN_TIPS + 1):
                _tip_card(rank, tip)
    st.caption(general_advice(lang))


def _sliders(lang: Lang) -> dict[str, float]:
    st.subheader(t("dashboard.tips.whatif", lang))
    st.markdown(t("dashboard.tips.whatif_intro", lang))
    changes: dict[str, float] = {}
    columns = st.columns(3)
    for index, (activity, most) in enumerate(SLIDERS.items()):
        with columns[index % 3]:
            changes[activity] = st.slider(
                t(f"dashboard.activity.{activity}", lang),
                min_value=0,
                max_value=most,
                value=0,
                key=f"whatif_{activity}",
            )
    return changes


def _projection(current: Score, projected: Score, lang: Lang) -> None:
    gain = projected.total - current.total
    now_col, then_col = st.columns(2)
    as_of = fmt_date(current.as_of, lang)
    now_col.metric(
        t("dashboard.tips.current", lang, date=as_of), fmt_number(current.total, lang, 2)
    )
    then_col.metric(
        t("dashboard.tips.projected", lang),
        fmt_number(projected.total, lang, 2),
        delta=fmt_signed(gain, lang, 2),
        delta_color="green" if round(gain, 2) > 0 else "gray",
        delta_arrow="up" if round(gain, 2) > 0 else "off",
    )
    widgets.chart(
        charts.pillar_bars(
            projected,
            lang,
            references={p: current.pillars[p].score for p in PILLARS},
            reference_label=t("dashboard.tips.current", lang, date=as_of),
        ),
        t(
            "dashboard.tips.projection_alt",
            lang,
            date=as_of,
            **{p: fmt_number(projected.pillars[p].score, lang, 2) for p in PILLARS},
            **{f"{p}_now": fmt_number(current.pillars[p].score, lang, 2) for p in PILLARS},
        ),
        key="projection_bars",
    )


def _decay(export: state.CurrentExport, lang: Lang) -> None:
    st.subheader(t("dashboard.tips.decay", lang))
    low, high, default = DECAY_WEEKS
    weeks = st.slider(t("dashboard.tips.decay_weeks", lang), low, high, default, key="decay_weeks")
    projection = data.decayed(export, weeks, state.manual_inputs())
    last = projection.iloc[-1]
    st.markdown(
        t(
            "dashboard.tips.decay_result",
            lang,
            weeks=weeks,
            count=weeks,
            start=fmt_number(float(projection["total"].iloc[0]), lang, 2),
            end=fmt_number(float(last["total"]), lang, 2),
            date=fmt_date(last["as_of"], lang),
        )
    )
    widgets.chart(
        charts.score_lines(projection, lang),
        t(
            "dashboard.tips.decay_alt",
            lang,
            weeks=weeks,
            count=weeks,
            start=fmt_number(float(projection["total"].iloc[0]), lang, 2),
            end=fmt_number(float(last["total"]), lang, 2),
        ),
        key="decay_chart",
    )


def render() -> None:
    """Draw the tips & what-if page."""
    lang = state.lang()
    export, _ = widgets.loaded_export(lang)
    manual = state.manual_inputs()
    st.title(t("dashboard.tips.title", lang))
    st.caption(t("dashboard.tips.caution", lang))
    _tips(export, lang)
    changes = _sliders(lang)
    _projection(data.score(export, manual), data.simulated(export, changes, manual), lang)
    _decay(export, lang)


render()
