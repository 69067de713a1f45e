"""One persona's synthetic LinkedIn life: who they know and what they did, when.

:class:`World` draws everything from named random streams (``seed`` + persona +
stream name), so changing how one file is generated never shifts another, and
the same seed always gives the same world. Frames built here carry the export
files' verbatim columns; helper columns start with ``_`` and never reach a file.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from datetime import date
from functools import cached_property

import numpy as np
import pandas as pd

from scoring.samples import people
from scoring.samples.spec import ActivitySpec, PersonaSpec, Vocabulary
from scoring.samples.timeline import event_times

FEED = "https://www.linkedin.com/feed/update/urn%3Ali%3A"


def _stable_hash(text: str) -> int:
    return zlib.crc32(text.encode("utf-8"))


@dataclass
class World:
    """The persona, the seed and everything derived from them (computed once, on demand)."""

    persona: str
    spec: PersonaSpec
    vocab: Vocabulary
    seed: int
    export_date: date

    def rng(self, stream: str) -> np.random.Generator:
        """An independent random stream for one part of the world."""
        return np.random.default_rng([self.seed, _stable_hash(self.persona), _stable_hash(stream)])

    @property
    def end(self) -> pd.Timestamp:
        """Midnight (UTC) of the export day: every event happens before it."""
        return pd.Timestamp(self.export_date)

    @property
    def activity_start(self) -> pd.Timestamp:
        """The first moment the persona's activity window covers."""
        return self.end - pd.Timedelta(days=self.spec.rhythm.active_days)

    @property
    def activity(self) -> ActivitySpec:
        """The activity counts (all zero for a Basic archive's persona)."""
        return self.spec.activity or ActivitySpec.model_validate(
            dict.fromkeys(ActivitySpec.model_fields, 0)
        )

    @property
    def owner_name(self) -> str:
        """The owner's full name as the export writes it."""
        return f"{self.spec.profile.first_name} {self.spec.profile.last_name}"

    @cached_property
    def owner_url(self) -> str:
        """The owner's public profile URL."""
        first = pd.Series([self.spec.profile.first_name])
        last = pd.Series([self.spec.profile.last_name])
        token = people.hex_tokens(self.rng("owner"), 1)[0]
        return people.PROFILE_PREFIX + people.slug(first, last)[0] + "-" + token

    def times(self, stream: str, n: int, *, start: pd.Timestamp | None = None) -> pd.Series:
        """``n`` sorted timestamps from ``start`` (default: activity start) to the end."""
        begin = max(start, self.activity_start) if start is not None else self.activity_start
        return event_times(self.rng(stream), n, begin, self.end, self.spec.rhythm)

    def later(
        self, rng: np.random.Generator, at: pd.Series, low_days: float, high_days: float
    ) -> pd.Series:
        """``at`` plus a random delay of ``low_days`` to ``high_days``, still before the end."""
        delay = pd.to_timedelta(rng.uniform(low_days, high_days, len(at)), unit="D")
        return (pd.Series(at).reset_index(drop=True) + delay).clip(
            upper=self.end - pd.Timedelta(minutes=1)
        )

    # -- people ------------------------------------------------------------------
    @cached_property
    def population(self) -> pd.DataFrame:
        """Connections first, then strangers (pending invitations, recruiters, group members)."""
        s = self.spec
        strangers = s.invitations.incoming + s.invitations.outgoing + s.messages.conversations * 4
        n = s.network.connections + strangers + 200
        return people.population(self.rng("population"), n, self.vocab, s.network)

    @cached_property
    def strangers(self) -> pd.DataFrame:
        """Members who are not connections."""
        return self.population.iloc[self.spec.network.connections :].reset_index(drop=True)

    @cached_property
    def connections(self) -> pd.DataFrame:
        """Connections, newest first, with ``_at`` and ``_hidden``; hidden rows are blanked."""
        net = self.spec.network
        rng = self.rng("connections")
        frame = self.population.iloc[: net.connections].reset_index(drop=True)
        start = pd.Timestamp(net.first_connected)
        at = event_times(rng, net.connections, start, self.end, self.spec.rhythm, growth=net.growth)
        frame = frame.assign(_at=at.to_numpy()[rng.permutation(net.connections)])
        order = rng.permutation(net.connections)
        hidden = np.zeros(net.connections, dtype=bool)
        hidden[order[: net.hidden]] = True
        with_email = np.zeros(net.connections, dtype=bool)
        with_email[order[net.hidden : net.hidden + net.with_email]] = True
        # About 3% of visible contacts list no current position at all.
        jobless = exactly(rng, net.connections, 0.03, among=~hidden)
        email = people.emails(frame["first"], frame["last"], rng).where(with_email, "")
        frame = frame.assign(
            _hidden=hidden,
            email=email,
            company=frame["company"].where(~jobless, ""),
            position=frame["position"].where(~jobless, ""),
        )
        blank = ["first", "last", "name", "url", "company", "position", "email"]
        frame.loc[hidden, blank] = ""
        return frame.sort_values("_at", ascending=False, kind="stable").reset_index(drop=True)

    @cached_property
    def visible_connections(self) -> pd.DataFrame:
        """Connections whose profile is not hidden."""
        return self.connections[~self.connections["_hidden"]].reset_index(drop=True)


def exactly(
    rng: np.random.Generator, n: int, share: float, among: np.ndarray | None = None
) -> np.ndarray:
    """A boolean mask with exactly ``round(share * candidates)`` random ``True`` rows.

    Counts stay a property of the persona, not of the seed; ``among`` limits the
    candidates (e.g. media only on posts that are not reshares).
    """
    candidates = np.arange(n) if among is None else np.flatnonzero(among)
    mask = np.zeros(n, dtype=bool)
    mask[rng.permutation(candidates)[: round(share * len(candidates))]] = True
    return mask
