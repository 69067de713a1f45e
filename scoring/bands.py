"""LinkedIn's own bands for the total: laggards below 30, leaders above 70.

LinkedIn (*The Science of Social Selling*, 2015) calls people with an SSI above
70 "social selling leaders" and those below 30 "laggards"; everyone in between is
"average" here. The labels live in the text catalogue as ``band.<name>``.
"""

from __future__ import annotations

import math
from typing import Literal

Band = Literal["laggard", "average", "leader"]

#: A total strictly below this is a laggard (LinkedIn: "below 30").
LAGGARD_BELOW = 30.0
#: A total strictly above this is a leader (LinkedIn: "above 70").
LEADER_ABOVE = 70.0

BANDS: tuple[Band, ...] = ("laggard", "average", "leader")


def band(total: float) -> Band:
    """The band of a total on the 0–100 scale: ``laggard`` below 30, ``leader`` above 70.

    Exactly 30 and exactly 70 are ``average``, as LinkedIn's wording ("below",
    "above") implies. A NaN total has no band and raises ``ValueError`` because it
    can only come from a bug upstream, never from user input.
    """
    if math.isnan(total):
        raise ValueError("a NaN total has no band")
    if total < LAGGARD_BELOW:
        return "laggard"
    if total > LEADER_ABOVE:
        return "leader"
    return "average"
