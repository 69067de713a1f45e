"""Read a LinkedIn data export (zip, folder, uploaded files, generic CSV) into ExportData.

``read_export(sources, *, limits=None, today=None)`` is the one entry point; see
docs/export-reader.md for what is read and how each quirk of real exports is
handled, and docs/generic-activity-csv.md for the generic activity CSV.
"""

from scoring.ingest.archive import ArchiveLimits
from scoring.ingest.errors import (
    ArchiveRatioError,
    ArchiveTooLargeError,
    CompressionRatioError,
    CorruptArchiveError,
    Deflate64Error,
    EmptyArchiveError,
    EmptyFileError,
    EncryptedArchiveError,
    LineTooLongError,
    MalformedCsvError,
    MemberTooLargeError,
    NoExportDateError,
    NoLinkedInFilesError,
    NotAZipError,
    NotRegularFileError,
    NotTextError,
    PathTraversalError,
    SourceNotFoundError,
    TooManyMembersError,
    TooManyOfKindError,
    TwoPeopleError,
    UnexpectedColumnsError,
    UnsupportedCompressionError,
    UnsupportedZipVersionError,
)
from scoring.ingest.generations import archive_kind_of
from scoring.ingest.reader import GENERIC, read_export

__all__ = [
    "GENERIC",
    "ArchiveLimits",
    "ArchiveRatioError",
    "ArchiveTooLargeError",
    "CompressionRatioError",
    "CorruptArchiveError",
    "Deflate64Error",
    "EmptyArchiveError",
    "EmptyFileError",
    "EncryptedArchiveError",
    "LineTooLongError",
    "MalformedCsvError",
    "MemberTooLargeError",
    "NoExportDateError",
    "NoLinkedInFilesError",
    "NotAZipError",
    "NotRegularFileError",
    "NotTextError",
    "PathTraversalError",
    "SourceNotFoundError",
    "TooManyMembersError",
    "TooManyOfKindError",
    "TwoPeopleError",
    "UnexpectedColumnsError",
    "UnsupportedCompressionError",
    "UnsupportedZipVersionError",
    "archive_kind_of",
    "read_export",
]
