"""The English report lines of the reader read back in German."""

from __future__ import annotations

import pytest

from scoring.i18n import catalogue, t
from scoring.ingest.notes import localize


@pytest.mark.parametrize(
    ("english", "german"),
    [
        ("the file has a header but no rows", "die Datei hat eine Kopfzeile, aber keine Zeilen"),
        ("no date", "kein Datum"),
        ("same content as Jobs/Saved Jobs.csv; read once",
         "gleicher Inhalt wie Jobs/Saved Jobs.csv; einmal gelesen"),
        ("3 values in column Started On are no date shape this reader knows; they were left empty",
         "3 Werte in der Spalte Started On sind in keinem bekannten Datumsformat; "
         "sie wurden leer gelassen"),
        ("something no template made", "something no template made"),
    ],
)  # fmt: skip
def test_localize_to_german(english, german):
    assert localize(english, "de") == german
    assert localize(english, "en") == english


def test_every_reader_text_round_trips():
    for key in catalogue():
        if key.startswith(("ingest.warning.", "ingest.skip.")):
            english = t(key, "en", count=7, column="Date", other="a.csv", line="x", kinds="y")
            assert localize(english, "de") == t(
                key, "de", count=7, column="Date", other="a.csv", line="x", kinds="y"
            ), key
