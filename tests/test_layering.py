"""The layering of the code, checked from its imports (docs/architecture.md, "Allowed imports").

Every ``import`` and ``from … import`` in a module counts, at the top or inside a
function, because a lazy import is still a dependency. The rules are data
(:data:`FORBIDDEN`), so the architecture document and this test say the same thing.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

#: (package whose modules are checked, imports they must never make). A forbidden
#: name matches itself and everything below it (``scoring.store`` forbids
#: ``scoring.store.paths`` too).
FORBIDDEN: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("scoring", ("streamlit", "dashboard")),
    (
        "scoring.ingest",
        ("scoring.model", "scoring.store", "scoring.compare", "scoring.advice"),
    ),
    ("scoring.model", ("scoring.store",)),
    ("scoring.store", ("scoring.model", "scoring.ingest")),
)


def module_name(path: Path, root: Path = ROOT) -> str:
    """``scoring/model/score.py`` → ``scoring.model.score``; a package is its ``__init__``."""
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_names(source: str, module: str, *, is_package: bool = False) -> set[str]:
    """Every module name ``source`` imports, relative imports resolved against ``module``."""
    names: set[str] = set()
    package = module.split(".")
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + (1 if is_package else 0)]
                prefix = ".".join(base)
                target = f"{prefix}.{node.module}" if node.module else prefix
            else:
                target = node.module or ""
            names.add(target)
            # ``from scoring import store`` imports the module scoring.store
            names.update(f"{target}.{alias.name}" for alias in node.names)
    return names


def _within(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def violations(root: Path = ROOT) -> list[str]:
    """``module imports name`` for every import that breaks a rule of :data:`FORBIDDEN`."""
    found = []
    for path in sorted((root / "scoring").rglob("*.py")):
        module = module_name(path, root)
        names = imported_names(
            path.read_text(encoding="utf-8"), module, is_package=path.name == "__init__.py"
        )
        for package, forbidden in FORBIDDEN:
            if not _within(module, package):
                continue
            found.extend(
                f"{module} imports {name}"
                for name in sorted(names)
                if any(_within(name, bad) for bad in forbidden)
            )
    return found


def test_the_code_keeps_its_layers():
    assert violations() == []


@pytest.mark.parametrize(
    ("module", "line", "broken"),
    [
        ("scoring/ingest/extra.py", "from scoring.model import score_as_of", True),
        ("scoring/ingest/extra.py", "import scoring.store.paths", True),
        ("scoring/model/extra.py", "from scoring import store", True),
        ("scoring/store/extra.py", "from scoring.model.score import score_as_of", True),
        ("scoring/store/extra.py", "from scoring.ingest import read_export", True),
        ("scoring/results_extra.py", "import streamlit as st", True),
        ("scoring/advice/extra.py", "def f():\n    from dashboard import data", True),
        ("scoring/ingest/extra.py", "from scoring.errors import InputError", False),
        ("scoring/model/extra.py", "from scoring.ingest import read_export", False),
        ("scoring/store/extra.py", "from scoring.results import Score", False),
    ],
)
def test_a_forbidden_import_is_caught(tmp_path, module, line, broken):
    # A copy of the package folders with one module added: the check must see it.
    for package in (
        "scoring",
        "scoring/ingest",
        "scoring/model",
        "scoring/store",
        "scoring/advice",
    ):
        (tmp_path / package).mkdir(parents=True, exist_ok=True)
        (tmp_path / package / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / module).write_text(line + "\n", encoding="utf-8")
    found = violations(tmp_path)
    assert bool(found) is broken, found
