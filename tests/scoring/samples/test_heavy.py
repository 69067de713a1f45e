"""The heavy archive holds exactly the requested numbers of connections and messages."""

from __future__ import annotations

import csv
import io
import zipfile

import pandas as pd
import pytest

from scoring.errors import InputError
from scoring.samples import write_heavy_archive
from scoring.samples.heavy import heavy_export

NAME = "Complete_LinkedInDataExport_10-15-2026.zip"


def count_rows(path, member: str) -> int:
    with zipfile.ZipFile(path) as zf:
        text = zf.read(member).decode("utf-8")
    if member == "Connections.csv":
        text = text[text.index("First Name,") :]
    return sum(1 for _ in csv.reader(io.StringIO(text))) - 1


def test_small_heavy_archive_has_the_exact_counts(tmp_path):
    path = tmp_path / NAME
    manifest = write_heavy_archive(path, connections=2_000, messages=9_000, seed=3)
    assert count_rows(path, "Connections.csv") == 2_000
    assert count_rows(path, "messages.csv") == 9_000
    assert manifest.file("Connections.csv").rows == 2_000
    assert manifest.file("messages.csv").rows == 9_000
    # 9000 // 400 = 22 of them sponsored; 2000 // 100 = 20 hidden connections.
    assert manifest.file("messages.csv").facts["sponsored"] == 22
    assert manifest.file("Connections.csv").facts["hidden"] == 20
    assert [p.name for p in tmp_path.iterdir()] == [NAME]  # no half-written file left


@pytest.mark.slow
def test_heavy_archive_is_deterministic(tmp_path):
    a, b = tmp_path / "a" / NAME, tmp_path / "b" / NAME
    write_heavy_archive(a, connections=500, messages=1_500, seed=5)
    write_heavy_archive(b, connections=500, messages=1_500, seed=5)
    assert a.read_bytes() == b.read_bytes()


@pytest.mark.slow
def test_default_heavy_archive_has_30k_connections_and_200k_messages(tmp_path):
    path = tmp_path / NAME
    write_heavy_archive(path)
    assert count_rows(path, "Connections.csv") == 30_000
    assert count_rows(path, "messages.csv") == 200_000


def test_impossible_sizes_are_a_user_error(tmp_path):
    with pytest.raises(InputError) as caught:
        write_heavy_archive(tmp_path / NAME, connections=0)
    assert caught.value.code == "error.samples.bad_count"


def test_the_heavy_export_has_the_asked_sizes_over_the_years_before_its_date():
    data = heavy_export(connections=3_000, messages=8_000, years=2, seed=1)
    assert len(data.frame("connections")) == 3_000 and len(data.frame("messages")) == 8_000
    at = data.frame("messages")["at"]
    assert at.min() >= pd.Timestamp("2024-10-15", tz="UTC")
    assert at.max() < pd.Timestamp("2026-10-15", tz="UTC")
    again = heavy_export(connections=3_000, messages=8_000, years=2, seed=1)
    assert again.frame("messages").equals(data.frame("messages"))
