"""Shared fixtures: each persona's archive is built once per test session."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from functools import cache

import pytest

from scoring.samples import PERSONAS, Manifest, build_archive


@cache
def _built(persona: str) -> tuple[bytes, Manifest]:
    return build_archive(persona)


@cache
def _members(persona: str) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(_built(persona)[0])) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


@pytest.fixture(scope="session")
def built() -> Callable[[str], tuple[bytes, Manifest]]:
    """``built(persona)``: archive bytes and manifest with the sample seed (built once)."""
    return _built


@pytest.fixture(scope="session")
def members() -> Callable[[str], dict[str, bytes]]:
    """``members(persona)``: member name → raw bytes of the built archive."""
    return _members


@pytest.fixture(params=tuple(PERSONAS))
def persona(request: pytest.FixtureRequest) -> str:
    """Each bundled persona in turn."""
    return request.param
