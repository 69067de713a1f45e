"""``ssi change`` and the ``"change"`` block of ``ssi score --json``, run in-process.

The export is a zip dated 2026-10-15 holding Comments.csv with 8 comments of
2026-07-12, 6 of 2026-09-20 and 4 of 2026-10-12. From 2026-10-08 to 2026-10-15 the
July ones leave the 90-day window and the October ones enter it; by hand:
  comments      14 → 10: 14/200 × 5 = 0.35 → 10/200 × 5 = 0.25      −0.10
  days active   2 → 2 (07-12, 09-20 → 09-20, 10-12): 0.13           ±0
  active weeks  2 → 2: 0.46                                         ±0
  total         0.94 → 0.84                                         −0.10
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from scoring.cli import main
from scoring.samples import sample_path


@pytest.fixture(scope="module")
def export(tmp_path_factory) -> Path:
    lines = ["Date,Link,Message"] + [
        f"{day} 10:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A{i},Nice"
        for i, day in enumerate(["2026-07-12"] * 8 + ["2026-09-20"] * 6 + ["2026-10-12"] * 4)
    ]
    path = tmp_path_factory.mktemp("export") / "Complete_LinkedInDataExport_10-15-2026.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Comments.csv", "\n".join(lines) + "\n")
    return path


def run_json(capsys, *args: object) -> dict:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)


def test_change_json_by_hand(export, capsys):
    payload = run_json(capsys, "change", export, "--json", "--lang", "en")
    assert (payload["since"], payload["as_of"]) == ("2026-10-08", "2026-10-15")
    assert (payload["total_before"], payload["total_after"], payload["total"]) == (0.94, 0.84, -0.1)
    assert payload["pillars"] == {"brand": 0.0, "people": 0.0, "insights": -0.1,
                                  "relationships": 0.0}  # fmt: skip
    assert payload["metrics"] == [
        {
            "key": "comments", "pillar": "insights", "points": -0.1, "value_before": 14.0,
            "value_after": 10.0, "reason": "4 new comments in the window, 8 from July left it",
            "entered": 4, "left": 8,
        }
    ]  # fmt: skip


def test_change_table_in_german(export, capsys):
    assert main(["change", str(export), "--lang", "de"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "Veränderung des geschätzten SSI vom 08.10.2026 bis zum 15.10.2026, letzte 90 Tage",
        "Gesamt: −0,10 (0,94 → 0,84)",
        "",
        "−0,10  Durch Einblicke Interesse wecken",
        "  −0,10  Kommentare: 4 Kommentare neu im Zeitraum, 8 aus Juli herausgefallen",
    ]


@pytest.mark.slow
@pytest.mark.parametrize("since", ["2026-08-16", "2026-10-01", "2026-10-14"])
def test_parts_add_up_and_the_earlier_total_is_ssi_score_as_of_since(capsys, since):
    path = sample_path("active_seller")
    change = run_json(capsys, "change", path, "--since", since, "--json")
    before = run_json(capsys, "score", path, "--as-of", since, "--json", "--tips", "0")
    after = run_json(capsys, "score", path, "--json", "--tips", "0")
    assert change["total_before"] == before["total"]
    assert change["total_after"] == after["total"]
    assert abs(sum(m["points"] for m in change["metrics"]) - change["total"]) < 1e-9
    assert abs(change["total"] - (after["total"] - before["total"])) < 1e-9
    for pillar, delta in change["pillars"].items():
        parts = sum(m["points"] for m in change["metrics"] if m["pillar"] == pillar)
        assert abs(parts - delta) < 1e-9
        assert (
            abs(delta - (after["pillars"][pillar]["score"] - before["pillars"][pillar]["score"]))
            < 1e-9
        )


def test_score_json_carries_the_week_change(capsys):
    path = sample_path("active_seller")
    payload = run_json(capsys, "score", path, "--json", "--tips", "0")
    change = payload["change"]
    week = run_json(capsys, "change", path, "--json")
    assert change == week
    earlier = run_json(capsys, "score", path, "--as-of", change["since"], "--json", "--tips", "0")
    assert (change["since"], change["total_before"]) == ("2026-10-08", earlier["total"])
    assert set(change["metrics"][0]) >= {"key", "pillar", "points", "value_before",
                                         "value_after", "reason"}  # fmt: skip


def test_since_after_as_of_is_one_line_exit_2(export, capsys):
    assert main(["change", str(export), "--since", "2026-10-20", "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert err == (
        "The earlier date 2026-10-20 is after the later date 2026-10-15. "
        "Choose --since before --as-of.\n"
    )


@pytest.mark.parametrize("command", ["score", "change"])
def test_an_as_of_outside_the_exports_range_is_one_line_exit_2(export, capsys, command):
    # the only activity is 2026-07-12; the export is dated 2026-10-15
    assert main([command, str(export), "--as-of", "2026-07-11", "--lang", "en"]) == 2
    assert capsys.readouterr().err == (
        "--as-of 2026-07-11 is outside what this export can be scored for: choose a date from "
        "2026-07-12 (its first activity) to 2027-10-15 (a year after its export date).\n"
    )
