"""LinkedIn's own SSI page: the parser for its pasted text and the official reading it gives."""

from scoring.official.parse import (
    TOTAL_ROUNDING_SLACK,
    OfficialInputError,
    OfficialReading,
    manual_reading,
    parse_official,
)

__all__ = [
    "TOTAL_ROUNDING_SLACK",
    "OfficialInputError",
    "OfficialReading",
    "manual_reading",
    "parse_official",
]
