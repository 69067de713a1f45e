"""Inputs the export does not carry, entered by hand: profile views and saved leads.

LinkedIn counts how often people view your profile and how many leads you save in
Sales Navigator towards *Find the right people*, but neither is in the data
export. A user may read them off LinkedIn and enter them; without them the two
sub-metrics earn no points and are flagged as missing inputs, and the rest of the
pillar is scored as usual (no renormalisation, so entering a number can only add
points).
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field


class ManualInputs(BaseModel):
    """Numbers read off LinkedIn by hand, for the 90 days before ``on``.

    ``on`` is the day they were read (default: the export date). They count for
    scores as of that day or later; a history shows them from that day on only,
    since nobody knows what they were before.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    profile_views_90d: float | None = Field(default=None, ge=0)
    saved_leads_90d: float | None = Field(default=None, ge=0)
    on: date | None = None

    def given(self) -> dict[str, float]:
        """The inputs that were entered, by field name."""
        values = {"profile_views_90d": self.profile_views_90d,
                  "saved_leads_90d": self.saved_leads_90d}  # fmt: skip
        return {k: float(v) for k, v in values.items() if v is not None}
