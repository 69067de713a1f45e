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
import pyarrow as pa

_HASH_KEY = "ssi-dashboard/k1"  # exactly 16 characters, as SipHash needs
_KEY_CHARS = 16  # hex digits of a 64-bit hash


def salted_key(values: pd.Series) -> pd.Series:
    """16 hex characters per value (``<NA>`` where the value is missing or empty).

    Each distinct value is hashed once, and the hex digits are written straight
    into an Arrow string buffer: no Python string per row.
    """
    text = values.astype("string")
    present = (text.notna() & (text != "")).to_numpy(dtype=bool)
    codes, uniques = pd.factorize(text[present])
    hashed = pd.util.hash_pandas_object(
        pd.Series(uniques, dtype="string"), index=False, hash_key=_HASH_KEY, categorize=False
    ).to_numpy(dtype=np.uint64)
    digits = hashed.astype(">u8").tobytes().hex().encode("ascii")  # big-endian: 16 per value
    offsets = np.arange(0, _KEY_CHARS * len(hashed) + 1, _KEY_CHARS, dtype=np.int32)
    keys = pa.StringArray.from_buffers(len(hashed), pa.py_buffer(offsets), pa.py_buffer(digits))
    where = np.full(len(text), -1, dtype=np.int64)
    where[present] = codes
    taken = keys.take(pa.array(where, mask=where < 0))
    return pd.Series(pd.arrays.ArrowStringArray(taken), index=values.index, dtype="string")


def person_text(values: pd.Series) -> pd.Series:
    """A name folded for matching: lower case, single spaces, no outer spaces."""
    return on_uniques(values, _fold_person)


def profile_url_text(values: pd.Series) -> pd.Series:
    """A LinkedIn profile URL folded for matching: no scheme, ``www.``, query or final ``/``."""
    return on_uniques(values, _fold_url)


def on_uniques(values: pd.Series, fold: Callable[[pd.Series], pd.Series]) -> pd.Series:
    """``fold`` applied to each distinct value once (200k messages have ~30k senders)."""
    codes, uniques = pd.factorize(values.astype("string"))
    folded = pa.array(fold(pd.Series(uniques, dtype="string")).array, type=pa.string())
    taken = folded.take(pa.array(codes, mask=codes < 0))
    return pd.Series(pd.arrays.ArrowStringArray(taken), index=values.index, dtype="string")


def _fold_person(text: pd.Series) -> pd.Series:
    # An explicit class, not \s: pandas runs \s through Python's re row by row.
    return text.str.lower().str.replace("[ \t\r\n\xa0]+", " ", regex=True).str.strip()


def _fold_url(text: pd.Series) -> pd.Series:
    text = text.str.strip().str.lower()
    text = text.str.replace(r"^[a-z]+://", "", regex=True).str.replace(r"^www\.", "", regex=True)
    return text.str.replace(r"[?#].*$", "", regex=True).str.rstrip("/")
