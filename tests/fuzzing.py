"""What every hypothesis fuzzer shares: how many examples, its settings, the count it prints.

``SSI_FUZZ_EXAMPLES`` sets the examples per target (200 by default, as CI runs them;
``make fuzz`` runs thousands). Importable from every test (see conftest.py).
"""

from __future__ import annotations

import os
from collections import Counter

from hypothesis import HealthCheck, settings

EXAMPLES = int(os.environ.get("SSI_FUZZ_EXAMPLES", "200"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)


def counts_line(counts: Counter[str]) -> str:
    """``fuzz examples: 600 (parse 200, values 200, …)``: what ``make fuzz`` prints."""
    detail = ", ".join(f"{target} {n}" for target, n in sorted(counts.items()))
    return f"\nfuzz examples: {sum(counts.values())} ({detail})"
