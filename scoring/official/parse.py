"""Official SSI readings: parse the text a user copies from linkedin.com/sales/ssi.

LinkedIn shows the official score only on a page its owner can see, so the user
pastes that page (select all, copy) or types the numbers in. :func:`parse_official`
reads English and German page wording with flexible whitespace and order: the
total ("53 out of 100" / "53 von 100"), the four pillars (each name followed by
its score, decimal point or comma), the industry and network ranks ("Industry SSI
rank: Top 9%" / "Branchen-SSI-Rang: Top 9 %") and the group averages ("… have an
average SSI of 34." / "… haben einen durchschnittlichen SSI von 34.") with the
pillar breakdown the page shows under each group.

Every pattern runs in time linear in the text: whitespace runs are collapsed first,
numbers have a bounded length, and the one sentence with free text before it
("… have an average SSI of") is found by its fixed wording and read backwards.
Pages longer than :data:`MAX_PAGE_CHARS` are refused. Fitting the model's weights to
readings lives in :mod:`scoring.model.calibrate`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from scoring.errors import InputError
from scoring.i18n import catalogue, fmt_number
from scoring.results import PILLAR_MAX, PILLARS

#: The page rounds the total to an integer while the pillars keep decimals
#: (the real 2026 reading: pillars sum to 52.65, the donut says 53).
TOTAL_ROUNDING_SLACK = 1.0
#: The longest page text accepted (characters). A copied SSI page holds a few
#: thousand; anything far longer is not that page.
MAX_PAGE_CHARS = 200_000
#: Official readings are dated within these days: LinkedIn has published the SSI
#: since 2014, and a date far in the future is a typing mistake.
FIRST_READING_DAY = date(2014, 1, 1)
LAST_READING_DAY = date(2099, 12, 31)


class OfficialInputError(InputError):
    """Pasted SSI page text or a manually entered official reading is not usable."""

    code = "error.official.nothing"

    def shown(self, key: str, value: object, lang: str) -> object:
        """Character counts with the language's digit grouping; the rest as given."""
        if key in ("size", "limit") and isinstance(value, int):
            return fmt_number(value, lang, 0)
        return value


class OfficialReading(BaseModel):
    """One official reading of the user's SSI page, pasted or typed in.

    Field names match the store's ``OfficialEntry`` so a reading can be stored as
    is. ``*_top_pct`` is LinkedIn's "Top X%" (9 means top 9 %), ``*_average`` the
    group's average SSI and ``*_pillars`` the group's pillar averages.
    """

    model_config = ConfigDict(frozen=True)

    as_of: date | None = None  # the day the page was read
    total: float | None = Field(default=None, ge=0, le=100)
    brand: float | None = Field(default=None, ge=0, le=PILLAR_MAX)
    people: float | None = Field(default=None, ge=0, le=PILLAR_MAX)
    insights: float | None = Field(default=None, ge=0, le=PILLAR_MAX)
    relationships: float | None = Field(default=None, ge=0, le=PILLAR_MAX)
    industry_name: str | None = None  # e.g. "Management consulting"
    industry_top_pct: float | None = Field(default=None, gt=0, le=100)
    industry_average: float | None = Field(default=None, ge=0, le=100)
    industry_pillars: dict[str, float] | None = None
    network_top_pct: float | None = Field(default=None, gt=0, le=100)
    network_average: float | None = Field(default=None, ge=0, le=100)
    network_pillars: dict[str, float] | None = None
    source: Literal["pasted", "manual"] = "manual"

    @field_validator("as_of")
    @classmethod
    def _plausible_day(cls, value: date | None) -> date | None:
        if value is not None and not FIRST_READING_DAY <= value <= LAST_READING_DAY:
            raise ValueError("implausible_date")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> OfficialReading:
        for group in (self.industry_pillars, self.network_pillars):
            _check_pillars(group or {})
        numbers = (
            self.total, *self.pillars.values(), self.industry_top_pct, self.industry_average,
            self.network_top_pct, self.network_average,
        )  # fmt: skip
        if (
            all(v is None for v in numbers)
            and not self.industry_pillars
            and not self.network_pillars
        ):
            raise ValueError("nothing")
        pillar_sum = self.pillar_sum
        if (
            self.total is not None
            and pillar_sum is not None
            and abs(pillar_sum - self.total) > TOTAL_ROUNDING_SLACK
        ):
            raise ValueError("inconsistent")
        return self

    @property
    def pillars(self) -> dict[str, float]:
        """The pillar scores the reading holds (pillar key → 0–25), in model order."""
        return {p: v for p in PILLARS if (v := getattr(self, p)) is not None}

    @property
    def pillar_sum(self) -> float | None:
        """The exact total (sum of the four pillars) when all four are known."""
        pillars = self.pillars
        return round(sum(pillars.values()), 4) if len(pillars) == len(PILLARS) else None


def _check_pillars(pillars: Mapping[str, float]) -> None:
    for key, value in pillars.items():
        if key not in PILLARS:
            raise ValueError(f"unknown pillar {key!r}")
        if not 0 <= value <= PILLAR_MAX:
            raise ValueError(f"pillar {key} = {value} is outside 0–25")


# --- parsing ---------------------------------------------------------------

#: A score, rank or average: at most three digits before and nine after the decimal
#: point or comma, and not the start of a longer number (bounded: no backtracking).
_NUMBER = r"\d{1,3}(?:[.,]\d{1,9})?(?![.,]?\d)"
_TOP_WORD = r"(?:top|die\s+besten|obere[nr]?|primeiros)"

#: Pillar names as LinkedIn's pages word them beyond the catalogue's own wording
#: (older German translations, the API keys some browser tools copy).
_PILLAR_ALIASES: dict[str, tuple[str, ...]] = {
    "brand": ("Professionelle Marke etablieren", "Eine professionelle Marke aufbauen",
              "Professionelle Marke aufbauen", "PROFESSIONAL_BRAND"),
    "people": ("Die richtigen Personen finden", "Richtige Personen finden",
               "Die richtigen Leute finden", "FIND_RIGHT_PEOPLE"),
    "insights": ("Mit Insights interagieren", "Mit Einblicken interagieren",
                 "Durch Insights überzeugen", "INSIGHT_ENGAGEMENT"),
    "relationships": ("Beziehungen pflegen", "Beziehungen ausbauen", "STRONG_RELATIONSHIP"),
}  # fmt: skip

_RANK_LABELS = {
    "industry": r"(?:industry\s+SSI\s+rank|branchen[\s-]{0,3}SSI[\s-]{0,3}rang"
    r"|SSI[\s-]{0,3}rang\s+in\s+(?:der|ihrer)\s+branche)",
    "network": r"(?:network\s+SSI\s+rank|netzwerk[\s-]{0,3}SSI[\s-]{0,3}rang"
    r"|SSI[\s-]{0,3}rang\s+(?:im|in\s+ihrem)\s+netzwerk)",
}
_TOP = re.compile(rf"\b{_TOP_WORD}\s*({_NUMBER})\s*%", re.IGNORECASE)
#: A rank label and its "Top N %" are at most this many characters apart.
_RANK_GAP = 40
_TOTAL = re.compile(rf"(?<![\d.,])({_NUMBER})\s*(?:out\s+of|von|/)\s*100\b", re.IGNORECASE)
_AVERAGE = re.compile(
    rf"(?:have\s+an\s+average\s+SSI\s+of"
    rf"|haben\s+(?:einen|ein(?:en)?)\s+durchschnittliche[nr]?\s+SSI(?:-Wert)?\s+von)"
    rf"\s+(?P<avg>{_NUMBER})",
    re.IGNORECASE,
)
#: How far before its "average SSI" wording a group's description may start.
_WHO_CHARS = 160
_INDUSTRY_NAME = (
    re.compile(r"\bin\s+the\s+(?P<name>.+?)\s+industry\b", re.IGNORECASE),
    re.compile(r"\bin\s+der\s+Branche\s+(?P<name>.+)$", re.IGNORECASE),
    re.compile(r"\baus\s+der\s+Branche\s+(?P<name>.+)$", re.IGNORECASE),
)
_NETWORK_WORDS = re.compile(r"network|netzwerk", re.IGNORECASE)
#: Whitespace is collapsed before parsing: a run without a line break becomes one
#: space, one with line breaks one or two of them (a paragraph stays a paragraph,
#: which the distances in _group_pillars rely on). Each pattern is linear.
_BLANKS = re.compile(r"[^\S\n]+")
_EDGES = re.compile(r" ?\n ?")
_PARAGRAPHS = re.compile(r"\n{3,}")
_QUOTES = "\"'„“”‚‘’«»"


def normalized_page(text: str) -> str:
    """``text`` with every whitespace run collapsed to one space or one or two line breaks."""
    return _PARAGRAPHS.sub("\n\n", _EDGES.sub("\n", _BLANKS.sub(" ", text)))


def _number(text: str) -> float:
    """``20,998`` and ``20.998`` → 20.998: pillar scores never reach a thousand."""
    return float(text.replace(",", "."))


def _pillar_names(pillar: str) -> tuple[str, ...]:
    entry = catalogue()[f"pillar.{pillar}"]
    return (entry["en"], entry["de"], *_PILLAR_ALIASES[pillar])


@cache
def _pillar_pattern() -> re.Pattern[str]:
    """One pattern: a pillar name, then its score (not a percentage)."""
    groups = []
    for pillar in PILLARS:
        names = sorted(_pillar_names(pillar), key=len, reverse=True)
        alternation = "|".join(r"\s+".join(map(re.escape, n.split())) for n in names)
        groups.append(rf"(?P<{pillar}>{alternation})")
    return re.compile(
        rf"\b(?:{'|'.join(groups)})[\"']?\s*[:=\-–|]?\s*[\"']?(?P<value>{_NUMBER})(?![.,]?\s*%)",
        re.IGNORECASE,
    )


def _pillar_hits(text: str) -> list[tuple[int, str, float]]:
    """Every (position, pillar, value) in document order; values above 25 are not scores."""
    hits = []
    for m in _pillar_pattern().finditer(text):
        pillar = next(p for p in PILLARS if m.group(p))
        value = _number(m.group("value"))
        if value <= PILLAR_MAX:
            hits.append((m.start(), pillar, value))
    return hits


def _runs(hits: list[tuple[int, str, float]]) -> list[list[tuple[int, str, float]]]:
    """Split the pillar hits into blocks: a pillar seen again starts a new block."""
    runs: list[list[tuple[int, str, float]]] = []
    for hit in hits:
        if not runs or any(h[1] == hit[1] for h in runs[-1]):
            runs.append([])
        runs[-1].append(hit)
    return runs


def _ranks(text: str) -> dict[str, float]:
    """Group → the ``Top N %`` that belongs to its rank label.

    Pages print the value after the label ("Industry SSI rank: Top 9%") or above
    it ("Top 9%" then "Industry SSI rank"). Walking labels and values in order, a
    label followed by a colon takes the next value; otherwise it takes the value
    just before it if no other label claimed that one, else the next value.
    """
    tokens: list[tuple[int, int, str, float | bool]] = []
    for m in _TOP.finditer(text):
        tokens.append((m.start(), m.end(), "top", _number(m.group(1))))
    for group, pattern in _RANK_LABELS.items():
        for m in re.finditer(pattern, text, re.IGNORECASE):
            colon = text[m.end() : m.end() + 3].lstrip().startswith(":")
            tokens.append((m.start(), m.end(), group, colon))
    tokens.sort()
    claimed: set[int] = set()
    found: dict[str, float] = {}

    def usable(i: int, j: int) -> bool:
        if not 0 <= j < len(tokens) or tokens[j][2] != "top" or j in claimed:
            return False
        gap = tokens[j][0] - tokens[i][1] if j > i else tokens[i][0] - tokens[j][1]
        return gap <= _RANK_GAP

    for i, (_, _, kind, colon) in enumerate(tokens):
        if kind == "top":
            continue
        choice = next(
            (j for j in ((i + 1, i - 1) if colon else (i - 1, i + 1)) if usable(i, j)), None
        )
        if choice is not None:
            claimed.add(choice)
            found.setdefault(kind, float(tokens[choice][3]))
    return found


def _averages(text: str) -> dict[str, tuple[int, int, str | None, float]]:
    """Group → (start, end, industry name, average) from the "average SSI of" sentences.

    The group is described in the words before the wording (up to
    :data:`_WHO_CHARS` characters, back to the last full stop or line break, and
    after the previous sentence found), separated from it by whitespace.
    """
    found: dict[str, tuple[int, int, str | None, float]] = {}
    previous_end = 0
    for m in _AVERAGE.finditer(text):
        gap = m.start() - 1
        if gap < previous_end or not text[gap].isspace():
            continue
        start = max(previous_end, gap - _WHO_CHARS)
        start = max(start, text.rfind(".", start, gap) + 1, text.rfind("\n", start, gap) + 1)
        who = text[start:gap].strip()
        previous_end = m.end()
        group = "network" if _NETWORK_WORDS.search(who) else "industry"
        if group in found:
            continue
        name = None
        if group == "industry":
            name = next(
                (n.group("name").strip().strip(_QUOTES).strip() for p in _INDUSTRY_NAME
                 if (n := p.search(who))),
                None,
            )  # fmt: skip
        found[group] = (start, m.end(), name or None, _number(m.group("avg")))
    return found


def _group_pillars(
    runs: list[list[tuple[int, str, float]]],
    averages: Mapping[str, tuple[int, int, str | None, float]],
) -> dict[str, dict[str, float]]:
    """Give each pillar block after the user's own to the nearest group sentence.

    The page prints a group's breakdown next to its "average SSI" sentence, but
    whether before or after it depends on the layout copied, so distance decides.
    """
    out: dict[str, dict[str, float]] = {}
    free = dict(averages)
    for run in runs[1:]:
        if not free:
            break
        start, end = run[0][0], run[-1][0]

        def distance(group: str, start: int = start, end: int = end) -> int:
            s, e = free[group][0], free[group][1]
            return max(s - end, start - e, 0)

        group = min(free, key=distance)
        out[group] = {pillar: value for _, pillar, value in run}
        del free[group]
    return out


def parse_official(
    text: str, *, as_of: date | None = None, max_chars: int = MAX_PAGE_CHARS
) -> OfficialReading:
    """Read the text copied from linkedin.com/sales/ssi (English or German page).

    Recognises the total ("53 out of 100", "53 von 100"), the four pillar scores
    (each pillar name followed by its value; ``20.998`` or ``20,998``), the
    industry and network ranks ("Industry SSI rank: Top 9%", "Branchen-SSI-Rang:
    Top 9 %", also with "Top 9%" printed before the label), the group averages
    ("… industry have an average SSI of 34.", "… haben einen durchschnittlichen
    SSI von 34.") with the industry's name, and each group's pillar breakdown.
    Whitespace, line breaks and order are free. Raises :class:`OfficialInputError`
    when the text is longer than ``max_chars``, ``as_of`` lies outside
    :data:`FIRST_READING_DAY` … :data:`LAST_READING_DAY`, nothing recognisable is
    found or the numbers contradict each other.
    """
    text = text or ""
    if len(text) > max_chars:
        raise OfficialInputError("error.official.too_long", size=len(text), limit=max_chars)
    text = normalized_page(text)
    total_match = _TOTAL.search(text)
    runs = _runs(_pillar_hits(text))
    averages = _averages(text)
    breakdowns = _group_pillars(runs, averages)
    values: dict[str, Any] = {
        "as_of": as_of,
        "total": _number(total_match.group(1)) if total_match else None,
        **({pillar: value for _, pillar, value in runs[0]} if runs else {}),
        "industry_name": averages["industry"][2] if "industry" in averages else None,
        "source": "pasted",
    }
    ranks = _ranks(text)
    for group in ("industry", "network"):
        values[f"{group}_top_pct"] = ranks.get(group)
        values[f"{group}_average"] = averages[group][3] if group in averages else None
        values[f"{group}_pillars"] = breakdowns.get(group)
    return _validated(values, pasted=True)


def _validated(values: Mapping[str, Any], *, pasted: bool) -> OfficialReading:
    try:
        return OfficialReading(**values)
    except ValidationError as exc:
        error = exc.errors()[0]
        message = str(error.get("ctx", {}).get("error", error["msg"]))
        if "nothing" in message:
            raise OfficialInputError(
                "error.official.nothing" if pasted else "error.official.empty"
            ) from None
        if "implausible_date" in message:
            raise OfficialInputError(
                "error.official.date",
                value=values.get("as_of"),
                first=FIRST_READING_DAY.isoformat(),
                last=LAST_READING_DAY.isoformat(),
            ) from None
        if "inconsistent" in message:
            pillar_sum = sum(float(values[p]) for p in PILLARS)
            raise OfficialInputError(
                "error.official.inconsistent",
                total=values["total"],
                pillar_sum=round(pillar_sum, 2),
            ) from None
        field = ".".join(str(p) for p in error["loc"]) or "value"
        raise OfficialInputError(
            "error.official.field", field=field, value=error.get("input", "")
        ) from None


#: What a hand-typed reading may hold: numbers only (the store's names).
MANUAL_FIELDS: tuple[str, ...] = (
    "total", *PILLARS, "industry_top_pct", "industry_average", "network_top_pct",
    "network_average",
)  # fmt: skip


def manual_reading(values: Mapping[str, Any], *, as_of: date | None = None) -> OfficialReading:
    """An official reading typed in by hand, validated, with one clear error per mistake.

    ``values`` holds any of :data:`MANUAL_FIELDS` as numbers or strings (a German
    decimal comma and a trailing ``%`` are fine; empty strings count as not
    given). Raises :class:`OfficialInputError` naming the first field that is
    unknown, not a number or out of range, or when nothing was entered.
    """
    numbers: dict[str, float] = {}
    for key, raw in values.items():
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            continue
        if key not in MANUAL_FIELDS:
            raise OfficialInputError("error.official.field", field=key, value=raw)
        try:
            numbers[key] = _number(str(raw).strip().rstrip("%").strip())
        except ValueError:
            raise OfficialInputError("error.official.field", field=key, value=raw) from None
    return _validated({**numbers, "as_of": as_of, "source": "manual"}, pasted=False)
