"""Per-file warnings and skip reasons in the reader's user's language.

:class:`~scoring.export.SourceReport` stores them as English lines, made from
the ``ingest.warning.*`` and ``ingest.skip.*`` texts. To show them in German
the English line is matched back against its template, which recovers the
parameters, and the German template is filled with them.
"""

from __future__ import annotations

import re
import string
from functools import cache

from scoring.i18n import catalogue, normalize_lang, t

_PREFIXES = ("ingest.warning.", "ingest.skip.")


def localize(text: str, lang: str | None) -> str:
    """``text`` (an English warning or skip reason of the reader) in ``lang``.

    Text that no reader template produced is returned unchanged.
    """
    if normalize_lang(lang) == "en":
        return text
    for key, pattern in _patterns():
        match = pattern.fullmatch(text)
        if match is not None:
            return t(key, lang, **match.groupdict())
    return text


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    found = []
    for key, entry in catalogue().items():
        if key.startswith(_PREFIXES):
            found.append((key, _template_pattern(entry["en"])))
    # Templates without placeholders first: they cannot swallow another's text.
    return tuple(sorted(found, key=lambda item: item[1].groups))


def _template_pattern(template: str) -> re.Pattern[str]:
    parts = []
    for literal, name, _spec, _conv in string.Formatter().parse(template):
        parts.append(re.escape(literal))
        if name:
            parts.append(f"(?P<{name}>.+?)")
    return re.compile("".join(parts), re.DOTALL)
