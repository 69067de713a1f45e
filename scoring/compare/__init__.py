"""Industry and network comparison: the modelled reference, peer sources, percentiles.

``compare(score, data)`` ranks a score against the modelled reference of its
industry and against the best network source available; ``percentiles_payload``
gives the JSON shape of ``ssi score``. The reference is built by
``python -m scoring.compare.reference_build.build`` (docs/compare.md).
"""

from scoring.compare.compare import (
    SOURCES,
    GroupComparison,
    Note,
    Percentiles,
    Standing,
    compare,
    percentiles_payload,
    source_label,
)
from scoring.compare.industries import load_industries
from scoring.compare.network import PeerFileError, read_peers
from scoring.compare.reference import load_reference, percentile_of, top_percent

__all__ = [
    "SOURCES",
    "GroupComparison",
    "Note",
    "PeerFileError",
    "Percentiles",
    "Standing",
    "compare",
    "load_industries",
    "load_reference",
    "percentile_of",
    "percentiles_payload",
    "read_peers",
    "source_label",
    "top_percent",
]
