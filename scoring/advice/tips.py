"""Tips ranked by the points they would add, each with a concrete goal.

Every sub-metric of the model has advice in English and German
(``scoring/text/tips.toml``) and a concrete goal (``scoring/tip_goals.toml``):
extra activity per week ("3 more comments a week") or profile items to add once
("Add an About summary and your education"). The gain of a tip is not guessed:
the goal is applied to the export (:mod:`scoring.advice.simulate`) and the real model
scores the result; the gain is the difference in the total. Tips are ranked by
that gain, and a sub-metric already at its maximum gets no tip.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from scoring.advice.simulate import ACTIVITIES, PROFILE_ITEMS, simulate, with_profile_items
from scoring.errors import ConfigError
from scoring.export import ExportData
from scoring.i18n import fmt_number, fmt_signed, t
from scoring.model import ManualInputs, ModelConfig, load_config, score_as_of
from scoring.model.metrics import Context, profile_completeness
from scoring.model.score import day_number
from scoring.results import PILLARS, Score

GOALS_PATH = Path(__file__).with_name("tip_goals.toml")
#: Months per week: a goal of "1 a month" is 12/52 a week.
WEEKS_PER_MONTH = 52 / 12


class TipGoal(BaseModel):
    """The concrete goal of one tip: weekly (or monthly) activity, or one-off profile items."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    metric: str | None = None  # the sub-metric it serves (default: the tip's own key)
    changes: dict[str, float] = Field(default_factory=dict)
    per: Literal["week", "month"] = "week"
    once: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _one_kind(self) -> TipGoal:
        if bool(self.changes) == bool(self.once):
            raise ValueError("give either changes or once")
        unknown = sorted(set(self.changes) - set(ACTIVITIES)) + sorted(
            set(self.once) - set(PROFILE_ITEMS)
        )
        if unknown:
            raise ValueError(f"unknown activity or item {unknown[0]!r}")
        if any(not v > 0 for v in self.changes.values()):
            raise ValueError("changes must be positive")
        return self

    def weekly(self) -> dict[str, float]:
        """The changes as extra occurrences per week, as :func:`simulate` takes them."""
        factor = 1.0 if self.per == "week" else 1.0 / WEEKS_PER_MONTH
        return {k: v * factor for k, v in self.changes.items()}


class TipGoals(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    version: str
    tip: dict[str, TipGoal]

    def metric_of(self, tip: str) -> str:
        return self.tip[tip].metric or tip


@cache
def load_tip_goals(path: Path = GOALS_PATH) -> TipGoals:
    """The validated tip goals (read once); a bad file raises ConfigError naming the key."""
    try:
        with path.open("rb") as fh:
            return TipGoals.model_validate(tomllib.load(fh))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(
            "error.tips.goals", file=path.name, key="(file)", detail=str(exc)
        ) from None
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        key = ".".join(str(p) for p in first["loc"])
        raise ConfigError(
            "error.tips.goals", file=path.name, key=key, detail=first["msg"]
        ) from None


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


def general_advice(lang: str = "en") -> str:
    """The note every tip list ends with: the score is a guide, not a goal."""
    return t("tips.general", lang)


def missing_profile_items(
    data: ExportData, candidates: Sequence[str], *, as_of: date, config: ModelConfig, window: int
) -> tuple[str, ...]:
    """The ``candidates`` whose addition raises the model's profile completeness."""
    wanted = [c for c in candidates if c in config.completeness.items]
    days = np.array([day_number(as_of)])

    def completeness(export: ExportData) -> float:
        ctx = Context(data=export, config=config, window=window, manual=None)
        return float(profile_completeness(ctx, (), days)[0])

    base = completeness(data)
    return tuple(
        item
        for item in wanted
        if completeness(with_profile_items(data, [item], as_of=as_of, config=config)) > base
    )


def _listed(parts: Sequence[str], lang: str) -> str:
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


def _action(key: str, goal: TipGoal, items: Sequence[str], config: ModelConfig, lang: str) -> str:
    if goal.once:
        names = [
            t(f"tips.item.{i}", lang, min_skills=config.completeness.min_skills) for i in items
        ]
        return t(f"tip.{key}.goal", lang, items=_listed(names, lang))
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
    as_of, window = score.as_of, score.window_days
    metrics = {m.key: m for m in score.metrics()}
    goals = load_tip_goals()
    order = [key for _, key, _ in config.metric_items()]
    cache_: dict[Any, Score] = {}
    tips: list[tuple[int, Tip]] = []
    for tip_key, goal in goals.tip.items():
        metric_key = goals.metric_of(tip_key)
        metric = metrics.get(metric_key)
        if metric is None or metric.points >= metric.max_points:
            continue
        if metric.missing_input and not metric.sources:
            # A manual input nobody entered: its real value is unknown, so a gain
            # would reward typing a number, not doing anything.
            continue
        items: tuple[str, ...] = ()
        if goal.once:
            items = missing_profile_items(
                data, goal.once, as_of=as_of, config=config, window=window
            )
            if not items:
                continue
            changed = with_profile_items(data, items, as_of=as_of, config=config)
            after = score_as_of(
                changed, as_of=as_of, window_days=window, config=config, manual=manual
            )
        else:
            weekly = goal.weekly()
            signature = tuple(sorted(weekly.items()))
            if signature not in cache_:
                cache_[signature] = simulate(
                    data, weekly, config=config, as_of=as_of, window_days=window, manual=manual
                )
            after = cache_[signature]
        gain = round(after.total - score.total, 2)
        if not gain > 0:
            continue
        pillar_gains = {
            p: round(after.pillars[p].score - score.pillars[p].score, 2) for p in PILLARS
        }
        goal_text = t(
            "tips.goal_line",
            lang,
            action=_action(tip_key, goal, items, config, lang),
            gains=_gains_text(pillar_gains, gain, lang),
        )
        tip = Tip(
            key=tip_key,
            pillar=metric.pillar,
            metric=metric_key,
            gain=gain,
            goal=goal_text,
            text=t(f"tip.{tip_key}.text", lang),
            pillar_gains=pillar_gains,
            changes={} if goal.once else goal.weekly(),
            items=items,
        )
        tips.append((order.index(metric_key), tip))
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
