"""``ssi import / snapshots / team / official add / forget`` run as a user runs them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from builders import fixed_now

from scoring.cli.store_cmd import export_groups, read_text
from scoring.errors import InputError
from scoring.i18n import fmt_number
from scoring.ingest import read_export
from scoring.model import score_as_of
from scoring.samples import SAMPLE_DIR, sample_path
from scoring.store import Store

# Each test starts the program one to three times (about a second each on an idle
# machine) and the first imports every sample.
pytestmark = pytest.mark.slow

PERSONAS = ("active_seller", "passive_job_seeker", "newcomer", "basic")
ROOT = Path(__file__).resolve().parents[3]
OWNERS = {
    "active_seller": "Katharina Vogelsang",
    "passive_job_seeker": "Deniz Aydın",
    "newcomer": "Lena Hofbauer",
    "basic": "Sofia Marchetti",
}


def ssi(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m scoring`` with ``args``, without inheriting database or language settings."""
    clean = {k: v for k, v in os.environ.items() if k not in ("SSI_DATABASE_URL", "SSI_LANG")}
    return subprocess.run(
        [sys.executable, "-m", "scoring", *args],
        cwd=ROOT,
        env={**clean, **(env or {})},
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


@pytest.fixture(scope="module")
def imported(tmp_path_factory) -> tuple[Path, dict]:
    """A database file with every sample imported through the CLI, and its JSON answer."""
    path = tmp_path_factory.mktemp("cli") / "ssi.sqlite"
    run = ssi(
        "import", *(str(sample_path(p)) for p in PERSONAS), "--json", "--db", f"sqlite:///{path}"
    )
    assert run.returncode == 0, run.stderr
    return path, json.loads(run.stdout)


@pytest.fixture(scope="module")
def model_totals() -> dict[str, float]:
    """Each owner's total as the model computes it, without the store or the CLI."""
    return {OWNERS[p]: score_as_of(read_export([sample_path(p)])).total for p in PERSONAS}


@pytest.fixture
def db(imported, tmp_path) -> str:
    """The URL of a private copy of the imported database."""
    path = tmp_path / "ssi.sqlite"
    shutil.copy(imported[0], path)
    return f"sqlite:///{path}"


def test_import_reports_each_export_with_the_models_total(imported, model_totals):
    path, answer = imported

    assert answer["database"] == str(path)
    assert [r["member"] for r in answer["imports"]] == [OWNERS[p] for p in PERSONAS]
    assert {r["status"] for r in answer["imports"]} == {"imported"}
    for result in answer["imports"]:
        assert result["total"] == model_totals[result["member"]]
        assert result["export_date"] == "2026-10-15"


def test_importing_again_adds_nothing_and_says_so_in_german(db):
    run = ssi("import", str(sample_path("newcomer")), "--db", db, "--lang", "de")

    assert run.returncode == 0
    assert run.stdout.strip() == (
        "Der Export vom 15.10.2026 ist für Lena Hofbauer bereits gespeichert; "
        "nichts wurde hinzugefügt."
    )


def test_snapshots_list_scores_changes_and_staleness(db):
    run = ssi("snapshots", "--db", db, "--json", "--today", "2026-11-20")

    answer = json.loads(run.stdout)
    assert run.returncode == 0
    assert sorted(s["member"] for s in answer["snapshots"]) == sorted(OWNERS.values())
    with Store(db, now=fixed_now) as store:
        expected = store.change("Katharina Vogelsang", today=date(2026, 11, 20))
    change = next(c for c in answer["changes"] if c["member"] == "Katharina Vogelsang")
    assert change["delta"] == expected.delta
    assert change["previous_as_of"] == "2026-10-08"
    # Nov 20 is 36 days after Oct 15: stale.
    assert (change["stale"], change["days_since_export"]) == (True, 36)

    text = ssi("snapshots", "--db", db, "--member", "katharina vogelsang", "--today", "2026-10-20")
    lines = text.stdout.splitlines()
    assert lines[1].split() == [
        "Member", "Date", "Total", "Brand", "People", "Insights", "Relationships", "Archive",
    ]  # fmt: skip
    assert lines[2].startswith("Katharina Vogelsang  2026-10-15")
    assert lines[3].startswith("Katharina Vogelsang: ")
    assert lines[3].endswith("since last week.")
    assert len(lines) == 4  # five days old: no staleness warning


def test_team_ranks_members_by_total(db):
    run = ssi("team", "--db", db, "--json")

    answer = json.loads(run.stdout)
    totals = {OWNERS[p]: score_as_of(read_export([sample_path(p)])).total for p in PERSONAS}
    by_total = sorted(totals, key=totals.get, reverse=True)
    assert [row["member"] for row in answer["team"]] == by_total
    assert [row["rank"] for row in answer["team"]] == [1, 2, 3, 4]
    assert answer["average"][-1]["members"] == 4
    # The team average of the week is the mean of the four newest totals.
    assert answer["average"][-1]["total"] == pytest.approx(sum(totals.values()) / 4, abs=0.005)


def test_team_average_of_the_latest_estimates_and_stale_members(db, model_totals):
    fresh = json.loads(ssi("team", "--db", db, "--json", "--today", "2026-10-20").stdout)
    stale = ssi("team", "--db", db, "--today", "2027-01-14", "--without-stale", "--lang", "de")

    latest = fresh["latest_average"]
    assert latest["members"] == 4
    assert latest["total"] == pytest.approx(sum(model_totals.values()) / 4, abs=0.005)
    assert set(latest["pillars"]) == {"brand", "people", "insights", "relationships"}
    assert (latest["first"], latest["last"]) == ("2026-10-15", "2026-10-15")
    assert (latest["stale"], latest["left_out"]) == ([], [])
    # Every sample was exported on 2026-10-15; 2027-01-14 is 91 days later: all stale,
    # and all left out, so there is no average to print.
    lines = stale.stdout.splitlines()
    names = ", ".join(sorted(OWNERS.values()))
    assert f"Veraltet (neuester Export mehr als 90 Tage vor dem 14.01.2027): {names}." in lines
    assert f"Als veraltet nicht im Durchschnitt: {names}." in lines
    assert not any(line.startswith("Team-Durchschnitt") for line in lines)
    english = ssi("team", "--db", db, "--today", "2026-10-20").stdout.splitlines()
    mean = fmt_number(round(sum(model_totals.values()) / 4, 2), "en")
    assert english[-1] == (
        f"Team average of each member's latest estimate: {mean} out of 100 (4 members, "
        "estimates from 2026-10-15 to 2026-10-15)."
    )


def test_official_reading_from_flags_and_from_page_text(db, tmp_path):
    typed = ssi(
        "official", "add", "--member", "lena hofbauer", "--total", "21", "--brand", "5,5",
        "--industry-rank", "40%", "--date", "2026-10-01", "--db", db,
    )  # fmt: skip
    page = tmp_path / "ssi-page.txt"
    page.write_text((SAMPLE_DIR / "official_en.txt").read_text(), encoding="utf-8")
    pasted = ssi(
        "official", "add", "--member", "Lena Hofbauer", "--text-file", str(page),
        "--date", "2026-10-16", "--db", db,
    )  # fmt: skip

    assert typed.returncode == 0, typed.stderr
    assert typed.stdout.strip() == (
        "Stored the official reading of 2026-10-01 for Lena Hofbauer: 21.0 out of 100."
    )
    assert pasted.returncode == 0, pasted.stderr
    with Store(db, now=fixed_now) as store:
        readings = store.official_readings("Lena Hofbauer")
    assert readings["as_of"].tolist() == [date(2026, 10, 1), date(2026, 10, 16)]
    assert readings.loc[0, ["total", "brand", "industry_top_pct"]].tolist() == [21.0, 5.5, 40.0]
    assert readings.loc[1, "total"] > 0


def test_official_reading_errors_are_one_line(db):
    nothing = ssi("official", "add", "--member", "Lena Hofbauer", "--db", db)
    bad_date = ssi(
        "official", "add", "--member", "X", "--total", "5", "--date", "15.10.2026", "--db", db
    )  # fmt: skip

    assert nothing.returncode == bad_date.returncode == 2
    assert nothing.stderr.strip() == (
        "Give the total from LinkedIn's SSI page with --total, or the copied page text "
        "with --text-file."
    )
    assert bad_date.stderr.strip() == (
        "15.10.2026 is not a date; write it as YYYY-MM-DD, e.g. 2026-10-15."
    )
    assert "Traceback" not in nothing.stderr + bad_date.stderr


def test_unreadable_page_text_file_is_named(tmp_path):
    latin = tmp_path / "page.txt"
    latin.write_bytes("Größe 53 von 100".encode("latin-1"))

    with pytest.raises(InputError) as missing:
        read_text(str(tmp_path / "nothing.txt"))
    with pytest.raises(InputError) as not_utf8:
        read_text(str(latin))

    assert str(missing.value) == (
        f"The file {tmp_path / 'nothing.txt'} could not be read (No such file or directory); "
        "save the copied page text as a plain UTF-8 text file."
    )
    assert f"{latin} could not be read (not UTF-8 text)" in str(not_utf8.value)


def test_forget_asks_first_and_deletes_with_yes(db):
    refused = ssi("forget", "--member", "Deniz Aydın", "--db", db)
    done = ssi("forget", "--member", "deniz aydın", "--yes", "--json", "--db", db)

    assert refused.returncode == 2
    assert refused.stderr.strip() == (
        "Deleting Deniz Aydın needs a confirmation; run the command in a terminal, or add --yes."
    )
    assert done.returncode == 0
    answer = json.loads(done.stdout)
    assert (answer["member"], answer["imports"], answer["snapshots"]) == ("Deniz Aydın", 1, 1)
    with Store(db, now=fixed_now) as store:
        assert "Deniz Aydın" not in store.members()["member"].tolist()
        assert len(store.members()) == 3


def test_unusable_database_is_one_line_on_stderr(tmp_path):
    notes = tmp_path / "notes.sqlite"
    notes.write_text("not a database\n" * 100)

    run = ssi("team", "--db", f"sqlite:///{notes}")

    assert run.returncode == 2
    assert run.stderr.startswith(f"The score database {notes} could not be opened")
    assert len(run.stderr.strip().splitlines()) == 1


def test_default_database_is_in_the_data_folder_or_ssi_database_url(tmp_path):
    data_home = tmp_path / "xdg"
    default = ssi("snapshots", env={"XDG_DATA_HOME": str(data_home)})
    team_url = f"sqlite:///{tmp_path / 'team.sqlite'}"
    shared = ssi("team", env={"SSI_DATABASE_URL": team_url, "XDG_DATA_HOME": str(data_home)})

    assert default.returncode == 0
    assert default.stdout.splitlines() == [
        f"Database: {data_home / 'ssi-dashboard' / 'ssi.sqlite'}",
        "No scores stored yet; import an export with: ssi import PATH",
    ]
    assert (data_home / "ssi-dashboard" / "ssi.sqlite").is_file()
    assert shared.stdout.splitlines()[0] == f"Database: {tmp_path / 'team.sqlite'}"
    assert (tmp_path / "team.sqlite").is_file()


def test_member_flag_names_the_export_owner(tmp_path):
    url = f"sqlite:///{tmp_path / 'ssi.sqlite'}"

    run = ssi("import", str(sample_path("basic")), "--member", "Recruiting Desk", "--db", url)

    assert run.returncode == 0, run.stderr
    assert "for Recruiting Desk:" in run.stdout
    with Store(url, now=fixed_now) as store:
        assert store.members()["member"].tolist() == ["Recruiting Desk"]


def test_exports_before_a_broken_one_are_stored_and_reported(tmp_path):
    url = f"sqlite:///{tmp_path / 'ssi.sqlite'}"
    broken = tmp_path / "Broken.zip"
    broken.write_text("not a zip archive")

    run = ssi("import", str(sample_path("newcomer")), str(broken), "--db", url)

    assert run.returncode == 2
    assert run.stdout.startswith("Stored the export of 2026-10-15 for Lena Hofbauer:")
    assert len(run.stderr.strip().splitlines()) == 1
    assert str(broken) in run.stderr
    with Store(url, now=fixed_now) as store:
        assert store.members()["member"].tolist() == ["Lena Hofbauer"]


def test_each_zip_and_folder_is_one_export_and_loose_files_form_one(tmp_path):
    folder = tmp_path / "unzipped"
    folder.mkdir()
    paths = ["a.zip", str(folder), "Shares.csv", "B.ZIP", "Connections.csv"]

    groups = export_groups(paths)

    assert groups == [
        [Path("a.zip")],
        [folder],
        [Path("B.ZIP")],
        [Path("Shares.csv"), Path("Connections.csv")],
    ]


def test_registering_the_commands_loads_no_database_code():
    code = (
        "import sys; from scoring.cli import build_parser; build_parser(); "
        "print(sorted(m for m in ('sqlalchemy', 'alembic', 'scoring.store') if m in sys.modules))"
    )

    run = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )

    assert run.stdout.strip() == "[]", run.stderr
