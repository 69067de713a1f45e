"""The batch result: one row per member, written as CSV or Parquet.

Columns: ``member``, ``as_of``, ``total``, the four pillars, ``points.<key>`` and
``value.<key>`` for every sub-metric in model order, ``percentile_batch`` (the
total's mid-rank percentile among the members scored in this batch),
``industry_group`` and ``percentile_industry`` (against the modelled reference),
and ``error`` (empty, or the one-line reason a member was not scored).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from scoring.batch.jobs import MemberOutcome
from scoring.errors import InputError
from scoring.i18n import Lang
from scoring.model import load_config
from scoring.results import PILLARS

OUTPUT_SUFFIXES = (".csv", ".parquet", ".pq")
#: A spreadsheet runs a cell starting with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def result_columns() -> list[str]:
    """The output columns, in order."""
    keys = [key for _, key, _ in load_config().metric_items()]
    return [
        "member",
        "as_of",
        "total",
        *PILLARS,
        *(f"points.{key}" for key in keys),
        *(f"value.{key}" for key in keys),
        "percentile_batch",
        "industry_group",
        "percentile_industry",
        "error",
    ]


def batch_percentiles(totals: np.ndarray) -> np.ndarray:
    """Each total's mid-rank percentile (0–100, one decimal) among the non-NaN totals.

    The share of members strictly below plus half the share with the same total,
    the convention of the industry reference: in a batch of one the member is at 50.
    """
    valid = np.sort(totals[~np.isnan(totals)])
    if not len(valid):
        return np.full(len(totals), np.nan)
    below = np.searchsorted(valid, totals, side="left")
    at_or_below = np.searchsorted(valid, totals, side="right")
    percent = (below + at_or_below) / 2 / len(valid) * 100
    return np.where(np.isnan(totals), np.nan, np.round(percent, 1))


def results_frame(outcomes: Sequence[MemberOutcome], lang: Lang = "en") -> pd.DataFrame:
    """One row per outcome, in their order; a failed member has only ``member`` and ``error``."""
    columns = result_columns()
    rows = [
        {"member": o.member, **o.row, "error": None if o.error is None else o.error[lang]}
        for o in outcomes
    ]
    frame = pd.DataFrame(rows, columns=columns)
    numeric = [c for c in columns if c not in ("member", "as_of", "industry_group", "error")]
    frame[numeric] = frame[numeric].astype("float64")
    for column in ("member", "as_of", "industry_group", "error"):
        frame[column] = frame[column].astype("string")
    frame["percentile_batch"] = batch_percentiles(frame["total"].to_numpy())
    return frame


def checked_output(path: Path) -> Path:
    """``path`` when its suffix names a format the batch writes, else an InputError."""
    if path.suffix.lower() not in OUTPUT_SUFFIXES:
        raise InputError("error.batch.out_suffix", file=str(path))
    return path


def neutralised(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with every text cell a spreadsheet would run as a formula quoted by ``'``."""
    out = frame.copy()
    for column in out.columns:
        if isinstance(out[column].dtype, pd.StringDtype):
            text = out[column]
            risky = text.str.startswith(FORMULA_STARTS).fillna(False).astype(bool)
            out[column] = text.where(~risky, "'" + text)
    return out


def write_results(frame: pd.DataFrame, path: Path) -> None:
    """Write ``frame`` to ``path`` as CSV or Parquet (by suffix), all or nothing.

    The file is written beside its destination under a temporary name and renamed
    into place, so a failure never leaves half a file.
    """
    checked_output(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(handle)
    try:
        if path.suffix.lower() == ".csv":
            neutralised(frame).to_csv(temporary, index=False, encoding="utf-8")
        else:
            frame.to_parquet(temporary, index=False)
        Path(temporary).replace(path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
        raise InputError("error.batch.out_unwritable", file=str(path)) from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
