"""The old name of the what-if module, kept until the CLI and dashboard import the new ones.

The what-if lives in :mod:`scoring.advice.whatif`, the decay in
:mod:`scoring.advice.decay`; import from there (this module only re-exports).
"""

from __future__ import annotations

from scoring.advice.decay import decay
from scoring.advice.whatif import (
    ACTIVITIES,
    PROFILE_ITEMS,
    SimulationError,
    simulate,
    simulated_export,
    simulated_manual,
    simulation_span,
    spread_days,
    with_profile_items,
)

__all__ = [
    "ACTIVITIES",
    "PROFILE_ITEMS",
    "SimulationError",
    "decay",
    "simulate",
    "simulated_export",
    "simulated_manual",
    "simulation_span",
    "spread_days",
    "with_profile_items",
]
