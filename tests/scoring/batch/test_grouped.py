"""The table form's grouped pass gives the rows the per-member path gives, row for row."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from scoring.batch import batch_jobs, results_frame, score_batch
from scoring.batch.engine import member_parts
from scoring.batch.member import score_jobs
from scoring.batch.table import EventBatch, export_events
from scoring.ingest import read_export
from scoring.samples import PERSONAS, sample_path


@pytest.fixture
def samples_table(tmp_path):
    """The bundled samples as one event table (Parquet), one member per persona."""
    exports = {persona: read_export([sample_path(persona)]) for persona in PERSONAS}
    table = pd.concat([export_events(d, p) for p, d in exports.items()], ignore_index=True)
    path = tmp_path / "samples.parquet"
    table.to_parquet(path)
    return path


@pytest.mark.parametrize("as_of", [None, date(2026, 3, 1)])
def test_the_samples_score_alike_in_the_grouped_pass_and_member_by_member(samples_table, as_of):
    jobs = batch_jobs(samples_table, as_of)
    assert isinstance(jobs, EventBatch)

    grouped = results_frame(score_batch(jobs, as_of=as_of))
    reference = results_frame(score_jobs(list(jobs), as_of, keep=False))

    pd.testing.assert_frame_equal(grouped, reference, check_exact=True)
    assert grouped["member"].tolist() == sorted(PERSONAS)
    assert grouped["error"].isna().all()


def test_a_bad_member_keeps_its_reason_and_the_others_their_rows(event_table, tmp_path):
    path = tmp_path / "events.csv"
    event_table.to_csv(path, index=False)
    jobs = batch_jobs(path)

    grouped = results_frame(score_batch(jobs))
    reference = results_frame(score_jobs(list(jobs), None, keep=False))

    pd.testing.assert_frame_equal(grouped, reference, check_exact=True)
    # Ana: 20 searches in the window of 90 days, Ben 60; Cleo's "yesterday" is no date
    assert grouped["value.people_searches"].tolist()[:2] == [20.0, 60.0]
    assert grouped["error"].notna().tolist() == [False, False, True]
    assert "yesterday" in grouped["error"].iloc[2]


def test_member_parts_cut_between_members_and_keep_every_row(samples_table):
    batch = batch_jobs(samples_table)
    parts = member_parts(batch, 3)

    assert [name for part in parts for name in part.names] == list(batch.names)
    for kind, (frame, _) in batch.kinds.items():
        assert sum(len(part.kinds[kind][0]) for part in parts) == len(frame)
        for part in parts:
            piece_codes = part.kinds[kind][1]
            assert piece_codes.min(initial=0) >= 0
            assert piece_codes.max(initial=-1) < len(part)
    # each part scores its members as the whole batch does
    whole = results_frame(score_batch(batch))
    pieces = pd.concat([results_frame(score_batch(p)) for p in parts], ignore_index=True)
    columns = [c for c in whole.columns if c != "percentile_batch"]
    pd.testing.assert_frame_equal(pieces[columns], whole[columns], check_exact=True)
