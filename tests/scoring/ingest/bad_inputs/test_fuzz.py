"""Fuzzing every reader: whatever the bytes, an ExportData or the typed error, nothing else.

Targets: a zip (well-formed with hostile members, and a good zip with bytes
flipped), an unpacked folder, loose CSV uploads under LinkedIn's file names,
and the generic activity CSV. Each runs ``SSI_FUZZ_EXAMPLES`` examples (200 by
default, as CI runs them; ``make fuzz`` runs thousands and prints the count).
Each example must finish within a generous bound (the inputs are small).
"""

from __future__ import annotations

import tempfile
import time
from collections import Counter
from datetime import date
from pathlib import Path

import bad_input_cases as B
import pytest
from fuzzing import FUZZ, counts_line
from hypothesis import given
from hypothesis import strategies as st

from scoring.errors import ExportError
from scoring.export import ExportData
from scoring.ingest import read_export

pytestmark = [pytest.mark.fuzz, pytest.mark.slow]

MAX_SECONDS = 10.0
TODAY = date(2026, 11, 30)
COUNTS: Counter[str] = Counter()

NAMES = [
    "Connections.csv", "messages.csv", "Shares.csv", "Comments.csv", "Reactions.csv",
    "Profile.csv", "Invitations.csv", "Skills.csv", "Positions.csv", "Rich_Media.csv",
    "Events.csv", "Jobs/Saved Jobs.csv", "log.csv", "notes.txt", "Articles/Articles/a.html",
    "__MACOSX/._x", "../x.csv", "Votes.csv", "Endorsement_Received_Info.csv",
]  # fmt: skip
HEADERS = [
    B.CONNECTIONS_HEADER, b"Date,Type,Link\n", b"Date,Link,Message\n",
    b"CONVERSATION ID,FROM,DATE,CONTENT\n", b"First Name,Last Name,Headline\n",
    b"timestamp,kind,counterpart,detail\n", b"Date,ShareLink,ShareCommentary,Date\n", b"",
]  # fmt: skip
CELLS = st.sampled_from(
    ["2025-06-01 10:00:00", "08 Feb 2026", "LIKE", "x", "", '"q,uoted"', '"open', "\\",
     "2199-12-31 10:00:00", "message_sent", "post", "Anna", "\x00", "\x81", "ä", "\r", "\n",
     "=cmd|' /C calc'!A0", "\x1b]52;c;aGk=\x07"]
)  # fmt: skip
SEPARATOR = st.sampled_from([",", ";", "\t", "\n", "\r\n"])


@st.composite
def csv_bytes(draw: st.DrawFn) -> bytes:
    """A header LinkedIn uses (or none), then rows of tricky cells and separators."""
    parts = [draw(st.sampled_from(HEADERS))]
    for _ in range(draw(st.integers(0, 12))):
        cells = draw(st.lists(CELLS, max_size=6))
        text = "".join(c + draw(SEPARATOR) for c in cells)
        encoding = draw(st.sampled_from(["utf-8", "cp1252", "utf-16-le"]))
        parts.append(text.encode(encoding, errors="replace"))
    parts.append(draw(st.binary(max_size=24)))
    return b"".join(parts)


MEMBERS = st.dictionaries(st.sampled_from(NAMES), csv_bytes(), min_size=1, max_size=5)


def outcome(sources: object) -> str:
    """Read ``sources``: the kind of result, failing on anything but the typed error."""
    start = time.perf_counter()
    try:
        result = read_export(sources, today=TODAY)
    except ExportError as exc:
        message = exc.message("de")
        assert message and "\n" not in message
        # A brace the data did not bring is a placeholder the catalogue left unfilled.
        assert message.count("{") <= sum(str(v).count("{") for v in exc.params.values())
        kind = "refused"
    else:
        assert isinstance(result, ExportData)
        kind = "read"
    assert time.perf_counter() - start < MAX_SECONDS
    return kind


@pytest.fixture(scope="module", autouse=True)
def _report_counts():
    yield
    print(counts_line(COUNTS))


@FUZZ
@given(MEMBERS)
def test_zip_reader(members):
    COUNTS["zip"] += 1
    outcome([("export.zip", B.zip_of(members))])


@FUZZ
@given(MEMBERS, st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 255)), max_size=8))
def test_zip_reader_with_flipped_bytes(members, flips):
    COUNTS["zip flipped"] += 1
    data = bytearray(B.zip_of(members))
    for position, value in flips:
        data[position % len(data)] = value
    outcome([("export.zip", bytes(data))])


@FUZZ
@given(MEMBERS)
def test_folder_reader(members):
    COUNTS["folder"] += 1
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "Complete_LinkedInDataExport_10-15-2026"
        for name, data in members.items():
            path = (folder / name.replace("../", "up/")).resolve()
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        outcome([folder])


@FUZZ
@given(st.lists(st.tuples(st.sampled_from(NAMES), csv_bytes()), min_size=1, max_size=4))
def test_loose_csv_reader(uploads):
    COUNTS["loose"] += 1
    outcome(uploads)


@FUZZ
@given(csv_bytes())
def test_generic_csv_reader(body):
    COUNTS["generic"] += 1
    outcome([("activity.csv", b"timestamp,kind,counterpart,detail\n" + body)])
