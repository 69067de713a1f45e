"""Streamlit's file uploader in the page's language, on screen and for screen readers.

Streamlit writes its uploader's own words in English whatever the page language:
the button ("Upload"), "Drag and drop files here", the limit ("200MB per file • ZIP,
CSV"), and the names a screen reader announces (``aria-label`` "file upload", "Add
files", "Help for …", "Delete"). CSS can only paint other words over them, which a
screen reader still reads in English, so :func:`localise` puts a small script on the
page that replaces the text and the labels themselves, and does it again whenever
Streamlit redraws an uploader. The words come from the catalogue
(``dashboard.uploader.*``); an English page turns any German words back.
"""

from __future__ import annotations

import json
import re

import streamlit as st

from scoring.i18n import LANGS, Lang, t

#: The uploader's English texts, each with its catalogue key; ``{…}`` marks a part kept.
TEXTS: dict[str, str] = {
    "Upload": "dashboard.uploader.button",
    "Upload directories": "dashboard.uploader.button_folder",
    "Drag and drop files here": "dashboard.uploader.drop_files",
    "Drag and drop a file here": "dashboard.uploader.drop_file",
    "Drag and drop directories here": "dashboard.uploader.drop_folder",
    "file upload": "dashboard.uploader.input",
    "Add files": "dashboard.uploader.add",
    "Delete": "dashboard.uploader.delete",
}

#: Runs in the page itself (``st.html`` with scripts allowed): one observer per page,
#: re-pointed at the newest word list on every rerun.
SCRIPT = """<script>
(() => {
  window.__ssiUploaderWords = %(words)s;
  if (window.__ssiUploaderObserver) { window.__ssiUploaderApply(); return; }
  const swap = (text) => {
    const w = window.__ssiUploaderWords;
    if (text in w.texts) return w.texts[text];
    for (const pattern of w.limitPatterns) {
      const limit = text.match(new RegExp(pattern));
      if (limit) return w.limit.replace("{size}", limit[1]).replace("{rest}", limit[2] || "");
    }
    for (const pattern of w.helpPatterns) {
      const help = text.match(new RegExp(pattern));
      if (help) return w.help.replace("{label}", help[1]);
    }
    return null;
  };
  const apply = () => {
    document.querySelectorAll('[data-testid="stFileUploader"]').forEach((box) => {
      box.querySelectorAll("p, span, small, div").forEach((el) => {
        if (el.children.length) return;
        const next = swap(el.textContent.trim());
        if (next !== null && next !== el.textContent) el.textContent = next;
      });
      box.querySelectorAll("[aria-label]").forEach((el) => {
        const next = swap(el.getAttribute("aria-label"));
        if (next !== null && next !== el.getAttribute("aria-label")) {
          el.setAttribute("aria-label", next);
        }
      });
    });
  };
  window.__ssiUploaderApply = apply;
  window.__ssiUploaderObserver = new MutationObserver(apply);
  window.__ssiUploaderObserver.observe(document.body, {
    childList: true, subtree: true, characterData: true, attributes: true,
    attributeFilter: ["aria-label"],
  });
  apply();
})();
</script>"""


def words(lang: Lang) -> dict[str, object]:
    """What the script replaces on a ``lang`` page: every other language's words by ``lang``'s.

    ``limitPatterns`` match a size limit in each language ("200MB per file • ZIP",
    "Bis 200 MB pro Datei • ZIP"), ``helpPatterns`` a help button's label.
    """
    texts: dict[str, str] = {}
    for english, key in TEXTS.items():
        target = t(key, lang) if lang != "en" else english
        for other in LANGS:
            source = english if other == "en" else t(key, other)
            if source != target:
                texts[source] = target
    limits = [r"^(\d+(?:\.\d+)?)\s?MB per file(.*)$"]
    helps = [r"^Help for (.+)$"]
    for other in LANGS:
        if other != "en":
            limits.append(_pattern(t("dashboard.uploader.limit", other), "{size}"))
            helps.append(_pattern(t("dashboard.uploader.help", other), "{label}"))
    limit = "{size}MB per file{rest}" if lang == "en" else t("dashboard.uploader.limit", lang)
    # The English limit is Streamlit's own; a size from German ("200") fits it as it is.
    return {
        "texts": texts,
        "limitPatterns": limits,
        "limit": limit,
        "helpPatterns": helps,
        "help": "Help for {label}" if lang == "en" else t("dashboard.uploader.help", lang),
    }


def _pattern(template: str, slot: str) -> str:
    """A catalogue template as a regular expression with its ``slot`` (and ``{rest}``) caught."""
    escaped = re.escape(template)
    for name in (slot, "{rest}"):
        escaped = escaped.replace(re.escape(name), "(.+)" if name == slot else "(.*)")
    return f"^{escaped}$"


def localise(lang: Lang) -> None:
    """Word every file uploader on this page in ``lang``, for eyes and screen readers."""
    payload = json.dumps(words(lang), ensure_ascii=False).replace("<", "\\u003c")
    st.html(SCRIPT % {"words": payload}, unsafe_allow_javascript=True)
