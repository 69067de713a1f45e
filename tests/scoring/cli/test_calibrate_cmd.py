"""``ssi calibrate``: the weight calibration from the command line."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from builders import reweighted_pillars

import scoring.cli as cli
from scoring.ingest import read_export
from scoring.model import load_config, score_as_of
from scoring.results import PILLARS
from scoring.samples import sample_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def page(values: dict[str, float]) -> str:
    """An English SSI page with these pillar values, as a user would copy it."""
    names = {
        "brand": "Establish your professional brand",
        "people": "Find the right people",
        "insights": "Engage with insights",
        "relationships": "Build relationships",
    }
    total = round(sum(values.values()))
    lines = ["Your Social Selling Index", str(total), "out of 100", "Today's SSI", ""]
    for pillar in PILLARS:
        lines += [names[pillar], f"{values[pillar]:.3f}"]
    return "\n".join(lines) + "\n"


def test_calibrate_fits_the_readings_and_keeps_pillar_sums(tmp_path, capsys) -> None:
    config = load_config()
    path = str(sample_path("passive_job_seeker"))
    data = read_export([path])
    days = [data.export_date - timedelta(days=14 * i) for i in range(6)]
    # Pretend LinkedIn weighs endorsements 1.6× and days active 1.5× (then rescaled to 25).
    favour = {"endorsements": 1.6, "days_active": 1.5}
    specs = []
    for day in days:
        score = score_as_of(data, as_of=day, config=config)
        values = reweighted_pillars(score, favour)
        file = tmp_path / f"{day.isoformat()}.txt"
        file.write_text(page(values), encoding="utf-8")
        specs += ["--reading", f"{day.isoformat()}={file}"]
    code, out, err = run(capsys, "calibrate", path, *specs, "--json")
    assert code == 0, err
    result = json.loads(out)
    assert result["readings"] == 6
    assert result["model_version"] == f"{config.version}+calibrated"
    assert result["rmse_after"]["total"] < result["rmse_before"]["total"]
    assert result["rmse_after"]["total"] < 0.1
    for pillar in PILLARS:
        keys = list(config.pillar(pillar).metrics)
        assert sum(result["weights"][k] for k in keys) == pytest.approx(25.0, abs=1e-3)
        for k in keys:
            low, high = result["bounds"][k]
            default = config.pillar(pillar).metrics[k].weight
            assert (low, high) == pytest.approx((default * 0.5, default * 2.0))
            assert low - 1e-6 <= result["weights"][k] <= high + 1e-6


def test_calibrate_text_in_german(tmp_path, capsys) -> None:
    path = str(sample_path("passive_job_seeker"))
    day = read_export([path]).export_date
    file = tmp_path / "page.txt"
    file.write_text(page({"brand": 12.0, "people": 6.0, "insights": 4.0, "relationships": 10.0}))
    code, out, _ = run(capsys, "calibrate", path, "--reading", f"{day}={file}", "--lang", "de")
    assert code == 0
    assert out.startswith("Gewichte an offizielle Messungen (1) angepasst")
    assert "Standardgewicht" in out and "Angepasstes Gewicht" in out


@pytest.mark.parametrize(
    ("reading", "key"),
    [
        (None, "needs at least one official reading"),
        ("page.txt", '"page.txt" is not a reading'),
        ("15.10.2026={file}", "--reading"),
        ("2026-10-15=missing.txt", "missing.txt could not be read"),
        ("2099-01-01={file}", "later than the export"),
    ],
)
def test_calibrate_bad_input_is_one_line(tmp_path, capsys, reading, key) -> None:
    file = tmp_path / "page.txt"
    file.write_text(page({"brand": 12.0, "people": 6.0, "insights": 4.0, "relationships": 10.0}))
    extra = [] if reading is None else ["--reading", reading.format(file=file)]
    code, out, err = run(capsys, "calibrate", str(sample_path("passive_job_seeker")), *extra)
    assert code == 2
    assert out == ""
    assert key in err
    assert err.count("\n") == 1
