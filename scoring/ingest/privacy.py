"""Short salted keys in place of other people's names and profile URLs.

Scoring needs to *match* people (an invitation's invitee among the
connections, the senders of messages) but never to know who they are. Each
value is normalized, hashed with a fixed 16-byte key (SipHash, vectorized by
pandas) and written as 16 hex characters. The key is fixed so that the same
person gets the same key in next month's export, which the history needs.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

_HASH_KEY = "ssi-dashboard/k1"  # exactly 16 characters, as SipHash needs
_HEX = np.array(list("0123456789abcdef"), dtype="<U1")
_SHIFTS = np.arange(60, -4, -4, dtype=np.uint64)


def salted_key(values: pd.Series) -> pd.Series:
    """16 hex characters per value (``<NA>`` where the value is missing or empty)."""
    text = values.astype("string")
    present = (text.notna() & (text != "")).to_numpy(dtype=bool)
    out = np.full(len(text), None, dtype=object)
    if present.any():
        hashed = pd.util.hash_pandas_object(
            text[present], index=False, hash_key=_HASH_KEY, categorize=True
        ).to_numpy(dtype=np.uint64)
        nibbles = ((hashed[:, None] >> _SHIFTS) & np.uint64(0xF)).astype(np.intp)
        out[present] = np.ascontiguousarray(_HEX[nibbles]).view("<U16").ravel()
    return pd.Series(out, index=values.index, dtype="string")


def person_text(values: pd.Series) -> pd.Series:
    """A name folded for matching: lower case, single spaces, no outer spaces."""
    return on_uniques(values, _fold_person)


def profile_url_text(values: pd.Series) -> pd.Series:
    """A LinkedIn profile URL folded for matching: no scheme, ``www.``, query or final ``/``."""
    return on_uniques(values, _fold_url)


def on_uniques(values: pd.Series, fold: Callable[[pd.Series], pd.Series]) -> pd.Series:
    """``fold`` applied to each distinct value once (200k messages have ~30k senders)."""
    codes, uniques = pd.factorize(values.astype("string"))
    folded = fold(pd.Series(uniques, dtype="string")).to_numpy(dtype=object, na_value=None)
    out = np.full(len(codes), None, dtype=object)
    known = codes >= 0
    out[known] = folded[codes[known]]
    return pd.Series(out, index=values.index, dtype="string")


def _fold_person(text: pd.Series) -> pd.Series:
    # An explicit class, not \s: pandas runs \s through Python's re row by row.
    return text.str.lower().str.replace("[ \t\r\n\xa0]+", " ", regex=True).str.strip()


def _fold_url(text: pd.Series) -> pd.Series:
    text = text.str.strip().str.lower()
    text = text.str.replace(r"^[a-z]+://", "", regex=True).str.replace(r"^www\.", "", regex=True)
    return text.str.replace(r"[?#].*$", "", regex=True).str.rstrip("/")
