"""The HTML report: complete, offline, and its "why did my score move" section adds up."""

from __future__ import annotations

import re

import pytest
from dashboard_fixtures import sample_report


def _number(text: str, lang: str) -> float:
    text = text.replace("−", "-").replace("+", "").replace("±", "")
    if lang == "de":
        text = text.replace(".", "").replace(",", ".")
    return float(text.replace(",", ""))


@pytest.mark.parametrize(
    ("lang", "heading", "summary"),
    [
        ("en", "Why did my score move?", "Total: "),
        ("de", "Warum hat sich mein Score bewegt?", "Gesamt: "),
    ],
)
def test_the_change_section_adds_up_to_the_change_of_the_total(lang, heading, summary) -> None:
    html, change = sample_report("active_seller", lang, since_days=90)
    assert f"<h2>{heading}</h2>" in html
    section = html.split(f"<h2>{heading}</h2>", 1)[1].split("<h2>", 1)[0]
    shown_total = re.search(rf"<strong>{summary}([^ ]+) \(", section).group(1)
    assert _number(shown_total, lang) == change.total
    assert change.total != 0  # a quarter of activity moves the active seller's score
    metric_rows = re.findall(r'<tr><td class="num">([^<]+)</td>', section)
    pillar_rows = re.findall(r'<tr class="pillar"><td class="num"><strong>([^<]+)<', section)
    # Each metric's points once, each moved pillar once: both sums are the total's change.
    assert len(metric_rows) == len(change.metrics)
    assert round(sum(_number(x, lang) for x in metric_rows), 2) == _number(shown_total, lang)
    assert round(sum(_number(x, lang) for x in pillar_rows), 2) == _number(shown_total, lang)


def test_the_report_needs_nothing_from_the_internet() -> None:
    html, _ = sample_report("active_seller", "de")
    assert html.count("plotly.js v") == 1  # embedded once
    assert not re.search(r'<script[^>]+src="http', html)
    assert not re.search(r'<link[^>]+href="http', html)
