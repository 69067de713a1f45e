"""Every sub-metric of many members at once, each member at their own as-of day.

The grouped twin of :mod:`scoring.model.metrics` for a batch: the rows of each
kind of all members sit in one frame with a member code per row
(:class:`MemberFrames`), and each sub-metric is one vectorised pass over them —
a boolean mask of the rows that count on their member's as-of day (the trailing
window or "on or before"), then ``np.bincount`` over the member codes, or
``np.unique`` over (member, key) pairs for the distinct counts. Nothing loops
over members or rows. The points, pillars and totals then come from
:func:`scoring.model.score.aggregate_points`, the one place those rules live.

The values equal :func:`scoring.model.score.score_as_of` on each member's own
export exactly (tests/scoring/model/test_grouped.py): the same masks the
interval counts of :mod:`scoring.model.intervals` stand for, at one day each.
A mask ``start <= b < end`` is what an interval ``[start, end)`` counting at
``b`` means; a trailing count of an event on day ``d`` is ``b - N < d <= b``.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd

from scoring.export import KINDS, ExportData, empty_frame
from scoring.model.config import ModelConfig, seniority_pattern
from scoring.model.intervals import ALWAYS, NEVER, NS_PER_DAY, NS_PER_HOUR, day_numbers
from scoring.model.metrics import (
    ACCOMPLISHMENT_KINDS,
    METRIC_SPECS,
    OMITTED_WHEN_EMPTY,
    matches_any,
    outgoing,
    owner_messages,
    pattern_matches,
    text_keys,
)
from scoring.model.score import Points, aggregate_points

#: The text columns the grouped pass reads, per kind. Every other column it reads
#: is a date, a flag or a number; a batch that is not stored leaves the other text
#: columns unread (tests/scoring/model/test_grouped_columns.py holds the pass to it).
TEXT_COLUMNS_READ: dict[str, tuple[str, ...]] = {
    "profile": ("headline", "summary", "industry", "location"),
    "profile_summary": ("summary",),
    "skills": ("name",),
    "positions": ("company",),
    "rich_media": ("media_type",),
    "endorsements_received": ("skill", "endorser_key", "status"),
    "recommendations_received": ("status",),
    "member_follows": ("status",),
    "connections": ("company", "position", "url_key"),
    "invitations": ("direction", "invitee_key"),
    "messages": ("conversation_id", "folder"),
}


@dataclass(frozen=True)
class MemberFrames:
    """The normalised rows of many members: one frame per kind, a member code per row.

    ``frames[kind]`` has the columns of :data:`scoring.export.COLUMNS` (a kind
    without rows may be left out); ``codes[kind]`` the member (0 … ``members`` − 1)
    of each of its rows, in the order of the rows of each member's own export.
    ``present[kind]`` says per member whether their export had that kind's file,
    ``complete`` whether it is a Complete archive.
    """

    members: int
    frames: Mapping[str, pd.DataFrame]
    codes: Mapping[str, np.ndarray]
    present: Mapping[str, np.ndarray]
    complete: np.ndarray

    def frame(self, kind: str) -> pd.DataFrame:
        """All members' rows of ``kind`` (empty with its columns when there are none)."""
        frame = self.frames.get(kind)
        return empty_frame(kind) if frame is None else frame

    def codes_of(self, kind: str) -> np.ndarray:
        """The member code of each row of :meth:`frame`."""
        codes = self.codes.get(kind)
        return np.zeros(0, dtype=np.int64) if codes is None else codes

    def has(self, kind: str) -> np.ndarray:
        """Per member: whether their export had the file of ``kind``."""
        present = self.present.get(kind)
        return np.zeros(self.members, dtype=bool) if present is None else present


#: Up to this many possible (member, key) pairs, distinct pairs are marked in an
#: array instead of sorted (a window's days for 100,000 members is 9 million).
DENSE_PAIRS = 1 << 25


@dataclass(frozen=True)
class _Pass:
    """One grouped evaluation: the members, their as-of days and the window."""

    events: MemberFrames
    days: np.ndarray  # as-of day number per member
    window: int
    config: ModelConfig
    # day numbers and window rows of each kind: several sub-metrics read the same ones
    memo: dict[tuple[str, ...], Any] = field(default_factory=dict, compare=False)

    def count(self, codes: np.ndarray, rows: np.ndarray | None = None) -> np.ndarray:
        """Per member, how many of the rows with ``codes`` are selected by ``rows``."""
        picked = codes if rows is None else codes[rows]
        return np.bincount(picked, minlength=self.events.members).astype(float)

    def distinct(self, codes: np.ndarray, keys: np.ndarray) -> np.ndarray:
        """Per member, how many distinct ``keys`` (non-negative integers) they have."""
        if not len(codes):
            return np.zeros(self.events.members)
        span = np.int64(keys.max()) + 1 if len(keys) else np.int64(1)
        pairs = codes.astype(np.int64) * span + keys.astype(np.int64)
        if self.events.members * span <= DENSE_PAIRS:
            # few possible pairs (days of a window, its weeks): mark them, no sort
            seen = np.zeros(self.events.members * int(span), dtype=bool)
            seen[pairs] = True
            return seen.reshape(self.events.members, int(span)).sum(axis=1).astype(float)
        return self.count(np.unique(pairs) // span)

    def on_or_before(self, codes: np.ndarray, days: np.ndarray) -> np.ndarray:
        """Rows counting from their day on (undated ones always) as of their member's day."""
        return days <= self.days[codes]

    def in_window(self, codes: np.ndarray, days: np.ndarray) -> np.ndarray:
        """Dated rows in the trailing window ending on their member's day."""
        ago = self.days[codes]
        ago -= days
        # 0 <= ago < window in one comparison: as unsigned, a negative difference is
        # huge; an undated row (ALWAYS, 2**40 days back) is far outside the window too
        return ago.view(np.uint64) < self.window

    def days_of(self, kind: str) -> np.ndarray:
        """Day numbers of the rows of ``kind`` (undated: ``ALWAYS``)."""
        key = ("days", kind)
        if key not in self.memo:
            self.memo[key] = _day_numbers(self.events.frame(kind)["at"])
        return self.memo[key]

    def rows_where(self, kind: str, row_filter: RowFilter) -> np.ndarray:
        """``row_filter`` over the rows of ``kind`` (several sub-metrics share a filter)."""
        key = ("rows", kind, row_filter.__qualname__)
        if key not in self.memo:
            self.memo[key] = row_filter(self.events.frame(kind))
        return self.memo[key]

    def window_of(self, kind: str) -> np.ndarray:
        """Which rows of ``kind`` are in the trailing window of their member's day."""
        key = ("window", kind)
        if key not in self.memo:
            self.memo[key] = self.in_window(self.events.codes_of(kind), self.days_of(kind))
        return self.memo[key]

    @cached_property
    def replies(self) -> _Replies:
        """The replies of every member; replies and quick replies share one sort."""
        return _find_replies(self)


def _day_numbers(stamps: pd.Series) -> np.ndarray:
    """:func:`scoring.model.intervals.day_numbers` with one array made, not four (NaT: ALWAYS).

    Millions of rows: each temporary array costs its first touch of fresh memory.
    """
    days = stamps.to_numpy(dtype="datetime64[ns]", copy=True).view(np.int64)
    undated = days == np.iinfo(np.int64).min  # NaT
    np.floor_divide(days, NS_PER_DAY, out=days)
    days[undated] = ALWAYS
    return days


RowFilter = Callable[[pd.DataFrame], np.ndarray]
GroupedFn = Callable[[_Pass, tuple[str, ...]], np.ndarray]


def _window_count(row_filter: RowFilter | None = None) -> GroupedFn:
    def value(run: _Pass, sources: tuple[str, ...]) -> np.ndarray:
        total = np.zeros(run.events.members)
        for kind in sources:
            codes = run.events.codes_of(kind)
            hit = run.window_of(kind)
            if row_filter is not None:
                hit = hit & run.rows_where(kind, row_filter)
            total += run.count(codes, hit)
        return total

    return value


def _has_media(frame: pd.DataFrame) -> np.ndarray:
    return frame["has_media"].to_numpy(bool)


def _is_group(frame: pd.DataFrame) -> np.ndarray:
    return frame["is_group"].to_numpy(bool)


def _since_count(run: _Pass, codes: np.ndarray, days: np.ndarray) -> np.ndarray:
    return run.count(codes, run.on_or_before(codes, days))


def _articles(run: _Pass, _sources: tuple[str, ...]) -> np.ndarray:
    return _since_count(run, run.events.codes_of("articles"), run.days_of("articles"))


def _recommendations(run: _Pass, _sources: tuple[str, ...]) -> np.ndarray:
    frame = run.events.frame("recommendations_received")
    statuses = run.config.statuses.recommendations
    shown = matches_any(frame["status"], statuses, empty_counts=True)
    codes = run.events.codes_of("recommendations_received")
    return _since_count(run, codes[shown], run.days_of("recommendations_received")[shown])


def _endorsements(run: _Pass, _sources: tuple[str, ...]) -> np.ndarray:
    frame = run.events.frame("endorsements_received")
    shown = matches_any(frame["status"], run.config.statuses.endorsements, empty_counts=True)
    unique = pd.DataFrame(
        {
            "member": run.events.codes_of("endorsements_received")[shown],
            "day": run.days_of("endorsements_received")[shown],
            "skill": text_keys(frame["skill"])[shown],
            "who": pd.factorize(frame["endorser_key"])[0][shown],
        }
    ).drop_duplicates()
    codes = unique["member"].to_numpy(np.int64)
    return _since_count(run, codes, unique["day"].to_numpy(np.int64))


def _follows(run: _Pass, sources: tuple[str, ...]) -> np.ndarray:
    total = np.zeros(run.events.members)
    for kind in sources:
        frame, codes = run.events.frame(kind), run.events.codes_of(kind)
        hit = run.on_or_before(codes, run.days_of(kind))
        if "status" in frame:
            unfollowed = run.config.statuses.unfollowed
            hit &= ~matches_any(frame["status"], unfollowed, empty_counts=False)
        total += run.count(codes, hit)
    return total


def _owned(run: _Pass, kind: str) -> np.ndarray:
    """Rows of ``kind`` that are the owner's own doing (as ``metrics.owned_days``)."""
    if kind == "messages":
        return run.rows_where(kind, owner_messages)
    if kind == "invitations":
        return run.rows_where(kind, outgoing)
    return np.ones(len(run.events.frame(kind)), dtype=bool)


def _activity_in_window(run: _Pass, sources: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
    """Member codes and day numbers of the owner's activity in each member's window."""
    key = ("activity", *sources)  # days active and regularity read the same rows
    if key not in run.memo:
        run.memo[key] = _owner_activity(run, sources)
    return run.memo[key]


def _owner_activity(run: _Pass, sources: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
    codes, days = [], []
    for kind in sources:
        kind_codes, kind_days = run.events.codes_of(kind), run.days_of(kind)
        hit = _owned(run, kind) & run.window_of(kind)
        codes.append(kind_codes[hit])
        days.append(kind_days[hit])
    empty = np.zeros(0, dtype=np.int64)
    return (np.concatenate(codes) if codes else empty), (np.concatenate(days) if days else empty)


def _days_active(run: _Pass, sources: tuple[str, ...]) -> np.ndarray:
    codes, days = _activity_in_window(run, sources)
    # shifted to be non-negative: a window's days are within ``window`` of the as-of day
    return run.distinct(codes, run.days[codes] - days)


def _regularity(run: _Pass, sources: tuple[str, ...]) -> np.ndarray:
    # The 7-day blocks counted back from the as-of day: block k holds b-7k-6 … b-7k.
    codes, days = _activity_in_window(run, sources)
    return run.distinct(codes, (run.days[codes] - days) // 7)


def _connection_days(run: _Pass) -> np.ndarray:
    return run.days_of("connections")


def _connections(run: _Pass, _sources: tuple[str, ...]) -> np.ndarray:
    return _since_count(run, run.events.codes_of("connections"), _connection_days(run))


def _connection_growth(run: _Pass, _sources: tuple[str, ...]) -> np.ndarray:
    return run.count(run.events.codes_of("connections"), run.window_of("connections"))


def _decision_makers(run: _Pass, _sources: tuple[str, ...]) -> np.ndarray:
    pattern = seniority_pattern(run.config.seniority)
    hit = pattern_matches(pattern, run.events.frame("connections")["position"])
    codes = run.events.codes_of("connections")
    return run.count(codes, hit & run.on_or_before(codes, _connection_days(run)))


def _position_bounds(positions: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    finish = day_numbers(positions["finished_on"])
    return day_numbers(positions["at"]), np.where(finish == ALWAYS, NEVER, finish + 1)


def _current(run: _Pass, codes: np.ndarray, start: np.ndarray, end: np.ndarray) -> np.ndarray:
    as_of = run.days[codes]
    return (start <= as_of) & (as_of < end)


def _coworkers(run: _Pass, _sources: tuple[str, ...]) -> np.ndarray:
    # A connection counts when it was made by the as-of day and a position at its
    # company is current then: the union of the per-pair intervals, at one day.
    positions, people = run.events.frame("positions"), run.events.frame("connections")
    held_codes, people_codes = run.events.codes_of("positions"), run.events.codes_of("connections")
    company = text_keys(pd.concat([positions["company"], people["company"]], ignore_index=True))
    held_company, people_company = company[: len(positions)], company[len(positions) :]
    start, end = _position_bounds(positions)
    span = np.int64(company.max()) + 1 if len(company) else np.int64(1)
    current = _current(run, held_codes, start, end) & (held_company >= 0)
    held = np.unique(held_codes[current].astype(np.int64) * span + held_company[current])
    at_held = np.isin(people_codes.astype(np.int64) * span + people_company, held)
    made = run.on_or_before(people_codes, _connection_days(run))
    return run.count(people_codes, at_held & made & (people_company >= 0))


def _network_breadth(run: _Pass, _sources: tuple[str, ...]) -> np.ndarray:
    keys = text_keys(run.events.frame("connections")["company"])
    codes = run.events.codes_of("connections")
    hit = (keys >= 0) & run.on_or_before(codes, _connection_days(run))
    return run.distinct(codes[hit], keys[hit])


def _with_denominator(value: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    return np.where(denominator > 0, value, np.nan)


def _sent(run: _Pass) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
    """The invitations the members sent, their member codes and day numbers."""
    sent = run.rows_where("invitations", outgoing)
    frame = run.events.frame("invitations")[sent]
    return frame, run.events.codes_of("invitations")[sent], run.days_of("invitations")[sent]


def _invitations_accepted(run: _Pass, _sources: tuple[str, ...]) -> np.ndarray:
    sent, codes, sent_days = _sent(run)
    people = run.events.frame("connections")
    people_codes = run.events.codes_of("connections")
    keys = pd.factorize(pd.concat([people["url_key"], sent["invitee_key"]], ignore_index=True))[0]
    person, invitee = keys[: len(people)], keys[len(people) :]
    span = np.int64(keys.max()) + 2 if len(keys) else np.int64(1)
    # A member's earliest connection day with each person (NEVER: not a connection).
    known = person >= 0
    earliest = (
        pd.Series(_connection_days(run)[known])
        .groupby(people_codes[known].astype(np.int64) * span + person[known])
        .min()
    )
    wanted = codes.astype(np.int64) * span + invitee
    position = earliest.index.get_indexer(wanted)
    # position -1 (not a connection) reads the spare last slot: NEVER
    connected_on = np.append(earliest.to_numpy(np.int64), NEVER)
    accepted_on = np.where(invitee >= 0, connected_on[position], NEVER)
    hit = (accepted_on != NEVER) & (sent_days != ALWAYS)
    counts_from = np.maximum(sent_days, accepted_on)
    as_of = run.days[codes]
    accepted = run.count(codes, hit & (counts_from <= as_of) & (as_of < sent_days + run.window))
    return _with_denominator(accepted, run.count(codes, run.in_window(codes, sent_days)))


def _invitations_with_note(run: _Pass, _sources: tuple[str, ...]) -> np.ndarray:
    sent, codes, sent_days = _sent(run)
    window = run.in_window(codes, sent_days)
    noted = run.count(codes, window & sent["has_message"].to_numpy(bool))
    return _with_denominator(noted, run.count(codes, window))


@dataclass(frozen=True)
class _Replies:
    """As :class:`scoring.model.metrics.Replies`, with member codes; conversations are global."""

    member: np.ndarray
    conversation: np.ndarray
    reply_day: np.ndarray
    answered_day: np.ndarray
    delay_hours: np.ndarray
    incoming_member: np.ndarray
    incoming_conversation: np.ndarray
    incoming_day: np.ndarray


#: "No message of others yet" in the running latest time of a conversation.
NOBODY = np.iinfo(np.int64).min


def _sorted_messages(
    codes: np.ndarray, ns: np.ndarray, owner: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Messages in the order of ``metrics.find_replies``, and the latest time of others so far.

    Sorted by conversation, time and the owner's message first on a tie. When the
    times are whole seconds (as exports give them), conversation, time and owner
    fit one int64: sorting those values (no ``argsort``, no ``lexsort`` of three
    keys over millions of rows) gives every column back, and the running maximum
    per conversation is one ``np.maximum.accumulate``, because every packed value
    of a conversation exceeds those of the conversations before it. Otherwise the
    three keys are sorted as ``find_replies`` sorts them.
    """
    low = ns.min() if len(ns) else 0
    seconds, rest = np.divmod(ns - low, 10**9)
    step = 1 if rest.any() else 10**9
    ticks = (ns - low if step == 1 else seconds) + 1  # 0 is left for "nobody"
    span = int(ticks.max(initial=0)) + 1
    if (int(codes.max(initial=0)) + 1) * span * 2 >= 2**62:
        order = np.lexsort((~owner, ns, codes))
        codes, ns, owner = codes[order], ns[order], owner[order]
        others = pd.Series(np.where(owner, NOBODY, ns))
        return codes, ns, owner, others.groupby(codes).cummax().to_numpy(np.int64)
    packed = np.sort((codes * np.int64(span) + ticks) * 2 + ~owner)
    owner = (packed & 1) == 0
    codes, ticks = np.divmod(packed >> 1, span)
    base = codes * np.int64(span)
    running = np.maximum.accumulate(base + np.where(owner, 0, ticks)) - base
    latest = np.where(running == 0, NOBODY, (running - 1) * step + low)
    return codes, (ticks - 1) * step + low, owner, latest


def _find_replies(run: _Pass) -> _Replies:
    """The owner's messages answering someone, as ``metrics.find_replies`` per member.

    Only the messages in their member's window are looked at. A reply counts while
    both it and the message it answers are in the window, and a message written to
    the member counts when it is in the window; the latest message of others before
    a reply, when it is in the window, is among those looked at (and when it is
    not, that reply does not count either way), so the counts are the same.
    """
    frame = run.events.frame("messages")
    rows = np.flatnonzero(run.window_of("messages"))  # dated ones only
    spam = matches_any(frame["folder"].iloc[rows], ("SPAM",), empty_counts=False)
    sponsored = frame["sponsored"].to_numpy(bool)[rows] | frame["is_draft"].to_numpy(bool)[rows]
    rows = rows[~(sponsored | spam)]
    ids = frame["conversation_id"].iloc[rows]
    conversation = pd.factorize(ids, use_na_sentinel=False)[0]
    member = run.events.codes_of("messages")[rows].astype(np.int64)
    span = np.int64(conversation.max()) + 1 if len(conversation) else np.int64(1)
    codes = member * span + conversation  # one code per (member, conversation)
    ns = frame["at"].to_numpy(dtype="datetime64[ns]").view(np.int64)[rows]
    owner = frame["from_owner"].to_numpy(bool)[rows]
    codes, ns, owner, latest = _sorted_messages(codes, ns, owner)
    member = codes // span
    reply = owner & (latest != NOBODY)
    return _Replies(
        member=member[reply],
        conversation=codes[reply],
        reply_day=np.floor_divide(ns[reply], NS_PER_DAY),
        answered_day=np.floor_divide(latest[reply], NS_PER_DAY),
        delay_hours=(ns[reply] - latest[reply]) / NS_PER_HOUR,
        incoming_member=member[~owner],
        incoming_conversation=codes[~owner],
        incoming_day=np.floor_divide(ns[~owner], NS_PER_DAY),
    )


def _answered(run: _Pass, *, quick_only: bool) -> np.ndarray:
    found = run.replies
    as_of = run.days[found.member]
    # A reply counts while both it and the message it answers are in the window.
    hit = (found.reply_day <= as_of) & (as_of < found.answered_day + run.window)
    if quick_only:
        hit &= found.delay_hours <= run.config.replies.quick_hours
    answered = _distinct_conversations(run, found.member[hit], found.conversation[hit])
    incoming = run.in_window(found.incoming_member, found.incoming_day)
    written_to = _distinct_conversations(
        run, found.incoming_member[incoming], found.incoming_conversation[incoming]
    )
    return _with_denominator(answered, written_to)


def _distinct_conversations(run: _Pass, members: np.ndarray, codes: np.ndarray) -> np.ndarray:
    # a conversation code already holds its member: the distinct codes are the pairs
    unique, first = np.unique(codes, return_index=True)
    return run.count(members[first]) if len(unique) else np.zeros(run.events.members)


def _replies(run: _Pass, _sources: tuple[str, ...]) -> np.ndarray:
    return _answered(run, quick_only=False)


def _quick_replies(run: _Pass, _sources: tuple[str, ...]) -> np.ndarray:
    return _answered(run, quick_only=True)


# ------------------------------------------------------------------ profile completeness


def _first_rows(run: _Pass, kind: str) -> tuple[pd.DataFrame, np.ndarray]:
    """Each member's first row of ``kind`` (as the reader's profile takes it) and its member."""
    codes = run.events.codes_of(kind)
    members, first = np.unique(codes, return_index=True)
    return run.events.frame(kind).iloc[first], members


def _has_text(values: pd.Series) -> np.ndarray:
    """Where a value is text with more than whitespace (Python's ``str.strip``, as the model)."""
    codes, uniques = pd.factorize(values)
    texts = pd.Index(np.asarray(uniques, dtype=object), dtype=object)
    filled = np.asarray(texts.str.strip() != "", dtype=bool)
    return np.append(filled, False)[codes]


def _profile_field(run: _Pass, column: str) -> np.ndarray:
    rows, members = _first_rows(run, "profile")
    out = np.zeros(run.events.members, dtype=bool)
    out[members] = _has_text(rows[column])
    return out


def _any_row(run: _Pass, codes: np.ndarray, rows: np.ndarray) -> np.ndarray:
    return run.count(codes, rows) > 0


def _profile_item(run: _Pass, item: str) -> np.ndarray:
    """Per member: whether one profile item is present on their as-of day."""
    ev = run.events
    if item in ("headline", "industry", "location"):
        return _profile_field(run, item)
    if item == "summary":
        summaries = ev.frame("profile_summary")["summary"]
        listed = _any_row(run, ev.codes_of("profile_summary"), _has_text(summaries))
        return _profile_field(run, "summary") | listed
    if item == "skills":
        keys = text_keys(ev.frame("skills")["name"])
        named = keys >= 0
        skills = run.distinct(ev.codes_of("skills")[named], keys[named])
        return skills >= run.config.completeness.min_skills
    if item == "current_position":
        positions = ev.frame("positions")
        described = positions["has_description"].to_numpy(bool)
        start, end = _position_bounds(positions)
        codes = ev.codes_of("positions")
        return _any_row(run, codes, described & _current(run, codes, start, end))
    if item == "past_position":
        finished = day_numbers(ev.frame("positions")["finished_on"])
        codes = ev.codes_of("positions")
        return _any_row(run, codes, (finished != ALWAYS) & (finished + 1 <= run.days[codes]))
    if item == "education":
        codes = ev.codes_of("education")
        return _any_row(run, codes, run.on_or_before(codes, run.days_of("education")))
    if item == "accomplishments":
        done = np.zeros(ev.members, dtype=bool)
        for kind in ACCOMPLISHMENT_KINDS:
            codes, frame = ev.codes_of(kind), ev.frame(kind)
            days = day_numbers(frame["at"]) if "at" in frame else np.full(len(frame), ALWAYS)
            done |= _any_row(run, codes, run.on_or_before(codes, days))
        return done
    media = ev.frame("rich_media")
    codes = ev.codes_of("rich_media")
    hit = matches_any(media["media_type"], (item,), empty_counts=False)
    return _any_row(run, codes, hit & run.on_or_before(codes, run.days_of("rich_media")))


def _profile_completeness(run: _Pass, _sources: tuple[str, ...]) -> np.ndarray:
    items = run.config.completeness.items
    done = np.zeros(run.events.members)
    for item in items:
        done += _profile_item(run, item)
    return done / len(items)


#: The grouped twin of every computed sub-metric of ``METRIC_SPECS``.
GROUPED_FNS: dict[str, GroupedFn] = {
    "profile_completeness": _profile_completeness,
    "endorsements": _endorsements,
    "recommendations": _recommendations,
    "articles": _articles,
    "media_posts": _window_count(_has_media),
    "people_searches": _window_count(),
    "follows": _follows,
    "invitations_sent": _window_count(outgoing),
    "days_active": _days_active,
    "posts": _window_count(),
    "comments": _window_count(),
    "reactions": _window_count(),
    "poll_votes": _window_count(),
    "group_activity": _window_count(_is_group),
    "regularity": _regularity,
    "messages_sent": _window_count(owner_messages),
    "connections": _connections,
    "decision_makers": _decision_makers,
    "coworkers": _coworkers,
    "network_breadth": _network_breadth,
    "invitations_accepted": _invitations_accepted,
    "invitations_with_note": _invitations_with_note,
    "replies": _replies,
    "quick_replies": _quick_replies,
    "connection_growth": _connection_growth,
}


@dataclass(frozen=True)
class GroupedEvaluation:
    """Every number of the model for each member (one entry per member)."""

    values: dict[str, np.ndarray]  # NaN where the value is None
    missing: dict[str, np.ndarray]  # bool
    scored: Points


def _computed(events: MemberFrames, sources: tuple[str, ...]) -> np.ndarray:
    """Per member: whether a sub-metric reading ``sources`` is computed (not a missing input).

    As :func:`scoring.model.score.evaluate`: some source file is there, or none of
    them is because a Complete archive leaves such files out when empty.
    """
    has_any = np.zeros(events.members, dtype=bool)
    for kind in sources:
        has_any |= events.has(kind)
    if not sources or not set(sources) <= OMITTED_WHEN_EMPTY:
        return has_any
    return has_any | events.complete


def member_values(
    events: MemberFrames,
    days: np.ndarray,
    *,
    window: int,
    config: ModelConfig,
    keys: Collection[str] | None = None,
) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
    """The raw value (NaN where None) and the missing flag of each sub-metric, per member.

    Only the sub-metrics in ``keys`` (default: all), each as of its member's day in
    ``days``. Manual inputs are None and missing: members have none.
    """
    run = _Pass(events, np.asarray(days, dtype=np.int64), window, config)
    values: dict[str, np.ndarray] = {}
    missing: dict[str, np.ndarray] = {}
    for _, key, metric in config.metric_items():
        if keys is not None and key not in keys:
            continue
        if METRIC_SPECS[key].fn is None:
            values[key] = np.full(events.members, np.nan)
            missing[key] = np.ones(events.members, dtype=bool)
            continue
        computed = _computed(events, metric.sources)
        raw = GROUPED_FNS[key](run, metric.sources)
        values[key] = np.where(computed, raw, np.nan)
        missing[key] = ~computed
    return values, missing


def raw_values(
    events: MemberFrames, days: np.ndarray, key: str, *, window: int, config: ModelConfig
) -> np.ndarray:
    """Sub-metric ``key`` computed for every member, whether or not its files are there.

    As calling its function of :mod:`scoring.model.metrics` directly on each member's
    export (:func:`member_values` leaves a missing input None instead).
    """
    run = _Pass(events, np.asarray(days, dtype=np.int64), window, config)
    return GROUPED_FNS[key](run, config.metric(key).sources)


def evaluate_members(
    events: MemberFrames, days: np.ndarray, *, window: int, config: ModelConfig
) -> GroupedEvaluation:
    """All sub-metrics, pillars and totals of each member as of their day in ``days``.

    No manual inputs (a batch has none): their sub-metrics are None and earn 0.
    """
    values, missing = member_values(events, days, window=window, config=config)
    scored = aggregate_points(values, window=window, config=config)
    return GroupedEvaluation(values, missing, scored)


def stacked_exports(exports: Sequence[ExportData], kinds: Collection[str]) -> MemberFrames:
    """``exports`` as the members of one grouped pass (member ``i`` is ``exports[i]``).

    Only the rows of ``kinds`` are stacked: a pass that computes the sub-metrics
    reading those kinds needs no others (the presence of every kind is kept).
    """
    frames: dict[str, pd.DataFrame] = {}
    codes: dict[str, np.ndarray] = {}
    for kind in kinds:
        parts = [(i, e.frames[kind]) for i, e in enumerate(exports) if len(e.frame(kind))]
        if parts:
            frames[kind] = pd.concat([frame for _, frame in parts], ignore_index=True)
            codes[kind] = np.repeat(
                np.array([i for i, _ in parts], dtype=np.int64), [len(f) for _, f in parts]
            )
    present = {kind: np.array([e.has(kind) for e in exports], dtype=bool) for kind in KINDS}
    complete = np.array([e.archive_kind == "complete" for e in exports], dtype=bool)
    return MemberFrames(len(exports), frames, codes, present, complete)
