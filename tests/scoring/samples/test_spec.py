"""Personas are validated data; the counts in personas.toml are the counts written."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from scoring.samples import PERSONAS, world_of
from scoring.samples.archive import RULES, unknown_file_frames
from scoring.samples.spec import NetworkSpec, PersonaFile, persona_file, vocabulary

# personas.toml activity key → the kind whose rows it counts exactly.
ACTIVITY_KINDS = {
    "shares": "shares", "comments": "comments", "reactions": "reactions", "votes": "votes",
    "search_queries": "search_queries", "company_follows": "company_follows",
    "saved_items": "saved_items", "saved_jobs": "saved_jobs",
    "job_applications": "job_applications", "events": "events", "learning": "learning",
    "articles": "articles", "hashtag_follows": "hashtag_follows",
}  # fmt: skip


def test_bundled_files_validate():
    assert persona_file().export_date.isoformat() == "2026-10-15"
    assert len(vocabulary().first_names) >= 50


def test_activity_counts_are_written_exactly(persona, built):
    spec = PERSONAS[persona]
    kept = built(persona)[1].kept_by_kind()
    if spec.activity is None:
        assert "shares" not in kept
        return
    for key, kind in ACTIVITY_KINDS.items():
        assert kept.get(kind, 0) == getattr(spec.activity, key), key
    follows = spec.activity.member_follows + spec.activity.member_unfollows
    assert kept["member_follows"] == follows
    assert kept["connections"] == spec.network.connections
    assert kept["messages"] == spec.messages.messages + spec.messages.sponsored
    assert kept["invitations"] == spec.invitations.incoming + spec.invitations.outgoing


def test_accepted_invitations_are_written_exactly(persona, built):
    inv = PERSONAS[persona].invitations
    facts = built(persona)[1].file("Invitations.csv").facts
    assert facts["accepted"] == inv.incoming_accepted + inv.outgoing_accepted


def network(**changes) -> NetworkSpec:
    values = {
        "connections": 10, "hidden": 0, "with_email": 0, "first_connected": "2020-01-01",
        "growth": 1.0, "coworkers": 0.1, "own_company": "X", "seniority": {"entry": 1.0},
    }  # fmt: skip
    return NetworkSpec(**{**values, **changes})


def test_hidden_and_email_cannot_exceed_the_network():
    assert network(hidden=5, with_email=5).connections == 10
    with pytest.raises(ValidationError, match="exceed"):
        network(hidden=6, with_email=5)


def test_unknown_seniority_level_is_rejected():
    with pytest.raises(ValidationError, match="seniority"):
        network(seniority={"intern": 1.0})


def test_unknown_keys_in_a_persona_are_rejected():
    raw = persona_file().model_dump()
    raw["personas"]["newcomer"]["favourite_colour"] = "blue"
    with pytest.raises(ValidationError, match="favourite_colour"):
        PersonaFile.model_validate(raw)


def test_industries_are_linkedin_names():
    industries = {p.profile.industry for p in PERSONAS.values()}
    assert industries == {
        "Software Development", "IT Services and IT Consulting", "Financial Services",
        "Staffing and Recruiting",
    }  # fmt: skip


def test_every_file_key_in_the_persona_file_has_a_writer():
    special = {"articles", "unknown"}
    for keys in persona_file().archive_files.values():
        assert set(keys) <= set(RULES) | special
    unknown = set(unknown_file_frames(world_of("newcomer")))
    for spec in PERSONAS.values():
        assert set(spec.suffixed_files) | set(spec.crlf_files) <= set(RULES)
        assert set(spec.unknown_files) <= unknown
