"""The one text catalogue, in English and German, for the CLI and the dashboard.

Texts live in ``scoring/text/*.toml``; each file holds tables whose leaves are
``{en = "...", de = "..."}``. Keys are the dotted table paths, e.g.
``[pillar.brand] en = "Establish your professional brand"`` gives ``pillar.brand``.
A text that depends on a number has its plural forms by CLDR category,
``en = { one = "{count} file", other = "{count} files" }``, and is looked up with
``t(key, lang, count=n)`` or :func:`tn`. Files are split by area so that each part
of the code owns its own texts. Numbers and dates are written by Babel in the
conventions of the language.
"""

from __future__ import annotations

import math
import tomllib
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from babel import Locale

Lang = Literal["en", "de"]
LANGS: tuple[Lang, ...] = ("en", "de")
TEXT_DIR = Path(__file__).with_name("text")

#: A text is one string, or its plural forms by CLDR category (``one``, ``other``, …).
Text = str | dict[str, str]
#: Babel's date patterns: ``2026-11-21`` / ``21.11.2026``, long ``21 November 2026`` /
#: ``21. November 2026``. ``yyyy`` keeps four digits for the year 1 as ISO does.
_DATE_PATTERNS: dict[tuple[Lang, bool], str] = {
    ("en", False): "yyyy-MM-dd",
    ("de", False): "dd.MM.yyyy",
    ("en", True): "d MMMM y",
    ("de", True): "d. MMMM y",
}


def _is_text(value: object) -> bool:
    """A single text, or plural forms that include the ``other`` form every language has."""
    if isinstance(value, str):
        return True
    return (
        isinstance(value, dict)
        and "other" in value
        and all(isinstance(form, str) for form in value.values())
    )


def _flatten(table: dict[str, Any], prefix: str, out: dict[str, dict[str, Text]], src: str) -> None:
    for name, value in table.items():
        key = f"{prefix}.{name}" if prefix else name
        if (
            isinstance(value, dict)
            and set(value) >= {"en", "de"}
            and all(_is_text(v) for v in value.values())
        ):
            if key in out:
                raise ValueError(f"text key {key!r} is defined twice (second time in {src})")
            out[key] = value
        elif isinstance(value, dict) and not set(value) & {"en", "de"}:
            _flatten(value, key, out, src)
        else:
            raise ValueError(
                f"text key {key!r} in {src} needs both 'en' and 'de', each a text or "
                "plural forms {one = …, other = …}"
            )


@cache
def catalogue() -> dict[str, dict[str, Text]]:
    """Every text key with its English and German wording (or plural forms)."""
    out: dict[str, dict[str, Text]] = {}
    for path in sorted(TEXT_DIR.glob("*.toml")):
        with path.open("rb") as fh:
            _flatten(tomllib.load(fh), "", out, path.name)
    return out


def normalize_lang(lang: str | None) -> Lang:
    """``de``, ``de-DE``, ``DE`` → ``de``; anything else → ``en``."""
    return "de" if (lang or "").lower().startswith("de") else "en"


@cache
def _locale(lang: Lang) -> Locale:
    # Babel is loaded at the first number or date, not for `ssi --help` (issue 12).
    from babel import Locale  # noqa: PLC0415

    return Locale.parse(lang)


def plural_form(count: float, lang: str | None = "en") -> str:
    """The CLDR plural category of ``count`` in ``lang``: ``one`` for 1, else ``other``."""
    return _locale(normalize_lang(lang)).plural_form(abs(count))


def t(key: str, lang: str | None = "en", /, **params: object) -> str:
    """The text for ``key`` in ``lang``, with ``{name}`` placeholders filled in.

    A text with plural forms picks the form for the number ``count`` (the general
    ``other`` form when no count is given); an integer ``count`` is written with the
    language's separators (``1,234`` / ``1.234``).
    Other numbers passed as parameters are not reformatted: format them with
    :func:`fmt_number` first when the locale matters. An unknown key returns the
    key itself so that a missing text never hides the rest of a page.
    """
    entry = catalogue().get(key)
    if entry is None:
        return key
    lang = normalize_lang(lang)
    text = entry[lang]
    if isinstance(text, dict):
        count = params.get("count")
        # Without a count the general form is still a readable sentence.
        form = "other" if count is None else plural_form(count, lang)
        text = text.get(form, text["other"])
        if isinstance(count, int) and not isinstance(count, bool):
            params["count"] = fmt_number(count, lang, 0)
    return text.format(**params) if params else text


def tn(key: str, count: float, lang: str | None = "en", /, **params: object) -> str:
    """:func:`t` for a text with plural forms: ``tn("inspect.files", 1, "en")`` → ``1 file``."""
    return t(key, lang, count=count, **params)


def fmt_number(value: float | int | None, lang: str | None = "en", decimals: int = 1) -> str:
    """``1234.5`` → ``1,234.5`` (en) or ``1.234,5`` (de); ``None``/NaN → ``–``.

    Rounded as Python rounds the float itself (its exact binary value, half to even),
    so ``2.675`` with two decimals stays ``2.67`` as everywhere else in the program.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    exact = Decimal(value) if isinstance(value, int) else Decimal(float(value))
    from babel.numbers import format_decimal  # noqa: PLC0415  lazy, as in _locale

    return format_decimal(exact, format=pattern, locale=_locale(normalize_lang(lang)))


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
    lang = normalize_lang(lang)
    from babel.dates import format_date  # noqa: PLC0415  lazy, as in _locale

    return format_date(value, _DATE_PATTERNS[lang, long], locale=_locale(lang))
