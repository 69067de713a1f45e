"""Bad input gets one typed error whose message names the file, in English and German."""

from __future__ import annotations

import io
import struct
import zipfile

import ingest_fixtures as F
import pytest
from ingest_fixtures import read_export

from scoring.errors import ArchiveError, ExportError, ExportFormatError, UnsafeArchiveError
from scoring.ingest import (
    ArchiveLimits,
    ArchiveTooLargeError,
    CompressionRatioError,
    CorruptArchiveError,
    EmptyArchiveError,
    EmptyFileError,
    MalformedCsvError,
    MemberTooLargeError,
    NoLinkedInFilesError,
    NotAZipError,
    NotTextError,
    PathTraversalError,
    SourceNotFoundError,
    TooManyMembersError,
    UnexpectedColumnsError,
)

GOOD = F.zip_bytes({"Connections.csv": F.CONNECTIONS, "Profile.csv": F.PROFILE})


def zip_with_raw_names(names: list[str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            info = zipfile.ZipInfo("placeholder")
            info.filename = name  # ZipInfo would clean "../" and "/" away
            archive.writestr(info, F.SKILLS)
    return buffer.getvalue()


def empty_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w"):
        pass
    return buffer.getvalue()


def zip_with_folders_only() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("Jobs/"), b"")
    return buffer.getvalue()


def lying_zip(declared: int) -> bytes:
    """A zip whose directory says Connections.csv unpacks to ``declared`` bytes (it is 200 kB)."""
    data = bytearray(F.zip_bytes({"Connections.csv": F.CONNECTIONS * 300}))
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = data.find(signature)
        struct.pack_into("<I", data, at + offset, declared)
    return bytes(data)


EXPORT = "export.zip"
CASES = [
    # (id, sources, limits, error type, file named in the message)
    ("not a zip", [(EXPORT, b"this is a text file, not a zip")], None, NotAZipError, EXPORT),
    ("truncated zip", [(EXPORT, GOOD[: len(GOOD) // 2])], None, CorruptArchiveError, EXPORT),
    ("empty zip", [(EXPORT, empty_zip())], None, EmptyArchiveError, EXPORT),
    ("only folders", [(EXPORT, zip_with_folders_only())], None, EmptyArchiveError, EXPORT),
    ("no LinkedIn file", [(EXPORT, F.zip_bytes({"notes.txt": b"hello", "photo.jpg": b"\xff\xd8"}))],
     None, NoLinkedInFilesError, EXPORT),
    ("parent path", [(EXPORT, zip_with_raw_names(["../Skills.csv"]))], None,
     PathTraversalError, "../Skills.csv"),
    ("absolute path", [(EXPORT, zip_with_raw_names(["/etc/Skills.csv"]))], None,
     PathTraversalError, "/etc/Skills.csv"),
    ("drive path", [(EXPORT, zip_with_raw_names(["C:\\Skills.csv"]))], None,
     PathTraversalError, "C:\\Skills.csv"),
    ("upload path", [("../../Skills.csv", F.SKILLS)], None, PathTraversalError, "../../Skills.csv"),
    ("member too large", [(EXPORT, GOOD)], ArchiveLimits(max_file_bytes=500),
     MemberTooLargeError, "Connections.csv"),
    ("archive too large", [(EXPORT, GOOD)], ArchiveLimits(max_total_bytes=1000),
     ArchiveTooLargeError, EXPORT),
    ("too many members", [(EXPORT, GOOD)], ArchiveLimits(max_members=1),
     TooManyMembersError, EXPORT),
    ("zip bomb", [(EXPORT, F.zip_bytes({"Connections.csv": b"0" * (2 * 1024 * 1024)}))],
     None, CompressionRatioError, "Connections.csv"),
    ("lying header", [(EXPORT, lying_zip(declared=100))], ArchiveLimits(max_file_bytes=1000),
     CorruptArchiveError, EXPORT),
    ("unexpected columns", [("Connections.csv", b"Name,Phone\nLena,0151\n")], None,
     UnexpectedColumnsError, "Connections.csv"),
    ("binary junk", [("Connections.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01")], None,
     NotTextError, "Connections.csv"),
    ("empty file", [("Connections.csv", b"")], None, EmptyFileError, "Connections.csv"),
    ("whitespace file", [("Skills.csv", b" \r\n\r\n")], None, EmptyFileError, "Skills.csv"),
    ("cut-off quote", [("Comments.csv", b'Date,Link,Message\n2025-01-01 10:00:00,x,"cut off')],
     None, MalformedCsvError, "Comments.csv"),
    ("missing path", ["/no/such/Complete_LinkedInDataExport_10-15-2026.zip"], None,
     SourceNotFoundError, "/no/such/Complete_LinkedInDataExport_10-15-2026.zip"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("sources", "limits", "error", "named"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_bad_input_raises_one_typed_error_naming_the_file(sources, limits, error, named):
    with pytest.raises(error) as caught:
        read_export(sources, limits=limits)
    assert type(caught.value) is error
    for lang in ("en", "de"):
        message = caught.value.message(lang)
        assert named in message
        assert "\n" not in message and "{" not in message
    assert caught.value.message("de") != caught.value.message("en")


def test_error_family():
    assert issubclass(NotAZipError, ArchiveError)
    assert issubclass(PathTraversalError, UnsafeArchiveError)
    for unsafe in (ArchiveTooLargeError, MemberTooLargeError, CompressionRatioError,
                   TooManyMembersError):  # fmt: skip
        assert issubclass(unsafe, UnsafeArchiveError)
    for format_error in (UnexpectedColumnsError, NotTextError, EmptyFileError, MalformedCsvError):
        assert issubclass(format_error, ExportFormatError)
    assert issubclass(NoLinkedInFilesError, ExportError)


def test_unexpected_columns_message_says_what_was_expected_and_found():
    with pytest.raises(UnexpectedColumnsError) as caught:
        read_export([("Connections.csv", b"Name,Phone\nLena,0151\n")])
    assert str(caught.value) == (
        "Connections.csv does not have the columns of a LinkedIn Connections file: expected "
        "First Name, Last Name, URL, Company, Position, Connected On; found Name,Phone. "
        "Use the file as LinkedIn exported it, with its header row unchanged."
    )
    # The kind is named as German speakers call it, not by its code name.
    assert caught.value.message("de") == (
        "Connections.csv hat nicht die Spalten einer LinkedIn-Datei vom Typ Kontakte: erwartet "
        "First Name, Last Name, URL, Company, Position, Connected On; gefunden Name,Phone. "
        "Verwenden Sie die Datei so, wie LinkedIn sie exportiert hat, mit unveränderter "
        "Kopfzeile."
    )


def test_sizes_in_the_message_are_written_as_each_language_writes_numbers():
    # 1,536 KiB = 1.5 MiB against a limit of 1,024 KiB = 1.0 MiB.
    big = [("Skills.csv", b"x" * (1536 * 1024))]
    with pytest.raises(MemberTooLargeError) as caught:
        read_export(big, limits=ArchiveLimits(max_file_bytes=1024 * 1024))
    assert caught.value.message("en") == (
        "Skills.csv is not safe to open: “Skills.csv” would unpack to 1.5 MB, more than the "
        "limit of 1.0 MB. Choose the archive LinkedIn sent you."
    )
    assert "„Skills.csv“ wäre entpackt 1,5 MB groß, mehr als die Grenze von 1,0 MB" in (
        caught.value.message("de")
    )


def test_counts_in_the_message_get_thousands_separators_per_language():
    # 1,000 files against a limit of 999: the 1,000th file is one too many.
    many = [(f"Skills_{i}.csv", F.SKILLS) for i in range(1000)]
    with pytest.raises(TooManyMembersError) as caught:
        read_export(many, limits=ArchiveLimits(max_members=999))
    assert "it holds 1,000 files, more than the limit of 999." in caught.value.message("en")
    assert "Es enthält 1.000 Dateien, mehr als die Grenze von 999." in caught.value.message("de")


def test_compression_ratio_is_shown_whole_in_both_languages():
    error = CompressionRatioError(file="x.zip", member="Connections.csv", ratio=1234.4, limit=200.0)
    assert "compressed 1,234-fold, which is typical of a zip bomb (limit 200-fold)" in str(error)
    assert "ist 1.234-fach komprimiert, typisch für eine ZIP-Bombe (Grenze 200-fach)" in (
        error.message("de")
    )


def test_known_columns_without_the_required_one_are_an_error():
    # Shares without a Date cannot be placed in time: not silently zero rows.
    with pytest.raises(UnexpectedColumnsError):
        read_export([("Shares.csv", b"ShareLink,ShareCommentary\nx,hello\n")])


def test_a_zip_bomb_is_refused_from_the_directory_alone(monkeypatch):
    bomb = F.zip_bytes({"Connections.csv": b"0" * (2 * 1024 * 1024)})

    def never(*args, **kwargs):
        raise AssertionError("a member was opened before the directory was checked")

    monkeypatch.setattr(zipfile.ZipFile, "open", never)
    with pytest.raises(CompressionRatioError):
        read_export([("export.zip", bomb)])


def test_limits_are_configurable():
    bomb = F.zip_bytes({"Skills.csv": b"Name\n" + b"SAP\n" * (600 * 1024)})  # 2.4 MB of one line
    with pytest.raises(CompressionRatioError):
        read_export([("export.zip", bomb)])
    relaxed = ArchiveLimits(max_ratio=10_000, max_archive_ratio=10_000)
    assert len(read_export([("export.zip", bomb)], limits=relaxed).frame("skills")) == 600 * 1024


def test_an_unknown_binary_file_is_ignored_not_an_error():
    data = read_export([("photo.csv", b"\x89PNG\x00\x00"), ("Skills.csv", F.SKILLS)])
    assert data.ignored == ("photo.csv",)


def test_a_non_zip_archive_path_is_refused(tmp_path):
    path = tmp_path / "Complete_LinkedInDataExport_10-15-2026.zip"
    path.write_text("not really a zip")
    with pytest.raises(NotAZipError):
        read_export([path])
