"""The exports the perf suite measures: S (typical), L (heavy) and XL (twice L).

S is the bundled active seller. L is the active seller scaled to the heavy
export of issue 12 (30,000 connections, 50,000 conversations holding 200,000
messages, 20,000 reactions); XL doubles every count of L. L and XL are generated
once per run by ``scoring.samples`` (the same renderer as the samples, real
file formats) into a temporary folder removed when the process ends.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
import time
import zipfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from scoring.samples import PERSONAS, sample_path, world_of
from scoring.samples.heavy import heavy_spec, write_heavy
from scoring.samples.spec import PersonaSpec

ARCHIVE_NAME = "Complete_LinkedInDataExport_10-15-2026.zip"
SEED = 7


@dataclass(frozen=True)
class Size:
    """One export size: its counts (None for S, which is the bundled sample)."""

    name: str
    connections: int = 0
    conversations: int = 0
    messages: int = 0
    reactions: int = 0


SIZES: dict[str, Size] = {
    "S": Size("S"),
    "L": Size("L", connections=30_000, conversations=50_000, messages=200_000, reactions=20_000),
    "XL": Size("XL", connections=60_000, conversations=100_000, messages=400_000, reactions=40_000),
}


@dataclass(frozen=True)
class Export:
    """A generated export: the zip, its unpacked CSV bytes and how long it took to write."""

    size: str
    path: Path
    csv_bytes: int
    files: int
    generate_seconds: float


def scaled_spec(size: Size) -> PersonaSpec:
    """The active seller with the counts of ``size``."""
    spec = heavy_spec(PERSONAS["active_seller"], size.connections, size.messages)
    messages = spec.messages.model_copy(
        update={
            "conversations": size.conversations,
            "group_conversations": size.conversations // 50,
        }
    )
    activity = spec.activity.model_copy(update={"reactions": size.reactions})  # type: ignore[union-attr]
    return spec.model_copy(update={"messages": messages, "activity": activity})


@cache
def _folder() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="ssi-perf-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


@cache
def export(size: str) -> Export:
    """The export of ``size`` (``S``, ``L``, ``XL``), generated on first use."""
    started = time.perf_counter()
    if size == "S":
        path = sample_path("active_seller")
    else:
        path = _folder() / size / ARCHIVE_NAME
        write_heavy(world_of("heavy", SEED, scaled_spec(SIZES[size])), path)
    seconds = time.perf_counter() - started
    with zipfile.ZipFile(path) as opened:
        csvs = [i for i in opened.infolist() if i.filename.lower().endswith(".csv")]
    return Export(size, path, sum(i.file_size for i in csvs), len(csvs), seconds)
