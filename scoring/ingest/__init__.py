"""Read a LinkedIn data export (zip, folder, uploaded files, generic CSV) into ExportData.

``read_export(sources, *, limits=None)`` is the one entry point; see
docs/export-reader.md for what is read and how each quirk of real exports is
handled, and docs/generic-activity-csv.md for the generic activity CSV.
"""

from scoring.ingest.archive import ArchiveLimits
from scoring.ingest.errors import (
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
from scoring.ingest.reader import GENERIC, archive_kind_of, read_export

__all__ = [
    "GENERIC",
    "ArchiveLimits",
    "ArchiveTooLargeError",
    "CompressionRatioError",
    "CorruptArchiveError",
    "EmptyArchiveError",
    "EmptyFileError",
    "MalformedCsvError",
    "MemberTooLargeError",
    "NoLinkedInFilesError",
    "NotAZipError",
    "NotTextError",
    "PathTraversalError",
    "SourceNotFoundError",
    "TooManyMembersError",
    "UnexpectedColumnsError",
    "archive_kind_of",
    "read_export",
]
