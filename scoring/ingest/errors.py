"""Typed errors of the export reader, one subclass per thing a user can get wrong.

Each class only fixes the catalogue key; the parameters (``file`` always, plus
what the message needs) are given where the error is raised. The texts live in
``scoring/text/ingest.toml`` in English and German.
"""

from __future__ import annotations

from typing import ClassVar

from scoring.errors import (
    ArchiveError,
    ExportError,
    ExportFormatError,
    SSIError,
    UnsafeArchiveError,
)
from scoring.export import shown_param


class _LocalizedError(SSIError):
    """An error whose numbers and kind name are written the way the reader's language writes them.

    The parameters stay raw (numbers, a kind key) so that the dashboard and the
    CLI can show ``2.048,0 MB`` and „Kontakte“ in German and ``2,048.0 MB`` and
    “Connections” in English from the same error.
    """

    #: Decimals for float parameters; integers are always shown whole.
    decimals: ClassVar[int] = 1

    def shown(self, key: str, value: object, lang: str) -> object:
        """Numbers with the language's separators; a kind key as its name in ``lang``."""
        return shown_param(key, value, lang, self.decimals)


class SourceNotFoundError(ExportError):
    """A path given to the reader does not exist."""

    code = "error.export.not_found"


class NoLinkedInFilesError(ExportError):
    """Nothing given is a LinkedIn export file or a generic activity CSV."""

    code = "error.export.no_linkedin_files"


class NoExportDateError(ExportError):
    """Nothing tells when the export was made: no dated event, no date in its name."""

    code = "error.export.no_date"


class NotAZipError(ArchiveError):
    """A file meant as the archive is not a zip at all."""

    code = "error.archive.not_zip"


class CorruptArchiveError(ArchiveError):
    """A zip that is truncated or damaged (bad directory, bad checksum)."""

    code = "error.archive.corrupt"


class EmptyArchiveError(ArchiveError):
    """A zip without a single file in it."""

    code = "error.archive.empty"


class PathTraversalError(UnsafeArchiveError):
    """A member name that would land outside the archive's folder (``../x``, ``/etc/x``)."""

    code = "error.archive.path_traversal"


class ArchiveTooLargeError(_LocalizedError, UnsafeArchiveError):
    """All files together would unpack to more than the limit."""

    code = "error.archive.too_large"


class MemberTooLargeError(_LocalizedError, UnsafeArchiveError):
    """One file would unpack to more than the limit (or to more than it declares)."""

    code = "error.archive.member_too_large"


class CompressionRatioError(_LocalizedError, UnsafeArchiveError):
    """A file compressed so strongly that it is typical of a zip bomb."""

    code = "error.archive.ratio"
    decimals = 0


class ArchiveRatioError(_LocalizedError, UnsafeArchiveError):
    """The archive as a whole (or its small files together) compressed like a zip bomb."""

    code = "error.archive.archive_ratio"
    decimals = 0


class EncryptedArchiveError(ArchiveError):
    """A zip whose members need a password."""

    code = "error.archive.encrypted"


class Deflate64Error(ArchiveError):
    """A zip packed with Deflate64, which Windows uses for large folders."""

    code = "error.archive.deflate64"


class UnsupportedCompressionError(ArchiveError):
    """A zip packed with a method the reader cannot unpack (not stored/deflate/bzip2/LZMA)."""

    code = "error.archive.method"


class UnsupportedZipVersionError(ArchiveError):
    """A member that claims to need a zip version newer than any tool writes."""

    code = "error.archive.version"


class NotRegularFileError(ExportError):
    """A path that is a device, pipe or socket, not a file or folder."""

    code = "error.export.not_regular"


class LineTooLongError(_LocalizedError, UnsafeArchiveError):
    """A file with a line far longer than any export file has."""

    code = "error.archive.line_too_long"


class TwoPeopleError(ExportError):
    """Files of two different people's exports given together."""

    code = "error.export.two_people"


class TooManyOfKindError(_LocalizedError, UnsafeArchiveError):
    """Far more files of one kind than any export holds."""

    code = "error.archive.too_many_of_kind"


class TooManyMembersError(_LocalizedError, UnsafeArchiveError):
    """Far more files than any real export holds."""

    code = "error.archive.too_many_members"


class UnexpectedColumnsError(_LocalizedError, ExportFormatError):
    """A known file whose header lacks the columns its kind needs."""

    code = "error.format.columns"


class MalformedCsvError(ExportFormatError):
    """A CSV the parser cannot get through, e.g. cut off inside a quoted field."""

    code = "error.format.malformed"


class NotTextError(ExportFormatError):
    """A file named like a CSV that holds binary data."""

    code = "error.format.not_text"


class EmptyFileError(ExportFormatError):
    """Every file given is empty, so there is nothing to read."""

    code = "error.format.empty"
