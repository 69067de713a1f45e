"""The reference members' sub-metric values and scores, computed by the model itself.

Every member becomes a real export (:func:`member_export`) that
:func:`~scoring.model.score_as_of` scores like any user's. Scoring 16,000 such
exports one by one takes about twenty minutes, so :func:`population_values` lets
the model's own metric code do them in bulk. That code is vectorised over as-of
days, so members are laid out side by side in time: each gets a block of
``window + 1`` days, its window plus one day before it on which everything older
is dated, and one export holds a few thousand consecutive blocks. The model then
evaluates that export once, on the last day of every block:

* a trailing-window count only sees its own block (the previous member's facts
  are all older than the window);
* a count of everything up to a day (connections, endorsements, follows …) sees
  every block so far, so the member's own count is the difference between the
  ends of its block and of the one before (keys and company names are unique per
  member, so nothing is shared across blocks);
* profile completeness is a share, not a count: it is evaluated once per distinct
  set of profile items on an export holding only that profile.

Points, pillars and totals then come from
:func:`scoring.model.score.aggregate_points`, the function the model scores every
export with. A test checks members' values and scores against
:func:`~scoring.model.score_as_of` on their own exports.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from scoring.compare.reference_build.members import INCOMING_HOUR, Population
from scoring.export import KINDS, ExportData, Profile, typed_frame
from scoring.model import ModelConfig
from scoring.model.intervals import NS_PER_DAY, NS_PER_HOUR
from scoring.model.metrics import COMPLETENESS_ITEMS, METRIC_SPECS, Context
from scoring.model.score import aggregate_points, day_from_number, day_number, evaluate

#: Hour of the day of the members' own activity (incoming messages: INCOMING_HOUR).
EVENT_HOUR = 10
#: Sub-metrics that are a share rather than a count: evaluated per distinct profile.
PER_PROFILE = ("profile_completeness",)
#: Members' blocks are laid out from here up to _LAST_DAY: pandas timestamps hold
#: nanoseconds and end in April 2262.
_FIRST_DAY = day_number(date(1700, 1, 1))
_LAST_DAY = day_number(date(2250, 1, 1))
_POSITIONS = np.array(["Colleague", "Director", "Consultant"], dtype=object)
_PHOTOS = ("profile_photo", "background_photo")

Columns = Mapping[str, object]


def _stamps(days: np.ndarray, hours: np.ndarray | int = 0) -> pd.DatetimeIndex:
    """UTC timestamps ``hours`` after the start of each day number."""
    ns = np.asarray(days, dtype=np.int64) * NS_PER_DAY + np.asarray(hours, np.int64) * NS_PER_HOUR
    return pd.DatetimeIndex(ns.astype("datetime64[ns]")).tz_localize("UTC")


def _keys(prefix: str, *numbers: np.ndarray) -> pd.api.extensions.ExtensionArray:
    """``prefix`` followed by the numbers joined with "-", one text per row (pyarrow)."""
    parts: list[object] = [prefix]
    for i, part in enumerate(numbers):
        parts += (["-"] if i else []) + [
            pa.array(np.asarray(part, dtype=np.int64)).cast(pa.string())
        ]
    return pd.array(pc.binary_join_element_wise(*parts, ""), dtype="string")


def _repeat(values: np.ndarray, counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each value ``counts`` times, with the number of each repeat (0, 1, …)."""
    repeated = np.repeat(values, counts)
    first = np.repeat(np.cumsum(counts) - counts, counts)
    return repeated, np.arange(len(repeated)) - first


def _activity_frames(pop: Population, members: np.ndarray, ends: np.ndarray) -> dict[str, Columns]:
    """The dated activity, network, endorsements … of ``members``, each in its block."""
    w = pop.window
    slot = np.full(pop.size, -1)
    slot[members] = np.arange(len(members))
    ev = pop.events[slot[pop.events["member"].to_numpy()] >= 0].reset_index(drop=True)
    who = ev["member"].to_numpy()
    kind = ev["kind"].to_numpy()
    day = ends[slot[who]] - ev["offset"].to_numpy()
    number = np.arange(len(ev))  # unique over the population's events in this export
    m = pop.members.iloc[members]
    start = ends - w  # the day before the window: everything older is dated here

    def of(*kinds: str) -> np.ndarray:
        return np.isin(kind, kinds)

    shares = of("posts", "media_posts", "group_posts")
    comments = of("comments", "group_comments")
    inv = of("invitations")
    incoming = of("incoming")
    replied = incoming & ev["replied"].to_numpy()
    cold = of("messages")
    delay = ev["delay"].to_numpy()

    def follows(event_kind: str, old_column: str) -> dict[str, object]:
        owner, _ = _repeat(np.arange(len(members)), m[old_column].to_numpy())
        hit = of(event_kind)
        return {"at": _stamps(np.concatenate([day[hit], start[owner]]), EVENT_HOUR)}

    def dated_at_start(column: str) -> tuple[np.ndarray, np.ndarray]:
        return _repeat(np.arange(len(members)), m[column].to_numpy())

    endorsed, j = dated_at_start("endorsements")
    recommended, _ = dated_at_start("recommendations")
    written, _ = dated_at_start("articles")
    return {
        "shares": {
            "at": _stamps(day[shares], EVENT_HOUR),
            "has_media": kind[shares] == "media_posts",
            "is_group": kind[shares] == "group_posts",
        },
        "reposts": {"at": _stamps(day[of("reposts")], EVENT_HOUR)},
        "comments": {
            "at": _stamps(day[comments], EVENT_HOUR),
            "is_group": kind[comments] == "group_comments",
        },
        "reactions": {"at": _stamps(day[of("reactions")], EVENT_HOUR), "type": "LIKE"},
        "votes": {"at": _stamps(day[of("votes")], EVENT_HOUR)},
        "search_queries": {"at": _stamps(day[of("searches")], EVENT_HOUR)},
        "member_follows": {**follows("member_follows", "old_member_follows"), "status": "Active"},
        "company_follows": follows("company_follows", "old_company_follows"),
        "invitations": {
            "at": _stamps(day[inv], EVENT_HOUR),
            "direction": "OUTGOING",
            "has_message": ev["note"].to_numpy()[inv],
            "invitee_key": _keys("inv-", number[inv]),
        },
        "messages": {
            "at": _stamps(
                np.concatenate([day[cold], day[incoming], day[replied]]),
                np.concatenate(
                    [
                        np.full(cold.sum(), EVENT_HOUR),
                        np.full(incoming.sum(), INCOMING_HOUR),
                        INCOMING_HOUR + delay[replied],
                    ]
                ),
            ),
            "conversation_id": _keys(
                "c-", np.concatenate([number[cold], number[incoming], number[replied]])
            ),
            "from_owner": np.repeat(
                [True, False, True], [cold.sum(), incoming.sum(), replied.sum()]
            ),
            "folder": "INBOX",
        },
        "connections": _connections(m, ev, slot, day, number, ends, w),
        "endorsements_received": {
            "at": _stamps(start[endorsed]),
            "skill": "Sales",
            "endorser_key": _keys("e", members[endorsed], j),
            "status": "ACCEPTED",
        },
        "recommendations_received": {"at": _stamps(start[recommended]), "status": "VISIBLE"},
        "articles": {"at": _stamps(start[written]), "title": "Article"},
    }


def _connections(
    m: pd.DataFrame,
    ev: pd.DataFrame,
    slot: np.ndarray,
    day: np.ndarray,
    number: np.ndarray,
    ends: np.ndarray,
    w: int,
) -> dict[str, object]:
    """Each member's connections: coworkers first, then decision makers, then the rest.

    Coworkers work at the member's own company, the others at ``companies``
    distinct companies of that member in turn. The last ``new_connections`` of a
    member fall in the window: first those who accepted an invitation (on its day,
    keyed like it), then the others spread over the window; the rest are dated on
    the day before the window. Only accepted invitations need a person key.
    """
    owners = np.arange(len(m))
    total = m["connections"].to_numpy()
    cw, dm = m["coworkers"].to_numpy(), m["decision_makers"].to_numpy()
    companies = np.maximum(m["companies"].to_numpy(), 1)
    owner, idx = _repeat(owners, total)
    coworker = idx < cw[owner]
    position = np.where(coworker, 0, np.where(idx < (cw + dm)[owner], 1, 2))
    member_id = m.index.to_numpy()
    # Company codes: 0 … n-1 the members' own companies, then each member's others.
    offset = len(m) + np.cumsum(companies) - companies
    code = np.where(coworker, owner, offset[owner] + (idx - cw[owner]) % companies[owner])
    own_names = _keys("Own Company ", member_id)
    other_owner, other_idx = _repeat(owners, companies)
    others = _keys("Company ", member_id[other_owner], other_idx)
    names = pa.concat_arrays([pa.array(own_names), pa.array(others)])

    accepted = ev["accepted"].to_numpy()
    accepted_owner = slot[ev["member"].to_numpy()[accepted]]
    n_accepted = np.bincount(accepted_owner, minlength=len(m))
    new = m["new_connections"].to_numpy()
    old = total - new
    # Row of each member's first accepted invitation's connection: right after its old ones.
    first_row = np.cumsum(total) - total + old
    accepted_rank = (
        np.arange(len(accepted_owner)) - (np.cumsum(n_accepted) - n_accepted)[accepted_owner]
    )
    accepted_rows = first_row[accepted_owner] + accepted_rank
    rank_new = idx - old[owner]  # 0 … new-1 for the rows in the window
    # The other new ones by a fixed stride over the window: the model only counts them.
    conn_day = np.where(
        rank_new < 0, ends[owner] - w, ends[owner] - ((rank_new - n_accepted[owner]) * 37) % w
    )
    conn_day[accepted_rows] = day[accepted]
    url_key = np.full(len(owner), None, dtype=object)
    url_key[accepted_rows] = np.asarray(_keys("inv-", number[accepted]), dtype=object)
    return {
        "at": _stamps(conn_day, EVENT_HOUR + 1),
        "company": pd.array(pc.take(names, pa.array(code)), dtype="string"),
        "position": _POSITIONS[position],
        "url_key": url_key,
    }


def _profile_frames(
    pop: Population, members: np.ndarray, ends: np.ndarray, config: ModelConfig
) -> tuple[dict[str, Columns], dict[str, np.ndarray]]:
    """The profile items of ``members``, dated the day before each one's window.

    Every member holds a current position (described or not) at their own company,
    where their coworkers among the connections work. Also returns, per kind, the
    member (position in ``members``) each row belongs to.
    """
    owners = np.arange(len(members))
    item = {k: pop.members[f"item.{k}"].to_numpy()[members] for k in COMPLETENESS_ITEMS}
    start = ends - pop.window
    past = owners[item["past_position"]]
    min_skills = config.completeness.min_skills
    skilled, j = _repeat(owners, np.where(item["skills"], min_skills, max(min_skills - 1, 0)))
    photo_owner = np.concatenate([owners[item[t]] for t in _PHOTOS])
    photo_type = np.repeat(_PHOTOS, [int(item[t].sum()) for t in _PHOTOS])
    educated = owners[item["education"]]
    speaking = owners[item["accomplishments"]]
    held = np.concatenate([owners, past])
    frames: dict[str, Columns] = {
        "positions": {
            "at": _stamps(start[held]),
            "finished_on": _stamps(start[held]).where(np.arange(len(held)) >= len(owners)),
            "company": np.concatenate(
                [
                    np.asarray(_keys("Own Company ", members), dtype=object),
                    np.full(len(past), "Past Company", dtype=object),
                ]
            ),
            "has_description": np.concatenate([item["current_position"], np.ones(len(past), bool)]),
        },
        "education": {"at": _stamps(start[educated]), "school": "University"},
        "skills": {"name": _keys("Skill ", j)},
        "languages": {"name": np.full(len(speaking), "English", object)},
        "rich_media": {"at": _stamps(start[photo_owner]), "media_type": photo_type},
    }
    owner = {
        "positions": held,
        "education": educated,
        "skills": skilled,
        "languages": speaking,
        "rich_media": photo_owner,
    }
    return frames, owner


def _profile(pop: Population, member: int) -> Profile:
    """The profile facts of one member: which of them are filled in."""
    row = pop.members.iloc[member]
    industry = pop.industries[int(row["industry"])]
    return Profile(
        first_name="Member",
        last_name=str(member),
        headline="Account Executive" if row["item.headline"] else None,
        summary="I help teams sell." if row["item.summary"] else None,
        industry=industry if row["item.industry"] else None,
        location="Berlin" if row["item.location"] else None,
    )


def _typed(frames: Mapping[str, Columns]) -> dict[str, pd.DataFrame]:
    return {kind: typed_frame(kind, pd.DataFrame(frames.get(kind, {}))) for kind in KINDS}


def population_export(
    pop: Population,
    members: Sequence[int] | np.ndarray,
    ends: Sequence[int] | np.ndarray,
    config: ModelConfig,
) -> ExportData:
    """A Complete export holding ``members``, each in its block ending on day ``ends[k]``.

    Blocks are ``window + 1`` days long and must not overlap. For one member it is
    simply that member's export as of ``ends[0]``; the export's profile facts
    (headline, industry …, one per export) are the first member's.
    """
    members = np.asarray(members, dtype=np.int64)
    ends = np.asarray(ends, dtype=np.int64)
    frames, _ = _profile_frames(pop, members, ends, config)
    frames.update(_activity_frames(pop, members, ends))
    profile = _profile(pop, int(members[0]))
    frames["profile"] = {k: [v] for k, v in profile.model_dump().items()}
    return ExportData(
        frames=_typed(frames),
        profile=profile,
        archive_kind="complete",
        export_date=day_from_number(int(ends.max())),
        present=frozenset(KINDS),
    )


def member_export(pop: Population, index: int, config: ModelConfig) -> ExportData:
    """Member ``index`` of the population as its own Complete export, as of ``pop.as_of``."""
    return population_export(pop, [index], [day_number(pop.as_of)], config)


def _is_count_so_far(key: str) -> bool:
    spec = METRIC_SPECS[key]
    if spec.window != "all" or key in PER_PROFILE:
        return False
    if spec.unit != "count":
        raise ValueError(f"the population cannot lay out {key!r} in blocks (not a count)")
    return True


def _per_profile(pop: Population, config: ModelConfig, key: str) -> np.ndarray:
    """``key`` for every member, evaluated once per distinct set of profile items.

    Each set gets an export holding only one member's profile (its facts and the
    frames of the profile items), and only ``key``'s own metric function runs on it.
    """
    items = pop.members[[f"item.{k}" for k in COMPLETENESS_ITEMS]].to_numpy()
    _, first, which = np.unique(items, axis=0, return_index=True, return_inverse=True)
    day = day_number(pop.as_of)
    frames, owner = _profile_frames(pop, first, np.full(len(first), day), config)
    typed = {kind: typed_frame(kind, pd.DataFrame(columns)) for kind, columns in frames.items()}
    rows = {kind: pd.Series(np.arange(len(o))).groupby(o).indices for kind, o in owner.items()}
    none = np.zeros(0, dtype=np.int64)
    sources = config.metric(key).sources
    metric = METRIC_SPECS[key].fn
    assert metric is not None  # a share computed from the export, never a manual input
    values = []
    for slot, member in enumerate(first):
        own = {
            kind: frame.iloc[rows[kind].get(slot, none)].reset_index(drop=True)
            for kind, frame in typed.items()
        }
        data = ExportData(
            frames=own,
            profile=_profile(pop, int(member)),
            archive_kind="complete",
            export_date=pop.as_of,
            present=frozenset(own),
        )
        ctx = Context(data=data, config=config, window=pop.window)
        values.append(metric(ctx, sources, np.array([day]))[0])
    return np.array(values)[which.ravel()]


def population_values(pop: Population, config: ModelConfig) -> dict[str, np.ndarray]:
    """The raw value of every sub-metric for every member, from the model's metric code.

    NaN where the model gives None (manual inputs; rates without an opportunity).
    """
    keys = [key for _, key, _ in config.metric_items()]
    cumulative = {key: _is_count_so_far(key) for key in keys}
    out = {key: np.full(pop.size, np.nan) for key in keys}
    block = pop.window + 1
    per_export = max(1, (_LAST_DAY - _FIRST_DAY) // block - 1)
    for first in range(0, pop.size, per_export):
        members = np.arange(first, min(first + per_export, pop.size))
        ends = _FIRST_DAY + block * (np.arange(len(members)) + 1)
        days = np.concatenate([[_FIRST_DAY], ends])  # before the first block, then each end
        data = population_export(pop, members, ends, config)
        values = evaluate(data, days, window=pop.window, config=config, manual=None).values
        for key in keys:
            out[key][members] = np.diff(values[key]) if cumulative[key] else values[key][1:]
    for key in PER_PROFILE:
        if key in out:
            out[key] = _per_profile(pop, config, key)
    return out


def population_scores(pop: Population, config: ModelConfig) -> pd.DataFrame:
    """Every member's total and pillars, scored by :func:`~scoring.model.score.aggregate_points`.

    Columns: ``industry`` (name), ``connections``, ``total`` and the four pillars.
    """
    scored = aggregate_points(population_values(pop, config), window=pop.window, config=config)
    names = np.array(pop.industries, dtype=object)[pop.members["industry"].to_numpy()]
    return pd.DataFrame(
        {
            "industry": names,
            "connections": pop.members["connections"].to_numpy(),
            "total": scored.total,
            **scored.pillars,
        }
    )
