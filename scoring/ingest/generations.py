"""Which kind of archive an upload is: complete, basic or partial, by the files its generation had.

The rule is data (``generations.toml``): per archive generation, the activity files
only a Complete archive carries. Judging every export by today's file list called a
complete 2018 export "partial" because LinkedIn made no poll-vote file then.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

from scoring.export import KINDS, ArchiveKind

#: Kinds every archive, Basic or Complete, carries: without them it is a partial upload.
IDENTITY_KINDS: tuple[str, ...] = ("profile", "connections")


@dataclass(frozen=True)
class Generation:
    """Archives exported on or after ``since``, and the Complete-only kinds they hold."""

    since: date
    complete_only: frozenset[str]


@cache
def generations() -> tuple[Generation, ...]:
    """The generations from ``generations.toml``, oldest first (validated on load)."""
    text = resources.files("scoring.ingest").joinpath("generations.toml").read_text("utf-8")
    rows = tomllib.loads(text)["generation"]
    found = tuple(
        Generation(since=row["since"], complete_only=frozenset(row["complete_only"]))
        for row in rows
    )
    unknown = sorted({kind for g in found for kind in g.complete_only} - set(KINDS))
    if unknown:
        raise ValueError(f"generations.toml names unknown kinds: {', '.join(unknown)}")
    if [g.since for g in found] != sorted({g.since for g in found}):
        raise ValueError("generations.toml must list generations oldest first, one per date")
    return found


def generation_of(export_date: date | None) -> Generation:
    """The generation an archive exported on ``export_date`` belongs to (the newest if unknown)."""
    table = generations()
    if export_date is None:
        return table[-1]
    older = [g for g in table if g.since <= export_date]
    return older[-1] if older else table[0]


def all_complete_only_kinds() -> frozenset[str]:
    """Every kind that has ever been Complete-only: any of them means "not Basic"."""
    return frozenset().union(*(g.complete_only for g in generations()))


def archive_kind_of(present: frozenset[str], export_date: date | None = None) -> ArchiveKind:
    """``complete``/``basic``/``partial`` judged by which kinds had a file.

    Complete: profile, connections and every Complete-only kind of the export's
    generation. Basic: profile and connections but no Complete-only kind (LinkedIn's
    Basic archive). Anything else (a few loose CSVs, a generic log) is partial.
    """
    if not all(kind in present for kind in IDENTITY_KINDS):
        return "partial"
    if generation_of(export_date).complete_only <= present:
        return "complete"
    if not present & all_complete_only_kinds():
        return "basic"
    return "partial"
