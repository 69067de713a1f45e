"""End to end with the bundled samples: import, never keep what others wrote, idempotency."""

from __future__ import annotations

import csv
import io
import re
import shutil
import zipfile
from datetime import date, timedelta

import pytest
from builders import fixed_now
from store_db import BACKENDS, database_bytes, row_counts

from scoring.ingest import read_export
from scoring.model import score_as_of, score_history
from scoring.samples import sample_path
from scoring.store import OfficialEntry, Store, export_hash
from scoring.store.paths import sqlite_file

PERSONAS = ("active_seller", "passive_job_seeker", "newcomer", "basic")
EXPORT_DATE = date(2026, 10, 15)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
#: Columns of the raw CSVs that hold other people's names, addresses or words.
NAME_COLUMNS = {
    "First Name", "Last Name", "FROM", "TO", "From", "To", "FullName",
    "Endorser First Name", "Endorser Last Name", "Endorsee First Name", "Endorsee Last Name",
}  # fmt: skip
TEXT_COLUMNS = {"CONTENT", "SUBJECT", "Message", "ShareCommentary", "Text", "CONVERSATION TITLE"}
SNIPPET = 30
SHORTEST = 5


@pytest.fixture(scope="module")
def exports():
    return {p: read_export([sample_path(p)]) for p in PERSONAS}


@pytest.fixture(scope="module", params=BACKENDS)
def sample_server(request):
    """The PostgreSQL server when this module runs on it, else None (SQLite)."""
    return request.getfixturevalue("pg_server") if request.param == "postgresql" else None


@pytest.fixture(scope="module")
def imported(tmp_path_factory, exports, sample_server):
    """The URL of one database holding every sample, and the import results."""
    if sample_server is None:
        url = f"sqlite:///{tmp_path_factory.mktemp('samples') / 'ssi.sqlite'}"
    else:
        url = sample_server.database()
    with Store(url, now=fixed_now) as store:
        results = {p: _import(store, data) for p, data in exports.items()}
    return url, results


def _import(store: Store, data):
    """Import ``data`` as the CLI does: scored by the model unless already stored."""
    return store.stored_import(export_hash(data)) or store.import_export(
        data, score=score_as_of(data), history=score_history(data)
    )


@pytest.fixture
def db(imported, tmp_path, sample_server):
    """The URL of a copy of the sample database, for a test that changes it."""
    if sample_server is not None:
        return sample_server.database(template=imported[0])
    path = tmp_path / "ssi.sqlite"
    shutil.copy(sqlite_file(imported[0]), path)
    return f"sqlite:///{path}"


def _rows(name: str, raw: bytes) -> list[dict[str, str]]:
    """The rows of one raw export CSV: UTF-16 with tabs or UTF-8, after any preamble."""
    if raw.startswith(b"\xff\xfe"):
        text, delimiter = raw.decode("utf-16"), "\t"
    else:
        text, delimiter = raw.decode("utf-8-sig"), ","
    lines = text.splitlines(keepends=True)
    start = next(
        (i for i, line in enumerate(lines) if line.count(delimiter) >= 1 and "Notes:" not in line
         and not line.startswith('"When')),
        0,
    )  # fmt: skip
    # Comments escape quotes with a backslash instead of doubling them.
    escape = "\\" if name.startswith("Comments") else None
    body = io.StringIO("".join(lines[start:]))
    return list(csv.DictReader(body, delimiter=delimiter, escapechar=escape))


def _private_strings(persona: str) -> set[str]:
    """Every e-mail address, contact name and message snippet in the persona's raw archive."""
    found: set[str] = set()
    with zipfile.ZipFile(sample_path(persona)) as archive:
        for name in archive.namelist():
            if not name.endswith(".csv") or name in ("Profile.csv", "Email Addresses.csv"):
                continue
            for row in _rows(name, archive.read(name)):
                for column, value in row.items():
                    if column is None or value is None:  # cells beyond the header
                        continue
                    value = value.strip()
                    found.update(EMAIL.findall(value))
                    if column in NAME_COLUMNS:
                        found.update(re.split(r"[\s,;]+", value))
                    elif column in TEXT_COLUMNS:
                        found.add(value.strip('"')[:SNIPPET].strip())
    return {s for s in found if len(s) >= SHORTEST}


def _allowed_text(exports) -> str:
    """What the store may hold: the owners' names and industries, file names, metric keys."""
    parts = []
    for data in exports.values():
        parts += [data.profile.first_name or "", data.profile.last_name or ""]
        parts += [data.profile.industry or "", data.archive_name or ""]
        # File names and kinds only: a reader warning quoting a cell would be a leak.
        parts += [f"{s.file} {s.kind}" for s in data.sources]
        parts += [m.key for m in score_as_of(data).metrics()]
    return "\n".join(parts)


def test_samples_are_stored_with_the_models_scores(imported, exports):
    url, results = imported

    with Store(url, now=fixed_now) as store:
        for persona, data in exports.items():
            result = results[persona]
            history = score_history(data)
            assert result.status == "imported"
            assert result.member == data.profile.display_name
            assert result.total == score_as_of(data).total
            assert result.export_date == EXPORT_DATE
            assert result.history_added == len(history)
            stored = store.history(result.member)
            assert stored["total"].tolist() == history["total"].tolist()
        members = store.members().set_index("member")["industry"].to_dict()

    assert members == {
        "Katharina Vogelsang": "Software Development",
        "Deniz Aydın": "IT Services and IT Consulting",
        "Lena Hofbauer": "Financial Services",
        "Sofia Marchetti": "Staffing and Recruiting",
    }


@pytest.fixture(scope="module")
def checked(exports) -> set[str]:
    """The private strings of every sample that no allowed field contains."""
    allowed = _allowed_text(exports)
    return {s for p in PERSONAS for s in _private_strings(p) if s not in allowed}


def _leaks(raw: bytes, checked: set[str]) -> list[str]:
    return sorted(s for s in checked if s.encode("utf-8") in raw)


def test_database_holds_no_contact_data_or_message_text(imported, checked, sample_server):
    url, _ = imported
    raw = database_bytes(url, sample_server)

    # The scan is only meaningful if it looks for many strings of every kind.
    assert sum("@" in s for s in checked) >= 10  # e-mail addresses
    assert sum(" " not in s and "@" not in s for s in checked) >= 50  # names
    assert sum(" " in s for s in checked) >= 20  # message and post snippets
    assert _leaks(raw, checked) == []
    # …while what may be stored is there.
    assert b"Katharina Vogelsang" in raw


def test_the_privacy_scan_finds_a_planted_leak(db, checked, sample_server):
    planted = sorted(s for s in checked if "@" in s)[0]

    with Store(db, now=fixed_now) as store:
        store.add_official(planted, OfficialEntry(as_of=EXPORT_DATE, total=50.0))

    assert _leaks(database_bytes(db, sample_server), checked) == [planted]


def test_importing_the_samples_again_adds_nothing(db, exports):
    before = row_counts(db)

    with Store(db, now=fixed_now) as store:
        again = [
            store.import_export(data, score=score_as_of(data), history=score_history(data)).status
            for data in exports.values()
        ]

    assert again == ["already_imported"] * len(PERSONAS)
    assert row_counts(db) == before


def test_timeline_and_change_of_a_sample(imported, exports):
    url, _ = imported
    history = score_history(exports["active_seller"]).set_index("as_of")
    week_before = EXPORT_DATE - timedelta(days=7)

    with Store(url, now=fixed_now) as store:
        timeline = store.timeline("Katharina Vogelsang")
        change = store.change("Katharina Vogelsang", today=date(2026, 11, 20))

    assert timeline["source"].value_counts().to_dict() == {
        "reconstructed": len(history),
        "snapshot": 1,
    }
    assert change.previous_as_of == week_before
    expected = round(history.loc[EXPORT_DATE, "total"] - history.loc[week_before, "total"], 2)
    assert change.delta["total"] == expected
    # Nov 20 is 36 days after the export.
    assert (change.stale, change.days_since_export) == (True, 36)


def test_forgetting_a_sample_owner_removes_their_name_from_the_file(db, sample_server):
    with Store(db, now=fixed_now) as store:
        store.forget("Lena Hofbauer")
        remaining = store.cohort()["member"].tolist()

    raw = database_bytes(db, sample_server)
    assert b"Hofbauer" not in raw
    assert remaining == ["Deniz Aydın", "Katharina Vogelsang", "Sofia Marchetti"]
