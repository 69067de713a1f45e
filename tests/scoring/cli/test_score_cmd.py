"""``ssi score`` and ``ssi history`` driven as subprocesses, as a user runs them.

The export is a zip dated 2026-10-15 holding only Comments.csv with 20 comments
written on 2026-10-01. By hand, over the default 90-day window:
  comments      20 → linear 20/200 * 5                       = 0.50
  active weeks  10-01 falls in the third 7-day block → 1 → 1/13 * 3 = 0.2308 → 0.23
  days active   1 → 1/90 * 6 = 0.0667                        → 0.07
  total = 0.50 + 0.23 + 0.07                                 = 0.80
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import pytest
from builders import make_export

from scoring.cli import main
from scoring.cli.score_cmd import score_text
from scoring.ingest import read_export
from scoring.model import score_as_of
from scoring.model.payload import score_payload
from scoring.samples import sample_path


@pytest.fixture(scope="module")
def export(tmp_path_factory) -> Path:
    lines = ["Date,Link,Message"] + [
        f"2026-10-01 10:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A{i},Nice"
        for i in range(20)
    ]
    path = tmp_path_factory.mktemp("export") / "Complete_LinkedInDataExport_10-15-2026.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Comments.csv", "\n".join(lines) + "\n")
    return path


@pytest.fixture(autouse=True)
def _english_by_default(monkeypatch):
    monkeypatch.setenv("SSI_LANG", "en")


def ssi(*args: object) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SSI_LANG": "en"}
    env.pop("SSI_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "scoring", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )


def run_main(capsys, *args: object) -> tuple[int, str, str]:
    """The CLI in-process (same code path, no interpreter start-up): code, stdout, stderr."""
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def metrics_of(payload: dict) -> dict[str, dict]:
    return {m["key"]: m for p in payload["pillars"].values() for m in p["metrics"]}


@pytest.mark.slow
def test_score_json(export):
    result = ssi("score", export, "--json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert (payload["as_of"], payload["window_days"], payload["total"]) == ("2026-10-15", 90, 0.8)
    assert payload["pillars"]["insights"]["score"] == 0.73  # 0.50 + 0.23
    assert payload["pillars"]["people"]["score"] == 0.07
    metrics = metrics_of(payload)
    assert (metrics["comments"]["value"], metrics["comments"]["points"]) == (20.0, 0.5)
    assert metrics["posts"]["missing_input"] is True
    assert set(metrics["comments"]) == {
        "key",
        "label",
        "value",
        "target",
        "points",
        "max_points",
        "missing_input",
        "status",
    }


def test_score_as_of_and_window(export, capsys):
    later = json.loads(run_main(capsys, "score", export, "--json", "--as-of", "2026-12-31")[1])
    # 2026-10-01 is more than 90 days before 2026-12-31: nothing counts
    assert (later["as_of"], later["total"]) == ("2026-12-31", 0.0)
    short = json.loads(run_main(capsys, "score", export, "--json", "--window-days", "14")[1])
    # a 14-day window ending 10-15 starts on 10-02: the comments fall outside
    assert (short["window_days"], metrics_of(short)["comments"]["value"]) == (14, 0.0)


def test_score_with_manual_inputs(export, capsys):
    payload = json.loads(run_main(capsys, "score", export, "--json", "--profile-views", "150")[1])
    # profile views at their target: 3.5 points on top of days active 0.07
    assert payload["pillars"]["people"]["score"] == 3.57
    assert metrics_of(payload)["saved_leads"]["missing_input"] is True


def test_score_json_change_ends_on_the_score_it_reports(export, capsys):
    # The views were read on the export date (2026-10-15): as of 2026-10-05 they do not
    # count yet: the score is the comments' 0.80 of the module docstring (the comments of
    # 2026-10-01 are still in the window), and the week up to that day ends on that same
    # total, not on one with the views' 3.5 points.
    args = ("score", export, "--json", "--profile-views", "150", "--as-of", "2026-10-05")
    payload = json.loads(run_main(capsys, *args)[1])
    assert payload["total"] == 0.8
    assert metrics_of(payload)["profile_views"]["points"] == 0.0
    assert payload["change"]["total_after"] == payload["total"]
    assert payload["change"]["since"] == "2026-09-28"


def test_score_table_in_german(export, capsys):
    code, out, _ = run_main(capsys, "score", export, "--lang", "de")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Geschätzter SSI zum 15.10.2026, letzte 90 Tage (Modell 2026.1)"
    comments = next(line for line in lines if line.strip().startswith("Kommentare"))
    assert comments.split()[1:] == ["20", "200", "0,50", "/", "5"]
    assert lines[lines.index(next(x for x in lines if x.startswith("Gesamt")))].endswith(
        "0,80 / 100"
    )
    # the points column is aligned: every row with points ends at the same column
    widths = {len(line) for line in lines[2:] if line.endswith(("/ 25", "/ 5", "/ 100"))}
    assert len(widths) == 1


def test_score_json_of_a_sample_matches_the_library(capsys):
    path = sample_path("newcomer")
    payload = json.loads(run_main(capsys, "score", path, "--json", "--lang", "de")[1])
    expected = score_payload(score_as_of(read_export([path])), "de")
    # percentiles, band and tips sit beside the score (tests/scoring/cli/test_score_guidance.py)
    assert set(payload) == set(expected) | {"band", "percentiles", "tips", "change", "model"}
    assert {key: payload[key] for key in expected} == expected


def test_history_json(export):
    result = ssi("history", export, "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    # weekly back from the export date while on or after the first activity (10-01)
    assert [r["as_of"] for r in rows] == ["2026-10-01", "2026-10-08", "2026-10-15"]
    assert rows[-1] == {
        "as_of": "2026-10-15",
        "total": 0.8,
        "brand": 0.0,
        "people": 0.07,
        "insights": 0.73,
        "relationships": 0.0,
    }


def test_history_daily_and_table(export, capsys):
    rows = json.loads(run_main(capsys, "history", export, "--json", "--freq", "D")[1])
    assert len(rows) == 15  # 10-01 … 10-15
    table = run_main(capsys, "history", export, "--freq", "m", "--lang", "de")[1].splitlines()
    assert table[0].split() == ["Datum", "Gesamt", "Marke", "Personen", "Einblicke", "Beziehungen"]
    assert table[-1].split() == ["15.10.2026", "0,80", "0,00", "0,07", "0,73", "0,00"]


BAD_INPUT = [
    (("score", "{export}", "--as-of", "15.10.2026"), "--as-of must be a date"),
    (("score", "{missing}"), "does not exist"),
    (("score", "{export}", "--window-days", "ninety"), "whole number of days"),
    (("score", "{export}", "--window-days", "0"), "whole number of days"),
    (("score", "{export}", "--profile-views", "-3"), "--profile-views must be a number"),
    (("history", "{export}", "--freq", "Q"), "must be one of D, W, M"),
    (("history", "{export}", "--window-days", "4000"), "from 1 to 3650"),
]


@pytest.mark.parametrize(("args", "message"), BAD_INPUT[:2])
def test_bad_input_exits_2_with_one_line(export, tmp_path, args, message):
    filled = [a.format(export=export, missing=tmp_path / "nope.zip") for a in args]
    result = ssi(*filled)
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(("args", "message"), BAD_INPUT)
def test_every_bad_input_is_exit_code_2(export, tmp_path, capsys, args, message):
    filled = [a.format(export=export, missing=tmp_path / "nope.zip") for a in args]
    code, out, err = run_main(capsys, *filled)
    assert (code, out) == (2, "")
    assert message in err
    assert len(err.strip().splitlines()) == 1


def test_bad_input_in_german(export, capsys):
    code, _, err = run_main(capsys, "score", export, "--as-of", "gestern", "--lang", "de")
    assert code == 2
    assert err.strip() == (
        "--as-of muss ein Datum der Form JJJJ-MM-TT sein (z. B. 2026-10-15), nicht gestern."
    )


def test_values_carry_their_unit_as_on_the_dashboard(export, capsys):
    lines = run_main(capsys, "score", export, "--lang", "de")[1].splitlines()
    days = next(line for line in lines if line.strip().startswith("Aktive Tage"))
    # 1 active day of a 90-day target: value and target in days, as on the Pillars page
    assert days.split()[2:6] == ["1", "Tag", "90", "Tage"]


def test_empty_values_are_explained_below_the_table():
    data = make_export(
        export_date=date(2026, 10, 15),
        invitations={"at": ["2026-10-01"], "direction": ["INCOMING"]},
    )
    lines = score_text(score_as_of(data), "en").splitlines()
    accepted = next(line for line in lines if line.strip().startswith("Accepted invitations"))
    # the value cell as the dashboard's Pillars table shows it (scoring.present)
    assert accepted.split()[2:5] == ["–", "(no", "value)"]
    assert (
        "Accepted invitations: You sent no connection request in the window, so there is "
        "nothing to accept yet." in lines
    )


def test_a_score_after_the_export_date_says_the_export_knows_nothing_later(export, capsys):
    code, out, _ = run_main(capsys, "score", export, "--as-of", "2027-01-15", "--tips", "0")
    assert code == 0
    lines = out.splitlines()
    # the window 2026-10-18 … 2027-01-15 holds none of the 20 comments of 2026-10-01
    comments = next(line for line in lines if line.strip().startswith("Comments"))
    assert comments.split()[1:] == ["0", "200", "0.00", "/", "5"]
    assert (
        "The export ends on 2026-10-15 and knows nothing after it: this score shows your "
        "activity leaving the window as if you had stopped on that day." in lines
    )
    _, on_export_day, _ = run_main(capsys, "score", export, "--tips", "0")
    assert "knows nothing after it" not in on_export_day


def test_the_after_export_note_in_german():
    data = make_export(export_date=date(2026, 10, 15), comments={"at": ["2026-10-01"]})
    text = score_text(
        score_as_of(data, as_of=date(2026, 11, 1)), "de", export_date=data.export_date
    )
    assert text.splitlines()[-1].startswith(
        "Der Export endet am 15.10.2026 und kennt nichts danach"
    )


def test_manual_inputs_before_their_date_are_named_as_entered_not_asked_for(export, capsys):
    args = ("score", export, "--profile-views", "40", "--tips", "0")
    _, earlier, _ = run_main(capsys, *args, "--as-of", "2026-10-01")
    lines = earlier.splitlines()
    # entered for the export date (2026-10-15), so on 2026-10-01 they do not count
    assert (
        "Entered but not counted on this date: Profile views (entered by hand). They describe "
        "the 90 days before the export date and count for scores as of that date or later." in lines
    )
    # saved leads were not entered: still asked for
    assert (
        "Not in the export: Saved leads (entered by hand). Enter them with --profile-views and "
        "--saved-leads to earn their points." in lines
    )
    _, on_export_day, _ = run_main(capsys, *args)
    views = next(x for x in on_export_day.splitlines() if x.strip().startswith("Profile views"))
    # sqrt(40/150) * 3.5 = 0.51640 * 3.5 = 1.807 → 1.81
    assert views.split()[-3:] == ["1.81", "/", "3.5"]
    assert "Entered but not counted" not in on_export_day
