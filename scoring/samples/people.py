"""Invented people: names, profile URLs, e-mail addresses, employers and titles, vectorized."""

from __future__ import annotations

import numpy as np
import pandas as pd

from scoring.samples.spec import SENIORITY_LEVELS, NetworkSpec, Vocabulary

PROFILE_PREFIX = "https://www.linkedin.com/in/"
_TRANSLIT = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ı": "i", "ğ": "g", "ş": "s", "ç": "c",
     "é": "e", "è": "e", "á": "a", "ó": "o", "í": "i", "ñ": "n", "ł": "l", "'": "", " ": "-"}
)  # fmt: skip


def hex_tokens(
    rng: np.random.Generator, n: int, nbytes: int = 4, *, unique: bool = False
) -> np.ndarray:
    """``n`` lowercase hex strings of ``2 * nbytes`` characters (unique if asked)."""
    if unique:
        # An odd multiplier makes i -> a*i + b a bijection modulo 2**32: distinct by design.
        a = int(rng.integers(1, 1 << 31)) * 2 + 1
        b = int(rng.integers(0, 1 << 32))
        values = (np.arange(n, dtype=np.uint64) * np.uint64(a) + np.uint64(b)) % np.uint64(1 << 32)
        raw = values.astype(">u4").tobytes()
        nbytes = 4
    else:
        raw = rng.bytes(n * nbytes)
    return np.frombuffer(raw.hex().encode("ascii"), dtype=f"S{2 * nbytes}").astype(str)


def slug(first: pd.Series, last: pd.Series) -> pd.Series:
    """The readable part of a public profile URL: ``katharina-vogelsang``."""
    return (first + "-" + last).str.lower().str.translate(_TRANSLIT)


def pick(rng: np.random.Generator, pool: list[str], n: int) -> np.ndarray:
    """``n`` draws with replacement from ``pool``."""
    return np.asarray(pool, dtype=object)[rng.integers(0, len(pool), size=n)]


def titles_by_level(rng: np.random.Generator, vocab: Vocabulary, levels: np.ndarray) -> np.ndarray:
    """One job title per row, drawn from the pool of that row's seniority level."""
    pools = [vocab.titles[level] for level in SENIORITY_LEVELS]
    flat = np.asarray([t for pool in pools for t in pool], dtype=object)
    offsets = np.cumsum([0] + [len(p) for p in pools])[:-1]
    sizes = np.asarray([len(p) for p in pools])
    within = (rng.random(len(levels)) * sizes[levels]).astype(np.int64)
    return flat[offsets[levels] + within]


def population(
    rng: np.random.Generator, n: int, vocab: Vocabulary, network: NetworkSpec
) -> pd.DataFrame:
    """``n`` distinct invented members with their current company, title and seniority."""
    first = pd.Series(pick(rng, vocab.first_names, n), dtype=object)
    last = pd.Series(pick(rng, vocab.last_names, n), dtype=object)
    url = PROFILE_PREFIX + slug(first, last) + "-" + pd.Series(hex_tokens(rng, n, unique=True))
    weights = np.asarray([network.seniority.get(level, 0.0) for level in SENIORITY_LEVELS])
    levels = rng.choice(len(SENIORITY_LEVELS), size=n, p=weights / weights.sum())
    others = [c for c in vocab.companies if c != network.own_company]
    company = np.where(rng.random(n) < network.coworkers, network.own_company, pick(rng, others, n))
    return pd.DataFrame(
        {
            "first": first,
            "last": last,
            "name": first + " " + last,
            "url": url,
            "company": company,
            "position": titles_by_level(rng, vocab, levels),
            "level": np.asarray(SENIORITY_LEVELS, dtype=object)[levels],
        }
    )


def emails(first: pd.Series, last: pd.Series, rng: np.random.Generator) -> pd.Series:
    """Private-looking e-mail addresses (the few contacts who share theirs)."""
    domains = pick(rng, ["gmail.com", "web.de", "gmx.de", "outlook.com", "t-online.de"], len(first))
    local = (first + "." + last).str.lower().str.translate(_TRANSLIT)
    return local + "@" + pd.Series(domains, index=first.index)


def distinct(rng: np.random.Generator, pool: list[str], n: int) -> np.ndarray:
    """``n`` draws from ``pool``, all different as long as the pool lasts."""
    order = rng.permutation(max(len(pool), n))[:n] % len(pool)
    return np.asarray(pool, dtype=object)[order]
