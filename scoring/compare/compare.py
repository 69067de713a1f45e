"""Compare a score with its industry and its network, and say against what.

:func:`compare` returns :class:`Percentiles`: for the industry (always the
modelled reference) and the network (the best source available, see
:mod:`scoring.compare.network`), the group's name, the source key, and for
the total and each pillar the percentile rank, LinkedIn's "Top X%" and the
group's average. :func:`percentiles_payload` is the JSON shape ``ssi score``
prints.
"""

from __future__ import annotations

from typing import Any, Literal

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict, Field

from scoring.compare.industries import IndustriesConfig, industry_label, load_industries
from scoring.compare.network import (
    MIN_PEERS,
    SCORE_COLUMNS,
    PeerFileError,
    PeerSource,
    mid_rank_percentile,
    peer_table,
    read_peers,
    without_member,
)
from scoring.compare.reference import (
    ALL_INDUSTRIES,
    PROBS,
    ReferenceTable,
    load_reference,
    top_percent,
    weighted_quantiles,
)
from scoring.errors import InputError
from scoring.export import ExportData
from scoring.i18n import fmt_date, fmt_number, t
from scoring.official import OfficialReading
from scoring.results import PILLARS, Score

#: The group name of an uploaded peer file: shown as "Your peers (N people)", never the
#: file's name (which is data, and often a meaningless export name).
PEERS_GROUP = "Your peers"

SourceKey = Literal["modelled_reference", "cohort", "peer_csv", "official", "estimated_network"]
SOURCES: tuple[SourceKey, ...] = (
    "modelled_reference", "cohort", "peer_csv", "official", "estimated_network",
)  # fmt: skip


class Standing(BaseModel):
    """Where one value stands in a group: percentile rank, "Top X%", group average."""

    model_config = ConfigDict(frozen=True)

    percentile: float | None = Field(default=None, ge=0, le=100)
    top_percent: int | None = Field(default=None, ge=1, le=100)
    average: float | None = None


class Note(BaseModel):
    """A catalogue key with its parameters, shown in the reader's language."""

    model_config = ConfigDict(frozen=True)

    key: str
    params: dict[str, Any] = Field(default_factory=dict)

    def text(self, lang: str = "en") -> str:
        """The note in ``lang``; a source key and a date are shown as words in that language."""
        params = dict(self.params)
        if "source" in params:
            params["source"] = source_label(params["source"], lang)
        if "date" in params:
            params["date"] = fmt_date(params["date"], lang)
        return t(self.key, lang, **params)


class GroupComparison(BaseModel):
    """The user against one group, for the total and each pillar."""

    model_config = ConfigDict(frozen=True)

    group: str  # industry name, "All industries", "Your network", "Your team", "Your peers"
    source: SourceKey
    size: int | None = None  # people in the group (None: LinkedIn's own, unknown)
    total: Standing
    pillars: dict[str, Standing]
    notes: tuple[Note, ...] = ()
    #: Measure → the group's 101 quantiles (0 %, 1 %, …, 100 %), the distribution a chart
    #: draws; empty for LinkedIn's own rank, which comes without a distribution.
    quantiles: dict[str, tuple[float, ...]] = Field(default_factory=dict)
    #: Measure → the scores themselves, for a team or peer file (a few people, whose
    #: spread a chart shows as it is rather than smoothed through quantiles).
    values: dict[str, tuple[float, ...]] = Field(default_factory=dict)

    def source_label(self, lang: str = "en") -> str:
        """What the comparison is computed against, in the reader's language."""
        return source_label(self.source, lang)

    def group_label(self, lang: str = "en") -> str:
        """The group's name in the reader's language (an industry as LinkedIn's pages name it)."""
        return self._named("compare.group", lang)

    def _named(self, prefix: str, lang: str) -> str:
        fixed = {
            ALL_INDUSTRIES: "all_industries",
            "Your network": "network",
            "Your team": "cohort",
            PEERS_GROUP: "peers",
        }
        if self.group in fixed:
            return t(f"{prefix}.{fixed[self.group]}", lang, n=self.size or 0)
        return t(f"{prefix}.industry", lang, industry=industry_label(self.group, lang))

    def standing(self, measure: str) -> Standing:
        """The standing of ``measure``: ``total`` or a pillar."""
        return self.total if measure == "total" else self.pillars[measure]

    def average_text(
        self, lang: str = "en", measure: str = "total", decimals: int = 2
    ) -> str | None:
        """ "Average of your peers (8 people): 44.44" (German: "Durchschnitt Ihrer …"), or None."""
        average = self.standing(measure).average
        if average is None:
            return None
        return t(
            "compare.phrase.average_of",
            lang,
            group=self._named("compare.group_of", lang),
            value=fmt_number(average, lang, decimals),
        )

    def percentile_text(self, lang: str = "en", measure: str = "total") -> str | None:
        """The rank of ``measure`` in words, or None when the group gives no percentile.

        "Higher than 54.4% of your network" ("Höher als 54,4 % Ihres Netzwerks"); a
        percentile of exactly 100 (above every score of the group) is said in words,
        and :func:`_standing` keeps any other value at or below 99.9.
        """
        percentile = self.standing(measure).percentile
        if percentile is None:
            return None
        group = self._named("compare.group_of", lang)
        if percentile >= 100.0:
            return t("compare.phrase.percentile_all", lang, group=group)
        return t(
            "compare.phrase.percentile", lang, group=group, value=fmt_number(percentile, lang, 1)
        )


class Percentiles(BaseModel):
    """Industry and network comparison of one score."""

    model_config = ConfigDict(frozen=True)

    industry: GroupComparison
    network: GroupComparison | None
    #: Why the network is missing or why a better source was passed over.
    network_reason: Note | None = None
    #: The score against every usable network source on its own, in order of precedence
    #: (team, peer file, official reading, estimated network); ``network`` is the first.
    networks: tuple[GroupComparison, ...] = ()


def source_label(source: str, lang: str = "en") -> str:
    """The label of a source key (``modelled_reference`` → "Modelled reference …")."""
    return t(f"compare.source.{source}", lang)


def _measures(score: Score) -> dict[str, float]:
    return {"total": score.total, **{p: score.pillars[p].score for p in PILLARS}}


def shown_percentile(percentile: float) -> float:
    """``percentile`` to one decimal; 100.0 and 0.0 only when exactly so.

    99.96 is not "higher than 100 %": it stays 99.9, so that 100 means above every
    score of the group and 0 below every one.
    """
    rounded = round(percentile, 1)
    if percentile < 100.0:
        rounded = min(rounded, 99.9)
    if percentile > 0.0:
        rounded = max(rounded, 0.1)
    return rounded


def _quantiles(values: np.ndarray) -> tuple[float, ...]:
    return tuple(round(float(q), 4) for q in weighted_quantiles(values, probs=PROBS))


def _standing(percentile: float | None, average: float | None) -> Standing:
    return Standing(
        percentile=None if percentile is None else shown_percentile(percentile),
        top_percent=None if percentile is None else top_percent(percentile),
        average=None if average is None else round(average, 2),
    )


def industry_comparison(
    score: Score,
    industry: str | None,
    *,
    reference: ReferenceTable | None = None,
    industries: IndustriesConfig | None = None,
    explicit: bool = False,
    basis: Literal["members", "network"] = "members",
) -> GroupComparison:
    """The score against the modelled reference of ``industry`` (or all industries).

    An industry that is not in the reference falls back to "All industries" with
    a note; when the user named it explicitly (``explicit``), an unknown name is
    an :class:`InputError` listing the known ones instead.
    """
    reference = reference or load_reference()
    industries = industries or load_industries()
    group = industries.resolve(industry)
    notes: list[Note] = []
    if group is None:
        if explicit and industry:
            raise InputError(
                "error.compare.industry", industry=industry, known=", ".join(industries.names)
            )
        key = "compare.note.industry_fallback" if industry else "compare.note.no_industry"
        notes.append(Note(key=key, params={"industry": industry} if industry else {}))
        group = ALL_INDUSTRIES
    note_key = "compare.note.modelled" if basis == "members" else "compare.note.estimated_network"
    notes.append(Note(key=note_key))
    values = _measures(score)
    standings = {}
    for measure in SCORE_COLUMNS:
        distribution = reference.distribution(group, measure, basis)
        standings[measure] = _standing(distribution.percentile(values[measure]), distribution.mean)
    return GroupComparison(
        group=group if basis == "members" else "Your network",
        source="modelled_reference" if basis == "members" else "estimated_network",
        size=reference.distribution(group, "total", basis).n,
        total=standings["total"],
        pillars={p: standings[p] for p in PILLARS},
        notes=tuple(notes),
        quantiles={
            m: tuple(float(q) for q in reference.distribution(group, m, basis).quantiles)
            for m in SCORE_COLUMNS
        },
    )


def table_comparison(
    score: Score,
    table: pd.DataFrame,
    *,
    source: SourceKey,
    group: str,
    besides_you: bool = False,
) -> GroupComparison | Note:
    """The score against a peer table (cohort or peer file), or a Note when too small.

    Percentiles are mid-ranks among the peers; a pillar column with fewer than
    :data:`MIN_PEERS` values has only its average and no distribution. A too small
    table's note says "besides you" only when the user's own row was in it
    (``besides_you``).
    """
    totals = table["total"].dropna()
    if len(totals) < MIN_PEERS:
        return Note(
            key="compare.reason.too_few_besides_you" if besides_you else "compare.reason.too_few",
            params={"source": source, "n": len(totals), "count": len(totals), "minimum": MIN_PEERS},
        )
    values = _measures(score)
    standings: dict[str, Standing] = {}
    quantiles: dict[str, tuple[float, ...]] = {}
    scores: dict[str, tuple[float, ...]] = {}
    for measure in SCORE_COLUMNS:
        column = table[measure].dropna().to_numpy(dtype=float)
        enough = len(column) >= MIN_PEERS
        percentile = mid_rank_percentile(values[measure], column) if enough else None
        standings[measure] = _standing(percentile, float(column.mean()) if len(column) else None)
        if enough:
            quantiles[measure] = _quantiles(column)
            scores[measure] = tuple(sorted(float(v) for v in column))
    return GroupComparison(
        group=group,
        source=source,
        size=len(totals),
        total=standings["total"],
        pillars={p: standings[p] for p in PILLARS},
        quantiles=quantiles,
        values=scores,
    )


def official_comparison(reading: OfficialReading) -> GroupComparison | Note:
    """LinkedIn's own network rank and averages from an official reading, or a Note."""
    if reading.network_top_pct is None and reading.network_average is None:
        return Note(key="compare.reason.official_no_rank")
    top = reading.network_top_pct
    pillars = reading.network_pillars or {}
    note = (
        Note(key="compare.note.official", params={"date": reading.as_of})
        if reading.as_of
        else Note(key="compare.note.official_undated")
    )
    return GroupComparison(
        group="Your network",
        source="official",
        size=None,
        total=Standing(
            percentile=None if top is None else round(100.0 - top, 1),
            top_percent=None if top is None else max(1, round(top)),
            average=reading.network_average,
        ),
        pillars={p: Standing(average=pillars.get(p)) for p in PILLARS},
        notes=(note,),
    )


def _peer_frame(peers: PeerSource) -> pd.DataFrame:
    if isinstance(peers, pd.DataFrame):
        return peer_table(peers, name="peers")
    return read_peers(peers)


def _in_table(table: pd.DataFrame, member: str | None) -> bool:
    return member is not None and len(without_member(table, member)) < len(table)


def compare(
    score: Score,
    data: ExportData | None = None,
    *,
    industry: str | None = None,
    peers: PeerSource | None = None,
    cohort: pd.DataFrame | None = None,
    official: OfficialReading | None = None,
    member: str | None = None,
    in_cohort: bool = False,
    estimate_network: bool = True,
    reference: ReferenceTable | None = None,
) -> Percentiles:
    """Industry and network percentiles of ``score``, each labelled with its source.

    Industry: the modelled reference of ``industry`` (if given: must be a known
    name or alias, else :class:`InputError`), otherwise of the export's profile
    industry, otherwise "All industries". Network: the first usable of the
    ``cohort`` (a peer table from the store), the ``peers`` file (path, bytes,
    ``(name, bytes)`` or a frame; a bad file raises :class:`PeerFileError`), the
    ``official`` reading's network rank, and the estimated network (unless
    ``estimate_network`` is False, then ``None`` with a reason). ``member``
    removes the user's own row from a cohort or peer table; ``in_cohort`` says the
    user is a member of the ``cohort`` even when the caller left their row out.
    ``networks`` holds the score against every usable source on its own.
    """
    reference = reference or load_reference()
    industries = load_industries()
    profile_industry = data.profile.industry if data is not None else None
    chosen = industry if industry is not None else profile_industry
    industry_result = industry_comparison(
        score, chosen, reference=reference, industries=industries, explicit=industry is not None
    )
    candidates: list[GroupComparison | Note] = []
    if cohort is not None:
        table = _cohort_table(cohort)
        besides_you = in_cohort or _in_table(table, member)
        candidates.append(
            table_comparison(
                score,
                without_member(table, member),
                source="cohort",
                group="Your team",
                besides_you=besides_you,
            )
        )
    if peers is not None:
        table = _peer_frame(peers)
        candidates.append(
            table_comparison(
                score,
                without_member(table, member),
                source="peer_csv",
                group=PEERS_GROUP,
                besides_you=_in_table(table, member),
            )
        )
    if official is not None:
        candidates.append(official_comparison(official))
    usable = [c for c in candidates if isinstance(c, GroupComparison)]
    first_usable = candidates.index(usable[0]) if usable else len(candidates)
    # Only a source skipped in favour of a worse one needs a reason.
    reasons = [c for c in candidates[:first_usable] if isinstance(c, Note)]
    if estimate_network:
        usable.append(
            industry_comparison(
                score, chosen, reference=reference, industries=industries, basis="network"
            )
        )
    if usable:
        fallback = None if first_usable < len(candidates) else Note(key="compare.reason.estimated")
        return Percentiles(
            industry=industry_result,
            network=usable[0],
            network_reason=_first(reasons) or fallback,
            networks=tuple(usable),
        )
    return Percentiles(
        industry=industry_result,
        network=None,
        network_reason=_first(reasons) or Note(key="compare.reason.no_source"),
    )


def _first(notes: list[Note]) -> Note | None:
    return notes[0] if notes else None


def _cohort_table(cohort: pd.DataFrame) -> pd.DataFrame:
    """A store cohort as a peer table; rows without a total are dropped, pillars may be NaN."""
    missing = [c for c in ("member", "total") if c not in cohort.columns]
    if missing:
        raise PeerFileError(
            "error.peers.columns", file="cohort", missing=", ".join(missing), count=len(missing),
            expected=", ".join(("member", "industry", *SCORE_COLUMNS)),
        )  # fmt: skip
    table = cohort.reindex(columns=["member", "industry", *SCORE_COLUMNS])
    for column in SCORE_COLUMNS:
        table[column] = pd.to_numeric(table[column], errors="coerce")
    return table[table["total"].notna()].reset_index(drop=True)


def _standing_payload(s: Standing) -> dict[str, Any]:
    return {"percentile": s.percentile, "top_percent": s.top_percent, "average": s.average}


def _group_payload(g: GroupComparison) -> dict[str, Any]:
    return {
        "group": g.group,
        "source": g.source,
        "total": _standing_payload(g.total),
        "pillars": {p: _standing_payload(g.pillars[p]) for p in PILLARS},
    }


def percentiles_payload(p: Percentiles, lang: str = "en") -> dict[str, Any]:
    """``p`` as JSON-ready data, the shape ``ssi score --json`` prints under "percentiles".

    ``{"industry": {"group", "source", "total": {"percentile", "top_percent",
    "average"}, "pillars": {"brand": {…}, …}}, "network": {…} or null,
    "network_reason": text or null}``; the reason (in ``lang``) says why the
    network is missing or why a better source could not be used.
    """
    return {
        "industry": _group_payload(p.industry),
        "network": None if p.network is None else _group_payload(p.network),
        "network_reason": None if p.network_reason is None else p.network_reason.text(lang),
    }
