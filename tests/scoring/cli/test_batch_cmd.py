"""``ssi batch`` as a user runs it: results file, bad members on stderr, --store, errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from builders import fixed_now

from scoring.cli import main
from scoring.samples import sample_path
from scoring.store import Store


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    exports = tmp_path / "exports"
    exports.mkdir()
    shutil.copy(sample_path("newcomer"), exports / "Lena.zip")
    shutil.copy(sample_path("basic"), exports / "Sofia.zip")
    (exports / "Max.zip").write_bytes(b"PK broken")
    return exports


def test_batch_writes_one_row_per_member_and_names_the_bad_one(folder, tmp_path, capsys):
    out = tmp_path / "results" / "team.csv"

    code = main(["batch", str(folder), "--out", str(out)])

    captured = capsys.readouterr()
    assert code == 0
    assert captured.out.strip() == f"2 of 3 members scored, results in {out}."
    assert captured.err.startswith("Max: ")
    assert "Max.zip" in captured.err
    frame = pd.read_csv(out)
    assert frame["member"].tolist() == ["Lena", "Max", "Sofia"]
    assert frame["error"].notna().tolist() == [False, True, False]


def test_german_messages_and_error_column(folder, tmp_path, capsys):
    out = tmp_path / "team.parquet"

    code = main(["batch", str(folder), "--out", str(out), "--lang", "de"])

    captured = capsys.readouterr()
    assert code == 0
    assert captured.out.strip() == f"2 von 3 Mitgliedern bewertet, Ergebnisse in {out}."
    error = pd.read_parquet(out)["error"].tolist()[1]
    assert error == captured.err.strip().removeprefix("Max: ")
    assert "ZIP" in error or "Zip" in error


def test_store_puts_every_scored_member_in_the_database(folder, tmp_path, capsys):
    db = f"sqlite:///{tmp_path / 'team.sqlite'}"

    code = main(["batch", str(folder), "--out", str(tmp_path / "o.csv"), "--store", "--db", db])

    assert code == 0
    assert "2 members stored in the score database (0 exports were" in capsys.readouterr().out
    with Store(db, now=fixed_now) as store:
        assert sorted(store.members()["member"]) == ["Lena", "Sofia"]
    again = main(["batch", str(folder), "--out", str(tmp_path / "o.csv"), "--store", "--db", db])
    assert again == 0
    assert "0 members stored in the score database (2 exports were" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--out", "x.xlsx"], "x.xlsx: the results are written as .csv or .parquet"),
        (["--out", "x.csv", "--engine", "local", "--scheduler", "tcp://h:1"], "--scheduler needs"),
        (["--out", "x.csv", "--as-of", "15.10.2026"], "--as-of"),
    ],
)
def test_bad_arguments_exit_2_with_one_line_and_no_file(folder, tmp_path, capsys, args, message):
    code = main(["batch", str(folder), *args])

    err = capsys.readouterr().err
    assert code == 2
    assert message in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "x.csv").exists()
