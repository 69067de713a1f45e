"""Helpers of the dashboard tests: the app under AppTest, the samples and their scores.

Page tests run the real app (``dashboard/app.py``) on the bundled sample
archives and compare what it shows with what ``scoring`` computes for the same
bytes, formatted the way the page formats it. The scoring side is computed once
per test process (it is deterministic); the app keeps its own content-keyed cache.
"""

from __future__ import annotations

import base64
import json
import re
import zipfile
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
from builders import fixed_now
from streamlit.testing.v1 import AppTest

from dashboard.components import report
from scoring.export import ExportData
from scoring.ingest import read_export
from scoring.model import score_as_of, score_history
from scoring.model.attribution import explain_change
from scoring.results import Score
from scoring.samples import sample_path
from scoring.store import Store

APP = Path(__file__).resolve().parents[2] / "dashboard" / "router.py"
#: Generous: the first run of a worker reads an archive on a shared, loaded machine.
TIMEOUT_S = 90


@cache
def sample_bytes(persona: str) -> tuple[str, bytes]:
    """The bundled archive of ``persona`` as an upload gives it: (file name, bytes)."""
    path = sample_path(persona)
    return path.name, path.read_bytes()


@cache
def sample_data(persona: str) -> ExportData:
    """``scoring``'s reading of the bundled archive of ``persona``."""
    return read_export([sample_bytes(persona)])


@cache
def sample_score(persona: str) -> Score:
    """``scoring``'s score of the bundled archive of ``persona`` as of its export date."""
    return score_as_of(sample_data(persona))


def zip_members(persona: str, names: tuple[str, ...] | None = None) -> list[tuple[str, bytes]]:
    """Files inside the archive of ``persona`` (all, or the ones named) as (name, bytes)."""
    with zipfile.ZipFile(sample_path(persona)) as archive:
        wanted = names or tuple(i.filename for i in archive.infolist() if not i.is_dir())
        return [(name, archive.read(name)) for name in wanted]


def open_page(at: AppTest, page: str) -> AppTest:
    """Switch ``at`` to ``dashboard/views/<page>.py`` and run it."""
    return at.switch_page(f"views/{page}.py").run()


def metrics(at: AppTest) -> dict[str, str]:
    """Label → shown value of every ``st.metric`` on the current page."""
    return {m.label: m.value for m in at.metric}


def _plain(value: Any) -> Any:
    """Plotly's JSON with its base64 typed arrays (``{"dtype", "bdata"}``) as plain lists."""
    if isinstance(value, dict) and {"dtype", "bdata"} <= set(value):
        return np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"]).tolist()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def plotly_charts(at: AppTest) -> list[dict]:
    """Every plotly chart on the page: ``{"spec": <figure JSON>, "alt": <alt text>}``."""
    return [
        {"spec": _plain(json.loads(chart.proto.spec)), "alt": chart.proto.alt}
        for chart in at.get("plotly_chart")
    ]


#: Markdown and HTML that would fetch an image, show a link or leave a code span if it
#: were rendered: what a hostile export or team database could carry in any text field.
HOSTILE = "![e](http://host/p.png) [link](http://x) `a``b` <img src=x onerror=alert(1)>"
#: The same for a file name (no slashes: those would make it a path inside the upload).
HOSTILE_FILE = "![e](p.png) [link](x) `a``b` <img src=x onerror=y>.csv"
#: What :data:`HOSTILE` leaves in a markdown source when it is not escaped (escaped
#: characters, ``\\X``, are removed before looking).
HOSTILE_MARKERS = ("![e", "](", "<img", "``")


def hostile_sources() -> list[tuple[str, bytes]]:
    """The active seller's files as loose uploads, with a hostile profile and file name.

    The hostile file comes first, so the upload is named after it; the profile's name,
    headline and industry carry :data:`HOSTILE`.
    """
    profile = f"First Name,Last Name,Headline,Industry\n{HOSTILE},`x,{HOSTILE},{HOSTILE}\n"
    rest = [(n, b) for n, b in zip_members("active_seller") if n != "Profile.csv"]
    return [(HOSTILE_FILE, b"a,b\n1,2\n"), ("Profile.csv", profile.encode()), *rest]


def markdown_sources(at: AppTest) -> list[str]:
    """Every string of the page that Streamlit renders as markdown: texts, messages, labels.

    Widget labels (metrics, check boxes, buttons, expanders, tabs, uploaders) are
    markdown too; select-box options, input values and table cells are plain text
    and left out.
    """
    texts = ("markdown", "caption", "error", "warning", "info", "success", "title", "subheader")
    out: list[str] = []
    stack = [at._tree]
    while stack:
        node = stack.pop()
        stack.extend(getattr(node, "children", {}).values())
        if getattr(node, "type", None) in texts and isinstance(getattr(node, "value", None), str):
            out.append(node.value)
        label = getattr(node, "label", None)
        if isinstance(label, str):
            out.append(label)
    return out


def store_sample(url: str, persona: str, member: str) -> None:
    """Store the bundled archive of ``persona`` under ``member`` in the database at ``url``."""

    data = sample_data(persona)
    Store(url, now=fixed_now).import_export(
        data, member, score=score_as_of(data), history=score_history(data)
    )


#: One part of "Why did my score move?" as the page writes it, escapes removed.
PART = re.compile(r"^- \*\*(\S+)\*\* (.+) \(([^()]+)\): (.+)$")


def change_parts(at) -> list[tuple[int, str, str, str]]:
    """(cents, sub-metric, pillar, reason) of every part listed under "Why did my score move?"."""
    for block in (m.value for m in at.markdown):
        lines = [re.sub(r"\\(.)", r"\1", line) for line in block.split("\n")]
        found = [PART.match(line) for line in lines]
        if lines and all(found):
            return [(_cents(f[1]), f[2], f[3], f[4]) for f in found]
    return []


def _cents(shown: str) -> int:
    """A signed number as the page shows it (``+0.12``, ``−0,45``, ``±0.00``), in cents."""
    return round(float(shown.replace("−", "-").replace("±", "").replace(",", ".")) * 100)


def sample_report(persona: str, lang: str, since_days: int = 7) -> tuple[str, Any]:
    """The HTML report of a sample as the Overview builds it, and its ``ScoreChange``."""

    data = sample_data(persona)
    score = sample_score(persona)
    change = explain_change(data, score.as_of - timedelta(days=since_days), score.as_of)
    inputs = report.ReportInputs(
        label=persona, score=score, history=score_history(data), change_text="–", lang=lang,
        change=change,
    )  # fmt: skip
    return report.build(inputs, today=date(2026, 10, 20)), change
