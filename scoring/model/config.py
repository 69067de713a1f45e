"""The score model's configuration: ``model.toml`` read and validated by pydantic.

Everything the score weighs (weights, targets, curves, sources, seniority
keywords, the profile items) is data in one versioned TOML file. A bad file
raises :class:`ModelConfigError` naming the offending key, e.g.
``pillars.brand.metrics.endorsements.target must be > 0``.
"""

from __future__ import annotations

import math
import re
import tomllib
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from scoring.errors import ConfigError
from scoring.i18n import t
from scoring.model.curve import CurveName
from scoring.model.metrics import COMPLETENESS_ITEMS, METRIC_SPECS
from scoring.results import PILLAR_MAX, PILLARS

DEFAULT_PATH = Path(__file__).with_name("model.toml")
_WEIGHT_TOLERANCE = 1e-6


class ModelConfigError(ConfigError):
    """``model.toml`` (or a file given in its place) is not a valid score model.

    ``problem`` names a catalogue entry ``error.model_config.problem.<problem>`` so that
    the one-line message reads in English or German.
    """

    code = "error.model_config.invalid"

    def shown(self, key: str, value: object, lang: str) -> object:
        """The ``problem`` key as its sentence in ``lang``; other parameters as given."""
        if key == "problem":
            return t(f"error.model_config.problem.{value}", lang, **self.params)
        return value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class MetricConfig(_Strict):
    """One sub-metric: its maximum points, target, curve and the kinds it reads."""

    weight: float = Field(gt=0)
    target: float = Field(gt=0)
    curve: CurveName
    sources: tuple[str, ...]


class PillarConfig(_Strict):
    """The sub-metrics of one pillar, in the order they are shown."""

    metrics: dict[str, MetricConfig]

    @property
    def max_points(self) -> float:
        return sum(m.weight for m in self.metrics.values())


class PillarsConfig(_Strict):
    brand: PillarConfig
    people: PillarConfig
    insights: PillarConfig
    relationships: PillarConfig


class CompletenessConfig(_Strict):
    items: tuple[Literal[COMPLETENESS_ITEMS], ...] = Field(min_length=1)  # type: ignore[valid-type]
    min_skills: int = Field(ge=1)


class StatusesConfig(_Strict):
    endorsements: tuple[str, ...]
    recommendations: tuple[str, ...]
    unfollowed: tuple[str, ...]


class RepliesConfig(_Strict):
    quick_hours: float = Field(gt=0)


class SeniorityConfig(_Strict):
    words: tuple[str, ...] = Field(min_length=1)
    word_endings: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()


class ModelConfig(_Strict):
    """The whole validated model. Load it with :func:`load_config`."""

    version: str = Field(min_length=1)
    window_days: int = Field(gt=0)
    completeness: CompletenessConfig
    statuses: StatusesConfig
    replies: RepliesConfig
    seniority: SeniorityConfig
    pillars: PillarsConfig

    def pillar(self, key: str) -> PillarConfig:
        """The configuration of pillar ``key`` (``brand``, ``people`` …)."""
        return getattr(self.pillars, key)

    def metric_items(self) -> list[tuple[str, str, MetricConfig]]:
        """``(pillar, metric key, metric config)`` for every sub-metric, in model order."""
        return [(p, k, m) for p in PILLARS for k, m in self.pillar(p).metrics.items()]

    def metric(self, key: str) -> MetricConfig:
        """The configuration of sub-metric ``key``; ``KeyError`` for one the model lacks."""
        for _, k, metric in self.metric_items():
            if k == key:
                return metric
        raise KeyError(key)


_PROBLEMS = {
    "greater_than": "greater_than",
    "greater_than_equal": "greater_equal",
    "extra_forbidden": "unknown_key",
    "missing": "missing",
    "float_parsing": "not_number",
    "float_type": "not_number",
    "int_parsing": "not_whole_number",
    "int_type": "not_whole_number",
    "int_from_float": "not_whole_number",
    "string_type": "not_text",
    "literal_error": "one_of",
    "tuple_type": "not_list",
    "list_type": "not_list",
    "model_type": "not_table",
    "model_attributes_type": "not_table",
    "dict_type": "not_table",
    "too_short": "too_short",
    "string_too_short": "too_short",
}


def _number_text(value: object) -> str:
    """``0.0`` → ``0``, ``24.5`` → ``24.5``: limits read as they are written in the file."""
    return f"{value:g}" if isinstance(value, int | float) else str(value)


def _error_from_validation(exc: ValidationError, file: str) -> ModelConfigError:
    first = exc.errors(include_url=False)[0]
    key = "".join(
        f"[{part}]" if isinstance(part, int) else f".{part}" for part in first["loc"]
    ).lstrip(".")
    ctx = first.get("ctx") or {}
    problem = _PROBLEMS.get(first["type"], "invalid")
    limit = _number_text(ctx.get("gt", ctx.get("ge", "")))
    return ModelConfigError(
        file=file,
        key=key,
        problem=problem,
        limit=limit,
        choices=str(ctx.get("expected", "")),
        detail=first["msg"],
    )


def _check_pillar(name: str, pillar: PillarConfig, file: str) -> None:
    key = f"pillars.{name}.metrics"
    if len(pillar.metrics) < 3:
        raise ModelConfigError(file=file, key=key, problem="too_few_metrics")
    total = pillar.max_points
    if not math.isclose(total, PILLAR_MAX, abs_tol=_WEIGHT_TOLERANCE):
        raise ModelConfigError(
            file=file,
            key=key,
            problem="weights_sum",
            total=_number_text(round(total, 4)),
            limit=_number_text(PILLAR_MAX),
        )
    for metric_key, metric in pillar.metrics.items():
        spec = METRIC_SPECS.get(metric_key)
        where = f"{key}.{metric_key}"
        if spec is None:
            raise ModelConfigError(
                file=file, key=where, problem="unknown_metric", choices=", ".join(METRIC_SPECS)
            )
        extra = sorted(set(metric.sources) - set(spec.readable))
        if extra:
            raise ModelConfigError(
                file=file,
                key=f"{where}.sources",
                problem="bad_sources",
                detail=", ".join(extra),
                choices=", ".join(spec.readable) or "–",
            )


def _check_seniority(seniority: SeniorityConfig, file: str) -> None:
    words = {w.casefold() for w in seniority.words}
    for i, phrase in enumerate(seniority.exclude):
        last = phrase.split()[-1].casefold() if phrase.split() else ""
        if len(phrase.split()) < 2 or last not in words:
            raise ModelConfigError(
                file=file, key=f"seniority.exclude[{i}]", problem="bad_exclude", detail=phrase
            )
    for field in ("words", "word_endings", "exclude"):
        for i, word in enumerate(getattr(seniority, field)):
            if not word.strip():
                raise ModelConfigError(file=file, key=f"seniority.{field}[{i}]", problem="empty")


def validate_config(raw: dict[str, Any], file: str = "model.toml") -> ModelConfig:
    """``raw`` (a parsed TOML document) as a :class:`ModelConfig`, or a :class:`ModelConfigError`.

    Beyond the types, checks what pydantic cannot: each pillar has at least three
    sub-metrics whose weights add up to 25, every sub-metric is one the model can
    compute and appears once, and its sources are kinds it can read.
    """
    try:
        config = ModelConfig.model_validate(raw)
    except ValidationError as exc:
        raise _error_from_validation(exc, file) from None
    seen: set[str] = set()
    for name in PILLARS:
        pillar = config.pillar(name)
        _check_pillar(name, pillar, file)
        for metric_key in pillar.metrics:
            if metric_key in seen:
                raise ModelConfigError(
                    file=file, key=f"pillars.{name}.metrics.{metric_key}", problem="duplicate"
                )
            seen.add(metric_key)
    _check_seniority(config.seniority, file)
    return config


@cache
def _default_config() -> ModelConfig:
    return _load(DEFAULT_PATH)


def _load(path: Path) -> ModelConfig:
    try:
        with path.open("rb") as fh:
            raw = tomllib.load(fh)
    except FileNotFoundError:
        raise ModelConfigError("error.model_config.not_found", file=str(path)) from None
    except tomllib.TOMLDecodeError as exc:
        raise ModelConfigError(
            "error.model_config.not_toml", file=path.name, detail=str(exc)
        ) from None
    return validate_config(raw, path.name)


def load_config(path: str | Path | None = None) -> ModelConfig:
    """The validated score model from ``path`` (default: the bundled ``model.toml``).

    Raises :class:`ModelConfigError` (a :class:`scoring.errors.ConfigError`) naming
    the first invalid key when the file is missing, not TOML, or breaks a rule.
    The bundled model is read once and cached.
    """
    if path is None:
        return _default_config()
    return _load(Path(path))


@cache
def seniority_pattern(seniority: SeniorityConfig) -> re.Pattern[str]:
    """One case-insensitive regex matching any decision-maker position.

    Whole ``words`` match with word boundaries; ``word_endings`` match the end of a
    word (German compounds); an ``exclude`` phrase blocks its last word when the
    words before it precede it ("Product Owner" is not an owner).
    """
    blocked: dict[str, list[str]] = {}
    for phrase in seniority.exclude:
        *before, last = phrase.split()
        blocked.setdefault(last.casefold(), []).append(" ".join(before).casefold())

    def word_pattern(word: str) -> str:
        body = r"\s+".join(re.escape(part) for part in word.split())
        guards = "".join(
            rf"(?<!{re.escape(b)}\s)" for b in blocked.get(word.split()[-1].casefold(), [])
        )
        return guards + body

    words = sorted(seniority.words, key=len, reverse=True)
    alternatives = [rf"(?<!\w)(?:{'|'.join(word_pattern(w) for w in words)})(?!\w)"]
    if seniority.word_endings:
        endings = "|".join(re.escape(e) for e in sorted(seniority.word_endings, key=len))
        alternatives.append(rf"\w(?:{endings})(?!\w)")
    return re.compile("|".join(alternatives), re.IGNORECASE)
