"""The one text catalogue, in English and German, for the CLI and the dashboard.

Texts live in ``scoring/text/*.toml``; each file holds tables whose leaves are
``{en = "...", de = "..."}``. Keys are the dotted table paths, e.g.
``[pillar.brand] en = "Establish your professional brand"`` gives ``pillar.brand``.
Files are split by area so that each part of the code owns its own texts.
"""

from __future__ import annotations

import math
import tomllib
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any, Literal

Lang = Literal["en", "de"]
LANGS: tuple[Lang, ...] = ("en", "de")
TEXT_DIR = Path(__file__).with_name("text")

_MONTHS_DE = (
    "Januar", "Februar", "März", "April", "Mai", "Juni",
    "Juli", "August", "September", "Oktober", "November", "Dezember",
)  # fmt: skip


def _flatten(table: dict[str, Any], prefix: str, out: dict[str, dict[str, str]], src: str) -> None:
    for name, value in table.items():
        key = f"{prefix}.{name}" if prefix else name
        if (
            isinstance(value, dict)
            and set(value) >= {"en", "de"}
            and all(isinstance(v, str) for v in value.values())
        ):
            if key in out:
                raise ValueError(f"text key {key!r} is defined twice (second time in {src})")
            out[key] = value
        elif isinstance(value, dict):
            _flatten(value, key, out, src)
        else:
            raise ValueError(f"text key {key!r} in {src} needs both 'en' and 'de'")


@cache
def catalogue() -> dict[str, dict[str, str]]:
    """Every text key with its English and German wording."""
    out: dict[str, dict[str, str]] = {}
    for path in sorted(TEXT_DIR.glob("*.toml")):
        with path.open("rb") as fh:
            _flatten(tomllib.load(fh), "", out, path.name)
    return out


def normalize_lang(lang: str | None) -> Lang:
    """``de``, ``de-DE``, ``DE`` → ``de``; anything else → ``en``."""
    return "de" if (lang or "").lower().startswith("de") else "en"


def t(key: str, lang: str | None = "en", /, **params: Any) -> str:
    """The text for ``key`` in ``lang``, with ``{name}`` placeholders filled in.

    Numbers passed as parameters are not reformatted: format them with
    :func:`fmt_number` first when the locale matters. An unknown key returns the
    key itself so that a missing text never hides the rest of a page.
    """
    entry = catalogue().get(key)
    if entry is None:
        return key
    text = entry[normalize_lang(lang)]
    return text.format(**params) if params else text


def fmt_number(value: float | int | None, lang: str | None = "en", decimals: int = 1) -> str:
    """``1234.5`` → ``1,234.5`` (en) or ``1.234,5`` (de); ``None``/NaN → ``–``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{value:,.{decimals}f}"
    if normalize_lang(lang) == "de":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def fmt_signed(value: float | None, lang: str | None = "en", decimals: int = 1) -> str:
    """``2.3`` → ``+2.3``; ``-1`` → ``−1.0`` (with a real minus sign)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    sign = "+" if value > 0 else ("−" if value < 0 else "±")
    return sign + fmt_number(abs(value), lang, decimals)


def fmt_date(value: date | datetime | None, lang: str | None = "en", long: bool = False) -> str:
    """``2026-11-21`` (en) or ``21.11.2026`` (de); ``long`` gives ``21 November 2026``."""
    if value is None:
        return "–"
    if isinstance(value, datetime):
        value = value.date()
    if normalize_lang(lang) == "de":
        if long:
            return f"{value.day}. {_MONTHS_DE[value.month - 1]} {value.year}"
        return value.strftime("%d.%m.%Y")
    return value.strftime("%-d %B %Y") if long else value.isoformat()
