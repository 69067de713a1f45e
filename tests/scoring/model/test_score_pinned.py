"""``ssi score --json`` and ``ssi history --json`` give the figures pinned before the speed work.

The expected values in pinned/*.json were taken from the CLI's output at commit
08a9f83, before the reader and the model were made faster, so these tests prove
the speed work changed no result: per bundled sample (and, slow, per the heavy L
export of the perf suite) the total, band, the four pillars, every sub-metric's
value and points, the tips' gains, the weekly change and every row of the weekly
history. Each file is small enough to read against the score table by hand.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scoring.cli import main
from scoring.results import PILLARS
from scoring.samples import sample_path

PINNED = Path(__file__).parent / "pinned"
SAMPLES = ("active_seller", "basic", "newcomer", "passive_job_seeker")


def _cli_json(capsys: pytest.CaptureFixture[str], *argv: str) -> object:
    capsys.readouterr()
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def _score_figures(score: dict) -> dict:
    metrics = [m for p in PILLARS for m in score["pillars"][p]["metrics"]]
    change = score["change"]
    return {
        "as_of": score["as_of"],
        "total": score["total"],
        "band": score["band"],
        "pillars": {p: score["pillars"][p]["score"] for p in PILLARS},
        "points": {m["key"]: m["points"] for m in metrics},
        "values": {m["key"]: m["value"] for m in metrics},
        "tips": [[t["metric"], t["gain"]] for t in score["tips"]],
        "change": None
        if change is None
        else {"since": change["since"], "total": change["total"], "pillars": change["pillars"]},
    }


def _history_rows(history: list[dict]) -> list[list]:
    return [[row["as_of"], row["total"], *(row[p] for p in PILLARS)] for row in history]


def _check(capsys: pytest.CaptureFixture[str], name: str, path: Path) -> None:
    pinned = json.loads((PINNED / f"{name}.json").read_text("utf-8"))
    score = _cli_json(capsys, "score", str(path), "--json")
    assert _score_figures(score) == pinned["score"]
    history = _cli_json(capsys, "history", str(path), "--json")
    assert _history_rows(history) == pinned["history"]


@pytest.mark.parametrize("name", SAMPLES)
def test_score_and_history_of_each_sample_are_the_pinned_ones(capsys, name):
    _check(capsys, name, sample_path(name))


def test_the_pinned_figures_add_up():
    # The pins are data, so check them for what a reader would check by hand.
    for name in (*SAMPLES, "L"):
        score = json.loads((PINNED / f"{name}.json").read_text("utf-8"))["score"]
        assert round(sum(score["pillars"].values()), 2) == score["total"]
        assert abs(sum(score["points"].values()) - score["total"]) < 0.05


def test_the_basic_sample_is_pinned_to_its_hand_checked_total():
    # A Basic archive has no activity files; its profile is 0.7273 complete of a
    # target of 1.0, so 0.7273 × 9 = 6.55 points.
    score = json.loads((PINNED / "basic.json").read_text("utf-8"))["score"]
    assert score["points"]["profile_completeness"] == 6.55
    assert score["values"]["posts"] is None
    assert score["total"] == 28.36


@pytest.mark.slow
def test_score_and_history_of_the_heavy_export_are_the_pinned_ones(capsys, tmp_path):
    from perf.exports import ARCHIVE_NAME, SEED, SIZES, scaled_spec
    from scoring.samples import world_of
    from scoring.samples.heavy import write_heavy

    path = tmp_path / ARCHIVE_NAME
    write_heavy(world_of("heavy", SEED, scaled_spec(SIZES["L"])), path)
    _check(capsys, "L", path)
