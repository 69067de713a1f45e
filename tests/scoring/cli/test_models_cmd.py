"""``ssi calibrate --save``, ``ssi models`` and ``--model``, in a temporary data folder."""

from __future__ import annotations

import json

import pytest

from scoring.cli import main
from scoring.samples import sample_path

EXPORT = sample_path("active_seller")
OFFICIAL = EXPORT.parents[1] / "official_en.txt"


@pytest.fixture(autouse=True)
def _data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    monkeypatch.setenv("SSI_LANG", "en")


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.slow
def test_save_use_list_and_remove_a_model(capsys, tmp_path):
    code, out, _ = run(capsys, "calibrate", EXPORT, "--reading", f"2026-10-15={OFFICIAL}",
                       "--save", "mine")  # fmt: skip
    assert code == 0
    assert "Fitted from 1 reading for 27 weights: treat it as a rough guide." in out
    assert (tmp_path / "ssi-dashboard" / "models" / "mine.toml").is_file()
    score = json.loads(run(capsys, "score", EXPORT, "--model", "mine", "--json", "--tips", "0")[1])
    assert score["model"]["name"] == "mine"
    assert score["model"]["version"] == score["model_version"] == "2026.1+mine"
    assert score["model"]["readings"] == 1
    default = json.loads(run(capsys, "score", EXPORT, "--json", "--tips", "0")[1])
    assert default["model"] == {"name": "default", "version": "2026.1", "readings": 0,
                                "fit_error": None}  # fmt: skip
    assert default["total"] == 73.85  # the bundled model (docs/scoring.md)
    history = json.loads(run(capsys, "history", EXPORT, "--model", "mine", "--json")[1])
    assert history[-1]["total"] == score["total"]
    listed = run(capsys, "models")[1].splitlines()
    assert listed[0] == "default (model 2026.1): the bundled model, used when no --model is given."
    assert listed[1].startswith("mine (model 2026.1+mine): fitted from 1 reading, fit error ")
    assert run(capsys, "models", "--remove", "mine")[1] == "Removed the model “mine”.\n"
    code, _, err = run(capsys, "score", EXPORT, "--model", "mine")
    assert (code, err) == (
        2, "There is no saved model called “mine” (saved models: –). See ssi models.\n"
    )  # fmt: skip
