"""The names of an estimate's scores: the total and the four pillars.

Kept apart from :mod:`scoring.results` (whose pydantic models take a fifth of a
second to build) so that ``ssi --help`` can name every score without them;
:mod:`scoring.results` re-exports all three.
"""

from __future__ import annotations

PILLARS: tuple[str, ...] = ("brand", "people", "insights", "relationships")
#: The scores of one estimate as they are stored, printed and compared: the total, then the pillars.
SCORE_FIELDS: tuple[str, ...] = ("total", *PILLARS)
PILLAR_MAX = 25.0
