"""The raw value of every sub-metric, for any number of as-of days at once.

Each sub-metric is a function ``(ctx, sources, days) -> values`` returning one raw
value per as-of day (NaN where the value is None: a rate-like count whose
opportunity never arose). They turn the export's rows into day intervals
(:mod:`scoring.model.intervals`) and count them; nothing loops over rows.
:data:`METRIC_SPECS` lists them with their windowing, unit and the kinds they may
read; ``model.toml`` chooses which to use, with what weight and target.

Counts only ever grow when rows are added (more activity never lowers a value):
the rate-like sub-metrics count successes (accepted invitations, answered
conversations) rather than dividing by attempts, which is what keeps the whole
score monotone. See docs/scoring.md.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, TypeVar

import numpy as np
import pandas as pd

from scoring.export import ExportData, empty_frame
from scoring.model.intervals import (
    ALWAYS,
    NEVER,
    NS_PER_DAY,
    NS_PER_HOUR,
    Intervals,
    day_numbers,
    distinct,
    distinct_days,
    since,
    trailing,
    weekly_blocks,
)

if TYPE_CHECKING:
    from scoring.model.config import ModelConfig
    from scoring.model.manual import ManualInputs

Window = Literal["trailing", "all", "manual"]
_T = TypeVar("_T")

#: Profile items profile completeness can check (``[completeness] items`` in the TOML).
COMPLETENESS_ITEMS: tuple[str, ...] = (
    "headline", "summary", "industry", "location", "current_position", "past_position",
    "education", "skills", "accomplishments", "profile_photo", "background_photo",
)  # fmt: skip
ACCOMPLISHMENT_KINDS = ("certifications", "courses", "languages", "volunteering", "projects",
                        "honors")  # fmt: skip
INSIGHT_KINDS = ("shares", "reposts", "comments", "reactions", "votes")
ACTIVITY_KINDS = (*INSIGHT_KINDS, "messages", "search_queries", "invitations",
                  "member_follows", "company_follows")  # fmt: skip
COMPLETENESS_KINDS = ("profile", "profile_summary", "positions", "education", "skills",
                      *ACCOMPLISHMENT_KINDS, "rich_media")  # fmt: skip


@dataclass(frozen=True)
class Context:
    """What every sub-metric needs besides its own sources, plus a memo for shared work.

    The memo belongs to the export, not to the context: every evaluation of one
    :class:`ExportData` (the score, the change since last week, the history) reuses
    what an earlier one worked out. A memo's value therefore depends on the data
    and on nothing else but what its name says (``written_to:90``).
    """

    data: ExportData
    config: ModelConfig
    window: int
    manual: ManualInputs | None = None  # read by score.py; kept here for callers' contexts
    cache: dict[str, object] | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.cache is None:
            object.__setattr__(self, "cache", export_memo(self.data))

    def memo(self, name: str, build: Callable[[], _T]) -> _T:
        """``build()`` computed once per export (shared by sub-metrics reading the same)."""
        cache = self.cache if self.cache is not None else export_memo(self.data)
        if name not in cache:
            cache[name] = build()
        return cache[name]  # type: ignore[return-value]

    def frame(self, kind: str) -> pd.DataFrame:
        """The normalized frame of ``kind`` (empty when the export lacks it)."""
        return frame_of(self.data, kind)


#: Memos by ``id`` of a live export or frame (neither can be a dict key itself).
_MEMOS: dict[int, tuple[weakref.ref[object], dict[str, object]]] = {}


def export_memo(data: ExportData | pd.DataFrame) -> dict[str, object]:
    """The memo of work derived from ``data`` alone, dropped when ``data`` is.

    A frame has one too: a what-if export shares the frames it does not change
    with the export it came from, and so what was derived from them.
    """
    key = id(data)
    entry = _MEMOS.get(key)
    if entry is not None and entry[0]() is data:
        return entry[1]
    memo: dict[str, object] = {}
    _MEMOS[key] = (weakref.ref(data, lambda _gone: _MEMOS.pop(key, None)), memo)
    return memo


def frame_of(data: ExportData, kind: str) -> pd.DataFrame:
    """``data``'s frame of ``kind``, or an empty one with its columns."""
    frame = data.frames.get(kind)
    return empty_frame(kind) if frame is None else frame


# ------------------------------------------------------------------ text matching


def _folded(values: pd.Series) -> tuple[np.ndarray, pd.Index]:
    """Codes and casefolded, trimmed, space-collapsed distinct values (``-1`` = missing).

    Text work runs on the distinct values only; real columns repeat a lot
    (statuses, folders, job titles, companies).
    """
    codes, uniques = pd.factorize(values)
    folded = pd.Index(uniques.astype("string")).str.strip().str.casefold()
    return codes, folded.str.replace(r"\s+", " ", regex=True)


def matches_any(values: pd.Series, allowed: Collection[str], *, empty_counts: bool) -> np.ndarray:
    """Where a value equals one of ``allowed`` (any case); empty values count if asked."""
    codes, folded = _folded(values)
    wanted = {a.casefold() for a in allowed}
    hit = np.append(folded.isin(wanted) | (empty_counts & (folded == "")), empty_counts)
    return np.asarray(hit, dtype=bool)[codes]


def pattern_matches(pattern: re.Pattern[str], values: pd.Series) -> np.ndarray:
    """Where ``pattern`` is found in each value (missing values: no)."""
    codes, uniques = pd.factorize(values)
    # object strings: Python's re runs the pattern directly (Arrow strings would first
    # try, and fail, to hand the look-behinds to their own regex engine)
    texts = pd.Index(np.asarray(uniques, dtype=object), dtype=object)
    found = texts.str.contains(pattern, regex=True)
    return np.append(np.asarray(found, dtype=bool), False)[codes]


def text_keys(values: pd.Series) -> np.ndarray:
    """Integer keys equal for values equal up to case and spacing; ``-1`` when empty."""
    codes, folded = _folded(values)
    same, _ = pd.factorize(folded)
    keys = np.append(np.where(folded == "", -1, same), -1)
    return keys[codes]


# ------------------------------------------------------------------ the owner's activity


def outgoing(invitations: pd.DataFrame) -> np.ndarray:
    """Invitations the owner sent."""
    return matches_any(invitations["direction"], ("OUTGOING",), empty_counts=False)


def owner_messages(messages: pd.DataFrame) -> np.ndarray:
    """Messages the owner sent: no drafts, no sponsored InMail."""
    return (messages["from_owner"] & ~messages["sponsored"] & ~messages["is_draft"]).to_numpy(bool)


def owned_days(data: ExportData, kind: str) -> np.ndarray:
    """Day numbers of the rows of ``kind`` that are the owner's own doing.

    Messages and invitations the owner sent; every row of the other activity kinds.
    """
    frame = frame_of(data, kind)
    days = day_numbers(frame["at"])
    if kind == "messages":
        return days[owner_messages(frame)]
    if kind == "invitations":
        return days[outgoing(frame)]
    return days


def _activity_days(ctx: Context, sources: tuple[str, ...]) -> np.ndarray:
    parts = []
    for kind in sources:
        frame = ctx.frame(kind)
        memo = export_memo(frame)
        if "owned" not in memo:
            memo["owned"] = owned_days(ctx.data, kind)
        parts.append(memo["owned"])
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)


# ------------------------------------------------------------------ sub-metrics

MetricFn = Callable[[Context, tuple[str, ...], np.ndarray], np.ndarray]
RowFilter = Callable[[pd.DataFrame], np.ndarray]


def count_in_window(row_filter: RowFilter | None = None) -> MetricFn:
    """A sub-metric counting the (filtered) rows of its sources in the trailing window."""

    def value(ctx: Context, sources: tuple[str, ...], days: np.ndarray) -> np.ndarray:
        parts = []
        for kind in sources:
            frame = ctx.frame(kind)
            event_days = day_numbers(frame["at"])
            parts.append(event_days if row_filter is None else event_days[row_filter(frame)])
        events = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)
        return trailing(events, ctx.window).count_at(days)

    return value


def profile_completeness(ctx: Context, _sources: tuple[str, ...], days: np.ndarray) -> np.ndarray:
    """Share of the configured profile items present on each day (0 … 1)."""
    items = ctx.config.completeness.items
    done = np.zeros(len(days))
    for item in items:
        done += profile_item(ctx, item, days) > 0
    return done / len(items)


def _distinct_texts(values: pd.Series) -> int:
    _, folded = _folded(values)
    return int(folded[folded != ""].nunique())


def _has_text(*values: object) -> bool:
    return any(v is not None and v is not pd.NA and str(v).strip() != "" for v in values)


def profile_item(ctx: Context, item: str, days: np.ndarray) -> np.ndarray:
    """Whether one profile item is present on each day (a count > 0 means yes)."""
    profile = ctx.data.profile
    undated = {
        "headline": lambda: _has_text(profile.headline),
        "summary": lambda: _has_text(profile.summary, *ctx.frame("profile_summary")["summary"]),
        "industry": lambda: _has_text(profile.industry),
        "location": lambda: _has_text(profile.location),
        "skills": lambda: (
            _distinct_texts(ctx.frame("skills")["name"]) >= ctx.config.completeness.min_skills
        ),
    }
    if item in undated:
        return np.full(len(days), float(undated[item]()))
    if item == "current_position":
        positions = ctx.frame("positions")
        return current_positions(positions[positions["has_description"]]).count_at(days)
    if item == "past_position":
        finished = day_numbers(ctx.frame("positions")["finished_on"].dropna())
        return since(finished + 1).count_at(days)
    if item == "education":
        return since(day_numbers(ctx.frame("education")["at"])).count_at(days)
    if item == "accomplishments":
        frames = [ctx.frame(kind) for kind in ACCOMPLISHMENT_KINDS]
        parts = [day_numbers(f["at"]) if "at" in f else np.full(len(f), ALWAYS) for f in frames]
        return since(np.concatenate(parts)).count_at(days)
    media = ctx.frame("rich_media")
    hit = matches_any(media["media_type"], (item,), empty_counts=False)
    return since(day_numbers(media["at"])[hit]).count_at(days)


def position_bounds(positions: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """``[start, end)`` of each position: from its start (undated: always) to its finish.

    The finish day itself still counts as current; no finish means current today.
    """
    finish = day_numbers(positions["finished_on"])
    return day_numbers(positions["at"]), np.where(finish == ALWAYS, NEVER, finish + 1)


def current_positions(positions: pd.DataFrame) -> Intervals:
    """Days on which each position is current."""
    return Intervals.of(*position_bounds(positions))


def endorsements(ctx: Context, _sources: tuple[str, ...], days: np.ndarray) -> np.ndarray:
    """Endorsements received and shown, counted once per day + skill + endorser."""
    frame = ctx.frame("endorsements_received")
    shown = matches_any(frame["status"], ctx.config.statuses.endorsements, empty_counts=True)
    unique = pd.DataFrame(
        {
            "day": day_numbers(frame["at"])[shown],
            "skill": text_keys(frame["skill"])[shown],
            "who": pd.factorize(frame["endorser_key"])[0][shown],
        }
    ).drop_duplicates()
    return since(unique["day"].to_numpy(np.int64)).count_at(days)


def recommendations(ctx: Context, _sources: tuple[str, ...], days: np.ndarray) -> np.ndarray:
    """Recommendations received that are visible (or carry no status)."""
    frame = ctx.frame("recommendations_received")
    shown = matches_any(frame["status"], ctx.config.statuses.recommendations, empty_counts=True)
    return since(day_numbers(frame["at"])[shown]).count_at(days)


def articles(ctx: Context, _sources: tuple[str, ...], days: np.ndarray) -> np.ndarray:
    """Long-form articles published on or before each day."""
    return since(day_numbers(ctx.frame("articles")["at"])).count_at(days)


def follows(ctx: Context, sources: tuple[str, ...], days: np.ndarray) -> np.ndarray:
    """Members and companies followed (and not unfollowed) on or before each day."""
    parts = []
    for kind in sources:
        frame = ctx.frame(kind)
        follow_days = day_numbers(frame["at"])
        if "status" in frame:
            unfollowed = ctx.config.statuses.unfollowed
            undone = matches_any(frame["status"], unfollowed, empty_counts=False)
            follow_days = follow_days[~undone]
        parts.append(follow_days)
    return since(np.concatenate(parts) if parts else np.zeros(0, np.int64)).count_at(days)


def days_active(ctx: Context, sources: tuple[str, ...], days: np.ndarray) -> np.ndarray:
    """Distinct days in the window with any activity of the owner in the sources."""
    return distinct_days(_activity_days(ctx, sources), ctx.window).count_at(days)


def regularity(ctx: Context, sources: tuple[str, ...], days: np.ndarray) -> np.ndarray:
    """7-day blocks of the window (counted back from the as-of day) with any activity."""
    return weekly_blocks(_activity_days(ctx, sources), ctx.window, days)


def _connection_days(ctx: Context) -> np.ndarray:
    return ctx.memo("connection_days", lambda: day_numbers(ctx.frame("connections")["at"]))


def connections(ctx: Context, _sources: tuple[str, ...], days: np.ndarray) -> np.ndarray:
    """First-degree connections made on or before each day (undated ones always)."""
    return since(_connection_days(ctx)).count_at(days)


def connection_growth(ctx: Context, _sources: tuple[str, ...], days: np.ndarray) -> np.ndarray:
    """Connections made in the trailing window."""
    return trailing(_connection_days(ctx), ctx.window).count_at(days)


def decision_makers(ctx: Context, _sources: tuple[str, ...], days: np.ndarray) -> np.ndarray:
    """Connections whose current position names a senior role (one regex, EN + DE)."""
    # late: scoring.model.config imports this module
    from scoring.model.config import seniority_pattern  # noqa: PLC0415, RUF100

    hit = pattern_matches(
        seniority_pattern(ctx.config.seniority), ctx.frame("connections")["position"]
    )
    return since(_connection_days(ctx)[hit]).count_at(days)


def coworkers(ctx: Context, _sources: tuple[str, ...], days: np.ndarray) -> np.ndarray:
    """Connections at a company where the owner holds a current position, on each day.

    Each connection at such a company counts from the later of its connection day
    and the position's start until the position ends; a connection counts once
    even when the owner holds two positions at the company.
    """
    positions = ctx.frame("positions")
    people = ctx.frame("connections")
    company = text_keys(pd.concat([positions["company"], people["company"]], ignore_index=True))
    start, end = position_bounds(positions)
    held = pd.DataFrame({"company": company[: len(positions)], "start": start, "end": end})
    peers = pd.DataFrame(
        {
            "company": company[len(positions) :],
            "since": _connection_days(ctx),
            "who": np.arange(len(people)),
        }
    )
    pairs = peers[peers["company"] >= 0].merge(held[held["company"] >= 0], on="company")
    starts = np.maximum(pairs["since"].to_numpy(np.int64), pairs["start"].to_numpy(np.int64))
    return distinct(pairs["who"].to_numpy(), starts, pairs["end"].to_numpy(np.int64)).count_at(days)


def network_breadth(ctx: Context, _sources: tuple[str, ...], days: np.ndarray) -> np.ndarray:
    """Distinct companies among connections made on or before each day."""
    keys = text_keys(ctx.frame("connections")["company"])
    named = keys >= 0
    first = pd.Series(_connection_days(ctx)[named]).groupby(keys[named]).min()
    return since(first.to_numpy(np.int64)).count_at(days)


def _with_denominator(value: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    return np.where(denominator > 0, value, np.nan)


def _sent_invitations(ctx: Context) -> pd.DataFrame:
    invitations = ctx.frame("invitations")
    return invitations[outgoing(invitations)]


def invitations_accepted(ctx: Context, _sources: tuple[str, ...], days: np.ndarray) -> np.ndarray:
    """Invitations sent in the window whose invitee had become a connection by each day.

    An invitation counts from the day both are true (sent, and the invitee among
    the connections) until it leaves the window. NaN when no invitation was sent
    in the window: there was nothing to accept.
    """
    sent = _sent_invitations(ctx)
    sent_days = day_numbers(sent["at"])
    people = ctx.frame("connections")
    # One code per person key across both files; a person's earliest connection day
    # is when an invitation to them counts as accepted (NEVER: not a connection).
    codes = pd.factorize(pd.concat([people["url_key"], sent["invitee_key"]], ignore_index=True))[0]
    person, invitee = codes[: len(people)], codes[len(people) :]
    connected_on = np.full(len(codes) + 1, NEVER)
    np.minimum.at(connected_on, person[person >= 0], _connection_days(ctx)[person >= 0])
    accepted_on = connected_on[invitee]  # code -1 reads the spare last slot: NEVER
    hit = (accepted_on != NEVER) & (sent_days != ALWAYS)
    starts = np.maximum(sent_days[hit], accepted_on[hit])
    accepted = Intervals.of(starts, sent_days[hit] + ctx.window).count_at(days)
    return _with_denominator(accepted, trailing(sent_days, ctx.window).count_at(days))


def invitations_with_note(ctx: Context, _sources: tuple[str, ...], days: np.ndarray) -> np.ndarray:
    """Invitations sent in the window that carried a personal note; NaN when none was sent."""
    sent = _sent_invitations(ctx)
    sent_days = day_numbers(sent["at"])
    noted = trailing(sent_days[sent["has_message"].to_numpy(bool)], ctx.window)
    return _with_denominator(noted.count_at(days), trailing(sent_days, ctx.window).count_at(days))


@dataclass(frozen=True)
class Replies:
    """Every message of the owner that answers someone, and every message of others."""

    conversation: np.ndarray  # conversation code of each reply
    reply_day: np.ndarray
    answered_day: np.ndarray  # day of the latest message of others before the reply
    delay_hours: np.ndarray
    incoming_conversation: np.ndarray  # conversation code of each message of others
    incoming_day: np.ndarray


def find_replies(data: ExportData) -> Replies:
    """The owner's messages that follow a message of someone else in the same conversation.

    Drafts, sponsored InMail and spam are left out. Sorted by conversation and time
    (the owner's message first on a tie, so a message of the same second is not
    "answered"), the running maximum of the others' times within a conversation is
    the latest message of someone else before each of the owner's messages.
    """
    frame = frame_of(data, "messages")
    spam = matches_any(frame["folder"], ("SPAM",), empty_counts=False)
    keep = ~(frame["sponsored"] | frame["is_draft"] | frame["at"].isna()).to_numpy(bool) & ~spam
    codes = pd.factorize(frame["conversation_id"], use_na_sentinel=False)[0][keep]
    ns = frame["at"].to_numpy(dtype="datetime64[ns]").astype(np.int64)[keep]
    owner = frame["from_owner"].to_numpy(bool)[keep]
    order = np.lexsort((~owner, ns, codes))
    codes, ns, owner = codes[order], ns[order], owner[order]
    nobody = np.iinfo(np.int64).min
    latest = pd.Series(np.where(owner, nobody, ns)).groupby(codes).cummax().to_numpy(np.int64)
    reply = owner & (latest != nobody)
    return Replies(
        conversation=codes[reply],
        reply_day=np.floor_divide(ns[reply], NS_PER_DAY),
        answered_day=np.floor_divide(latest[reply], NS_PER_DAY),
        delay_hours=(ns[reply] - latest[reply]) / NS_PER_HOUR,
        incoming_conversation=codes[~owner],
        incoming_day=np.floor_divide(ns[~owner], NS_PER_DAY),
    )


def _answered(ctx: Context, days: np.ndarray, *, quick_only: bool) -> np.ndarray:
    found = ctx.memo("replies", lambda: find_replies(ctx.data))
    keep = found.delay_hours <= ctx.config.replies.quick_hours if quick_only else slice(None)
    # A reply counts while both it and the message it answers are in the window.
    answered = distinct(
        found.conversation[keep], found.reply_day[keep], found.answered_day[keep] + ctx.window
    ).count_at(days)
    written_to = ctx.memo(
        f"written_to:{ctx.window}",
        lambda: distinct(
            found.incoming_conversation, found.incoming_day, found.incoming_day + ctx.window
        ),
    ).count_at(days)
    return _with_denominator(answered, written_to)


def replies(ctx: Context, _sources: tuple[str, ...], days: np.ndarray) -> np.ndarray:
    """Conversations in the window in which the owner answered someone; NaN if nobody wrote."""
    return _answered(ctx, days, quick_only=False)


def quick_replies(ctx: Context, _sources: tuple[str, ...], days: np.ndarray) -> np.ndarray:
    """Conversations in the window answered within ``quick_hours``; NaN if nobody wrote."""
    return _answered(ctx, days, quick_only=True)


def _has_media(frame: pd.DataFrame) -> np.ndarray:
    return frame["has_media"].to_numpy(bool)


def _in_group(frame: pd.DataFrame) -> np.ndarray:
    return frame["is_group"].to_numpy(bool)


@dataclass(frozen=True)
class MetricSpec:
    """What the code behind a sub-metric is: how it is windowed and what it may read."""

    fn: MetricFn | None  # None for a manual input
    window: Window  # trailing: counted in the window; all: as of the day; manual: typed in
    unit: str
    readable: tuple[str, ...]
    manual_field: str | None = None  # the ManualInputs field of a manual input


#: Every sub-metric the model can compute; ``model.toml`` picks from these.
METRIC_SPECS: dict[str, MetricSpec] = {
    "profile_completeness": MetricSpec(profile_completeness, "all", "share", COMPLETENESS_KINDS),
    "endorsements": MetricSpec(endorsements, "all", "count", ("endorsements_received",)),
    "recommendations": MetricSpec(recommendations, "all", "count", ("recommendations_received",)),
    "articles": MetricSpec(articles, "all", "count", ("articles",)),
    "media_posts": MetricSpec(count_in_window(_has_media), "trailing", "count", ("shares",)),
    "people_searches": MetricSpec(count_in_window(), "trailing", "count", ("search_queries",)),
    "follows": MetricSpec(follows, "all", "count", ("member_follows", "company_follows")),
    "invitations_sent": MetricSpec(count_in_window(outgoing), "trailing", "count",
                                   ("invitations",)),
    "days_active": MetricSpec(days_active, "trailing", "days", ACTIVITY_KINDS),
    "profile_views": MetricSpec(None, "manual", "count", (), "profile_views_90d"),
    "saved_leads": MetricSpec(None, "manual", "count", (), "saved_leads_90d"),
    "posts": MetricSpec(count_in_window(), "trailing", "count", ("shares", "reposts")),
    "comments": MetricSpec(count_in_window(), "trailing", "count", ("comments",)),
    "reactions": MetricSpec(count_in_window(), "trailing", "count", ("reactions",)),
    "poll_votes": MetricSpec(count_in_window(), "trailing", "count", ("votes",)),
    "group_activity": MetricSpec(count_in_window(_in_group), "trailing", "count",
                                 ("shares", "comments", "reactions")),
    "regularity": MetricSpec(regularity, "trailing", "weeks", INSIGHT_KINDS),
    "messages_sent": MetricSpec(count_in_window(owner_messages), "trailing", "count",
                                ("messages",)),
    "connections": MetricSpec(connections, "all", "count", ("connections",)),
    "decision_makers": MetricSpec(decision_makers, "all", "count", ("connections",)),
    "coworkers": MetricSpec(coworkers, "all", "count", ("connections", "positions")),
    "network_breadth": MetricSpec(network_breadth, "all", "count", ("connections",)),
    "invitations_accepted": MetricSpec(invitations_accepted, "trailing", "count",
                                       ("invitations", "connections")),
    "invitations_with_note": MetricSpec(invitations_with_note, "trailing", "count",
                                        ("invitations",)),
    "replies": MetricSpec(replies, "trailing", "count", ("messages",)),
    "quick_replies": MetricSpec(quick_replies, "trailing", "count", ("messages",)),
    "connection_growth": MetricSpec(connection_growth, "trailing", "count", ("connections",)),
}  # fmt: skip

#: Kinds a Complete archive leaves out when there is nothing to hold (no article written,
#: no recommendation received): there, no file means none, not a missing input.
OMITTED_WHEN_EMPTY: frozenset[str] = frozenset({"articles", "recommendations_received"})

#: Sub-metrics whose value is a count of dated events (or of distinct days) in the
#: trailing window: a change between two days splits exactly into the events that
#: entered the window and those that left it, since the same function over a shorter
#: window counts either part (see :mod:`scoring.model.attribution`).
WINDOW_COUNTS: frozenset[str] = frozenset(
    {
        "media_posts", "people_searches", "invitations_sent", "days_active", "posts",
        "comments", "reactions", "poll_votes", "group_activity", "messages_sent",
        "invitations_with_note", "connection_growth",
    }
)  # fmt: skip
