"""Engines that run :func:`scoring.batch.member.score_jobs`: here, or on a Dask cluster.

The engine only distributes: every member is scored by the same function in
either, so the results are equal to the last digit. The Dask engine sends
chunks of jobs to the workers as futures (a folder form job is a few paths,
read by the worker; a table form job carries the member's events). Without a
scheduler address it starts a small ``LocalCluster`` on 127.0.0.1 and stops it
afterwards; with one (``tcp://host:8786``) it uses that cluster as it is.
"""

from __future__ import annotations

import itertools
import logging
import warnings
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Literal

import numpy as np

from scoring.batch.grouped import score_event_batch
from scoring.batch.jobs import MemberJob, MemberOutcome
from scoring.batch.member import score_jobs
from scoring.batch.table import EventBatch
from scoring.errors import InputError

if TYPE_CHECKING:
    from dask.distributed import LocalCluster

Engine = Literal["local", "dask"]
ENGINES: tuple[Engine, ...] = ("local", "dask")
#: The default LocalCluster: small, because the machine is shared.
LOCAL_WORKERS = 2
LOCAL_THREADS = 1
#: Chunks per worker: enough to balance members of unequal size, few enough to
#: keep the scheduler's overhead per member small.
CHUNKS_PER_WORKER = 4
CONNECT_TIMEOUT_S = 10


def run_local(jobs: Sequence[MemberJob], as_of: date | None, keep: bool) -> list[MemberOutcome]:
    """Score every job in this process, in order (an event table in one grouped pass)."""
    if isinstance(jobs, EventBatch) and not keep:
        return score_event_batch(jobs, as_of)
    return score_jobs(jobs, as_of, keep)


def member_parts(batch: EventBatch, parts: int) -> list[EventBatch]:
    """``batch`` cut into at most ``parts`` runs of consecutive members, rows and all.

    Cut by rows, not by members, so that parts of heavy and light members cost
    alike; a member is never split.
    """
    rows = np.zeros(len(batch), dtype=np.int64)
    for _, codes in batch.kinds.values():
        rows += np.bincount(codes, minlength=len(batch))
    ends = np.cumsum(rows + 1)  # +1: members without rows still take a little
    targets = ends[-1] * np.arange(1, parts) / max(parts, 1) if len(ends) else []
    cuts = np.unique(np.searchsorted(ends, targets, side="left") + 1)
    bounds = [0, *(int(c) for c in cuts if 0 < c < len(batch)), len(batch)]
    return [batch.part(a, b) for a, b in itertools.pairwise(bounds) if b > a]


def chunked(jobs: Sequence[MemberJob], chunks: int) -> list[list[MemberJob]]:
    """``jobs`` cut into at most ``chunks`` consecutive runs of nearly equal length."""
    size = max(1, -(-len(jobs) // max(chunks, 1)))
    return [list(jobs[i : i + size]) for i in range(0, len(jobs), size)]


def run_dask(
    jobs: Sequence[MemberJob],
    as_of: date | None,
    keep: bool,
    scheduler: str | None = None,
) -> list[MemberOutcome]:
    """Score every job on a Dask cluster; the outcomes come back in the order of ``jobs``.

    Raises :class:`~scoring.errors.InputError` when the scheduler cannot be reached.
    """
    # Dask is imported here: it takes a second to import and only this engine needs it.
    from dask.distributed import Client  # noqa: PLC0415, RUF100

    if not jobs:
        return []
    cluster = None
    try:
        if scheduler is None:
            cluster = _local_cluster()
            client = Client(cluster)
        else:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT_S)
    except (OSError, TimeoutError, ValueError) as exc:
        if cluster is not None:
            cluster.close()
        raise InputError(
            "error.batch.scheduler", address=scheduler or "LocalCluster", reason=type(exc).__name__
        ) from None
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        # Scattered first, so that large chunks travel as data, not inside the task graph.
        if isinstance(jobs, EventBatch) and not keep:
            parts = client.scatter(member_parts(jobs, workers * CHUNKS_PER_WORKER))
            futures = client.map(score_event_batch, parts, as_of=as_of, pure=False)
        else:
            chunks = client.scatter(chunked(jobs, workers * CHUNKS_PER_WORKER))
            futures = client.map(score_jobs, chunks, as_of=as_of, keep=keep, pure=False)
        results = client.gather(futures)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return [outcome for chunk in results for outcome in chunk]


def _local_cluster() -> LocalCluster:
    """The default cluster: 2 worker processes of 1 thread on 127.0.0.1, no dashboard."""
    from dask.distributed import LocalCluster  # noqa: PLC0415, RUF100 - see run_dask

    with warnings.catch_warnings():
        # Without a dashboard the scheduler still answers health checks on 8787, or on
        # another free port when that one is taken: nothing the user must act on.
        warnings.filterwarnings("ignore", message="Port .* is already in use", category=UserWarning)
        return LocalCluster(
            n_workers=LOCAL_WORKERS,
            threads_per_worker=LOCAL_THREADS,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )


def run_engine(
    engine: Engine,
    jobs: Sequence[MemberJob],
    as_of: date | None,
    keep: bool,
    scheduler: str | None = None,
) -> list[MemberOutcome]:
    """The outcomes of ``jobs`` from ``engine`` (``dask`` may name a ``scheduler``)."""
    if engine == "dask":
        return run_dask(jobs, as_of, keep, scheduler)
    return run_local(jobs, as_of, keep)
