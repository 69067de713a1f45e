"""``ssi inspect``: what the reader found, as a table (en/de) or as JSON, and clean failures."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile

import pytest

from scoring import ingest
from scoring.cli import main

PROFILE = (
    b"First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,"
    b"Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers\n"
    b"Anna,Beispiel,,,Aug 12,Sales,,Software Development,,Hamburg,,,\n"
)
# Preamble, one named and one hidden connection.
CONNECTIONS = (
    b'Notes:\n"When exporting your connection data, you may notice that some of the email'
    b' addresses are missing."\n\n'
    b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    b"Lena,Hartmann,https://www.linkedin.com/in/lena-h,,Nordwind,CPO,08 Feb 2026\n"
    b",,,,,,03 Dec 2025"
)
# Every field quoted (2026); the second message has no date and is skipped.
MESSAGES = (
    b'"CONVERSATION ID","CONVERSATION TITLE","FROM","SENDER PROFILE URL","TO",'
    b'"RECIPIENT PROFILE URLS","DATE","SUBJECT","CONTENT","FOLDER"\n'
    b'"2-A==","","Lena Hartmann","https://www.linkedin.com/in/lena-h","Anna Beispiel",'
    b'"https://www.linkedin.com/in/anna","2026-01-10 10:00:00 UTC","","Hallo","INBOX"\n'
    b'"2-A==","","Anna Beispiel","https://www.linkedin.com/in/anna","Lena Hartmann",'
    b'"https://www.linkedin.com/in/lena-h","","","Hallo zur\xc3\xbcck","INBOX"\n'
)
BASIC_FILES = {
    "Profile.csv": PROFILE,
    "Connections.csv": CONNECTIONS,
    "messages.csv": MESSAGES,
    "Skills.csv": b"Name\n",
    "Registration.csv": b"Registered At,Registration Ip\n",
}

# SCORING_KINDS in their order, less profile, skills, messages and connections.
BASIC_MISSING = [
    "profile_summary", "positions", "education", "certifications", "courses", "languages",
    "projects", "honors", "volunteering", "rich_media", "endorsements_received",
    "recommendations_received", "articles", "shares", "comments", "reactions", "votes",
    "reposts", "search_queries", "company_follows", "member_follows", "invitations",
]  # fmt: skip

BASIC_NOTICE = (
    "This is a Basic archive: it has no posts, comments, reactions, poll votes, searches or "
    "follows, so the activity parts of the score cannot be computed. Request the Complete "
    "archive on LinkedIn: Settings → Data privacy → Get a copy of your data → "
    "“Download larger data archive”."
)


def write_zip(path, files: dict[str, bytes]):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    path.write_bytes(buffer.getvalue())
    return path


@pytest.fixture
def basic_zip(tmp_path):
    return write_zip(tmp_path / "Basic_LinkedInDataExport_10-15-2026.zip", BASIC_FILES)


def run_ssi(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("SSI_LANG", "SSI_DEBUG")}
    return subprocess.run(
        [sys.executable, "-m", "scoring", *args],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip


@pytest.mark.slow
def test_json_of_a_basic_archive(basic_zip):
    done = run_ssi("inspect", "--json", str(basic_zip))
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert json.loads(done.stdout) == {
        "archive_kind": "basic",
        "export_date": "2026-10-15",
        "sources": [
            {"file": "Profile.csv", "kind": "profile", "rows": 1, "skipped": 0, "warnings": []},
            {"file": "Connections.csv", "kind": "connections", "rows": 2, "skipped": 0,
             "warnings": []},
            {"file": "messages.csv", "kind": "messages", "rows": 1, "skipped": 1, "warnings": []},
            {"file": "Skills.csv", "kind": "skills", "rows": 0, "skipped": 0,
             "warnings": ["the file has a header but no rows"]},
        ],
        "ignored": ["Registration.csv"],
        "missing": BASIC_MISSING,
        "notice": BASIC_NOTICE,
    }  # fmt: skip


def test_a_bad_zip_exits_2_with_one_line_and_no_traceback(tmp_path):
    bad = tmp_path / "Complete_LinkedInDataExport_10-15-2026.zip"
    bad.write_bytes(b"<html>Your download failed</html>")
    done = run_ssi("inspect", "--json", str(bad))
    assert done.returncode == 2
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    assert done.stderr == (
        f"{bad} is not a zip archive. Choose the .zip file LinkedIn sent you, "
        "or the folder you unpacked it to.\n"
    )


def test_bad_input_message_follows_the_language(tmp_path, capsys):
    assert main(["inspect", "--lang", "de", str(tmp_path / "fehlt.zip")]) == 2
    err = capsys.readouterr().err
    assert (
        err == f"{tmp_path / 'fehlt.zip'} existiert nicht. "
        "Prüfen Sie den Pfad und versuchen Sie es erneut.\n"
    )


def test_human_table_in_english(basic_zip, capsys):
    assert main(["inspect", "--lang", "en", str(basic_zip)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:9] == [
        "Export: Basic_LinkedInDataExport_10-15-2026.zip",
        "Archive kind: Basic",
        "Export date: 2026-10-15 (from the archive name)",
        "",
        "File             Kind         Rows  Skipped",
        "Profile.csv      Profile         1        0",
        "Connections.csv  Connections     2        0",
        "messages.csv     Messages        1        1",
        "Skills.csv       Skills          0        0",
    ]
    assert lines[9:19] == [
        "",
        "Skipped rows",
        "  messages.csv: 1 × no date",
        "",
        "Warnings",
        "  Skills.csv: the file has a header but no rows",
        "",
        "Ignored files (1): Registration.csv",
        "",
        "Missing for the score: Profile summary, Positions, Education, Certifications, "
        "Courses, Languages, Projects, Honors, Volunteering, Photos and media, Endorsements "
        "received, Recommendations received, Articles, Posts, Comments, Reactions, Poll votes, "
        "Reposts, Searches, Companies followed, Members followed, Invitations",
    ]
    assert lines[19:] == ["", f"⚠ {BASIC_NOTICE}"]


def test_human_table_in_german(basic_zip, capsys):
    assert main(["inspect", "--lang", "de", str(basic_zip)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1:9] == [
        "Archivart: Basis (Basic)",
        "Exportdatum: 15.10.2026 (aus dem Archivnamen)",
        "",
        "Datei            Art          Zeilen  Übersprungen",
        "Profile.csv      Profil            1             0",
        "Connections.csv  Kontakte          2             0",
        "messages.csv     Nachrichten       1             1",
        "Skills.csv       Kenntnisse        0             0",
    ]
    assert "  messages.csv: 1 × kein Datum" in lines
    assert "  Skills.csv: die Datei hat eine Kopfzeile, aber keine Zeilen" in lines
    assert lines[-1].startswith("⚠ Dies ist ein Basis-Archiv:")


def test_loose_files_missing_activity_get_the_activity_notice(tmp_path, capsys):
    connections = tmp_path / "Connections.csv"
    connections.write_bytes(CONNECTIONS)
    shares = tmp_path / "Shares.csv"
    shares.write_bytes(b"Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n")
    assert main(["inspect", "--json", str(connections), str(shares)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["archive_kind"] == "partial"
    assert out["notice"] == (
        "The export lacks Comments, Reactions, Poll votes, Searches, Members followed, so the "
        "activity parts of the score that need them cannot be computed. Request the Complete "
        "archive on LinkedIn: Settings → Data privacy → Get a copy of your data → "
        "“Download larger data archive”."
    )


def test_a_complete_export_has_no_notice(tmp_path, capsys):
    header = {
        "Shares.csv": b"Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n",
        "Comments.csv": b"Date,Link,Message\n",
        "Reactions.csv": b"Date,Type,Link\n",
        "Votes.csv": b"Date,Link,OptionText\n",
        "SearchQueries.csv": b"Time,Search Query\n",
        "Member_Follows.csv": b"Date,Status,FullName\n",
    }
    path = write_zip(tmp_path / "Complete_LinkedInDataExport_10-15-2026.zip",
                     {**BASIC_FILES, **header})  # fmt: skip
    assert main(["inspect", "--json", str(path)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["archive_kind"] == "complete"
    assert "notice" not in out
    assert set(out) == {"archive_kind", "export_date", "sources", "ignored", "missing"}


def test_an_internal_error_exits_1_with_one_line_and_no_traceback(basic_zip, capsys, monkeypatch):
    def broken(paths, **_):
        raise KeyError("a bug of ours, not the user's input")

    monkeypatch.delenv("SSI_DEBUG", raising=False)
    monkeypatch.setattr(ingest, "read_export", broken)
    assert main(["inspect", "--lang", "de", str(basic_zip)]) == 1
    out = capsys.readouterr()
    assert out.out == ""
    assert out.err == (
        "Interner Fehler (KeyError). Bitte melden Sie ihn; Ihre Daten wurden nicht verändert.\n"
    )
