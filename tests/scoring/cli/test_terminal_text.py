"""Text from an export or the database never reaches the terminal as a command (issue 11, row 2).

A profile name, a member name from the team database, a file name inside a zip
and a peer file's name carry the sequences an attacker would use: ``ESC]52;c;…BEL``
(sets the clipboard), ``ESC]0;…BEL`` (the window title), ``ESC[8m`` (hides what
follows), a newline (forges an output line), a C1 control (NEL, U+0085) and a
bidi override (U+202E). In text output each of them is shown as U+FFFD; in JSON
each is escaped, so a script still gets the exact value.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest

import scoring.cli as cli
from scoring.samples import sample_path

HOSTILE = "Eve\x1b]52;c;aGk=\x07\x1b]0;pwned\x07\x1b[8mhidden\nforged\x85\u202eevil"
R = "\ufffd"
#: HOSTILE on one line: ESC, BEL, ESC, BEL, ESC, newline, NEL and RLO each replaced.
HOSTILE_SHOWN = f"Eve{R}]52;c;aGk={R}{R}]0;pwned{R}{R}[8mhidden{R}forged{R}{R}evil"
#: The profile's last name as the store keeps the member name: whitespace (the
#: newline and NEL) collapsed to single spaces, the rest as it came.
MEMBER = "Lena Eve\x1b]52;c;aGk=\x07\x1b]0;pwned\x07\x1b[8mhidden forged \u202eevil"
MEMBER_SHOWN = f"Lena Eve{R}]52;c;aGk={R}{R}]0;pwned{R}{R}[8mhidden forged {R}evil"
#: Never printed raw: C0 but newline, DEL, C1 and the bidi controls.
UNSAFE = [chr(c) for c in (*range(0x20), 0x7F, *range(0x80, 0xA0), 0x202A, 0x202E, 0x2066)]
UNSAFE.remove("\n")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def assert_no_control(text: str) -> None:
    assert [c for c in text if c in UNSAFE] == []


@pytest.fixture(scope="module")
def hostile_zip(tmp_path_factory) -> Path:
    """The newcomer sample with HOSTILE as the last name and in an extra file's name.

    The summary is long, as real ones are: a short Profile.csv with six control
    characters would be refused as binary data before any name is read.
    """
    source = sample_path("newcomer")
    target = tmp_path_factory.mktemp("hostile") / source.name
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "Profile.csv":
                rows = list(csv.reader(io.StringIO(data.decode("utf-8"))))
                rows[1][1] = HOSTILE  # Last Name
                rows[1][6] = "Helping teams sell. " * 60  # Summary
                text = io.StringIO()
                csv.writer(text, lineterminator="\n").writerows(rows)
                data = text.getvalue().encode("utf-8")
            dst.writestr(info.filename, data)
        dst.writestr(f"notes{HOSTILE}.txt", b"not LinkedIn's")
    return target


@pytest.fixture(scope="module")
def team_db(hostile_zip, tmp_path_factory) -> str:
    """A database with the hostile export imported under its profile name."""
    url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'ssi.sqlite'}"
    assert cli.main(["import", str(hostile_zip), "--db", url, "--json"]) == 0
    return url


def test_inspect_text_replaces_control_characters_in_a_zip_entry_name(hostile_zip, capsys):
    code, out, _ = run(capsys, "inspect", str(hostile_zip))

    assert code == 0
    assert_no_control(out)
    ignored = f"Ignored files (3): Registration.csv, guide_messages.csv, notes{HOSTILE_SHOWN}.txt"
    assert ignored in out.splitlines()


def test_inspect_json_escapes_a_zip_entry_name_and_keeps_its_value(hostile_zip, capsys):
    code, out, _ = run(capsys, "inspect", str(hostile_zip), "--json")

    assert code == 0
    assert_no_control(out)
    assert (
        r'"notesEve\u001b]52;c;aGk=\u0007\u001b]0;pwned\u0007\u001b[8mhidden\nforged'
        r'\u0085\u202eevil.txt"' in out
    )
    assert json.loads(out)["ignored"][-1] == f"notes{HOSTILE}.txt"


def test_import_names_the_member_without_control_characters(hostile_zip, tmp_path, capsys):
    code, out, _ = run(capsys, "import", str(hostile_zip), "--db", f"sqlite:///{tmp_path}/t.db")

    assert code == 0
    assert_no_control(out)
    assert out.startswith(f"Stored the export of 2026-10-15 for {MEMBER_SHOWN}: ")
    assert out.count("\n") == 1


def test_team_text_shows_a_stored_member_name_replaced(team_db, capsys):
    code, out, _ = run(capsys, "team", "--db", team_db, "--today", "2026-10-20")

    assert code == 0
    assert_no_control(out)
    row = out.splitlines()[2]  # the database line, the header, then the only member
    assert row.startswith(f"1     {MEMBER_SHOWN}  Financial Services  ")


def test_team_text_in_german_too(team_db, capsys):
    code, out, _ = run(capsys, "team", "--db", team_db, "--today", "2026-10-20", "--lang", "de")

    assert code == 0
    assert_no_control(out)
    assert out.splitlines()[2].startswith(f"1     {MEMBER_SHOWN}  ")


def test_team_json_escapes_a_stored_member_name(team_db, capsys):
    code, out, _ = run(capsys, "team", "--db", team_db, "--today", "2026-10-20", "--json")

    assert code == 0
    assert_no_control(out)
    escaped = (
        r'"Lena Eve\u001b]52;c;aGk=\u0007\u001b]0;pwned\u0007\u001b[8mhidden forged '
        r'\u202eevil"'
    )
    assert f'"member": {escaped}' in out
    assert json.loads(out)["team"][0]["member"] == MEMBER


def test_snapshots_show_the_member_name_replaced(team_db, capsys):
    code, out, _ = run(capsys, "snapshots", "--db", team_db, "--today", "2026-10-20")

    assert code == 0
    assert_no_control(out)
    assert out.splitlines()[2].startswith(f"{MEMBER_SHOWN}  2026-10-15  ")


@pytest.fixture
def hostile_peers(tmp_path) -> Path:
    """The example peer file under a name with control characters (legal on Linux)."""
    path = tmp_path / "peers\x1b]0;pwned\x07\x1b[8m\n\x85\u202e.csv"
    shutil.copy(sample_path("newcomer").parent.parent / "peers_example.csv", path)
    return path


def test_score_text_never_shows_a_hostile_peer_file_name(hostile_zip, hostile_peers, capsys):
    code, out, _ = run(capsys, "score", str(hostile_zip), "--peers", str(hostile_peers))

    assert code == 0
    assert_no_control(out)
    network = next(line for line in out.splitlines() if line.startswith("Network rank:"))
    # The group is named by its people, never by the file's name (which never reaches
    # the terminal at all): peers_example.csv has 8 people.
    assert " · Average of your peers (8 people): " in network
    assert "pwned" not in out


def test_score_json_never_carries_a_hostile_peer_file_name(hostile_zip, hostile_peers, capsys):
    code, out, _ = run(capsys, "score", str(hostile_zip), "--peers", str(hostile_peers), "--json")

    assert code == 0
    assert_no_control(out)
    # The group is "Your peers", never the file's name: nothing of it reaches the JSON.
    assert json.loads(out)["percentiles"]["network"]["group"] == "Your peers"
    assert "pwned" not in out


def test_an_error_naming_a_hostile_path_is_one_replaced_line(tmp_path, capsys):
    missing = tmp_path / f"gone{HOSTILE}.zip"
    code, out, err = run(capsys, "score", str(missing), "--lang", "de")

    assert code == 2
    assert out == ""
    assert_no_control(err)
    assert err.count("\n") == 1
    assert f"gone{HOSTILE_SHOWN}.zip" in err
