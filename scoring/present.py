"""How a score's parts are shown, the same in the CLI and the dashboard.

Labels come from the catalogue and numbers from :mod:`scoring.i18n`; this module
only decides which of them a value gets (a per-cent sign for a share, "days" for a
count of days), so that ``ssi score`` and the Pillars page never disagree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scoring.i18n import catalogue, fmt_number, t

if TYPE_CHECKING:
    from scoring.results import MetricScore

#: Units whose values are fractions, shown in per cent (``0.73`` → ``73 %``).
PERCENT_UNITS = frozenset({"share", "ratio"})


def score_label(field: str, lang: str, *, long: bool = False) -> str:
    """The label of a score field: ``Total``, or a pillar's short (or ``long``) name."""
    if field == "total":
        return t("common.total", lang)
    return t(f"pillar.{field}" if long else f"pillar_short.{field}", lang)


def metric_value_text(value: float | None, unit: str, lang: str) -> str:
    """A sub-metric's value or target in words for its unit: ``73 %``, ``88 days``, ``1,500``."""
    if value is None:
        return "–"
    if unit in PERCENT_UNITS:
        return t("unit.percent", lang, value=fmt_number(value * 100, lang, 0))
    decimals = 0 if float(value).is_integer() else 1
    number = fmt_number(value, lang, decimals)
    key = f"unit.{unit}"
    return t(key, lang, value=number, count=value) if key in catalogue() else number


def metric_shown_value(metric: MetricScore, lang: str) -> str:
    """What a table shows as a sub-metric's value: the value with its status note, if any.

    ``0 none in the export`` says that a zero is the export's, ``– (file not in this
    archive)`` why there is no value at all.
    """
    from scoring.model.notes import status_text  # noqa: PLC0415  lazy: scoring.model loads pandas

    note = status_text(metric, lang)
    if metric.value is None:
        return f"– {note or t('score.no_value', lang)}"
    value = metric_value_text(metric.value, metric.unit, lang)
    return value if note is None else f"{value} {note}"
