"""Shared inputs of the batch tests: small event tables and a folder of sample exports."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from scoring.samples import sample_path

EXPORT_DATE = "2026-10-15"


def searches(member: str, days: list[str]) -> pd.DataFrame:
    """Event-table rows: one search query of ``member`` on each of ``days``."""
    return pd.DataFrame({"member": member, "kind": "search_queries", "at": days})


@pytest.fixture
def event_table() -> pd.DataFrame:
    """Ana: 20 searches in the 90-day window and one long before; Ben: 60; Cleo: a bad date."""
    ana = searches("Ana", ["2026-10-01"] * 20 + ["2026-01-02"])
    ben = searches("Ben", ["2026-09-01T10:00:00Z"] * 60)
    cleo = searches("Cleo", ["2026-10-01", "yesterday"])
    table = pd.concat([ben, cleo, ana], ignore_index=True)
    table["export_date"] = EXPORT_DATE
    return table


@pytest.fixture
def export_folder(tmp_path: Path) -> Path:
    """anna.zip (active seller), bert/ (the newcomer's download folder), dora.zip (junk)."""
    folder = tmp_path / "exports"
    (folder / "bert").mkdir(parents=True)
    shutil.copy(sample_path("active_seller"), folder / "anna.zip")
    shutil.copy(sample_path("newcomer"), folder / "bert" / sample_path("newcomer").name)
    (folder / "dora.zip").write_bytes(b"this is not a zip")
    (folder / "notes.txt").write_text("not a member")
    return folder
