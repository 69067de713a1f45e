"""What a batch scores: one job per member, and what scoring it gave.

A job holds either the paths of the member's export (the folder form: the worker
reads them) or the member's events already split from an event table (the table
form), or the problem that kept the member from being scored. Jobs and outcomes
are plain picklable values, so any engine can ship them to another process.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from scoring.errors import SSIError
from scoring.export import ExportData
from scoring.i18n import LANGS
from scoring.results import Score

#: A one-line reason per language. Rendered where the error is raised, because an
#: SSIError does not pickle and its subclasses localize their own parameters.
Reason = dict[str, str]


@dataclass(frozen=True)
class MemberJob:
    """One member of the batch: where their export is, or their events, or their problem."""

    member: str
    paths: tuple[str, ...] = ()
    data: ExportData | None = None
    problem: Reason | None = None


@dataclass(frozen=True)
class MemberOutcome:
    """The result row of one member, or why there is none.

    ``row`` maps output columns to values (empty when scoring failed); ``error``
    holds the one-line reason in every language. ``data``, ``score`` and
    ``history`` are kept only when the batch is to be stored.
    """

    member: str
    row: dict[str, Any] = field(default_factory=dict)
    error: Reason | None = None
    data: ExportData | None = None
    score: Score | None = None
    history: pd.DataFrame | None = None
    #: ``imported`` or ``already_imported`` once stored (see ``Store.import_export``).
    stored: str | None = None


def reason_of(exc: SSIError) -> Reason:
    """The one-line message of ``exc`` in every language of the catalogue."""
    return {lang: exc.message(lang) for lang in LANGS}
