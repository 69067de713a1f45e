"""docs/scoring.md lets a user recompute every sub-metric: its tables and worked
examples must agree with the model (model.toml and the curves).

The tables give weight, target and curve of each sub-metric; each bullet below a
table ends in a worked example "*Example*: value → … → **points**". Both are read
from the page and checked against the bundled model, so the page cannot drift.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scoring.model import load_config
from scoring.model.curve import curve_points

DOC = (Path(__file__).parents[3] / "docs" / "scoring.md").read_text(encoding="utf-8")
SUB_METRICS = DOC.split("## The sub-metrics")[1].split("## History")[0]
TABLE_ROW = re.compile(r"^\| `(\w+)` \| ([\d.]+) \| ([\d.]+)( %)? \| (\w+) \|", re.MULTILINE)
# "- **Label** … *Example*: 23 → … **2.40**" (or "8 of 11 items → …" for a share)
EXAMPLE = re.compile(
    r"^- \*\*(?P<label>.+?)\*\*.*?\*Example\*: (?P<value>[\d.]+)(?: of (?P<of>\d+))?"
    r".*?\*\*(?P<points>[\d.]+)\*\*",
    re.MULTILINE | re.DOTALL,
)
CONFIG = load_config()
KEYS = [key for _, key, _ in CONFIG.metric_items()]
METRICS = {key: metric for _, key, metric in CONFIG.metric_items()}


def test_every_sub_metric_has_one_table_row_and_one_worked_example_in_model_order():
    assert [row[0] for row in TABLE_ROW.findall(SUB_METRICS)] == KEYS
    assert len(EXAMPLE.findall(SUB_METRICS)) == len(KEYS) == 27


@pytest.mark.parametrize("row", TABLE_ROW.findall(SUB_METRICS), ids=lambda row: row[0])
def test_table_rows_give_the_weight_target_and_curve_of_the_model(row):
    key, weight, target, percent, curve = row
    metric = METRICS[key]
    assert float(weight) == metric.weight
    assert float(target) / (100 if percent else 1) == metric.target
    assert curve == metric.curve


@pytest.mark.parametrize(
    ("key", "example"), list(zip(KEYS, EXAMPLE.finditer(SUB_METRICS), strict=True)), ids=KEYS
)
def test_worked_examples_recompute_with_the_model(key, example):
    metric = METRICS[key]
    value = float(example["value"]) / (float(example["of"]) if example["of"] else 1)
    points = curve_points([value], metric.target, metric.weight, metric.curve)[0]
    assert points == float(example["points"])


def test_the_documented_model_version_is_the_bundled_one():
    assert f"Model version: **{CONFIG.version}**" in DOC
