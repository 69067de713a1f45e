"""Batch scoring for organisations: many members at once, one row each (docs/batch.md).

``batch_jobs(path)`` finds the members of a folder of exports, a manifest CSV or
an event table; ``score_batch(jobs, engine=...)`` scores them with
:func:`scoring.model.score_as_of` (here or on Dask); ``results_frame`` and
``write_results`` give and write the table; ``store_outcomes`` puts the scores
in the team database, one transaction per member.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from scoring.batch.engine import ENGINES, Engine, run_engine
from scoring.batch.jobs import MemberJob, MemberOutcome, reason_of
from scoring.batch.output import checked_output, result_columns, results_frame, write_results
from scoring.batch.sources import MANIFEST_NAME, folder_jobs, manifest_jobs
from scoring.batch.table import TABLE_SUFFIXES, EventBatch, read_events
from scoring.errors import InputError, SSIError

if TYPE_CHECKING:
    from scoring.store import Store

__all__ = [
    "ENGINES",
    "Engine",
    "MemberJob",
    "MemberOutcome",
    "batch_jobs",
    "checked_output",
    "result_columns",
    "results_frame",
    "score_batch",
    "store_outcomes",
    "write_results",
]


def batch_jobs(
    path: Path, as_of: date | None = None, *, every_column: bool = False
) -> Sequence[MemberJob]:
    """The members to score in ``path``, sorted by name.

    A folder is a folder of exports (or holds a ``manifest.csv``); a ``.csv`` file is
    a manifest when its header has ``path`` and no ``kind``, else an event table,
    as is a ``.parquet`` file (then an :class:`~scoring.batch.table.EventBatch`,
    which :func:`score_batch` scores in one grouped pass; of its text columns only
    those the pass reads, unless ``every_column``: a batch to store reads the rest
    when it is scored, so asking here only saves that second read). Raises
    :class:`~scoring.errors.InputError` when ``path`` is none of these or lists no
    member.
    """
    if path.is_dir():
        return folder_jobs(path)
    if not path.is_file() or path.suffix.lower() not in TABLE_SUFFIXES:
        raise InputError("error.batch.input", file=str(path))
    if path.suffix.lower() == ".csv" and _is_manifest(path):
        return manifest_jobs(path)
    jobs = read_events(path, as_of, every_column=every_column)
    if not len(jobs):
        raise InputError("error.batch.no_members", folder=str(path))
    return jobs


def _is_manifest(path: Path) -> bool:
    if path.name == MANIFEST_NAME:
        return True
    try:
        with path.open(encoding="utf-8-sig") as fh:
            header = {c.strip() for c in fh.readline().split(",")}
    except (OSError, UnicodeDecodeError):
        return False
    return "path" in header and "kind" not in header


def score_batch(
    jobs: Sequence[MemberJob],
    *,
    engine: Engine = "local",
    scheduler: str | None = None,
    as_of: date | None = None,
    keep: bool = False,
) -> list[MemberOutcome]:
    """Score every member of ``jobs`` with ``engine``; one outcome per job, in order.

    ``as_of`` defaults to each member's export date. ``keep`` keeps each member's
    export, score and history in the outcome, as :func:`store_outcomes` needs. An
    event table's members are scored in one grouped model pass
    (:func:`scoring.batch.grouped.score_event_batch`) unless ``keep`` asks for each
    member's own score (then with every column of the table: the export is stored
    whole); folders of exports member by member.
    """
    if keep and isinstance(jobs, EventBatch):
        jobs = jobs.every_column()
    return run_engine(engine, jobs, as_of, keep, scheduler)


def store_outcomes(store: Store, outcomes: Sequence[MemberOutcome]) -> list[MemberOutcome]:
    """Store each scored member (one transaction each); the outcomes with store errors added.

    A member the database refuses (a name too long, a busy database after its
    retries) keeps its row and gets the reason; the others are stored, and their
    outcomes say whether the export was new (``imported``) or ``already_imported``.
    The stored outcomes drop the export, score and history they no longer need.
    """
    stored = []
    for outcome in outcomes:
        if outcome.data is None or outcome.score is None or outcome.history is None:
            stored.append(outcome)
            continue
        try:
            result = store.import_export(
                outcome.data, outcome.member, score=outcome.score, history=outcome.history
            )
        except SSIError as exc:
            stored.append(MemberOutcome(outcome.member, row=outcome.row, error=reason_of(exc)))
            continue
        stored.append(MemberOutcome(outcome.member, row=outcome.row, stored=result.status))
    return stored
