"""Other people's names, e-mails, URLs and message bodies never reach a frame."""

from __future__ import annotations

import ingest_fixtures as F
import pandas as pd
from hypothesis import given
from hypothesis import strategies as st
from ingest_fixtures import read_export

from scoring.ingest.privacy import person_text, profile_url_text, salted_key

SECRETS = (
    # contacts' names (first and last), as the fixtures spell them
    "Lena", "Hartmann", "Tobias", "Krüger", "Aylin", "Demir", "Paul", "Richter",
    # e-mail addresses
    "tobias.krueger@example.com", "anna@example.com",
    # other people's profile URLs
    "linkedin.com/in/lena", "linkedin.com/in/tobias", "linkedin.com/in/aylin",
    "linkedin.com/in/paul",
    # message bodies and invitation notes
    "danke für das Gespräch", "kurzes", "Join us", "Hi both", "Entwurf", "great talk",
    # comment and post text, search queries
    "discovery", "Listen first", "head of procurement",
)  # fmt: skip


def every_cell(data) -> str:
    parts = []
    for frame in data.frames.values():
        for column in frame.columns:
            parts.extend(str(v) for v in frame[column].tolist())
    return "\n".join(parts)


def test_no_frame_holds_another_persons_data():
    data = read_export([("Complete_LinkedInDataExport_02-10-2026.zip", F.zip_bytes(F.COMPLETE))])
    cells = every_cell(data)
    leaks = [secret for secret in SECRETS if secret in cells]
    assert leaks == []


def test_the_owners_own_profile_is_kept():
    data = read_export([("Profile.csv", F.PROFILE)])
    assert data.profile.display_name == "Anna Beispiel"


@given(st.lists(st.text(min_size=1, max_size=30), min_size=1, max_size=20))
def test_keys_are_deterministic_and_tell_different_values_apart(values):
    series = pd.Series(values, dtype="string")
    keys = salted_key(series)
    again = salted_key(series)
    assert keys.equals(again)
    present = [v for v in values if v != ""]
    assert keys.dropna().nunique() == len(set(present))
    assert all(len(k) == 16 for k in keys.dropna())


def test_names_and_urls_are_folded_before_hashing():
    names = person_text(pd.Series([" Lena  Hartmann", "lena hartmann", None]))
    assert names.tolist() == ["lena hartmann", "lena hartmann", pd.NA]
    urls = profile_url_text(pd.Series([
        "https://www.linkedin.com/in/Lena-H/", "http://linkedin.com/in/lena-h?trk=x"
    ]))  # fmt: skip
    assert urls.tolist() == ["linkedin.com/in/lena-h", "linkedin.com/in/lena-h"]
