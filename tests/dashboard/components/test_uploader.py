"""The uploader's own words: which texts the page script replaces, and with what."""

from __future__ import annotations

import json
import re

from dashboard.components import uploader


def _swap(words: dict, text: str) -> str | None:
    """What the page script does with one text (the same rules, in Python)."""
    if text in words["texts"]:
        return words["texts"][text]
    for pattern in words["limitPatterns"]:
        if match := re.match(pattern, text):
            return words["limit"].replace("{size}", match[1]).replace("{rest}", match[2] or "")
    for pattern in words["helpPatterns"]:
        if match := re.match(pattern, text):
            return words["help"].replace("{label}", match[1])
    return None


def test_a_german_page_replaces_every_english_word_of_the_uploader() -> None:
    words = uploader.words("de")
    assert _swap(words, "Upload") == "Hochladen"
    assert _swap(words, "Drag and drop files here") == "Dateien hierher ziehen und ablegen"
    assert _swap(words, "file upload") == "Datei hochladen"  # the input's aria-label
    assert _swap(words, "Add files") == "Dateien hinzufügen"
    assert _swap(words, "500MB per file • ZIP, CSV") == "Bis 500 MB pro Datei • ZIP, CSV"
    assert _swap(words, "Help for Peer file (.csv)") == "Hilfe zu Peer file (.csv)"
    assert _swap(words, "Hochladen") is None  # already German: left alone


def test_an_english_page_turns_german_words_back() -> None:
    words = uploader.words("en")
    assert _swap(words, "Hochladen") == "Upload"
    assert _swap(words, "Bis 500 MB pro Datei • ZIP") == "500MB per file • ZIP"
    assert _swap(words, "Hilfe zu Datei") == "Help for Datei"
    assert _swap(words, "Upload") is None


def test_the_script_carries_the_words_as_data() -> None:
    script = uploader.SCRIPT % {"words": json.dumps(uploader.words("de"))}
    assert script.count("<script>") == 1 and "Hochladen" in script
