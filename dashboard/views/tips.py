"""Tips & what-if: ranked tips with weekly goals, a combined plan, activity sliders, the decay."""

from __future__ import annotations

import streamlit as st

from dashboard import data, state
from dashboard.components import charts, widgets
from scoring.advice.goals import tip_activities
from scoring.advice.plan import Plan
from scoring.advice.tips import Tip, general_advice
from scoring.advice.whatif import ACTIVITIES
from scoring.i18n import Lang, fmt_date, fmt_number, fmt_signed, t, tn
from scoring.results import PILLARS, Score

DECAY_WEEKS = (4, 26, 12)  # slider minimum, maximum, default
#: Tips shown at once; the rest wait in an expander so the sliders stay in view.
SHOWN_TIPS = 5


def _tip_card(rank: int, tip: Tip, lang: Lang) -> bool:
    """One tip with its goal, a caveat when the export cannot see the activity, and a tick
    box to put it in the plan; returns whether it is ticked."""
    with st.container(border=True):
        st.markdown(f"**{rank}. {tip.goal}**  \n{tip.text}")
        if tip.caveat:
            st.caption(f":material/visibility_off: {tip.caveat}")
        return st.checkbox(t("dashboard.tips.add_to_plan", lang), key=f"plan_{tip.key}")


def _tips(export: state.CurrentExport, lang: Lang) -> list[Tip]:
    """The ranked tips; returns those ticked for the plan."""
    st.subheader(t("dashboard.tips.ranked", lang))
    with st.spinner(t("dashboard.overview.tips_wait", lang)):
        tips = data.tips(export, lang, state.manual_inputs())
    if not tips:
        st.success(t("dashboard.tips.none", lang), icon=":material/check_circle:")
        return []
    st.info(t("tips.overlap", lang), icon=":material/join_inner:")
    chosen = [tip for rank, tip in enumerate(tips[:SHOWN_TIPS], 1) if _tip_card(rank, tip, lang)]
    if len(tips) > SHOWN_TIPS:
        more = len(tips) - SHOWN_TIPS
        with st.expander(tn("dashboard.tips.more", more, lang, n=more)):
            chosen += [
                tip
                for rank, tip in enumerate(tips[SHOWN_TIPS:], SHOWN_TIPS + 1)
                if _tip_card(rank, tip, lang)
            ]
    st.caption(general_advice(lang))
    return chosen


def plan_lines(plan: Plan, lang: Lang) -> list[str]:
    """The plan in words: its real gain against the sum of its tips' gains, then its goals."""
    gain, total = fmt_signed(plan.gain, lang, 2), fmt_number(plan.after, lang, 2)
    summed = plan.sum_of_gains if plan.sum_of_gains is not None else plan.gain
    if len(plan.tips) > 1 and round(summed - plan.gain, 2) > 0:
        head = t(
            "dashboard.tips.plan_overlap",
            lang,
            n=len(plan.tips),
            gain=gain,
            sum=fmt_signed(summed, lang, 2),
            total=total,
        )
    else:
        head = t("dashboard.tips.plan_gain", lang, gain=gain, total=total)
    return [head, *plan.goals]


def _plan(export: state.CurrentExport, chosen: list[Tip], lang: Lang) -> None:
    st.subheader(t("dashboard.tips.plan", lang))
    if not chosen:
        st.caption(t("dashboard.tips.plan_empty", lang))
        return
    plan = data.plan(export, chosen, lang, state.manual_inputs())
    gain_col, sum_col = st.columns(2)
    gain_col.metric(
        t("dashboard.tips.plan_metric", lang),
        fmt_number(plan.after, lang, 2),
        delta=fmt_signed(plan.gain, lang, 2),
        delta_color="green" if round(plan.gain, 2) > 0 else "gray",
        delta_arrow="up" if round(plan.gain, 2) > 0 else "off",
    )
    if plan.sum_of_gains is not None:
        sum_col.metric(t("dashboard.tips.plan_sum", lang), fmt_signed(plan.sum_of_gains, lang, 2))
    head, *goals = plan_lines(plan, lang)
    st.markdown(head)
    if goals:
        st.markdown(f"**{t('dashboard.tips.plan_goals', lang)}**")
        st.markdown("\n".join(f"- {goal}" for goal in goals))
    if plan.caveat:
        st.caption(f":material/visibility_off: {plan.caveat}")


def _sliders(lang: Lang) -> dict[str, float]:
    """A control for every activity a tip asks for (``ACTIVITIES[..].control``)."""
    st.subheader(t("dashboard.tips.whatif", lang))
    st.markdown(t("dashboard.tips.whatif_intro", lang))
    changes: dict[str, float] = {}
    columns = st.columns(3)
    for index, activity in enumerate(tip_activities()):
        control = ACTIVITIES[activity].control
        whole = float(control.step).is_integer() and float(control.most).is_integer()
        with columns[index % 3]:
            changes[activity] = st.slider(
                t(f"dashboard.activity.{activity}", lang),
                min_value=0 if whole else 0.0,
                max_value=int(control.most) if whole else float(control.most),
                value=0 if whole else 0.0,
                step=int(control.step) if whole else float(control.step),
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
    chosen = _tips(export, lang)
    _plan(export, chosen, lang)
    changes = _sliders(lang)
    _projection(data.score(export, manual), data.simulated(export, changes, manual), lang)
    _decay(export, lang)


render()
