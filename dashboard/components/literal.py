"""The one escaping point: text from an export or the database is data, never markup.

Streamlit renders markdown in almost every element: ``st.markdown``, captions,
messages (``st.error`` …), titles, and the labels of metrics, checkboxes,
buttons, expanders, tabs and status boxes. A profile name, a file name inside an
archive, a column header quoted in an error message or a member name read from a
shared database could otherwise fetch an image (``![e](http://host/p.png)``),
show a link inside our own error box, or break out of a code span. Plotly reads
a few HTML tags in chart text (``<a href>``, ``<b>``), and the HTML report is
HTML. Every such string passes through one of the functions here on its way to
the page:

- :func:`md` for anything Streamlit renders as markdown (labels included);
- :func:`keyed_md` for a catalogue text whose parameters all come from the data;
- :func:`error_md` for an :class:`~scoring.errors.SSIError` (its parameters name
  files, columns and values from the upload);
- :func:`html` for the report and for chart text (titles, legends, hover).

Select-box options (``format_func``), text inputs, dataframe cells and
``st.metric`` values are shown as plain text by Streamlit and need nothing.
"""

from __future__ import annotations

import html as html_module
import re
from collections.abc import Mapping

from scoring.errors import SSIError
from scoring.i18n import Lang, t

#: Any ASCII punctuation may be backslash-escaped in CommonMark. These are the ones that
#: mean something: emphasis, links, images, code spans, headings, lists, tables, HTML
#: tags, entities, Streamlit's ``:colour[...]`` directives, ``$`` maths, and the dots,
#: colons and ``@`` of GitHub-style bare links (``www.x.com``, ``http://x``, ``a@b.com``).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:&@^])")
#: ``:smile:`` and ``:material/icon:`` are replaced after escapes are resolved, so a
#: word joiner after the opening colon is what keeps them literal.
_SHORTCODE = re.compile(r":(?=[\w+/-]+\\?:)")
#: Control characters (newlines included) would start a new markdown block or hide text.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
WORD_JOINER = "\u2060"


def plain(value: object) -> str:
    """``value`` as one line of text: control characters and line breaks become a space."""
    return _CONTROL.sub(" ", str(value))


def md(value: object) -> str:
    """``value`` escaped so that Streamlit's markdown shows it literally, on one line."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", plain(value))
    return _SHORTCODE.sub(":" + WORD_JOINER, escaped)


def html(value: object) -> str:
    """``value`` escaped for HTML (the report) and for plotly's chart text."""
    return html_module.escape(plain(value), quote=True)


def keyed_md(key: str, lang: Lang, params: Mapping[str, object]) -> str:
    """The catalogue text ``key`` with its data ``params`` escaped for markdown.

    For texts whose parameters all come from the data (an error, a comparison note);
    numbers keep their type, as the catalogue text may format them itself.
    """
    escaped = {
        name: md(value) if isinstance(value, str) else value for name, value in params.items()
    }
    return t(key, lang, **escaped)


def error_md(error: SSIError, lang: Lang) -> str:
    """The error's one-line message for a Streamlit message box, its parameters as text."""
    shown = {key: error.shown(key, value, lang) for key, value in error.params.items()}
    return keyed_md(error.code, lang, shown)
