"""The members of a folder of exports: one zip or folder per member, or a manifest CSV.

Without a manifest, every ``*.zip`` in the folder is one member named by the file
(``anna_schmidt.zip`` → ``anna_schmidt``) and every sub-folder one member named
by the folder; a sub-folder that holds only zips (as LinkedIn's download leaves
it) is read as those zips, any other as an unpacked export. Hidden entries and
other files are not members. A ``manifest.csv`` in the folder (or given as the
input) lists ``path,member`` instead; paths are relative to the manifest, and
several rows of one member are read together as one export.
"""

from __future__ import annotations

import csv
from pathlib import Path

from scoring.batch.jobs import MemberJob
from scoring.errors import InputError

MANIFEST_NAME = "manifest.csv"
MANIFEST_COLUMNS = ("path", "member")


def _member_name(text: str) -> str:
    return " ".join(text.split())


def _export_paths(entry: Path) -> tuple[str, ...]:
    """What ``read_export`` reads for one member entry (a zip, or a folder)."""
    if entry.is_dir():
        children = [c for c in entry.iterdir() if not c.name.startswith(".")]
        zips = sorted(c for c in children if c.suffix.lower() == ".zip" and c.is_file())
        if zips and len(zips) == len(children):
            return tuple(str(z) for z in zips)
    return (str(entry),)


def folder_jobs(folder: Path) -> list[MemberJob]:
    """One job per member entry of ``folder`` (or of its manifest), sorted by member name."""
    manifest = folder / MANIFEST_NAME
    if manifest.is_file():
        return manifest_jobs(manifest)
    entries = sorted(
        e
        for e in folder.iterdir()
        if not e.name.startswith(".")
        and (e.is_dir() or (e.is_file() and e.suffix.lower() == ".zip"))
    )
    jobs: dict[str, list[str]] = {}
    for entry in entries:
        name = _member_name(entry.stem if entry.is_file() else entry.name)
        jobs.setdefault(name, []).extend(_export_paths(entry))
    if not jobs:
        raise InputError("error.batch.no_members", folder=str(folder))
    return [MemberJob(member, paths=tuple(paths)) for member, paths in sorted(jobs.items())]


def manifest_jobs(manifest: Path) -> list[MemberJob]:
    """The jobs a manifest CSV (``path,member``) lists, sorted by member name."""
    try:
        with manifest.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
            header = tuple(rows[0]) if rows else ()
    except (OSError, UnicodeDecodeError, csv.Error):
        raise InputError("error.batch.manifest_unreadable", file=str(manifest)) from None
    if not rows or not set(MANIFEST_COLUMNS) <= set(header):
        raise InputError(
            "error.batch.manifest_columns", file=str(manifest), columns=", ".join(MANIFEST_COLUMNS)
        )
    jobs: dict[str, list[str]] = {}
    for number, row in enumerate(rows, start=2):
        member = _member_name(row["member"] or "")
        path = (row["path"] or "").strip()
        if not member or not path:
            raise InputError("error.batch.manifest_row", file=str(manifest), line=number)
        jobs.setdefault(member, []).extend(_export_paths(manifest.parent / path))
    return [MemberJob(member, paths=tuple(paths)) for member, paths in sorted(jobs.items())]
