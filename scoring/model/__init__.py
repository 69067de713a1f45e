"""The score model: four explainable pillars, as of any date, and their history.

``load_config`` reads the versioned ``model.toml``; ``score_as_of`` scores an
export as of one date over a trailing window; ``score_history`` gives the same
numbers for every day, week or month; ``ManualInputs`` carries what the export
lacks (profile views, saved leads). See docs/scoring.md.
"""

from scoring.model.config import ModelConfig, ModelConfigError, load_config
from scoring.model.history import score_history
from scoring.model.manual import ManualInputs
from scoring.model.score import score_as_of

__all__ = [
    "ManualInputs",
    "ModelConfig",
    "ModelConfigError",
    "load_config",
    "score_as_of",
    "score_history",
]
