"""Several processes writing one database at once: no import is lost, a kill loses nothing."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sqlite3
import time
from datetime import date, timedelta

import pytest
from builders import fixed_now

from scoring.errors import StoreError
from scoring.store import Store
from scoring.store.settings import load_settings

WORKERS = 4
EXPORTS_EACH = 5
FIRST = date(2026, 9, 3)


def _import_member(url: str, worker: int, barrier, hand_export, hand_score, hand_history) -> None:
    barrier.wait()  # every process opens (creates, migrates) the new file at the same moment
    with Store(url, now=fixed_now) as store:
        for n in range(EXPORTS_EACH):
            day = FIRST + timedelta(days=7 * n)
            store.import_export(
                hand_export(f"Member {worker}", day, f"w{worker}-e{n}"),
                score=hand_score(day, (worker, n, 1.0, 1.0)),
                history=hand_history({day - timedelta(days=3): 10.0 * worker + n}),
            )


@pytest.mark.slow
def test_four_processes_import_into_one_file(
    backend, db_path, db_url, make_data, make_score, make_history
):
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    barrier = context.Barrier(WORKERS)
    processes = [
        context.Process(
            target=_import_member,
            args=(db_url, w, barrier, make_data, make_score, make_history),
        )
        for w in range(WORKERS)
    ]
    for p in processes:
        p.start()
    for p in processes:
        p.join(timeout=120)

    assert [p.exitcode for p in processes] == [0] * WORKERS
    with Store(db_url, now=fixed_now) as store:
        snapshots = store.snapshots()
        assert len(snapshots) == WORKERS * EXPORTS_EACH
        for w in range(WORKERS):
            mine = snapshots[snapshots["member"] == f"Member {w}"]
            # worker w, export n: pillars (w, n, 1, 1) → total w + n + 2
            assert mine["total"].tolist() == [float(w + n + 2) for n in range(EXPORTS_EACH)]
            assert len(store.history(f"Member {w}")) == EXPORTS_EACH
    if backend == "sqlite":
        with sqlite3.connect(db_path) as connection:
            assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def _impatient(retries: int):
    base = load_settings()
    sqlite = base.sqlite.model_copy(
        update={"busy_timeout_ms": 0, "retries": retries, "retry_delay_s": 0.02}
    )
    return base.model_copy(update={"sqlite": sqlite})


def _lock(db_path) -> sqlite3.Connection:
    blocker = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
    blocker.execute("BEGIN IMMEDIATE")
    return blocker


# SQLite's file lock: a PostgreSQL writer waits for row locks inside the server instead.
sqlite_only = pytest.mark.parametrize("backend", ["sqlite"], indirect=True)


@sqlite_only
def test_a_locked_file_is_retried_until_free(
    store, db_path, db_url, make_data, make_score, make_history, monkeypatch
):
    import scoring.store.engine as engine_module

    blocker = _lock(db_path)
    pauses: list[float] = []

    def pause(seconds: float) -> None:
        pauses.append(seconds)
        if len(pauses) == 2:  # the other writer finishes during the second pause
            blocker.rollback()

    monkeypatch.setattr(engine_module.time, "sleep", pause)

    with Store(db_url, settings=_impatient(retries=8), now=fixed_now) as impatient:
        result = impatient.import_export(
            make_data("Anna Example", FIRST, "h1"),
            score=make_score(FIRST, (1, 1, 1, 1)),
            history=make_history({}),
        )

    assert result.status == "imported"
    # Two failed attempts, pausing 0.02 s and then twice that; the third succeeded.
    assert pauses == [0.02, 0.04]
    blocker.close()


@sqlite_only
def test_a_file_locked_for_too_long_is_a_store_error(
    store, db_path, db_url, make_data, make_score, make_history, counts
):
    blocker = _lock(db_path)
    try:
        with (
            Store(db_url, settings=_impatient(retries=2), now=fixed_now) as impatient,
            pytest.raises(StoreError) as caught,
        ):
            impatient.import_export(
                make_data("Anna Example", FIRST, "h1"),
                score=make_score(FIRST, (1, 1, 1, 1)),
                history=make_history({}),
            )
    finally:
        blocker.rollback()
        blocker.close()

    assert caught.value.code == "error.store.busy"
    assert "try again" in str(caught.value)
    assert sum(counts().values()) == 0


def _import_until_killed(url: str, ready, hand_export, hand_score, hand_history) -> None:
    """Import an export whose history write stops half-way, until the parent kills us."""
    from scoring.store import merge

    original = merge.merge_history

    def merge_then_hang(session, member_id, record, rows):
        original(session, member_id, record, rows)
        ready.set()  # member, import, snapshot and history rows are written, not committed
        time.sleep(600)

    merge.merge_history = merge_then_hang
    with Store(url, now=fixed_now) as store:
        store.import_export(
            hand_export("Kim Killed", FIRST, "killed"),
            score=hand_score(FIRST, (5.0, 5.0, 5.0, 5.0)),
            history=hand_history({FIRST - timedelta(days=4): 19.0}),
        )


def test_a_process_killed_mid_import_leaves_nothing_half_written(
    backend, store, db_path, db_url, counts, make_data, make_score, make_history
):
    store.import_export(
        make_data("Anna Example", FIRST, "kept"),
        score=make_score(FIRST, (1, 1, 1, 1)),
        history=make_history({FIRST - timedelta(days=4): 3.0}),
    )
    before = counts()
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    ready = context.Event()
    victim = context.Process(
        target=_import_until_killed, args=(db_url, ready, make_data, make_score, make_history)
    )
    victim.start()
    assert ready.wait(timeout=60)

    os.kill(victim.pid, signal.SIGKILL)
    victim.join(timeout=30)

    assert victim.exitcode == -signal.SIGKILL
    assert counts() == before
    # The lock the dead writer held is free again, and the same export imports whole.
    again = store.import_export(
        make_data("Kim Killed", FIRST, "killed"),
        score=make_score(FIRST, (5.0, 5.0, 5.0, 5.0)),
        history=make_history({FIRST - timedelta(days=4): 19.0}),
    )
    assert (again.status, again.total, again.history_added) == ("imported", 20.0, 1)
    if backend == "sqlite":
        with sqlite3.connect(db_path) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
