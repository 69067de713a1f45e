"""Team: store the current export under a member's name, the leaderboard, the team average."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

import pandas as pd
import streamlit as st

from dashboard import data, state
from dashboard.components import charts, downloads, widgets
from dashboard.components.literal import error_md, md
from scoring.compare.industries import industry_label, load_industries
from scoring.errors import SSIError
from scoring.i18n import Lang, fmt_date, fmt_number, fmt_signed, t, tn
from scoring.results import PILLARS
from scoring.store import Store, export_hash

FLASH_KEY = "team_flash"


def industry_name(name: object, lang: Lang) -> str:
    """A member's industry as LinkedIn's pages in ``lang`` call it; unknown names as given."""
    if not isinstance(name, str) or not name.strip():
        return "–"
    known = load_industries().resolve(name)
    return industry_label(known, lang) if known else name


def leaderboard_table(board: pd.DataFrame, lang: Lang, stale: Collection[str] = ()) -> pd.DataFrame:
    """The store's leaderboard as shown: rank, member, industry, date, total, pillars, change.

    Members named in ``stale`` (newest export too old) are flagged in the last column.
    """
    flag = t("dashboard.team.stale_flag", lang)
    return pd.DataFrame(
        {
            t("store.column.rank", lang): board["rank"].astype(int),
            t("store.column.member", lang): board["member"],
            t("store.column.industry", lang): board["industry"].map(
                lambda name: industry_name(name, lang)
            ),
            t("store.column.date", lang): [fmt_date(d, lang) for d in board["as_of"]],
            t("common.total", lang): [fmt_number(v, lang, 2) for v in board["total"]],
            **{
                t(f"pillar_short.{p}", lang): [fmt_number(v, lang, 2) for v in board[p]]
                for p in PILLARS
            },
            t("store.column.change", lang): [
                fmt_signed(v, lang, 2) if pd.notna(v) else "–" for v in board["change"]
            ],
            t("store.column.stale", lang): [flag if m in stale else "" for m in board["member"]],
        }
    )


def _store_current(store: Store, lang: Lang) -> None:
    export = state.current_export()
    if export is None:
        st.info(t("dashboard.team.no_export", lang))
        return
    export_data = data.export_data(export)
    with st.form("store_export", border=True):
        st.markdown(
            "**"
            + t("dashboard.team.store_title", lang, label=widgets.export_label(export, lang))
            + "**"
        )
        member = st.text_input(
            t("dashboard.team.member_name", lang),
            value=export_data.profile.display_name or "",
            max_chars=120,
            key="team_member",
        )
        submitted = st.form_submit_button(t("dashboard.team.store_button", lang), type="primary")
    if not submitted:
        return
    manual = state.manual_inputs()
    try:
        # An export stored before is not scored again.
        result = store.stored_import(export_hash(export_data)) or store.import_export(
            export_data,
            member or None,
            score=data.score(export, manual),
            history=data.history(export, "W", manual),
        )
    except SSIError as error:
        st.error(error_md(error, lang), icon=":material/error:")
        return
    key = "store.import.already" if result.status == "already_imported" else "store.import.done"
    st.success(
        t(
            key,
            lang,
            date=fmt_date(result.export_date, lang),
            member=md(result.member),
            total=fmt_number(result.total, lang, 2),
            added=result.history_added,
            replaced=result.history_replaced,
            kept=result.history_kept,
        ),
        icon=":material/check_circle:",
    )


def _leaderboard(store: Store, lang: Lang) -> None:
    board = store.team()
    st.subheader(t("dashboard.team.leaderboard", lang))
    if board.empty:
        st.info(t("dashboard.team.empty", lang))
        return
    today = state.today()
    days = store.settings.team.stale_after_days
    everyone = store.team_latest_average(today)
    without_stale = bool(everyone.stale) and st.toggle(
        t("dashboard.team.without_stale", lang, days=days, count=days), key="team_without_stale"
    )
    latest = store.team_latest_average(today, include_stale=False) if without_stale else everyone
    st.dataframe(
        leaderboard_table(board, lang, everyone.stale),
        hide_index=True,
        width="stretch",
        key="leaderboard",
    )
    downloads.offer(
        t("dashboard.download.leaderboard", lang),
        lambda: downloads.leaderboard_csv(board, lang),
        "ssi-team.csv",
    )
    if latest.total is None:
        st.info(t("dashboard.team.all_left_out", lang))
    else:
        st.metric(
            t("dashboard.team.average", lang),
            fmt_number(latest.total, lang, 2),
            help=t("dashboard.team.average_help", lang, days=days, count=days),
        )
        st.caption(
            tn(
                "dashboard.team.average_span",
                latest.members,
                lang,
                members=latest.members,
                first=fmt_date(latest.first, lang),
                last=fmt_date(latest.last, lang),
            )
        )
    if latest.left_out:
        st.caption(t("dashboard.team.left_out", lang, count=len(latest.left_out)))
    _average_chart(store.team_average("W"), lang)


def _average_chart(average: pd.DataFrame, lang: Lang) -> None:
    """The weekly team average; each point says how many members it averages."""
    if average.empty:
        return
    fig = charts.score_lines(average, lang)
    count = t("dashboard.team.average_hover", lang, members="%{customdata}")
    for trace in fig.data:
        trace.customdata = average["members"].to_numpy()
        trace.hovertemplate = f"%{{x}}: %{{y:.2f}} ({count})<extra>%{{fullData.name}}</extra>"
    widgets.chart(
        fig,
        t(
            "dashboard.team.average_alt",
            lang,
            start=fmt_date(average["as_of"].iloc[0], lang),
            end=fmt_date(average["as_of"].iloc[-1], lang),
            low=int(average["members"].min()),
            high=int(average["members"].max()),
        ),
        key="team_average_chart",
    )


def _forget(store: Store, lang: Lang) -> None:
    members = store.members()["member"].tolist()
    if not members:
        return
    with st.expander(t("dashboard.team.forget_title", lang), icon=":material/delete:"):
        member = st.selectbox(t("store.column.member", lang), members, key="forget_member")
        sure = st.checkbox(
            t("dashboard.team.forget_confirm", lang, member=md(member)), key="forget_sure"
        )
        if st.button(
            t("dashboard.team.forget_button", lang), disabled=not sure, key="forget_button"
        ):
            try:
                gone = store.forget(member)
            except SSIError as error:
                st.error(error_md(error, lang), icon=":material/error:")
                return
            # The leaderboard above still lists the member: rerun, then say what went.
            st.session_state[FLASH_KEY] = replace(gone, member=md(gone.member)).message(lang)
            st.rerun()


def render() -> None:
    """Draw the team page."""
    lang = state.lang()
    st.title(t("dashboard.team.title", lang))
    try:
        store = data.store()
    except SSIError as error:
        st.error(error_md(error, lang), icon=":material/error:")
        return
    st.markdown(t("dashboard.team.intro", lang))
    st.caption(t("store.database", lang, where=md(store.where)))
    if FLASH_KEY in st.session_state:
        st.success(st.session_state.pop(FLASH_KEY), icon=":material/check_circle:")
    if state.read_only():
        st.caption(t("dashboard.deploy.read_only_team", lang))
        _leaderboard(store, lang)
        return
    _store_current(store, lang)
    _leaderboard(store, lang)
    _forget(store, lang)


render()
