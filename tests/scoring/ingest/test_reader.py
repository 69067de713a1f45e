"""One export, given as a zip, a folder, uploads or loose files, reads the same."""

from __future__ import annotations

from datetime import date

import ingest_fixtures as F
import pytest
from ingest_fixtures import read_export

from scoring.export import ACTIVITY_KINDS, KINDS
from scoring.ingest import archive_kind_of

ZIP_NAME = "Complete_LinkedInDataExport_02-10-2026.zip"


def write_folder(root, files: dict[str, bytes]):
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return root


@pytest.fixture(scope="module")
def as_zip_upload():
    return read_export([(ZIP_NAME, F.zip_bytes(F.COMPLETE))])


def rows(data) -> dict[str, int]:
    return {kind: len(frame) for kind, frame in data.frames.items()}


def test_zip_path_folder_and_uploads_give_the_same_export(tmp_path, as_zip_upload):
    zip_path = tmp_path / ZIP_NAME
    zip_path.write_bytes(F.zip_bytes(F.COMPLETE))
    folder = write_folder(tmp_path / "Complete_LinkedInDataExport_02-10-2026", F.COMPLETE)
    from_path = read_export([zip_path])
    from_folder = read_export([folder])
    from_uploads = read_export(list(F.COMPLETE.items()))
    for data in (from_path, from_folder, from_uploads):
        assert rows(data) == rows(as_zip_upload)
        for kind in KINDS:
            assert data.frames[kind].equals(as_zip_upload.frames[kind]), kind
    # The same names and bytes hash alike whether zipped or unpacked.
    assert from_path.content_hash == from_folder.content_hash == as_zip_upload.content_hash
    assert from_uploads.content_hash == as_zip_upload.content_hash
    assert from_folder.archive_name == "Complete_LinkedInDataExport_02-10-2026"
    assert from_folder.export_date == date(2026, 2, 10) and from_folder.export_date_from_name


def test_loose_csv_paths(tmp_path):
    folder = write_folder(tmp_path, {"Connections.csv": F.CONNECTIONS, "Skills.csv": F.SKILLS})
    data = read_export([folder / "Connections.csv", str(folder / "Skills.csv")])
    assert (len(data.frame("connections")), len(data.frame("skills"))) == (4, 3)
    assert data.archive_name is None
    assert data.archive_kind == "partial"


def test_a_single_source_may_be_passed_bare(tmp_path):
    path = tmp_path / "Skills.csv"
    path.write_bytes(F.SKILLS)
    assert len(read_export(path).frame("skills")) == 3
    assert len(read_export(("Skills.csv", F.SKILLS)).frame("skills")) == 3


def test_report_fields(as_zip_upload):
    data = as_zip_upload
    assert data.archive_name == ZIP_NAME
    assert data.archive_kind == "complete"
    assert data.export_date == date(2026, 2, 10) and data.export_date_from_name
    assert data.ignored == ("Logins.csv", "guide_messages.csv")
    assert data.present == frozenset(KINDS)
    assert data.missing == ()
    assert [s.file for s in data.sources] == [n for n in F.COMPLETE if n not in data.ignored]
    messages = next(s for s in data.sources if s.kind == "messages")
    assert (messages.rows, messages.skipped, messages.skip_texts()) == (5, 1, {"no date": 1})
    assert len(data.content_hash) == 64


def test_upload_names_with_folders_keep_them():
    data = read_export([("Jobs/Saved Jobs.csv", F.SAVED_JOBS)])
    assert [s.file for s in data.sources] == ["Jobs/Saved Jobs.csv"]
    assert data.present == {"saved_jobs"}


def test_os_metadata_in_a_zip_is_left_out():
    apple_double = b"\x00\x05\x16\x07junk"
    files = {"Skills.csv": F.SKILLS, "__MACOSX/._Skills.csv": apple_double,
             "._Skills.csv": apple_double, ".DS_Store": b"\x00\x00\x00\x01Bud1"}  # fmt: skip
    data = read_export([("export.zip", F.zip_bytes(files))])
    assert [s.file for s in data.sources] == ["Skills.csv"]
    assert data.ignored == ()


def test_top_folder_inside_a_zip_dates_the_export():
    files = {f"Basic_LinkedInDataExport_03-01-2026/{n}": d for n, d in F.BASIC.items()}
    data = read_export([("my export.zip", F.zip_bytes(files))])
    assert data.archive_kind == "basic"
    assert data.export_date == date(2026, 3, 1)
    assert len(data.frame("connections")) == 4


# --- archive kind -------------------------------------------------------------------


def test_name_prefix_decides_the_archive_kind():
    basic_named = read_export(
        [("Basic_LinkedInDataExport_02-10-2026.zip", F.zip_bytes(F.COMPLETE))]
    )
    assert basic_named.archive_kind == "basic"
    complete_named = read_export([(ZIP_NAME, F.zip_bytes(F.BASIC))])
    assert complete_named.archive_kind == "complete"


def test_without_a_name_the_files_decide_the_archive_kind():
    assert read_export(list(F.COMPLETE.items())).archive_kind == "complete"
    assert read_export(list(F.BASIC.items())).archive_kind == "basic"
    one_activity = {**F.BASIC, "Comments.csv": F.COMMENTS}
    assert read_export(list(one_activity.items())).archive_kind == "partial"


@pytest.mark.parametrize(
    ("present", "kind"),
    [
        ({"profile", "connections", *ACTIVITY_KINDS}, "complete"),
        ({"profile", "connections", "messages"}, "basic"),
        ({"connections"}, "partial"),
        ({"profile", "connections", "shares"}, "partial"),
        (set(), "partial"),
    ],
)
def test_archive_kind_rules(present, kind):
    assert archive_kind_of(frozenset(present)) == kind


# --- export date ----------------------------------------------------------------------


def test_export_date_without_a_name_is_the_newest_event_not_a_future_one():
    events = (
        b'Event Name,Event Time,Status,External Url\nFuture,"Sep 12, 2030 06:00 PM",Attending,\n'
    )
    certs = b"Name,Url,Authority,Started On,Finished On,License Number\nX,,Y,Oct 2022,Oct 2031,\n"
    data = read_export([("Connections.csv", F.CONNECTIONS), ("Events.csv", events),
                        ("Certifications.csv", certs)])  # fmt: skip
    # Connections' newest is 08 Feb 2026; the event in 2030 and the expiry in 2031
    # say nothing about when the export was made.
    assert data.export_date == date(2026, 2, 8)
    assert not data.export_date_from_name


def test_export_date_of_utc_evening_events_is_their_utc_day():
    data = read_export([("messages.csv", F.MESSAGES)])
    assert data.export_date == date(2025, 6, 5)  # newest message: 2025-06-05 09:00 UTC
