"""Exports and readings built by hand for tests (importable from every test: see conftest.py).

Tests of the model, tips, what-if, store and dashboard need exports with exactly
known rows: :func:`make_export` takes plain dict-of-lists (or frames) per kind and
returns an ``ExportData`` typed as the reader would give it
(:func:`scoring.export.export_from_rows`), dated 15 October 2026 unless told
otherwise.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from scoring.export import ExportData, export_from_rows
from scoring.results import PILLAR_MAX, PILLARS, Score

#: The export date of every hand-built export unless a test gives another.
EXPORT_DATE = date(2026, 10, 15)
#: When a test's store stamps imports, readings and new members (UTC, the day after).
IMPORTED_AT = datetime(2026, 10, 16, 8, 30)


def fixed_now() -> datetime:
    """The clock tests give ``Store(now=...)``: always :data:`IMPORTED_AT`."""
    return IMPORTED_AT


def make_export(*, export_date: date = EXPORT_DATE, **given: Any) -> ExportData:
    """An ``ExportData`` holding exactly the given rows per kind.

    ``given`` maps a kind (``shares=...``, ``connections=...``) to its rows, plus
    ``profile``, ``archive_kind`` and ``present`` (the kinds whose file the export
    "had"; by default the kinds given, plus ``profile`` when a profile is given).
    """
    return export_from_rows(export_date=export_date, **given)


def reweighted_pillars(score: Score, favour: Mapping[str, float]) -> dict[str, float]:
    """Pillar values of ``score`` if some sub-metrics weighed more (then rescaled to 25).

    Stands in for LinkedIn's unknown weights when tests make synthetic official
    readings for the calibration: ``favour`` maps a metric key to a factor.
    """
    values = {}
    for pillar in PILLARS:
        metrics = [m for m in score.metrics() if m.pillar == pillar]
        boosted = {m.key: m.max_points * favour.get(m.key, 1.0) for m in metrics}
        scale = PILLAR_MAX / sum(boosted.values())
        values[pillar] = sum(boosted[m.key] * scale * m.points / m.max_points for m in metrics)
    return values
