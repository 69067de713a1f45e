"""``ssi whatif`` and ``ssi calibrate``: the simulator and the calibration from the command line."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from builders import make_export, reweighted_pillars

import scoring.cli as cli
from scoring.cli import whatif_cmd
from scoring.errors import InputError
from scoring.ingest import read_export
from scoring.model import load_config, score_as_of
from scoring.results import PILLARS
from scoring.samples import sample_path

EXPORT_DAY = date(2026, 10, 15)


@pytest.fixture(autouse=True)
def guide_registered(monkeypatch: pytest.MonkeyPatch) -> None:
    # Until the lead lists the module in COMMAND_MODULES; dict.fromkeys keeps it once after.
    modules = tuple(dict.fromkeys((*cli.COMMAND_MODULES, "scoring.cli.whatif_cmd")))
    monkeypatch.setattr(cli, "COMMAND_MODULES", modules)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def daily_export():
    """One comment on each of the 90 days of the window ending 15 Oct 2026.

    Every day is active (days active 90 of 90) and every week too, so adding
    reactions moves only the reactions metric.
    """
    days = [EXPORT_DAY - timedelta(days=i) for i in range(90)]
    return make_export(
        export_date=EXPORT_DAY,
        profile={"industry": "Banking"},
        comments={"at": [f"{d.isoformat()} 09:00" for d in days]},
    )


def test_changes_are_parsed_with_decimal_commas_and_last_value_wins() -> None:
    assert whatif_cmd.parse_changes(["posts=3", "comments=2,5", "posts=1"]) == {
        "posts": 1.0,
        "comments": 2.5,
    }
    for bad in ("posts", "=3", "posts=many", "posts=inf"):
        with pytest.raises(InputError) as caught:
            whatif_cmd.parse_changes([bad])
        assert caught.value.code == "error.guide.change"


def test_whatif_reactions_add_exactly_their_points(monkeypatch, capsys) -> None:
    monkeypatch.setattr(whatif_cmd, "read_export", lambda paths, **_: daily_export())
    code, out, _ = run(capsys, "whatif", "x.zip", "--add", "reactions=8", "--json")
    assert code == 0
    payload = json.loads(out)
    # 8 a week over the 90-day window: round(8 * 90 / 7 = 102.86) = 103 reactions;
    # reactions are linear to 800 for 3 points: 103 / 800 * 3 = 0.38625 → 0.39 on insights.
    # Days active and active weeks are already full, so nothing else moves.
    assert payload["difference"] == {
        "total": pytest.approx(0.39, abs=0.011),
        "brand": 0.0,
        "people": 0.0,
        "insights": pytest.approx(0.39, abs=0.011),
        "relationships": 0.0,
    }
    assert payload["changes"] == {"reactions": 8.0}
    assert "decay" not in payload


def test_whatif_stop_projects_week_by_week_from_the_export_date(monkeypatch, capsys) -> None:
    monkeypatch.setattr(whatif_cmd, "read_export", lambda paths, **_: daily_export())
    code, out, _ = run(capsys, "whatif", "x.zip", "--stop", "2", "--json")
    assert code == 0
    payload = json.loads(out)
    assert "after" not in payload
    rows = payload["decay"]
    assert [r["week"] for r in rows] == [0, 1, 2]
    assert [r["as_of"] for r in rows] == ["2026-10-15", "2026-10-22", "2026-10-29"]
    assert rows[0]["total"] == payload["now"]["total"]
    # Week 1: 7 of the 90 comment days left the window, nothing new came: 83 days.
    # Comments (linear to 200, 5 points): 90 → 83 loses 7 / 200 * 5 = 0.175 on insights.
    assert rows[0]["insights"] > rows[1]["insights"] > rows[2]["insights"]
    assert rows[1]["people"] == pytest.approx(rows[0]["people"] - 7 / 90 * 6, abs=0.011)


def test_whatif_text_in_german(monkeypatch, capsys) -> None:
    monkeypatch.setattr(whatif_cmd, "read_export", lambda paths, **_: daily_export())
    code, out, _ = run(capsys, "whatif", "x.zip", "--add", "reactions=8", "--lang", "de")
    assert code == 0
    assert out.startswith("Was wäre, wenn (Stand 15.10.2026): reactions +8,0 pro Woche")
    assert "Mit den Änderungen" in out
    assert "+0,39" in out  # the insights and total change, as computed above


@pytest.mark.parametrize(
    ("args", "key"),
    [
        ((), "Nothing to simulate"),
        (("--add", "posts"), '"posts" is not a weekly change'),
        (("--add", "dancing=2"), '"dancing" is not an activity'),
        (("--add", "posts=1", "--weeks", "0"), "--weeks needs a whole number"),
        (("--stop", "soon"), "--stop needs a whole number"),
    ],
)
def test_whatif_bad_input_is_one_line(monkeypatch, capsys, args, key) -> None:
    monkeypatch.setattr(whatif_cmd, "read_export", lambda paths, **_: daily_export())
    code, out, err = run(capsys, "whatif", "x.zip", *args)
    assert code == 2
    assert out == ""
    assert key in err
    assert err.count("\n") == 1


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
