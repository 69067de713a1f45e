"""The build reproduces the shipped reference file byte for byte."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import scoring.compare
from scoring.compare.reference import REFERENCE_PATH
from scoring.compare.reference_build.build import main


@pytest.mark.slow
def test_the_build_reproduces_the_shipped_file_bit_for_bit(tmp_path) -> None:
    out = tmp_path / "reference.csv"
    assert main(["--out", str(out)]) == 0
    assert out.read_bytes() == REFERENCE_PATH.read_bytes()


def test_the_runtime_never_imports_the_build_tools() -> None:
    runtime = sorted(Path(scoring.compare.__file__).parent.glob("*.py"))
    assert len(runtime) >= 5
    for path in runtime:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            for name in names:
                assert "reference_build" not in name and not name.startswith("scipy"), path
