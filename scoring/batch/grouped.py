"""Score every member of an event table in one grouped model pass (docs/batch.md).

:func:`score_event_batch` hands all members' rows at once to
:func:`scoring.model.grouped.evaluate_members` and turns its arrays into the
same rows :func:`scoring.batch.member.score_row` makes from one member's
:class:`~scoring.results.Score`: the numbers are equal to the last digit, the
per-member path stays the reference (tests/scoring/batch/test_grouped.py).
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from scoring.batch.jobs import MemberOutcome
from scoring.batch.table import EventBatch
from scoring.compare.industries import load_industries
from scoring.compare.reference import ALL_INDUSTRIES, load_reference
from scoring.model import load_config
from scoring.model.grouped import GroupedEvaluation, evaluate_members
from scoring.model.score import day_from_number, day_number
from scoring.results import PILLARS


def score_event_batch(batch: EventBatch, as_of: date | None) -> list[MemberOutcome]:
    """One outcome per member of ``batch``, in order, from one grouped pass.

    Members with a problem (a value that could not be typed, no date) get their
    reason, as in the per-member path; the others' rows are typed already, so the
    pass has nothing left to refuse.
    """
    config = load_config()
    members = len(batch)
    scored = np.array([code not in batch.problems for code in range(members)], dtype=bool)
    days = batch.export_days if as_of is None else np.full(members, day_number(as_of))
    # a member with a problem has no day; any will do, their row is not kept
    days = np.where(scored, days, 0).astype(np.int64)
    frames = batch.member_frames()
    evaluation = evaluate_members(frames, days, window=config.window_days, config=config)
    industries = _industries(batch)
    keys = [key for _, key, _ in config.metric_items()]
    rows = _rows(evaluation, keys, days, industries)
    outcomes = []
    for code in range(members):
        member = str(batch.names[code])
        if code in batch.problems:
            outcomes.append(MemberOutcome(member, error=batch.problems[code]))
        else:
            outcomes.append(MemberOutcome(member, row=rows[code]))
    return outcomes


def _industries(batch: EventBatch) -> list[str | None]:
    """Each member's profile industry (their first profile row's), as the reader takes it."""
    industries: list[str | None] = [None] * len(batch)
    rows = batch.kinds.get("profile")
    if rows is None:
        return industries
    frame, codes = rows
    members, first = np.unique(codes, return_index=True)
    values = frame["industry"].iloc[first]
    for code, value in zip(members.tolist(), values.tolist(), strict=True):
        industries[code] = None if pd.isna(value) else str(value)
    return industries


def _plain(values: np.ndarray) -> list[float | None]:
    """Each value rounded to 4 places as a Python float (Python's ``round``), NaN as None."""
    return [None if v != v else round(v, 4) for v in values.tolist()]


def _rows(
    evaluation: GroupedEvaluation,
    keys: list[str],
    days: np.ndarray,
    industries: list[str | None],
) -> list[dict[str, object]]:
    """The output row of each member, as :func:`scoring.batch.member.score_row` makes it."""
    scored = evaluation.scored
    reference, known = load_reference(), load_industries()
    points = {key: scored.points[key].tolist() for key in keys}
    values = {key: _plain(evaluation.values[key]) for key in keys}
    pillars = {pillar: scored.pillars[pillar].tolist() for pillar in PILLARS}
    totals = scored.total.tolist()
    # a batch has few distinct industries and as-of days: each is looked up once
    groups = {name: known.resolve(name) or ALL_INDUSTRIES for name in set(industries)}
    as_of = {day: day_from_number(day).isoformat() for day in set(days.tolist())}
    day_list = days.tolist()
    rows: list[dict[str, object]] = []
    for code, total in enumerate(totals):
        group = groups[industries[code]]
        percentile = reference.distribution(group, "total").percentile(total)
        row: dict[str, object] = {
            "as_of": as_of[day_list[code]],
            "total": float(total),
            **{pillar: float(pillars[pillar][code]) for pillar in PILLARS},
        }
        row.update({f"points.{key}": float(points[key][code]) for key in keys})
        row.update({f"value.{key}": values[key][code] for key in keys})
        row["industry_group"] = group
        row["percentile_industry"] = None if percentile is None else round(percentile, 1)
        rows.append(row)
    return rows
