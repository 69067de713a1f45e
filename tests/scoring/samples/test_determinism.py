"""Every byte is a function of persona and seed; the committed samples are reproducible."""

from __future__ import annotations

import hashlib
import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import scoring
from scoring.errors import InputError
from scoring.samples import PERSONAS, build_archive, load_manifest, sample_path

REPO = Path(scoring.__file__).resolve().parents[1]


@pytest.mark.parametrize("persona", ["newcomer", "basic"])
def test_same_seed_gives_identical_bytes(persona):
    first, _ = build_archive(persona, seed=11)
    second, _ = build_archive(persona, seed=11)
    assert first == second


def test_different_seed_gives_different_bytes_but_the_same_counts():
    one, m1 = build_archive("newcomer", seed=1)
    two, m2 = build_archive("newcomer", seed=2)
    assert one != two
    # Counts are data (personas.toml), not chance: 60 connections either way.
    assert m1.file("Connections.csv").rows == m2.file("Connections.csv").rows == 60
    assert m1.kept_by_kind() == m2.kept_by_kind()


def test_committed_archives_equal_a_fresh_build(persona, built):
    assert sample_path(persona).read_bytes() == built(persona)[0]


def test_committed_manifest_equals_a_fresh_build(built):
    committed = load_manifest()
    assert list(committed) == list(PERSONAS)
    for persona, manifest in committed.items():
        assert manifest == built(persona)[1]


def test_sample_paths_follow_the_real_archive_names():
    assert sample_path("active_seller") == (
        (REPO / "sample_data").resolve()
        / "active_seller"
        / "Complete_LinkedInDataExport_10-15-2026.zip"
    )
    assert sample_path("basic").name == "Basic_LinkedInDataExport_10-15-2026.zip"


def test_zip_members_are_sorted_and_carry_a_fixed_timestamp(persona, built):
    with zipfile.ZipFile(io.BytesIO(built(persona)[0])) as zf:
        infos = zf.infolist()
    names = [i.filename for i in infos]
    assert names == sorted(names)
    assert {i.date_time for i in infos} == {(2026, 10, 15, 0, 0, 0)}
    assert {i.compress_type for i in infos} == {zipfile.ZIP_DEFLATED}


def test_unknown_persona_is_a_user_error():
    with pytest.raises(InputError) as caught:
        build_archive("ceo")
    assert caught.value.code == "error.samples.unknown_persona"
    assert "ceo" in str(caught.value)


@pytest.mark.slow
def test_command_regenerates_the_committed_samples_under_any_hash_seed(tmp_path):
    env = {**os.environ, "PYTHONHASHSEED": "12345", "LC_ALL": "C", "TZ": "Pacific/Auckland"}
    result = subprocess.run(
        [sys.executable, "-m", "scoring.samples", str(tmp_path)],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    written = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    expected = [sample_path(p).relative_to((REPO / "sample_data").resolve()) for p in PERSONAS]
    assert written == sorted([*expected, Path("manifest.json")])
    for rel in written:
        fresh = hashlib.sha256((tmp_path / rel).read_bytes()).hexdigest()
        assert (
            fresh
            == hashlib.sha256(((REPO / "sample_data").resolve() / rel).read_bytes()).hexdigest()
        ), rel
