"""The folder form: one member per zip or folder, or a manifest CSV."""

from __future__ import annotations

import shutil

import pytest

from scoring.batch import batch_jobs, results_frame, score_batch
from scoring.errors import InputError
from scoring.ingest import read_export
from scoring.model import score_as_of
from scoring.samples import sample_path


def test_members_are_named_by_their_zip_or_folder(export_folder):
    jobs = batch_jobs(export_folder)

    assert [j.member for j in jobs] == ["anna", "bert", "dora"]
    # bert/ holds only LinkedIn's zip, so the zip itself is read
    assert jobs[1].paths == (str(export_folder / "bert" / sample_path("newcomer").name),)


def test_each_member_scores_as_ssi_score_would_and_a_bad_zip_does_not_stop_the_batch(
    export_folder,
):
    outcomes = score_batch(batch_jobs(export_folder))
    frame = results_frame(outcomes).set_index("member")

    bert = score_as_of(read_export([sample_path("newcomer")]))
    assert frame.loc["bert", "total"] == bert.total
    assert frame.loc["bert", "brand"] == bert.pillars["brand"].score
    # anna.zip lost LinkedIn's file name, so her export date is her newest event's day
    anna = score_as_of(read_export([export_folder / "anna.zip"]))
    assert frame.loc["anna", "total"] == anna.total
    assert frame.loc["dora", "error"].endswith(
        "dora.zip is not a zip archive. Choose the .zip file LinkedIn sent you, "
        "or the folder you unpacked it to."
    )
    assert frame["total"].isna().tolist() == [False, False, True]


def test_a_manifest_names_members_and_joins_their_files(tmp_path):
    shutil.copy(sample_path("newcomer"), tmp_path / "a.zip")
    shutil.copy(sample_path("basic"), tmp_path / "b.zip")
    (tmp_path / "manifest.csv").write_text(
        "path,member\nb.zip,Björn  Berg\na.zip, Anna Schmidt \n", encoding="utf-8"
    )

    jobs = batch_jobs(tmp_path)
    direct = batch_jobs(tmp_path / "manifest.csv")

    assert [(j.member, j.paths) for j in jobs] == [
        ("Anna Schmidt", (str(tmp_path / "a.zip"),)),
        ("Björn Berg", (str(tmp_path / "b.zip"),)),
    ]
    assert direct == jobs


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("file,name\na.zip,Anna\n", "error.batch.manifest_columns"),
        ("path,member\na.zip,\n", "error.batch.manifest_row"),
    ],
)
def test_a_broken_manifest_is_one_clear_error(tmp_path, text, code):
    (tmp_path / "manifest.csv").write_text(text)

    with pytest.raises(InputError) as caught:
        batch_jobs(tmp_path)

    assert caught.value.code == code


def test_an_empty_folder_or_a_wrong_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError) as empty:
        batch_jobs(tmp_path)
    (tmp_path / "x.txt").write_text("?")
    with pytest.raises(InputError) as wrong:
        batch_jobs(tmp_path / "x.txt")

    assert empty.value.code == "error.batch.no_members"
    assert wrong.value.code == "error.batch.input"
