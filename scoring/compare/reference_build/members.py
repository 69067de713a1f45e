"""The members of the modelled reference population and their dated activity.

LinkedIn publishes no distribution of the SSI per industry, only a few figures
(``docs/compare.md``). :func:`generate_population` draws members whose activity over
the model's window, network and profile follow documented distributions
(``industries.toml``). The population is kept as two tables: ``members`` (one row
per member: network, profile items, endorsements …) and ``events`` (one row per
dated activity in the window: kind, day offset before the as-of day, and for
invitations and conversations whether they were accepted or answered).
:mod:`.values` turns them into exports the model scores; :mod:`.anchors` fits the
parameters to the published figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from scoring.compare.industries import IndustriesConfig, PopulationParams
from scoring.model.metrics import COMPLETENESS_ITEMS

#: Kinds of dated activity in the window, with the export kind each becomes.
EVENT_KINDS: dict[str, str] = {
    "posts": "shares", "media_posts": "shares", "reposts": "reposts",
    "group_posts": "shares", "comments": "comments", "group_comments": "comments",
    "reactions": "reactions", "votes": "votes", "searches": "search_queries",
    "member_follows": "member_follows", "company_follows": "company_follows",
    "invitations": "invitations", "messages": "messages", "incoming": "messages",
}  # fmt: skip
#: Incoming messages arrive at this hour of their day; replies follow after their delay.
INCOMING_HOUR = 9


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
