"""What-if: the score after more (or less) weekly activity, and the decay without any.

:func:`simulate` appends synthetic rows to the export's frames, as many as the
weekly changes ask for over the chosen weeks, spread evenly over the days that
end on ``as_of``, and re-scores with the real model. Nothing is guessed: every
number a tip or a slider shows is the model's own answer to the changed export.

:func:`decay` projects the score week by week if the user stops all activity:
the export stays as it is while ``as_of`` moves forward, so activity leaves the
trailing window.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import pandas as pd

from scoring.errors import InputError
from scoring.export import COLUMNS, PANDAS_DTYPES, ExportData, empty_frame
from scoring.model import ManualInputs, ModelConfig, load_config, score_as_of, score_history
from scoring.model.metrics import COMPLETENESS_ITEMS
from scoring.results import SCORE_FIELDS, Score

#: A synthetic row's moment within its day: noon UTC keeps it inside the day's
#: window whatever the time zone rounding of a reader.
_NOON = pd.Timedelta(hours=12)
#: The reply in a simulated conversation comes this long after the message it answers.
_REPLY_AFTER = pd.Timedelta(hours=2)
#: Profile items :func:`with_profile_items` can add (the model's completeness items).
PROFILE_ITEMS: tuple[str, ...] = COMPLETENESS_ITEMS
#: A job title every seniority list of the model recognises as a decision maker.
DECISION_MAKER_TITLE = "Director"


class SimulationError(InputError):
    """A what-if change names an unknown activity or cannot be applied."""

    code = "error.simulate.activity"


@dataclass(frozen=True)
class Activity:
    """One kind of weekly activity a user can add: the rows it appends.

    ``rows`` lists (kind, column values) pairs: each occurrence appends one row
    of every listed kind, e.g. an accepted invitation appends an invitation and
    the connection it became. String values may contain ``{i}``, replaced by a
    number unique to the occurrence (keys and conversation ids stay distinct).
    """

    rows: tuple[tuple[str, Mapping[str, object]], ...]
    removable: bool = True  # a negative change drops matching rows
    manual: str | None = None  # a manual input (profile views) instead of rows


def _one(kind: str, **values: object) -> tuple[tuple[str, Mapping[str, object]], ...]:
    return ((kind, values),)


#: Every activity :func:`simulate` understands, by the name a change uses.
ACTIVITIES: dict[str, Activity] = {
    "posts": Activity(_one("shares", link="urn:li:share:sim-{i}", chars=600)),
    "posts_with_media": Activity(
        _one("shares", link="urn:li:share:sim-media-{i}", has_media=True, chars=400)
    ),
    "reshares": Activity(
        _one("shares", link="urn:li:share:sim-reshare-{i}", is_reshare=True, chars=200)
    ),
    "reposts": Activity(_one("reposts", link="urn:li:activity:sim-repost-{i}")),
    "group_posts": Activity(
        _one("shares", link="urn:li:groupPost:sim-{i}", is_group=True, chars=500)
    ),
    "comments": Activity(_one("comments", link="urn:li:activity:sim-c-{i}", chars=160)),
    "group_comments": Activity(
        _one("comments", link="urn:li:groupPost:sim-c-{i}", is_group=True, chars=160)
    ),
    "reactions": Activity(_one("reactions", type="LIKE", link="urn:li:activity:sim-r-{i}")),
    "votes": Activity(_one("votes", link="urn:li:activity:sim-v-{i}")),
    "searches": Activity(_one("search_queries", chars=24)),
    "member_follows": Activity(_one("member_follows", status="Active")),
    "company_follows": Activity(_one("company_follows", organization="Simulated Company {i}")),
    "invitations": Activity(
        _one("invitations", direction="OUTGOING", invitee_key="sim-invitee-{i}")
    ),
    "invitations_with_note": Activity(
        _one("invitations", direction="OUTGOING", has_message=True, invitee_key="sim-note-{i}")
    ),
    "accepted_invitations": Activity(
        (
            (
                "invitations",
                {"direction": "OUTGOING", "has_message": True, "invitee_key": "sim-accepted-{i}"},
            ),
            ("connections", {"url_key": "sim-accepted-{i}", "company": "Simulated Co {i}"}),
        ),
        removable=False,
    ),
    "connections": Activity(_one("connections", url_key="sim-conn-{i}", company="New Co {i}")),
    "decision_maker_connections": Activity(
        _one(
            "connections",
            url_key="sim-dm-{i}",
            company="Decision Co {i}",
            position=DECISION_MAKER_TITLE,
        ),
        removable=False,
    ),
    "coworker_connections": Activity(
        _one("connections", url_key="sim-cw-{i}", company="{own_company}", position="Colleague"),
        removable=False,
    ),
    "messages": Activity(
        _one(
            "messages",
            conversation_id="sim-msg-{i}",
            sender_key="{owner}",
            from_owner=True,
            folder="INBOX",
        )
    ),
    "replies": Activity(
        (
            (
                "messages",
                {
                    "conversation_id": "sim-reply-{i}",
                    "sender_key": "sim-sender-{i}",
                    "folder": "INBOX",
                    "_shift": -_REPLY_AFTER,
                },
            ),
            (
                "messages",
                {
                    "conversation_id": "sim-reply-{i}",
                    "sender_key": "{owner}",
                    "from_owner": True,
                    "folder": "INBOX",
                },
            ),
        ),
        removable=False,
    ),
    "articles": Activity(_one("articles", title="Simulated article {i}")),
    "endorsements": Activity(
        _one(
            "endorsements_received",
            skill="{top_skill}",
            endorser_key="sim-endorser-{i}",
            status="ACCEPTED",
        )
    ),
    "recommendations": Activity(
        _one("recommendations_received", company="Simulated Co {i}", status="VISIBLE")
    ),
    "profile_views": Activity((), removable=False, manual="profile_views_90d"),
    "saved_leads": Activity((), removable=False, manual="saved_leads_90d"),
}


def simulation_span(weeks: float | None, window_days: int) -> int:
    """Days over which the changes apply: ``weeks`` × 7, at most the window (default: all)."""
    if weeks is None:
        return window_days
    if not weeks > 0:
        raise SimulationError("error.simulate.weeks", weeks=weeks)
    return max(1, min(window_days, round(weeks * 7)))


def spread_days(count: int, days: int, as_of: date) -> pd.DatetimeIndex:
    """``count`` moments spread evenly over the ``days`` days that end on ``as_of``.

    Occurrence ``k`` falls ``floor((k + ½) · days / count)`` days before ``as_of``
    (at noon UTC), so every moment lies in the window and the days are as far
    apart as the count allows.
    """
    offsets = np.floor((np.arange(count) + 0.5) * days / max(count, 1)).astype("int64")
    end = pd.Timestamp(as_of, tz="UTC") + _NOON
    return pd.DatetimeIndex(end - pd.to_timedelta(offsets[::-1], unit="D"))


def _context(data: ExportData) -> dict[str, str]:
    """Values the row templates refer to: the owner's sender key, company, top skill."""
    messages = data.frame("messages")
    own = messages.loc[messages["from_owner"], "sender_key"].dropna()
    positions = data.frame("positions")
    current = positions[positions["finished_on"].isna()].sort_values("at", kind="stable")
    companies = current["company"].dropna()
    skills = data.frame("skills")["name"].dropna()
    return {
        "owner": str(own.iloc[0]) if len(own) else "sim-owner",
        "own_company": str(companies.iloc[-1]) if len(companies) else "Own Company",
        "top_skill": str(skills.iloc[0]) if len(skills) else "Sales",
    }


def _filled(template: str, numbers: pd.Series, ctx: Mapping[str, str]) -> pd.Series:
    """The template with context values in, and ``{i}`` replaced by each row's number."""
    text = template.format_map({**ctx, "i": "\x00"})
    if "\x00" not in text:
        return pd.Series(text, index=numbers.index)
    prefix, suffix = text.split("\x00", 1)
    return prefix + numbers + suffix


def _rows(
    kind: str, values: Mapping[str, object], moments: pd.DatetimeIndex, ctx: Mapping[str, str]
) -> pd.DataFrame:
    """``len(moments)`` rows of ``kind`` with the template ``values`` filled in."""
    n = len(moments)
    numbers = pd.Series(np.arange(n)).astype(str)
    shift = values.get("_shift")
    defaults = {"str": pd.NA, "bool": False, "int": 0, "ts": pd.NaT}
    out: dict[str, pd.Series] = {}
    for col, typ in COLUMNS[kind].items():
        value = values.get(col, defaults[typ])
        if col == "at":
            at = moments + shift if isinstance(shift, pd.Timedelta) else moments
            series = pd.Series(at)
        elif isinstance(value, str):
            series = _filled(value, numbers, ctx)
        else:
            series = pd.Series([value] * n)
        out[col] = series.astype(PANDAS_DTYPES[typ])
    return pd.DataFrame(out)


def _matches(frame: pd.DataFrame, kind: str, values: Mapping[str, object]) -> pd.Series:
    """Rows of ``frame`` that are the activity: every flag and direction as the template."""
    mask = pd.Series(True, index=frame.index)
    for col, typ in COLUMNS[kind].items():
        if typ == "bool":
            mask &= frame[col] == bool(values.get(col, False))
        elif col in ("direction", "status") and col in values:
            mask &= frame[col].fillna("").str.casefold() == str(values[col]).casefold()
    return mask


def _without(
    frame: pd.DataFrame, kind: str, values: Mapping[str, object], count: int, days: int, as_of: date
) -> pd.DataFrame:
    """``frame`` minus up to ``count`` matching rows of the last ``days`` days, evenly spread."""
    start = pd.Timestamp(as_of - timedelta(days=days - 1), tz="UTC")
    end = pd.Timestamp(as_of + timedelta(days=1), tz="UTC")
    inside = (frame["at"] >= start) & (frame["at"] < end)
    candidates = frame.index[_matches(frame, kind, values) & inside]
    if not len(candidates) or count <= 0:
        return frame
    count = min(count, len(candidates))
    picks = np.floor((np.arange(count) + 0.5) * len(candidates) / count).astype("int64")
    return frame.drop(index=candidates[picks])


def _count(rate: float, days: int) -> int:
    """How many occurrences ``rate`` per week gives over ``days`` days (rounded half up)."""
    return math.floor(abs(rate) * days / 7 + 0.5)


def _checked(changes: Mapping[str, float]) -> dict[str, float]:
    out: dict[str, float] = {}
    for name, rate in changes.items():
        activity = ACTIVITIES.get(name)
        if activity is None:
            raise SimulationError("error.simulate.activity", name=name, known=", ".join(ACTIVITIES))
        if not math.isfinite(float(rate)) or (float(rate) < 0 and not activity.removable):
            raise SimulationError("error.simulate.rate", name=name, rate=rate)
        if rate:
            out[name] = float(rate)
    return out


def simulated_export(
    data: ExportData,
    changes: Mapping[str, float],
    *,
    days: int,
    as_of: date | None = None,
) -> ExportData:
    """The export with the weekly ``changes`` applied over the ``days`` days ending on ``as_of``.

    A positive rate appends ``round(rate × days / 7)`` occurrences of the activity,
    spread evenly (see :func:`spread_days`); a negative rate drops that many
    matching rows from those days, as evenly spread. Manual inputs (profile
    views, saved leads) are not rows: :func:`simulated_manual` handles them.
    """
    as_of = as_of or data.export_date
    wanted = _checked(changes)
    ctx = _context(data)
    frames = dict(data.frames)
    touched: set[str] = set()
    added: dict[str, list[pd.DataFrame]] = {}
    for name, rate in wanted.items():
        activity = ACTIVITIES[name]
        count = _count(rate, days)
        for kind, values in activity.rows:
            if rate < 0:
                frames[kind] = _without(
                    data.frame(kind) if kind not in frames else frames[kind],
                    kind,
                    values,
                    count,
                    days,
                    as_of,
                )
            elif count:
                added.setdefault(kind, []).append(
                    _rows(kind, values, spread_days(count, days, as_of), ctx)
                )
            touched.add(kind)
    for kind, parts in added.items():
        base = frames.get(kind, empty_frame(kind))
        pieces = [base, *parts] if len(base) else parts
        frames[kind] = pd.concat(pieces, ignore_index=True)
    return dataclasses.replace(data, frames=frames, present=data.present | touched)


def simulated_manual(
    manual: ManualInputs | None, changes: Mapping[str, float], *, days: int
) -> ManualInputs | None:
    """The manual inputs with the weekly changes of manual activities added."""
    wanted = _checked(changes)
    updates: dict[str, float] = {}
    for name, rate in wanted.items():
        key = ACTIVITIES[name].manual
        if key is not None:
            current = getattr(manual, key, None) if manual is not None else None
            updates[key] = (current or 0.0) + _count(rate, days)
    if not updates:
        return manual
    base = manual.model_dump() if manual is not None else {}
    return ManualInputs(**{**base, **updates})


def simulate(
    data: ExportData,
    changes: Mapping[str, float],
    *,
    weeks: float | None = None,
    config: ModelConfig | None = None,
    as_of: date | None = None,
    window_days: int | None = None,
    manual: ManualInputs | None = None,
) -> Score:
    """The score as of ``as_of`` if the user had done ``changes`` more each week.

    ``changes`` maps an activity of :data:`ACTIVITIES` (posts, comments,
    searches, invitations …) to extra occurrences per week (negative: fewer).
    They apply over the last ``weeks`` weeks before ``as_of`` (default: the whole
    trailing window), as synthetic rows appended to the export, which the real
    model then scores. Raises :class:`SimulationError` for an unknown activity.
    """
    config = config or load_config()
    window = window_days or config.window_days
    as_of = as_of or data.export_date
    days = simulation_span(weeks, window)
    changed = simulated_export(data, changes, days=days, as_of=as_of)
    return score_as_of(
        changed,
        as_of=as_of,
        window_days=window,
        config=config,
        manual=simulated_manual(manual, changes, days=days),
    )


def _profile_rows(kind: str, rows: Mapping[str, list]) -> pd.DataFrame:
    n = len(next(iter(rows.values())))
    defaults = {"str": pd.NA, "bool": False, "int": 0, "ts": pd.NaT}
    return pd.DataFrame(
        {
            col: pd.Series(rows.get(col, [defaults[typ]] * n), dtype=PANDAS_DTYPES[typ])
            for col, typ in COLUMNS[kind].items()
        }
    )


def with_profile_items(
    data: ExportData,
    items: Sequence[str],
    *,
    as_of: date | None = None,
    config: ModelConfig | None = None,
) -> ExportData:
    """The export as if the user had added the profile ``items`` (one-off changes).

    ``items`` are profile-completeness items of the model (``headline``,
    ``summary``, ``current_position``, ``skills``, ``profile_photo`` …). Each is
    added the way the export would show it: a profile field, a position with a
    description, an education entry, skills up to the model's minimum, a
    certification, a Rich Media upload, dated a day before ``as_of``.
    """
    config = config or load_config()
    as_of = as_of or data.export_date
    unknown = sorted(set(items) - set(PROFILE_ITEMS))
    if unknown:
        raise SimulationError(
            "error.simulate.item", name=unknown[0], known=", ".join(PROFILE_ITEMS)
        )
    day = pd.Timestamp(as_of - timedelta(days=1), tz="UTC")
    ctx = _context(data)
    profile = data.profile.model_copy(
        update={
            field: value
            for field, value in (
                ("headline", "Your headline"),
                ("summary", "Your summary"),
                ("industry", data.profile.industry or "Your industry"),
                ("location", "Your location"),
            )
            if field in items
        }
    )
    added: dict[str, pd.DataFrame] = {}
    if "current_position" in items:
        added["positions"] = _profile_rows(
            "positions",
            {
                "at": [day],
                "finished_on": [pd.NaT],
                "company": [ctx["own_company"]],
                "title": ["Your role"],
                "has_description": [True],
            },
        )
    if "past_position" in items:
        past = _profile_rows(
            "positions",
            {
                "at": [day - pd.Timedelta(days=730)],
                "finished_on": [day - pd.Timedelta(days=366)],
                "company": ["Your former company"],
                "title": ["Former role"],
                "has_description": [True],
            },
        )
        added["positions"] = pd.concat([added.get("positions", past.iloc[:0]), past])
    if "education" in items:
        added["education"] = _profile_rows(
            "education", {"at": [day - pd.Timedelta(days=3650)], "school": ["Your school"]}
        )
    if "skills" in items:
        have = data.frame("skills")["name"].dropna().str.strip().str.casefold().nunique()
        extra = max(config.completeness.min_skills - have, 0)
        added["skills"] = _profile_rows(
            "skills", {"name": [f"Added skill {i + 1}" for i in range(max(extra, 1))]}
        )
    if "accomplishments" in items:
        added["certifications"] = _profile_rows(
            "certifications", {"at": [day], "name": ["Your certification"]}
        )
    photos = [m for m in ("profile_photo", "background_photo") if m in items]
    if photos:
        added["rich_media"] = _profile_rows(
            "rich_media", {"at": [day] * len(photos), "media_type": photos}
        )
    frames = dict(data.frames)
    for kind, rows in added.items():
        base = data.frame(kind)
        frames[kind] = (
            pd.concat([base, rows], ignore_index=True) if len(base) else rows.reset_index(drop=True)
        )
    if "profile" in frames or profile != data.profile:
        fields = profile.model_dump()
        frames["profile"] = _profile_rows(
            "profile", {c: [fields.get(c)] for c in COLUMNS["profile"] if c in fields}
        )
    touched = set(added) | {"profile"}
    return dataclasses.replace(data, frames=frames, profile=profile, present=data.present | touched)


def decay(
    data: ExportData,
    weeks: int,
    *,
    config: ModelConfig | None = None,
    window_days: int | None = None,
    manual: ManualInputs | None = None,
) -> pd.DataFrame:
    """The projected score, week by week, if the user stops all activity for ``weeks`` weeks.

    One row per week ``0 … weeks`` (week 0 is the export date): ``week``,
    ``as_of`` (date), ``total`` and the four pillars. Nothing is added to the
    export; ``as_of`` moves forward so activity falls out of the trailing window.
    Computed in one vectorized pass of the model's history.
    """
    if isinstance(weeks, bool) or not isinstance(weeks, int) or weeks < 0:
        raise SimulationError("error.simulate.weeks", weeks=weeks)
    end = data.export_date + timedelta(weeks=weeks)
    history = score_history(
        data,
        freq="W",
        window_days=window_days,
        config=config,
        manual=manual,
        start=data.export_date,
        end=end,
    )
    out = history[["as_of", *SCORE_FIELDS]].reset_index(drop=True)
    out.insert(0, "week", range(len(out)))
    return out
