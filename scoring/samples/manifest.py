"""What the generator wrote into an archive: the expectation a reader is tested against."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class ManifestFile(BaseModel):
    """One member of the archive.

    ``rows`` counts data rows as written (header and preamble excluded; an article
    file is one row). ``kept`` is what a correct reader returns for it; ``skipped``
    says why the rest must be dropped. ``facts`` counts rows with a property a
    reader should see (``hidden``, ``sponsored``, ``from_owner`` …); ``quirks``
    names the real-export peculiarities the file shows.
    """

    model_config = ConfigDict(frozen=True)

    name: str
    kind: str | None  # None: not a LinkedIn file the reader knows; it must list it as ignored
    rows: int
    kept: int
    skipped: dict[str, int] = Field(default_factory=dict)
    facts: dict[str, int] = Field(default_factory=dict)
    quirks: list[str] = Field(default_factory=list)


class Manifest(BaseModel):
    """Every file of one generated archive, in archive order."""

    model_config = ConfigDict(frozen=True)

    persona: str
    seed: int
    archive_name: str
    archive_kind: Literal["complete", "basic"]
    export_date: date
    files: list[ManifestFile]

    @property
    def ignored(self) -> list[str]:
        """Members a reader must list as ignored (unknown to it)."""
        return [f.name for f in self.files if f.kind is None]

    def kept_by_kind(self) -> dict[str, int]:
        """Rows a correct reader keeps, summed over all files of each kind."""
        out: dict[str, int] = {}
        for f in self.files:
            if f.kind is not None:
                out[f.kind] = out.get(f.kind, 0) + f.kept
        return out

    def file(self, name: str) -> ManifestFile:
        """The entry of the member called ``name``."""
        for f in self.files:
            if f.name == name:
                return f
        raise KeyError(name)
