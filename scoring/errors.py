"""One exception family for everything a user can get wrong.

Every error carries a catalogue key and parameters, so the CLI and the dashboard
can show it in English or German as one line a non-programmer understands.
``str(error)`` is the English line.
"""

from __future__ import annotations

from scoring.i18n import t


class SSIError(Exception):
    """Bad input or configuration: shown to the user as one line, never a traceback."""

    code = "error.generic"

    def __init__(self, code: str | None = None, /, **params: object) -> None:
        self.code = code or type(self).code
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        """The one-line, user-facing message in ``lang`` (``en`` or ``de``)."""
        params = {key: self.shown(key, value, lang) for key, value in self.params.items()}
        return t(self.code, lang, **params)

    def shown(self, key: str, value: object, lang: str) -> object:  # noqa: ARG002  a hook
        """How parameter ``key`` appears in ``lang``; subclasses localize numbers or names."""
        return value


class ExportError(SSIError):
    """The uploaded export (zip, folder or CSV files) cannot be read as given."""

    code = "error.export.generic"


class ArchiveError(ExportError):
    """The archive itself is broken: not a zip, truncated, empty."""

    code = "error.archive.generic"


class UnsafeArchiveError(ArchiveError):
    """The archive would escape its folder or is far too large (zip bomb)."""

    code = "error.archive.unsafe"


class ExportFormatError(ExportError):
    """A file inside the export is not what its name says (columns, encoding, junk)."""

    code = "error.format.generic"


class ConfigError(SSIError):
    """The scoring model or benchmark file is invalid."""

    code = "error.config.generic"


class InputError(SSIError):
    """A command-line argument, a peer CSV or pasted SSI text is not usable."""

    code = "error.input.generic"


class StoreError(SSIError):
    """The score database cannot be opened, migrated or written."""

    code = "error.store.generic"
