"""The Dask engine gives exactly the local engine's results (on a real LocalCluster)."""

from __future__ import annotations

import logging

import pandas as pd
import pytest
from dask.distributed import LocalCluster

from scoring.batch import batch_jobs, results_frame, score_batch
from scoring.batch.engine import chunked
from scoring.batch.jobs import MemberJob
from scoring.batch.member import score_jobs
from scoring.errors import InputError


def test_chunks_keep_the_order_and_cover_every_job():
    jobs = [MemberJob(str(i)) for i in range(10)]

    chunks = chunked(jobs, 4)

    assert [[j.member for j in c] for c in chunks] == [
        ["0", "1", "2"], ["3", "4", "5"], ["6", "7", "8"], ["9"],
    ]  # fmt: skip
    assert chunked(jobs[:2], 8) == [[jobs[0]], [jobs[1]]]


@pytest.fixture(scope="module")
def cluster_address():
    with LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        silence_logs=logging.ERROR,
    ) as cluster:
        yield cluster.scheduler_address


@pytest.mark.slow
def test_the_table_form_on_an_existing_cluster_equals_the_local_engine(
    event_table, tmp_path, cluster_address
):
    path = tmp_path / "events.parquet"
    event_table.to_parquet(path)
    jobs = batch_jobs(path)

    local = results_frame(score_batch(jobs))
    dask = results_frame(score_batch(jobs, engine="dask", scheduler=cluster_address))
    member_by_member = results_frame(score_jobs(list(jobs), None, keep=False))

    pd.testing.assert_frame_equal(dask, local, check_exact=True)
    pd.testing.assert_frame_equal(dask, member_by_member, check_exact=True)
    assert dask["error"].notna().tolist() == [False, False, True]


@pytest.mark.slow
def test_the_folder_form_on_the_default_local_cluster_equals_the_local_engine(export_folder):
    jobs = batch_jobs(export_folder)

    local = score_batch(jobs, keep=True)
    dask = score_batch(jobs, engine="dask", keep=True)

    pd.testing.assert_frame_equal(results_frame(dask), results_frame(local), check_exact=True)
    # what --store needs comes back from the workers too
    assert dask[0].score == local[0].score
    pd.testing.assert_frame_equal(dask[0].history, local[0].history, check_exact=True)


@pytest.mark.slow
def test_an_unreachable_scheduler_is_one_clear_error():
    with pytest.raises(InputError) as caught:
        score_batch([MemberJob("a")], engine="dask", scheduler="tcp://127.0.0.1:9")

    assert caught.value.code == "error.batch.scheduler"
    assert caught.value.params["address"] == "tcp://127.0.0.1:9"
