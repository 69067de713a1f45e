"""Decay: the score week by week if the user stops all activity.

The export stays as it is while ``as_of`` moves forward, so activity leaves the
trailing window; connections, endorsements and the profile stay.
"""

from __future__ import annotations

from datetime import timedelta

import pandas as pd

from scoring.advice.whatif import SimulationError
from scoring.export import ExportData
from scoring.model import ManualInputs, ModelConfig, score_history
from scoring.results import SCORE_FIELDS


def decay(
    data: ExportData,
    weeks: int,
    *,
    config: ModelConfig | None = None,
    window_days: int | None = None,
    manual: ManualInputs | None = None,
) -> pd.DataFrame:
    """The projected score, week by week, if the user stops all activity for ``weeks`` weeks.

    One row per week ``0 … weeks`` (week 0 is the export date): ``week``,
    ``as_of`` (date), ``total`` and the four pillars. Nothing is added to the
    export; ``as_of`` moves forward so activity falls out of the trailing window.
    Computed in one vectorized pass of the model's history.
    """
    if isinstance(weeks, bool) or not isinstance(weeks, int) or weeks < 0:
        raise SimulationError("error.simulate.weeks", weeks=weeks)
    end = data.export_date + timedelta(weeks=weeks)
    history = score_history(
        data,
        freq="W",
        window_days=window_days,
        config=config,
        manual=manual,
        start=data.export_date,
        end=end,
    )
    out = history[["as_of", *SCORE_FIELDS]].reset_index(drop=True)
    out.insert(0, "week", range(len(out)))
    return out
