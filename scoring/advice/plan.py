"""A combined plan: the tips a user ticks (or any weekly changes), scored together.

Each tip's gain is for that tip alone, and gains overlap: two tips that feed the
same sub-metric (more comments and a comment every week; more invitations and
more invitations with a note) lift it towards the same target, and once it is
there neither adds more. So a plan's gain is not the sum of its tips' gains: the
plan's changes are applied together (the same activity's weekly rates added up,
profile items added once) and scored by the model like any what-if
(:func:`scoring.advice.gain.what_if_gain`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from pydantic import BaseModel, ConfigDict

from scoring.advice.gain import goal_gains, missing_profile_items, what_if_gain
from scoring.advice.goals import WEEKS_PER_MONTH, load_tip_goals
from scoring.advice.tips import Tip, item_names, unseen_caveat, unseen_kinds
from scoring.advice.whatif import SimulationError, checked_changes
from scoring.export import ExportData
from scoring.i18n import fmt_number, t
from scoring.model import ManualInputs, ModelConfig, load_config, score_as_of
from scoring.results import Score


class Plan(BaseModel):
    """What a set of tips (or weekly changes) adds when done together."""

    model_config = ConfigDict(frozen=True)

    tips: tuple[str, ...]  # the tips in the plan, as given (none for plain changes)
    changes: dict[str, float]  # extra occurrences per week of each activity, added up
    items: tuple[str, ...]  # profile items added once
    before: float  # the total now
    after: float  # the total with the plan
    gain: float  # after − before: the plan's real gain, two decimals
    pillar_gains: dict[str, float]
    #: The tips' own gains added up, as if they did not overlap (None for plain changes).
    sum_of_gains: float | None
    goals: tuple[str, ...]  # the plan's goals in words, one line per activity (and items)
    unseen: tuple[str, ...]  # kinds the plan writes to that the export has no file of
    caveat: str  # says so in words ("" when the export shows every activity)


def _goal_lines(
    changes: Mapping[str, float], items: Sequence[str], config: ModelConfig, lang: str
) -> tuple[str, ...]:
    lines = []
    for name, rate in changes.items():
        # Less than once a week reads better per month ("1 more a month", not "0.2 a week").
        per, n = ("per_week", rate) if rate >= 1 else ("per_month", rate * WEEKS_PER_MONTH)
        n = round(n, 1)
        shown = fmt_number(n, lang, 0 if float(n).is_integer() else 1)
        activity = t(f"advice.activity.{name}", lang)
        lines.append(t(f"advice.plan.{per}", lang, activity=activity, n=shown))
    if items:
        lines.append(t("advice.plan.items", lang, items=item_names(items, config, lang)))
    return tuple(lines)


def plan_gain(
    data: ExportData,
    tips_or_changes: Sequence[str | Tip] | Mapping[str, float],
    *,
    score: Score | None = None,
    config: ModelConfig | None = None,
    manual: ManualInputs | None = None,
    weeks: float | None = None,
    lang: str = "en",
) -> Plan:
    """The real gain of doing several tips (or weekly changes) together, per pillar and total.

    ``tips_or_changes`` is a list of tips (their keys, e.g. ``["comments",
    "invitations_sent"]``, or :class:`Tip` objects from :func:`ranked_tips`) or a
    mapping of activity → extra occurrences per week, as :func:`simulate` takes.
    The tips' weekly changes are added up per activity and their missing profile
    items added once; the model scores the export with all of it as of
    ``score``'s day and window (``score`` is reused, or computed once), over the
    last ``weeks`` weeks (default: the whole window). Raises
    :class:`~scoring.advice.whatif.SimulationError` for an unknown tip or activity.
    """
    config = config or load_config()
    score = score or score_as_of(data, config=config, manual=manual)
    goals = load_tip_goals().tip
    changes: dict[str, float] = {}
    items: list[str] = []
    keys: list[str] = []
    own: dict[str, float] = {}
    if isinstance(tips_or_changes, Mapping):
        changes = checked_changes(tips_or_changes)
    else:
        for tip in tips_or_changes:
            key = tip.key if isinstance(tip, Tip) else tip
            if key not in goals:
                raise SimulationError("error.advice.unknown_tip", name=key, known=", ".join(goals))
            if key in keys:
                continue  # a tip ticked twice is still done once
            keys.append(key)
            if isinstance(tip, Tip):
                weekly, once, own[key] = tip.changes, tip.items, tip.gain
            else:
                weekly, once = goals[key].weekly(), goals[key].once
                once = missing_profile_items(
                    data, once, as_of=score.as_of, config=config, window=score.window_days
                )
            for name, rate in weekly.items():
                changes[name] = changes.get(name, 0.0) + rate
            items.extend(i for i in once if i not in items)
        rest = {k: goals[k] for k in keys if k not in own}
        gains = goal_gains(data, score, rest, config=config, manual=manual)
        own.update({k: gains[k].total if k in gains else 0.0 for k in rest})
    gain = what_if_gain(data, score, changes, items, config=config, manual=manual, weeks=weeks)
    unseen = unseen_kinds(data, changes, items)
    return Plan(
        tips=tuple(keys),
        changes=changes,
        items=tuple(items),
        before=score.total,
        after=round(score.total + gain.total, 2),
        gain=gain.total,
        pillar_gains=gain.pillars,
        sum_of_gains=round(sum(own[k] for k in keys), 2) if keys else None,
        goals=_goal_lines(changes, items, config, lang),
        unseen=unseen,
        caveat=unseen_caveat(unseen, lang),
    )
