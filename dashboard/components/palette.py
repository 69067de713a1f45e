"""The dashboard's colours: Okabe–Ito, safe for every common colour-vision deficiency.

Pillars keep the same colour on every chart and in ``dashboard/.streamlit/config.toml``
(``theme.chartCategoricalColors`` starts with these four, in pillar order).
"""

from __future__ import annotations

from scoring.results import PILLARS

OKABE_ITO: tuple[str, ...] = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#F0E442",  # yellow
    "#000000",  # black
)

PILLAR_COLOURS: dict[str, str] = dict(zip(PILLARS, OKABE_ITO[:4], strict=True))
#: Line styles repeat the pillar in a second channel, so no chart relies on colour alone.
PILLAR_DASHES: dict[str, str] = dict(zip(PILLARS, ("solid", "dash", "dot", "dashdot"), strict=True))
TOTAL_COLOUR = "#1B1F24"
OFFICIAL_COLOUR = OKABE_ITO[5]  # readings copied from LinkedIn: vermillion markers
STORED_COLOUR = OKABE_ITO[4]  # stored imports: sky-blue markers

#: Band backgrounds of the gauge: light tints so the needle and text stay readable.
BAND_COLOURS: dict[str, str] = {
    "laggard": "#F6D5C3",  # vermillion tint
    "average": "#E8ECF0",  # neutral grey
    "leader": "#BFE5D8",  # bluish-green tint
}
