"""docs/security.md says what the code does: its limits are the shipped ones, the CLI is offline.

The limits table is compared with ``scoring/ingest/limits.toml`` key by key, so a limit
changed in one place and not the other fails here; the claim that the CLI opens no
socket is checked by running ``ssi score`` with every socket call made to fail.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from scoring.official.parse import MAX_PAGE_CHARS
from scoring.samples import sample_path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "security.md"
LIMITS = ROOT / "scoring" / "ingest" / "limits.toml"
UNITS = {"": 1, "KiB": 1024, "MiB": 1024**2, "GiB": 1024**3}
ROW = re.compile(r"^\| `(?P<key>[a-z_]+)` \| (?P<value>[^|]+?) \|", re.MULTILINE)


def number(text: str) -> float:
    """``2 GiB`` → 2,147,483,648; ``5,000`` → 5000; ``200`` → 200 (as the doc writes them)."""
    match = re.fullmatch(r"([\d,]+(?:\.\d+)?)\s*(KiB|MiB|GiB)?", text.strip())
    assert match is not None, f"not a number with a unit: {text!r}"
    return float(match.group(1).replace(",", "")) * UNITS[match.group(2) or ""]


def documented_limits(text: str) -> dict[str, float]:
    section = text.split("## Archive limits", 1)[1].split("\n## ", 1)[0]
    rows = [(m["key"], m["value"]) for m in ROW.finditer(section)]
    keys = [key for key, _ in rows]
    assert len(keys) == len(set(keys)), f"a limit is listed twice: {keys}"
    return {key: number(value) for key, value in rows}


def test_the_number_parser_reads_the_docs_spelling():
    assert number("2 GiB") == 2_147_483_648
    assert number("16 MiB") == 16_777_216
    assert number("4 KiB") == 4_096
    assert number("5,000") == 5_000
    assert number("200") == 200


def test_every_archive_limit_in_the_doc_is_the_shipped_value():
    with LIMITS.open("rb") as fh:
        shipped = tomllib.load(fh)
    assert documented_limits(DOC.read_text(encoding="utf-8")) == {
        key: float(value) for key, value in shipped.items()
    }


def test_a_changed_limit_would_be_caught():
    # The same table with one value off must not compare equal.
    text = DOC.read_text(encoding="utf-8").replace(
        "| `max_members` | 5,000 |", "| `max_members` | 500 |"
    )
    with LIMITS.open("rb") as fh:
        shipped = tomllib.load(fh)
    assert documented_limits(text)["max_members"] == 500
    assert documented_limits(text) != {key: float(value) for key, value in shipped.items()}


def test_the_official_page_cap_in_the_doc_is_the_parsers():
    text = DOC.read_text(encoding="utf-8")
    match = re.search(r"`MAX_PAGE_CHARS` = ([\d,]+) characters", text)
    assert match is not None
    assert number(match.group(1)) == MAX_PAGE_CHARS


#: Every way Python opens a connection or resolves a name fails in the child.
OFFLINE = """
import socket, sys

def refused(*args, **kwargs):
    raise OSError("no network in this test: " + repr(args[:1]))

socket.socket.connect = refused
socket.socket.connect_ex = refused
socket.socket.bind = refused
socket.create_connection = refused
socket.getaddrinfo = refused
socket.gethostbyname = refused
from scoring.cli import main
sys.exit(main(["score", "--json", {path!r}]))
"""


@pytest.mark.slow
def test_ssi_score_opens_no_socket(tmp_path):
    run = subprocess.run(
        [sys.executable, "-c", OFFLINE.format(path=str(sample_path("active_seller")))],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=300,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stderr == ""
    assert '"total":' in run.stdout
