"""The layering of the code, checked from its imports (docs/architecture.md, "Allowed imports").

Every ``import`` and ``from … import`` in a module counts, at the top or inside a
function, because a lazy import is still a dependency. The rules are data
(:data:`FORBIDDEN`), so the architecture document and this test say the same thing.
"""

from __future__ import annotations

import ast
import re
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


def documented_rules(text: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The rules of the "Allowed imports" table in docs/architecture.md, as in FORBIDDEN."""
    section = text.split("## Allowed imports", 1)[1].split("\n## ", 1)[0]
    rules = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 3 or not cells[0].startswith("`"):
            continue
        package = re.findall(r"`([^`]+)`", cells[0])[0]
        rules.append((package, tuple(re.findall(r"`([^`]+)`", cells[1]))))
    return tuple(rules)


def test_the_architecture_document_states_the_same_rules():
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    assert documented_rules(text) == FORBIDDEN


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


#: The calls that read the wall clock. Timing for speed (``time.perf_counter``,
#: ``time.monotonic``) is not on the list: it measures, it never becomes a value.
CLOCK_CALLS = frozenset(
    {
        "now",
        "today",
        "utcnow",
        "time.time",
        "time.time_ns",
        "time.localtime",
        "time.gmtime",
        "time.ctime",
        "time.asctime",
    }
)
#: Strings pandas and numpy turn into the current time.
CLOCK_STRINGS = frozenset({"now", "today"})
#: The edge that reads the clock and hands "now" and "today" to everything else.
CLOCK_READERS = ("scoring.cli",)


def _call_name(func: ast.expr, time_names: set[str]) -> str | None:
    """The clock call ``func`` names (``now``, ``time.time``), or None for any other call."""
    if isinstance(func, ast.Attribute):
        if func.attr in ("now", "today", "utcnow"):
            return func.attr
        if isinstance(func.value, ast.Name) and func.value.id == "time":
            return f"time.{func.attr}"
    if isinstance(func, ast.Name) and func.id in time_names:
        return f"time.{func.id}"
    return None


def clock_reads(source: str) -> list[str]:
    """Each place in ``source`` that reads the clock, as ``line: call``."""
    tree = ast.parse(source)
    # ``from time import time`` makes a bare ``time()`` a clock read
    time_names = {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "time"
        for alias in node.names
    }
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _call_name(node.func, time_names)
        if name in CLOCK_CALLS:
            found.append(f"{node.lineno}: {name}()")
        found.extend(
            f"{node.lineno}: {arg.value!r} as a date"
            for arg in node.args
            if isinstance(arg, ast.Constant) and arg.value in CLOCK_STRINGS
        )
    return found


def clock_violations(root: Path = ROOT) -> list[str]:
    """``module line: call`` for every clock read in ``scoring`` outside the CLI."""
    found = []
    for path in sorted((root / "scoring").rglob("*.py")):
        module = module_name(path, root)
        if any(_within(module, edge) for edge in CLOCK_READERS):
            continue
        found.extend(f"{module} {read}" for read in clock_reads(path.read_text(encoding="utf-8")))
    return found


def test_nothing_in_scoring_reads_the_clock():
    # The callers (the CLI's commands, the dashboard) pass "now" and "today" in.
    assert clock_violations() == []


@pytest.mark.parametrize(
    ("line", "read"),
    [
        ("from datetime import datetime\nx = datetime.now()", True),
        ("import datetime\nx = datetime.datetime.now(datetime.UTC)", True),
        ("from datetime import date\nx = date.today()", True),
        ("import datetime\nx = datetime.datetime.utcnow()", True),
        ("import time\nx = time.time()", True),
        ("from time import time\nx = time()", True),
        ("import pandas as pd\nx = pd.Timestamp.now()", True),
        ("import pandas as pd\nx = pd.Timestamp('today')", True),
        ("import pandas as pd\nx = pd.to_datetime('now')", True),
        ("import time\nstart = time.perf_counter()", False),
        ("import time\nstart = time.monotonic()", False),
        ("from datetime import date\nx = date(2026, 10, 15)", False),
        ("def f(now):\n    return now", False),
    ],
)
def test_a_clock_read_is_caught(tmp_path, line, read):
    (tmp_path / "scoring" / "model").mkdir(parents=True)
    (tmp_path / "scoring" / "model" / "extra.py").write_text(line + "\n", encoding="utf-8")
    (tmp_path / "scoring" / "cli").mkdir()
    (tmp_path / "scoring" / "cli" / "extra.py").write_text(line + "\n", encoding="utf-8")
    found = clock_violations(tmp_path)
    # the CLI's copy never counts: it is the edge that reads the clock
    assert bool(found) is read, found
    assert all(f.startswith("scoring.model.extra ") for f in found)
