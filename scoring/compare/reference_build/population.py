"""A modelled population of LinkedIn members, scored by the real model.

LinkedIn publishes no distribution of the SSI per industry, only a few figures
(``docs/compare.md``). This module generates members whose activity over the
model's window, network and profile follow documented distributions
(``industries.toml``), scores them with the model, and the build script turns the
scores into the shipped quantiles.

The population is kept as two tables: ``members`` (one row per member: network,
profile items, endorsements …) and ``events`` (one row per dated activity in the
window: kind, day offset before ``as_of``, and for invitations and conversations
whether they were accepted or answered). :func:`member_export` turns any member
into a real :class:`~scoring.export.ExportData` built directly as frames, which
:func:`~scoring.model.score_as_of` scores. Scoring thousands of exports one by
one would take minutes, so :func:`population_scores` computes the same raw
values straight from the two tables (vectorized) and applies the model's own
curves, targets and rounding; a test checks that both paths agree exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import pandas as pd

from scoring.compare.industries import IndustriesConfig, PopulationParams
from scoring.export import KINDS, ExportData, Profile
from scoring.export import typed_frame as normalized_frame
from scoring.model import ModelConfig
from scoring.model.curve import curve_points
from scoring.model.metrics import COMPLETENESS_ITEMS
from scoring.model.score import effective_target
from scoring.results import PILLARS

#: Kinds of dated activity in the window, with the export kind each becomes.
EVENT_KINDS: dict[str, str] = {
    "posts": "shares", "media_posts": "shares", "reposts": "reposts",
    "group_posts": "shares", "comments": "comments", "group_comments": "comments",
    "reactions": "reactions", "votes": "votes", "searches": "search_queries",
    "member_follows": "member_follows", "company_follows": "company_follows",
    "invitations": "invitations", "messages": "messages", "incoming": "messages",
}  # fmt: skip
INSIGHT_EVENTS = (
    "posts", "media_posts", "reposts", "group_posts", "comments", "group_comments",
    "reactions", "votes",
)  # fmt: skip
#: Events that make a day active besides the insight ones (the owner's own doing).
OTHER_ACTIVE_EVENTS = ("searches", "member_follows", "company_follows", "invitations", "messages")
#: Incoming messages arrive at this hour; replies follow after their delay.
INCOMING_HOUR = 9
EVENT_HOUR = 10
#: Every member holds a current position (described or not) at their own company,
#: where their colleagues among the connections work.
_OWN_COMPANY = "Own Company {i}"


@dataclass(frozen=True)
class Population:
    """The generated members and their dated activity."""

    as_of: date
    window: int
    industries: tuple[str, ...]
    members: pd.DataFrame
    events: pd.DataFrame

    @property
    def size(self) -> int:
        return len(self.members)


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def industry_sizes(config: IndustriesConfig, params: PopulationParams | None = None) -> np.ndarray:
    """Members per industry: its share of ``size``, at least ``min_per_industry``."""
    p = params or config.population
    shares = np.array([i.share for i in config.industry])
    return np.maximum(p.min_per_industry, np.round(p.size * shares / shares.sum())).astype(int)


# Common random numbers: every draw below is a fixed function of the seed and of
# who/what it is for, never of how many draws came before. Changing a parameter
# then moves each member's numbers smoothly instead of reshuffling everyone,
# which is what lets the calibration converge.

_MIX = (np.uint64(0x9E3779B97F4A7C15), np.uint64(0xBF58476D1CE4E5B9), np.uint64(0x94D049BB133111EB))
#: Counts above this (per member, kind and window) are capped: no one reacts more.
MAX_EVENTS = 700


def counter_uniform(seed: int, *keys: np.ndarray) -> np.ndarray:
    """Uniform [0, 1) numbers that depend only on ``seed`` and the integer ``keys`` (SplitMix64)."""
    with np.errstate(over="ignore"):
        x = np.full(np.broadcast(*keys).shape, np.uint64(seed), dtype=np.uint64)
        for key in keys:
            x = x ^ np.asarray(key).astype(np.uint64)
            x = x + _MIX[0]
            x = (x ^ (x >> np.uint64(30))) * _MIX[1]
            x = (x ^ (x >> np.uint64(27))) * _MIX[2]
            x = x ^ (x >> np.uint64(31))
    return (x >> np.uint64(11)).astype(np.float64) * 2.0**-53


def poisson_quantile(u: np.ndarray, lam: np.ndarray) -> np.ndarray:
    """The Poisson(``lam``) count whose distribution function first reaches ``u`` (inversion).

    One uniform per count, so a slightly larger ``lam`` gives the same or one
    more, never a reshuffle. ``lam`` is capped so that ``exp(-lam)`` stays
    representable; counts stop at :data:`MAX_EVENTS`.
    """
    lam = np.minimum(np.asarray(lam, dtype=float), MAX_EVENTS * 0.9)
    u = np.asarray(u, dtype=float)
    k = np.zeros(lam.shape, dtype=np.int64)
    term = np.exp(-lam)
    cdf = term.copy()
    todo = np.flatnonzero(u > cdf)
    step = 0
    while len(todo) and step < MAX_EVENTS:
        step += 1
        term[todo] *= lam[todo] / step
        cdf[todo] += term[todo]
        k[todo] = step
        todo = todo[u[todo] > cdf[todo]]
    return k


def _expand(counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(member, number of the event within its member) for per-member event counts."""
    member = np.repeat(np.arange(len(counts)), counts)
    first = np.repeat(np.cumsum(counts) - counts, counts)
    return member, np.arange(len(member)) - first


def generate_population(
    config: IndustriesConfig, window: int, params: PopulationParams | None = None
) -> Population:
    """The reference population for ``config`` (or other ``params``) and a window.

    Deterministic: the same parameters and window give the same members and
    events on every run. Per-member numbers come from one seeded generator drawn
    in a fixed order; counts by inversion and per-event numbers from a counter
    hash, so that nearby parameters give nearby populations.
    """
    p = params or config.population
    missing = sorted(set(COMPLETENESS_ITEMS) - set(p.profile_items))
    if missing:
        raise ValueError(f"population.profile_items lacks {missing}")
    rng = np.random.default_rng(p.seed)
    sizes = industry_sizes(config, p)
    industry = np.repeat(np.arange(len(sizes)), sizes)
    n = len(industry)
    mult = {
        attr: np.array([getattr(i, attr) for i in config.industry])[industry]
        for attr in ("activity", "network", "seniority")
    }
    engagement = rng.standard_normal(n)
    dormant = rng.random(n) < p.dormant_share
    item_u = rng.random((len(COMPLETENESS_ITEMS), n))
    network_z = p.network_engagement * engagement + np.sqrt(
        1 - p.network_engagement**2
    ) * rng.standard_normal(n)
    count_u = rng.random((len(EVENT_KINDS) + 8, n))
    accept_p = rng.beta(4.0, 4.0, size=n)
    seniority_noise = rng.lognormal(0.0, 0.4, size=n)
    company_z = rng.standard_normal(n)

    level = np.where(
        dormant, p.dormant_activity, p.activity_median * np.exp(p.activity_sigma * engagement)
    )
    activity = level * mult["activity"]
    care = p.profile_shift + p.profile_slope * (engagement - dormant)
    items = {
        item: item_u[i] < _sigmoid(p.profile_items[item] + care)
        for i, item in enumerate(COMPLETENESS_ITEMS)
    }
    network_scale = np.where(dormant, p.dormant_network, 1.0) * mult["network"]
    old_connections = np.minimum(
        np.floor(p.network_median * network_scale * np.exp(p.network_sigma * network_z)), 30_000
    ).astype(np.int64)
    weeks = window / 7
    rates = p.rates.model_dump()
    parts = []
    for code, kind in enumerate(EVENT_KINDS):
        scale = np.sqrt(activity) if kind == "incoming" else activity
        member, j = _expand(poisson_quantile(count_u[code], rates[kind] * scale * weeks))
        parts.append(pd.DataFrame({"member": member, "code": code, "j": j}))
    events = pd.concat(parts, ignore_index=True)
    member, code, j = (events[c].to_numpy() for c in ("member", "code", "j"))

    def draw(salt: int) -> np.ndarray:
        return counter_uniform(p.seed + salt, member, code, j)

    offset = np.floor(draw(1) * window).astype(np.int64)
    kind = pd.Categorical.from_codes(code, categories=list(EVENT_KINDS))
    is_inv = code == list(EVENT_KINDS).index("invitations")
    is_in = code == list(EVENT_KINDS).index("incoming")
    note_p = _sigmoid(-1.0 + 0.8 * engagement)
    reply_p = _sigmoid(0.3 + 0.8 * engagement)
    # Lognormal reply delay in whole hours; the normal deviate by Box–Muller.
    normal = np.sqrt(-2.0 * np.log1p(-draw(5))) * np.cos(2.0 * np.pi * draw(6))
    delay = np.clip(np.round(p.reply_median_hours * np.exp(1.2 * normal)), 1, 240).astype(np.int64)
    reply_offset = offset - (INCOMING_HOUR + delay) // 24
    events = pd.DataFrame(
        {
            "member": member,
            "kind": kind,
            "offset": offset,
            "note": is_inv & (draw(2) < note_p[member]),
            "accepted": is_inv & (draw(3) < accept_p[member]),
            "replied": is_in & (draw(4) < reply_p[member]) & (reply_offset >= 0),
            "delay": np.where(is_in, delay, 0),
            "reply_offset": np.where(is_in, reply_offset, 0),
        }
    ).sort_values(["member", "kind", "offset"], kind="stable", ignore_index=True)
    extra = count_u[len(EVENT_KINDS) :]
    accepted = np.bincount(events["member"][events["accepted"]], minlength=n)
    other_new = poisson_quantile(extra[0], rates["new_connections"] * activity * weeks)
    connections = old_connections + accepted + other_new
    coworkers = np.minimum(poisson_quantile(extra[1], p.coworker_share * connections), connections)
    dm_p = np.clip(p.decision_maker_share * mult["seniority"] * seniority_noise, 0, 0.9)
    others = connections - coworkers
    decision_makers = np.minimum(poisson_quantile(extra[2], dm_p * others), others)
    fresh = (1 - p.company_repeat) * np.maximum(others - 1, 0)
    spread = np.sqrt(fresh * p.company_repeat)
    companies = np.where(
        others > 0,
        1 + np.clip(np.round(fresh + spread * company_z), 0, np.maximum(others - 1, 0)),
        0,
    ).astype(np.int64)
    skills_factor = 0.3 + 0.7 * items["skills"]
    members = pd.DataFrame(
        {
            "industry": industry,
            "engagement": engagement,
            "dormant": dormant,
            "activity": activity,
            "connections": connections,
            "new_connections": accepted + other_new,
            "coworkers": coworkers,
            "decision_makers": decision_makers,
            "companies": companies,
            "endorsements": poisson_quantile(
                extra[3], p.endorsements_per_connection * connections * skills_factor
            ),
            "recommendations": poisson_quantile(
                extra[4], p.recommendations * np.exp(0.5 * engagement)
            ),
            "articles": poisson_quantile(extra[5], p.articles * activity),
            "old_member_follows": poisson_quantile(
                extra[6], p.old_follows_per_connection * old_connections
            ),
            "old_company_follows": poisson_quantile(
                extra[7], p.old_follows_per_connection * old_connections / 2
            ),
            **{f"item.{k}": v for k, v in items.items()},
        }
    )
    return Population(
        as_of=p.as_of,
        window=window,
        industries=config.names,
        members=members,
        events=events,
    )


# ------------------------------------------------------------------ vectorized scoring


def _count(events: pd.DataFrame, mask: np.ndarray, n: int) -> np.ndarray:
    return np.bincount(events["member"].to_numpy()[mask], minlength=n).astype(float)


def _distinct(member: np.ndarray, key: np.ndarray, n: int, width: int) -> np.ndarray:
    """How many distinct ``key`` values (0 ≤ key < width) each member has."""
    codes = np.unique(member.astype(np.int64) * width + key)
    return np.bincount(codes // width, minlength=n).astype(float)


def population_values(pop: Population, config: ModelConfig) -> dict[str, np.ndarray]:
    """The raw value of every sub-metric for every member, as the model defines them.

    Mirrors :mod:`scoring.model.metrics` for the exports :func:`member_export`
    builds (all events in the window, every member with a current position);
    ``tests/scoring/compare`` checks the two against each other exactly.
    """
    m, e, n, w = pop.members, pop.events, pop.size, pop.window
    kind = e["kind"].to_numpy()
    member = e["member"].to_numpy()
    offset = e["offset"].to_numpy()

    def count(*kinds: str) -> np.ndarray:
        return _count(e, np.isin(kind, kinds), n)

    insight = np.isin(kind, INSIGHT_EVENTS)
    active = insight | np.isin(kind, OTHER_ACTIVE_EVENTS)
    replied = e["replied"].to_numpy()
    day_member = np.concatenate([member[active], member[replied]])
    day_offset = np.concatenate([offset[active], e["reply_offset"].to_numpy()[replied]])
    sent = count("invitations")
    incoming = count("incoming")
    quick = replied & (e["delay"].to_numpy() <= config.replies.quick_hours)
    items = config.completeness.items
    profile_done = sum(m[f"item.{item}"].to_numpy(dtype=float) for item in items)
    values = {
        "profile_completeness": profile_done / len(items),
        "endorsements": m["endorsements"].to_numpy(float),
        "recommendations": m["recommendations"].to_numpy(float),
        "articles": m["articles"].to_numpy(float),
        "media_posts": count("media_posts"),
        "people_searches": count("searches"),
        "follows": count("member_follows", "company_follows")
        + (m["old_member_follows"] + m["old_company_follows"]).to_numpy(float),
        "invitations_sent": sent,
        "days_active": _distinct(day_member, day_offset, n, w),
        "profile_views": np.full(n, np.nan),
        "saved_leads": np.full(n, np.nan),
        "posts": count("posts", "media_posts", "reposts", "group_posts"),
        "comments": count("comments", "group_comments"),
        "reactions": count("reactions"),
        "poll_votes": count("votes"),
        "group_activity": count("group_posts", "group_comments"),
        "regularity": _distinct(member[insight], offset[insight] // 7, n, -(-w // 7)),
        "messages_sent": count("messages") + _count(e, replied, n),
        "connections": m["connections"].to_numpy(float),
        "decision_makers": m["decision_makers"].to_numpy(float),
        "coworkers": m["coworkers"].to_numpy(float),
        "network_breadth": (m["companies"] + (m["coworkers"] > 0)).to_numpy(float),
        "invitations_accepted": np.where(sent > 0, _count(e, e["accepted"].to_numpy(), n), np.nan),
        "invitations_with_note": np.where(sent > 0, _count(e, e["note"].to_numpy(), n), np.nan),
        "replies": np.where(incoming > 0, _count(e, replied, n), np.nan),
        "quick_replies": np.where(incoming > 0, _count(e, quick, n), np.nan),
        "connection_growth": m["new_connections"].to_numpy(float),
    }
    unknown = [key for _, key, _ in config.metric_items() if key not in values]
    if unknown:
        raise ValueError(f"the population cannot compute {unknown}")
    return values


def population_scores(pop: Population, config: ModelConfig) -> pd.DataFrame:
    """Every member's total and pillars, with the model's curves, targets and rounding.

    Columns: ``industry`` (name), ``connections``, ``total`` and the four pillars.
    Points, pillar sums and the total are rounded exactly as
    :func:`scoring.model.score.evaluate` rounds them, in the same order.
    """
    values = population_values(pop, config)
    n = pop.size
    pillars: dict[str, np.ndarray] = {}
    for pillar in PILLARS:
        pillar_sum = np.zeros(n)
        for key, metric in config.pillar(pillar).metrics.items():
            target = effective_target(metric, key, pop.window, config)
            pillar_sum = pillar_sum + curve_points(values[key], target, metric.weight, metric.curve)
        pillars[pillar] = np.round(pillar_sum, 2)
    total = np.round(sum(pillars.values(), np.zeros(n)), 2)
    names = np.array(pop.industries, dtype=object)[pop.members["industry"].to_numpy()]
    return pd.DataFrame(
        {
            "industry": names,
            "connections": pop.members["connections"].to_numpy(),
            "total": total,
            **pillars,
        }
    )


# ------------------------------------------------------------------ one member as an export


def _stamps(as_of: date, offsets: np.ndarray, hours: np.ndarray | int) -> pd.Series:
    base = pd.Timestamp(as_of, tz="UTC")
    return pd.Series(
        base - pd.to_timedelta(np.asarray(offsets), unit="D") + pd.to_timedelta(hours, unit="h")
    )


def member_export(pop: Population, index: int, config: ModelConfig) -> ExportData:
    """Member ``index`` of the population as a Complete export, frames built directly."""
    row = pop.members.iloc[index]
    ev = pop.events[pop.events["member"].to_numpy() == index].reset_index(drop=True)
    as_of, w = pop.as_of, pop.window
    item = {k: bool(row[f"item.{k}"]) for k in COMPLETENESS_ITEMS}
    own = _OWN_COMPANY.format(i=index)
    industry = pop.industries[int(row["industry"])]

    def of(*kinds: str) -> pd.DataFrame:
        return ev[ev["kind"].isin(kinds).to_numpy()]

    def at(frame: pd.DataFrame, hour: int = EVENT_HOUR) -> pd.Series:
        return _stamps(as_of, frame["offset"].to_numpy(), hour)

    shares = of("posts", "media_posts", "group_posts")
    comments = of("comments", "group_comments")
    invitations = of("invitations").reset_index(drop=True)
    incoming = of("incoming").reset_index(drop=True)
    replies = incoming[incoming["replied"]]
    cold = of("messages").reset_index(drop=True)
    frames = {
        "shares": {
            "at": at(shares),
            "has_media": (shares["kind"] == "media_posts").to_numpy(),
            "is_group": (shares["kind"] == "group_posts").to_numpy(),
            "link": _keys("urn:li:share:", len(shares)),
        },
        "reposts": {"at": at(of("reposts"))},
        "comments": {
            "at": at(comments),
            "is_group": (comments["kind"] == "group_comments").to_numpy(),
        },
        "reactions": {"at": at(of("reactions")), "type": ["LIKE"] * len(of("reactions"))},
        "votes": {"at": at(of("votes"))},
        "search_queries": {"at": at(of("searches"))},
        "member_follows": _follows(of("member_follows"), int(row["old_member_follows"]), as_of, w),
        "company_follows": {
            "at": _follows(of("company_follows"), int(row["old_company_follows"]), as_of, w)["at"]
        },
        "invitations": {
            "at": at(invitations),
            "direction": ["OUTGOING"] * len(invitations),
            "has_message": invitations["note"].to_numpy(),
            "invitee_key": _keys("inv-", len(invitations)),
        },
        "messages": _messages(cold, incoming, replies, as_of),
        "connections": _connections(row, invitations, as_of, w, own),
        **_profile_frames(item, row, as_of, own, config),
    }
    profile = Profile(
        first_name="Member",
        last_name=str(index),
        headline="Account Executive" if item["headline"] else None,
        summary="I help teams sell." if item["summary"] else None,
        industry=industry if item["industry"] else None,
        location="Berlin" if item["location"] else None,
    )
    built = {kind: normalized_frame(kind, rows) for kind, rows in frames.items()}
    built["profile"] = normalized_frame(
        "profile", {k: [v] for k, v in profile.model_dump().items()}
    )
    everything = {kind: built.get(kind, normalized_frame(kind, {})) for kind in KINDS}
    return ExportData(
        frames=everything,
        profile=profile,
        archive_kind="complete",
        export_date=as_of,
        present=frozenset(KINDS),
    )


def _keys(prefix: str, numbers: int | pd.Index) -> np.ndarray:
    """``prefix`` followed by each number (``range(numbers)`` for an int), vectorized."""
    index = np.arange(numbers) if isinstance(numbers, int) else np.asarray(numbers)
    return np.char.add(prefix, index.astype(str)).astype(object)


def _follows(window_rows: pd.DataFrame, old: int, as_of: date, w: int) -> dict:
    offsets = np.concatenate([window_rows["offset"].to_numpy(), w + 10 + np.arange(old)])
    stamps = _stamps(as_of, offsets, EVENT_HOUR)
    return {"at": stamps, "status": ["Active"] * len(offsets)}


def _messages(
    cold: pd.DataFrame, incoming: pd.DataFrame, replies: pd.DataFrame, as_of: date
) -> dict:
    cold_at = _stamps(as_of, cold["offset"].to_numpy(), EVENT_HOUR)
    in_at = _stamps(as_of, incoming["offset"].to_numpy(), INCOMING_HOUR)
    reply_at = _stamps(
        as_of, replies["offset"].to_numpy(), INCOMING_HOUR + replies["delay"].to_numpy()
    )
    return {
        "at": pd.concat([cold_at, in_at, reply_at], ignore_index=True),
        "conversation_id": np.concatenate(
            [_keys("cold-", len(cold)), _keys("in-", len(incoming)), _keys("in-", replies.index)]
        ),
        "sender_key": np.concatenate(
            [
                np.full(len(cold), "owner", object),
                _keys("p-", len(incoming)),
                np.full(len(replies), "owner", object),
            ]
        ),
        "from_owner": np.repeat([True, False, True], [len(cold), len(incoming), len(replies)]),
        "folder": "INBOX",
    }


def _connections(row: pd.Series, invitations: pd.DataFrame, as_of: date, w: int, own: str) -> dict:
    """Rows: coworkers first, then decision makers, then the rest; newest ones last.

    Coworkers work at the member's own company; the others at ``companies``
    distinct companies in turn. The last ``new_connections`` rows fall in the
    window: first those that accepted the member's invitations (same day, keyed
    like the invitation), then the other new ones spread over the window.
    """
    total = int(row["connections"])
    cw, dm, k = int(row["coworkers"]), int(row["decision_makers"]), int(row["companies"])
    idx = np.arange(total)
    company = np.where(idx < cw, own, "Company " + ((idx - cw) % max(k, 1)).astype(str))
    position = np.where(idx < cw, "Colleague", np.where(idx < cw + dm, "Director", "Consultant"))
    accepted = invitations[invitations["accepted"]]
    new = int(row["new_connections"])
    # Spread over the window by a fixed stride: the model only counts them.
    other_offsets = (np.arange(new - len(accepted)) * 37) % w
    old = total - new
    offsets = np.concatenate(
        [w + 1 + (np.arange(old) % 2000), accepted["offset"].to_numpy(), other_offsets]
    )
    keys = np.array(_keys("c", total), dtype=object)
    keys[old : old + len(accepted)] = _keys("inv-", accepted.index)
    return {
        "at": _stamps(as_of, offsets, EVENT_HOUR + 1),
        "company": company,
        "position": position,
        "url_key": keys,
    }


def _profile_frames(
    item: dict[str, bool], row: pd.Series, as_of: date, own: str, config: ModelConfig
) -> dict[str, dict]:
    def before(days: int, count: int = 1) -> pd.Series:
        return _stamps(as_of, days + np.arange(count), 0)

    positions = {
        "at": [as_of - timedelta(days=800)],
        "finished_on": [None],
        "company": [own],
        "has_description": [item["current_position"]],
    }
    if item["past_position"]:
        positions = {
            "at": [as_of - timedelta(days=800), as_of - timedelta(days=3000)],
            "finished_on": [None, as_of - timedelta(days=900)],
            "company": [own, "Past Company"],
            "has_description": [item["current_position"], True],
        }
    positions["at"] = pd.to_datetime(pd.Series(positions["at"]), utc=True)
    positions["finished_on"] = pd.to_datetime(pd.Series(positions["finished_on"]), utc=True)
    min_skills = config.completeness.min_skills
    skills = min_skills if item["skills"] else max(min_skills - 1, 0)
    media = [t for t in ("profile_photo", "background_photo") if item[t]]
    endorsements = int(row["endorsements"])
    return {
        "positions": positions,
        "education": {"at": before(5000), "school": ["University"]} if item["education"] else {},
        "skills": {"name": _keys("Skill ", skills)},
        "languages": {"name": ["English"]} if item["accomplishments"] else {},
        "rich_media": {"at": before(400, len(media)), "media_type": media},
        "endorsements_received": {
            "at": before(1, endorsements),
            "skill": ["Sales"] * endorsements,
            "endorser_key": _keys("e", endorsements),
            "status": ["ACCEPTED"] * endorsements,
        },
        "recommendations_received": {
            "at": before(30, int(row["recommendations"])),
            "status": ["VISIBLE"] * int(row["recommendations"]),
        },
        "articles": {
            "at": before(0, int(row["articles"])),
            "title": ["Article"] * int(row["articles"]),
        },
    }


# ------------------------------------------------------------------ calibration to the anchors

#: LinkedIn, *The Science of Social Selling* (2015): all sales professionals, Aug 2015.
ANCHORS: dict[str, float] = {"share_0_20": 0.467, "share_70_100": 0.014, "mean": 28.2}
#: How far off each anchor may be before it weighs as much as one unit of loss.
ANCHOR_SCALE: dict[str, float] = {"share_0_20": 0.01, "share_70_100": 0.002, "mean": 0.5}
#: The parameters the calibration moves, and how (log: positive; logit: a share).
CALIBRATED: dict[str, str] = {
    "activity_median": "log", "activity_sigma": "log", "dormant_share": "logit",
    "profile_shift": "plain", "network_median": "log",
}  # fmt: skip


def displayed(total: np.ndarray) -> np.ndarray:
    """The total as LinkedIn's page shows it: rounded half up to a whole number."""
    return np.floor(np.asarray(total, dtype=float) + 0.5)


def anchor_stats(scores: pd.DataFrame) -> dict[str, float]:
    """The population's figures that LinkedIn published for 2015, plus the pillar means.

    Bands use the shown (rounded) total: "0–20" is a shown total of at most 20,
    "70+" at least 70.
    """
    shown = displayed(scores["total"].to_numpy())
    stats = {
        "share_0_20": float(np.mean(shown <= 20)),
        "share_21_69": float(np.mean((shown > 20) & (shown < 70))),
        "share_70_100": float(np.mean(shown >= 70)),
        "mean": float(scores["total"].mean()),
    }
    stats.update({f"mean_{p}": float(scores[p].mean()) for p in PILLARS})
    return stats


def anchor_loss(stats: dict[str, float]) -> float:
    """Squared, scaled misses of the anchors; plus a penalty unless Engage is the weakest pillar."""
    loss = sum(((stats[k] - v) / ANCHOR_SCALE[k]) ** 2 for k, v in ANCHORS.items())
    others = min(stats[f"mean_{p}"] for p in PILLARS if p != "insights")
    return loss + (max(0.0, stats["mean_insights"] - others + 0.5) / 0.1) ** 2


def _to_params(x: np.ndarray, base: PopulationParams) -> PopulationParams:
    update = {}
    for value, (name, how) in zip(x, CALIBRATED.items(), strict=True):
        v = float(value)
        update[name] = (
            np.exp(v) if how == "log" else (1 / (1 + np.exp(-v)) if how == "logit" else v)
        )
    return base.model_copy(update={k: round(float(v), 4) for k, v in update.items()})


def _from_params(p: PopulationParams) -> np.ndarray:
    out = []
    for name, how in CALIBRATED.items():
        v = float(getattr(p, name))
        out.append(np.log(v) if how == "log" else (np.log(v / (1 - v)) if how == "logit" else v))
    return np.array(out)


def calibrate_population(
    config: IndustriesConfig,
    model: ModelConfig,
    *,
    size: int | None = None,
    iterations: int = 150,
    report: bool = False,
) -> tuple[PopulationParams, dict[str, float]]:
    """Parameters of :data:`CALIBRATED` that bring the population to the 2015 anchors.

    Nelder–Mead over the transformed parameters, each evaluation generating and
    scoring a population with the fixed seed (common random numbers keep the
    loss smooth enough). Returns the parameters (rounded to 4 decimals) and the
    anchor figures they reach.
    """
    base = config.population.model_copy(update={"size": size or config.population.size})

    def loss(x: np.ndarray) -> float:
        scores = population_scores(
            generate_population(config, model.window_days, _to_params(x, base)), model
        )
        value = anchor_loss(anchor_stats(scores))
        if report:
            print(f"loss {value:10.3f}  {_to_params(x, base).model_dump(include=set(CALIBRATED))}")
        return value

    best = nelder_mead(loss, _from_params(base), iterations=iterations)
    params = _to_params(best, base).model_copy(update={"size": config.population.size})
    return params, anchor_stats(
        population_scores(generate_population(config, model.window_days, params), model)
    )


def nelder_mead(fn, start: np.ndarray, *, iterations: int, step: float = 0.3) -> np.ndarray:
    """Minimise ``fn`` from ``start`` with the Nelder–Mead simplex (standard coefficients)."""
    dim = len(start)
    simplex = np.vstack([start, start + step * np.eye(dim)])
    values = np.array([fn(x) for x in simplex])
    for _ in range(iterations):
        order = np.argsort(values, kind="stable")
        simplex, values = simplex[order], values[order]
        centroid = simplex[:-1].mean(axis=0)
        reflected = centroid + (centroid - simplex[-1])
        fr = fn(reflected)
        if fr < values[0]:
            expanded = centroid + 2 * (centroid - simplex[-1])
            fe = fn(expanded)
            simplex[-1], values[-1] = (expanded, fe) if fe < fr else (reflected, fr)
        elif fr < values[-2]:
            simplex[-1], values[-1] = reflected, fr
        else:
            contracted = centroid + 0.5 * (simplex[-1] - centroid)
            fc = fn(contracted)
            if fc < values[-1]:
                simplex[-1], values[-1] = contracted, fc
            else:
                simplex[1:] = simplex[0] + 0.5 * (simplex[1:] - simplex[0])
                values[1:] = [fn(x) for x in simplex[1:]]
    return simplex[int(np.argmin(values))]
