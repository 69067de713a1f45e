"""Build :class:`~scoring.export.ExportData` objects by hand, for tests and benchmarks.

Tests of the model, tips, simulation, store and dashboard need exports with
exactly known rows. :func:`make_export` takes plain dict-of-lists (or frames)
per kind and returns an ``ExportData`` whose frames follow the normalized
columns and dtypes of :data:`scoring.export.COLUMNS`, as the reader would give
them. :func:`make_heavy_export` builds a large synthetic export (30k
connections, 200k messages over five years) for speed measurements without
going through the reader.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

import numpy as np
import pandas as pd

from scoring.export import (
    ArchiveKind,
    ExportData,
    FrameLike,
    Profile,
    export_from_rows,
    typed_frame,
)
from scoring.results import PILLAR_MAX, PILLARS, Score

#: ``rows`` as the normalized frame of ``kind`` (see :func:`scoring.export.typed_frame`).
normalized_frame = typed_frame


def make_export(
    *,
    export_date: date = date(2026, 10, 15),
    profile: Profile | Mapping[str, str | None] | None = None,
    archive_kind: ArchiveKind = "complete",
    present: Sequence[str] | None = None,
    **frames: FrameLike,
) -> ExportData:
    """An ``ExportData`` holding exactly the given rows per kind (15 Oct 2026 by default)."""
    return export_from_rows(
        export_date=export_date,
        profile=profile,
        archive_kind=archive_kind,
        present=present,
        **frames,
    )


def _stamps(rng: np.random.Generator, n: int, start: pd.Timestamp, days: int) -> pd.Series:
    seconds = np.sort(rng.integers(0, days * 86_400, size=n))
    return pd.Series(start + pd.to_timedelta(seconds, unit="s"))


def make_heavy_export(
    *,
    connections: int = 30_000,
    messages: int = 200_000,
    years: int = 5,
    export_date: date = date(2026, 10, 15),
    seed: int = 0,
) -> ExportData:
    """A large synthetic Complete export spread over ``years`` before ``export_date``.

    Sized like the heaviest real archives (30k connections, 200k messages) so that
    benchmarks measure the model, not the reader. Deterministic for a given seed.
    """
    rng = np.random.default_rng(seed)
    days = years * 365
    start = pd.Timestamp(export_date, tz="UTC") - pd.Timedelta(days=days)
    companies = np.array([f"Company {i}" for i in range(4_000)], dtype=object)
    titles = np.array(
        ["Account Executive", "Head of Sales", "Engineer", "Geschäftsführer", "VP Marketing",
         "Consultant", "Vertriebsleiterin", "Analyst", "Founder & CEO", "Product Owner"],
        dtype=object,
    )  # fmt: skip
    n_conv = max(messages // 8, 1)
    conv = rng.integers(0, n_conv, size=messages)
    from_owner = rng.random(messages) < 0.4
    invitations = max(connections // 10, 1)

    def sized(n: int) -> pd.Series:
        return _stamps(rng, n, start, days)

    return make_export(
        export_date=export_date,
        profile={"headline": "Sales", "summary": "About", "industry": "IT", "location": "Berlin"},
        connections={
            "at": sized(connections),
            "company": companies[rng.integers(0, len(companies), size=connections)],
            "position": titles[rng.integers(0, len(titles), size=connections)],
            "url_key": [f"c{i}" for i in range(connections)],
        },
        invitations={
            "at": sized(invitations),
            "direction": np.where(rng.random(invitations) < 0.6, "OUTGOING", "INCOMING"),
            "has_message": rng.random(invitations) < 0.2,
            "invitee_key": [f"c{i}" for i in rng.integers(0, 2 * connections, invitations)],
        },
        messages={
            "at": sized(messages),
            "conversation_id": [f"v{i}" for i in conv],
            "sender_key": np.where(from_owner, "owner", [f"c{i}" for i in conv % 997]),
            "from_owner": from_owner,
        },
        shares={"at": sized(2_000), "has_media": rng.random(2_000) < 0.3},
        comments={"at": sized(6_000), "is_group": rng.random(6_000) < 0.05},
        reactions={"at": sized(20_000), "type": ["LIKE"] * 20_000},
        votes={"at": sized(200)},
        reposts={"at": sized(500)},
        search_queries={"at": sized(5_000)},
        member_follows={"at": sized(800), "status": ["Active"] * 800},
        company_follows={"at": sized(300)},
        endorsements_received={
            "at": sized(400),
            "skill": ["Sales"] * 400,
            "endorser_key": [f"e{i}" for i in range(400)],
            "status": ["ACCEPTED"] * 400,
        },
        recommendations_received={"at": sized(12), "status": ["VISIBLE"] * 12},
        positions={
            "at": ["2015-01-01", "2020-03-01"],
            "finished_on": ["2020-02-01", None],
            "company": ["Company 7", "Company 1"],
            "has_description": [True, True],
        },
        education={"at": ["2008-10-01"], "school": ["Uni"]},
        skills={"name": [f"Skill {i}" for i in range(20)]},
        rich_media={"at": sized(2), "media_type": ["profile_photo", "background_photo"]},
        articles={"at": sized(10)},
    )


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
