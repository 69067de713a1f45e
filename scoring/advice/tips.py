"""Tips ranked by the points they would add, each with a concrete goal.

Every sub-metric of the model has advice in English and German
(``scoring/text/tips.toml``) and a concrete goal (``scoring/advice/tip_goals.toml``,
read by :mod:`scoring.advice.goals`): extra activity per week ("3 more comments a
week") or profile items to add once ("Add an About summary and your education").
How the gain of a tip is computed is :mod:`scoring.advice.gain`: the goal is
applied to the export and the real model scores the result. Tips are ranked by
that gain, and a sub-metric already at its maximum gets no tip.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from scoring.advice.gain import goal_gains, kinds_written
from scoring.advice.goals import TipGoal, load_tip_goals
from scoring.export import KINDS, ExportData
from scoring.i18n import fmt_number, fmt_signed, t
from scoring.model import ManualInputs, ModelConfig, load_config, score_as_of
from scoring.results import Score


class Tip(BaseModel):
    """One piece of advice with its goal and the points the model says it adds."""

    model_config = ConfigDict(frozen=True)

    key: str  # the tip's id: its metric, or e.g. "profile_photo"
    pillar: str
    metric: str
    gain: float  # points added to the total, two decimals
    goal: str  # "3 more comments a week → +1.4 on Engage with insights"
    text: str  # the advice
    pillar_gains: dict[str, float]
    changes: dict[str, float] = Field(default_factory=dict)  # per week, as simulated
    items: tuple[str, ...] = ()  # profile items added once
    #: Kinds of file the goal's activity lives in that the export lacks (a Basic
    #: archive has no reactions): the export cannot tell whether the user does it.
    unseen: tuple[str, ...] = ()
    caveat: str = ""  # says so in words, "" when the export shows the activity


def general_advice(lang: str = "en") -> str:
    """The note every tip list ends with: the score is a guide, not a goal."""
    return t("tips.general", lang)


def unseen_kinds(
    data: ExportData, changes: Collection[str], items: Collection[str]
) -> tuple[str, ...]:
    """The kinds ``changes`` and ``items`` write to that the export has no file of."""
    written = kinds_written(changes, items)
    return tuple(kind for kind in KINDS if kind in written and not data.has(kind))


def unseen_caveat(unseen: Sequence[str], lang: str) -> str:
    """ "Your export has no file for Reactions, so it cannot tell …" ("" when none is missing)."""
    if not unseen:
        return ""
    return t("tips.unseen", lang, files=listed([t(f"kind.{k}", lang) for k in unseen], lang))


def listed(parts: Sequence[str], lang: str) -> str:
    """``a, b and c`` in ``lang``."""
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + f" {t('tips.and', lang)} " + parts[-1]


def _gains_text(pillar_gains: dict[str, float], total: float, lang: str) -> str:
    shown = sorted(
        ((g, p) for p, g in pillar_gains.items() if g >= 0.05), key=lambda gp: -gp[0]
    ) or [(total, max(pillar_gains, key=pillar_gains.__getitem__))]
    return ", ".join(
        t(
            "tips.gain_on",
            lang,
            gain=fmt_signed(g, lang, 1 if g >= 0.1 else 2),
            pillar=t(f"pillar.{p}", lang),
        )
        for g, p in shown
    )


def item_names(items: Sequence[str], config: ModelConfig, lang: str) -> str:
    """The profile ``items`` in words: "an About summary and your education"."""
    names = [t(f"tips.item.{i}", lang, min_skills=config.completeness.min_skills) for i in items]
    return listed(names, lang)


def _action(key: str, goal: TipGoal, items: Sequence[str], config: ModelConfig, lang: str) -> str:
    if goal.once:
        return t(f"tip.{key}.goal", lang, items=item_names(items, config, lang))
    n = next(iter(goal.changes.values()))
    shown = fmt_number(n, lang, 0 if float(n).is_integer() else 1)
    return t(f"tip.{key}.goal", lang, n=shown, count=n)


def ranked_tips(
    data: ExportData,
    score: Score | None = None,
    *,
    config: ModelConfig | None = None,
    lang: str = "en",
    limit: int | None = None,
    manual: ManualInputs | None = None,
) -> list[Tip]:
    """The tips for this export, most valuable first, each gain computed by the model.

    ``score`` is the current score (computed if not given; its ``as_of`` and
    window are used for every what-if). For each sub-metric not yet at its
    maximum, its goal is simulated over the window and scored; tips that add no
    points are left out. Ties keep the model's order. ``limit`` keeps the first N.
    """
    config = config or load_config()
    score = score or score_as_of(data, config=config, manual=manual)
    metrics = {m.key: m for m in score.metrics()}
    goals = load_tip_goals()
    order = [key for _, key, _ in config.metric_items()]
    wanted: dict[str, TipGoal] = {}
    for tip_key, goal in goals.tip.items():
        metric = metrics.get(goals.metric_of(tip_key))
        if metric is None or metric.points >= metric.max_points:
            continue
        if metric.missing_input and not metric.sources:
            # A manual input nobody entered: its real value is unknown, so a gain
            # would reward typing a number, not doing anything.
            continue
        wanted[tip_key] = goal
    tips: list[tuple[int, Tip]] = []
    for tip_key, gain in goal_gains(data, score, wanted, config=config, manual=manual).items():
        if not gain.total > 0:
            continue
        goal = wanted[tip_key]
        metric = metrics[goals.metric_of(tip_key)]
        goal_text = t(
            "tips.goal_line",
            lang,
            action=_action(tip_key, goal, gain.items, config, lang),
            gains=_gains_text(gain.pillars, gain.total, lang),
        )
        tip = Tip(
            key=tip_key,
            pillar=metric.pillar,
            metric=metric.key,
            gain=gain.total,
            goal=goal_text,
            text=t(f"tip.{tip_key}.text", lang),
            pillar_gains=gain.pillars,
            changes={} if goal.once else goal.weekly(),
            items=gain.items,
            unseen=(unseen := unseen_kinds(data, goal.changes, gain.items)),
            caveat=unseen_caveat(unseen, lang),
        )
        tips.append((order.index(metric.key), tip))
    ranked = [tip for _, tip in sorted(tips, key=lambda it: (-it[1].gain, it[0]))]
    return ranked if limit is None else ranked[: max(limit, 0)]


def tips_payload(tips: Sequence[Tip]) -> list[dict[str, Any]]:
    """Tips as JSON-ready data: ``[{"pillar", "metric", "gain", "goal", "text"}]``."""
    return [
        {
            "pillar": t_.pillar,
            "metric": t_.metric,
            "gain": t_.gain,
            "goal": t_.goal,
            "text": t_.text,
        }
        for t_ in tips
    ]
