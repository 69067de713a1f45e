"""What-if: the score after more (or less) weekly activity, or after profile items are added.

:func:`simulate` appends synthetic rows to the export's frames, as many as the
weekly changes ask for over the chosen weeks, spread evenly over the days that
end on ``as_of``, and re-scores with the real model. Nothing is guessed: every
number a tip or a slider shows is the model's own answer to the changed export.
What one occurrence of an activity appends, and how a profile item is added, is
data: ``whatif.toml`` (validated by :mod:`scoring.advice.templates`).
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from types import MappingProxyType

import numpy as np
import pandas as pd

from scoring.advice.templates import (
    Activity,
    ProfileItem,
    RowTemplate,
    filled_text,
    load_whatif_table,
    template_context,
    template_rows,
)
from scoring.errors import InputError
from scoring.export import COLUMNS, ExportData, empty_frame, profile_frame
from scoring.model import ManualInputs, ModelConfig, load_config, score_as_of
from scoring.results import Score

#: A synthetic row's moment within its day: noon UTC keeps it inside the day's
#: window whatever the time zone rounding of a reader.
_NOON = pd.Timedelta(hours=12)
#: Every activity :func:`simulate` understands, by the name a change uses.
ACTIVITIES: Mapping[str, Activity] = MappingProxyType(load_whatif_table().activity)
#: How each profile item :func:`with_profile_items` can add is added (the model's items).
PROFILE_ITEM_RULES: Mapping[str, ProfileItem] = MappingProxyType(load_whatif_table().profile_item)
PROFILE_ITEMS: tuple[str, ...] = tuple(PROFILE_ITEM_RULES)


class SimulationError(InputError):
    """A what-if change names an unknown activity or cannot be applied."""

    code = "error.simulate.activity"


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


def _occurrence_rows(
    row: RowTemplate, moments: pd.DatetimeIndex, ctx: Mapping[str, str]
) -> pd.DataFrame:
    at = moments + pd.Timedelta(hours=row.shift_hours) if row.shift_hours else moments
    return template_rows(row.kind, row.values, len(moments), ctx, {"at": pd.Series(at)})


def _matches(frame: pd.DataFrame, row: RowTemplate) -> pd.Series:
    """Rows of ``frame`` that are the activity: every flag and direction as the template."""
    mask = pd.Series(True, index=frame.index)
    for col, typ in COLUMNS[row.kind].items():
        if typ == "bool":
            mask &= frame[col] == bool(row.values.get(col, False))
        elif col in ("direction", "status") and col in row.values:
            mask &= frame[col].fillna("").str.casefold() == str(row.values[col]).casefold()
    return mask


def _without(
    frame: pd.DataFrame, row: RowTemplate, count: int, days: int, as_of: date
) -> pd.DataFrame:
    """``frame`` minus up to ``count`` matching rows of the last ``days`` days, evenly spread."""
    start = pd.Timestamp(as_of - timedelta(days=days - 1), tz="UTC")
    end = pd.Timestamp(as_of + timedelta(days=1), tz="UTC")
    inside = (frame["at"] >= start) & (frame["at"] < end)
    candidates = frame.index[_matches(frame, row) & inside]
    if not len(candidates) or count <= 0:
        return frame
    count = min(count, len(candidates))
    picks = np.floor((np.arange(count) + 0.5) * len(candidates) / count).astype("int64")
    return frame.drop(index=candidates[picks])


def occurrences(rate: float, days: int) -> int:
    """How many occurrences ``rate`` per week gives over ``days`` days (rounded half up)."""
    return math.floor(abs(rate) * days / 7 + 0.5)


def checked_changes(changes: Mapping[str, float]) -> dict[str, float]:
    """The non-zero ``changes``; raises SimulationError for an unknown activity or bad rate."""
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
    context: Mapping[str, str] | None = None,
) -> ExportData:
    """The export with the weekly ``changes`` applied over the ``days`` days ending on ``as_of``.

    A positive rate appends ``round(rate × days / 7)`` occurrences of the activity,
    spread evenly (see :func:`spread_days`); a negative rate drops that many
    matching rows from those days, as evenly spread. Manual inputs (profile
    views, saved leads) are not rows: :func:`simulated_manual` handles them.
    ``context`` is :func:`~scoring.advice.templates.template_context` of ``data``
    when the caller already has it (many what-ifs of one export).
    """
    as_of = as_of or data.export_date
    wanted = checked_changes(changes)
    ctx = template_context(data) if context is None else context
    frames = dict(data.frames)
    touched: set[str] = set()
    added: dict[str, list[pd.DataFrame]] = {}
    for name, rate in wanted.items():
        count = occurrences(rate, days)
        for row in ACTIVITIES[name].rows:
            kind = row.kind
            if rate < 0:
                base = data.frame(kind) if kind not in frames else frames[kind]
                frames[kind] = _without(base, row, count, days, as_of)
            elif count:
                moments = spread_days(count, days, as_of)
                added.setdefault(kind, []).append(_occurrence_rows(row, moments, ctx))
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
    wanted = checked_changes(changes)
    updates: dict[str, float] = {}
    for name, rate in wanted.items():
        key = ACTIVITIES[name].manual
        if key is not None:
            current = getattr(manual, key, None) if manual is not None else None
            updates[key] = (current or 0.0) + occurrences(rate, days)
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


def _item_rows(
    rule: ProfileItem, data: ExportData, day: pd.Timestamp, ctx: Mapping[str, str], min_skills: int
) -> pd.DataFrame:
    count = 1
    if rule.repeat == "missing_skills":
        have = data.frame("skills")["name"].dropna().str.strip().str.casefold().nunique()
        count = max(min_skills - have, 1)
    dates = {col: pd.Series([day + pd.Timedelta(days=n)] * count) for col, n in rule.days.items()}
    return template_rows(rule.kind or "", rule.values, count, ctx, dates)


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
    added the way the export would show it (:data:`PROFILE_ITEM_RULES`): a profile
    field, a position with a description, an education entry, skills up to the
    model's minimum, a certification, a Rich Media upload, dated from the day
    before ``as_of``.
    """
    config = config or load_config()
    as_of = as_of or data.export_date
    unknown = sorted(set(items) - set(PROFILE_ITEMS))
    if unknown:
        raise SimulationError(
            "error.simulate.item", name=unknown[0], known=", ".join(PROFILE_ITEMS)
        )
    day = pd.Timestamp(as_of - timedelta(days=1), tz="UTC")
    ctx = template_context(data)
    fields: dict[str, str] = {}
    rows: dict[str, list[pd.DataFrame]] = {}
    for item, rule in PROFILE_ITEM_RULES.items():
        if item not in items:
            continue
        fields.update({f: filled_text(text, ctx) for f, text in rule.profile.items()})
        if rule.kind is not None:
            part = _item_rows(rule, data, day, ctx, config.completeness.min_skills)
            rows.setdefault(rule.kind, []).append(part)
    profile = data.profile.model_copy(update=fields)
    frames = dict(data.frames)
    for kind, parts in rows.items():
        base = data.frame(kind)
        frames[kind] = pd.concat([base, *parts] if len(base) else parts, ignore_index=True)
    if "profile" in frames or profile != data.profile:
        frames["profile"] = profile_frame(profile)
    touched = set(rows) | {"profile"}
    return dataclasses.replace(data, frames=frames, profile=profile, present=data.present | touched)
