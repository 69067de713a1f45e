"""The owner's profile and its sections, endorsements and recommendations."""

from __future__ import annotations

import numpy as np
import pandas as pd

from scoring.samples import people
from scoring.samples.formats import month_day_year, month_year, slash_utc, us_short_padded
from scoring.samples.timeline import event_times
from scoring.samples.world import World


def _months(values: list[str]) -> pd.Series:
    """``YYYY-MM`` strings (empty allowed) rendered as ``Aug 2023``."""
    stamps = pd.to_datetime(pd.Series(values, dtype=object).replace("", None), format="%Y-%m")
    return month_year(stamps.fillna(pd.Timestamp(0))).where(stamps.notna().to_numpy(), "")


def profile_file(world: World) -> pd.DataFrame:
    """Profile.csv: the owner's one row."""
    p = world.spec.profile
    row = {
        "First Name": p.first_name, "Last Name": p.last_name, "Maiden Name": p.maiden_name,
        "Address": p.address, "Birth Date": p.birth_date, "Headline": p.headline,
        "Summary": p.summary, "Industry": p.industry, "Zip Code": p.zip_code,
        "Geo Location": p.geo_location, "Twitter Handles": p.twitter_handles,
        "Websites": p.websites, "Instant Messengers": p.instant_messengers,
    }  # fmt: skip
    return pd.DataFrame([row])


def profile_summary_file(world: World) -> pd.DataFrame:
    """Header only when the person wrote no About text."""
    summary = world.spec.profile.summary
    return pd.DataFrame({"Profile Summary": [summary] if summary else []}, dtype=object)


def positions_file(world: World) -> pd.DataFrame:
    """Positions.csv: jobs, the current one without ``Finished On``."""
    pos = world.spec.positions
    return pd.DataFrame(
        {
            "Company Name": [p.company for p in pos],
            "Title": [p.title for p in pos],
            "Description": [p.description for p in pos],
            "Location": [p.location for p in pos],
            "Started On": _months([p.started for p in pos]).to_numpy(),
            "Finished On": _months([p.finished for p in pos]).to_numpy(),
        }
    )


def _month_or_year(values: list[str]) -> list[str]:
    """Education shows ``Aug 2019`` when a month is known, else just ``2019``."""
    with_month = _months([v if len(v) == 7 else "" for v in values])
    return [v if len(v) != 7 else m for v, m in zip(values, with_month, strict=True)]


def education_file(world: World) -> pd.DataFrame:
    """Education.csv: schools, dates with or without a month."""
    edu = world.spec.education
    return pd.DataFrame(
        {
            "School Name": [e.school for e in edu],
            "Start Date": _month_or_year([e.start for e in edu]),
            "End Date": _month_or_year([e.end for e in edu]),
            "Notes": [e.notes for e in edu],
            "Degree Name": [e.degree for e in edu],
            "Activities": [e.activities for e in edu],
        }
    )


def skills_file(world: World) -> pd.DataFrame:
    """Skills.csv: one skill per row."""
    return pd.DataFrame({"Name": world.spec.resume.skills}, dtype=object)


def courses_file(world: World) -> pd.DataFrame:
    """Courses.csv: course name and number."""
    return pd.DataFrame(world.spec.resume.courses, columns=["Name", "Number"], dtype=object)


def languages_file(world: World) -> pd.DataFrame:
    """Languages.csv: language and proficiency."""
    return pd.DataFrame(world.spec.resume.languages, columns=["Name", "Proficiency"], dtype=object)


def certifications_file(world: World) -> pd.DataFrame:
    """Certifications.csv: name, URL, authority, validity and licence number."""
    certs = world.spec.resume.certifications
    rng = world.rng("certifications")
    return pd.DataFrame(
        {
            "Name": [c[0] for c in certs],
            "Url": [
                f"https://www.credly.com/badges/{t}" for t in people.hex_tokens(rng, len(certs), 8)
            ],
            "Authority": [c[1] for c in certs],
            "Started On": _months([c[2] for c in certs]).to_numpy(),
            "Finished On": _months([c[3] for c in certs]).to_numpy(),
            "License Number": [t.upper() for t in people.hex_tokens(rng, len(certs), 5)],
        }
    )


def projects_file(world: World) -> pd.DataFrame:
    """Projects.csv: projects with their months."""
    rows = world.spec.resume.projects
    return pd.DataFrame(
        {
            "Title": [r[0] for r in rows],
            "Description": [r[1] for r in rows],
            "Url": "",
            "Started On": _months([r[2] for r in rows]).to_numpy(),
            "Finished On": _months([r[3] for r in rows]).to_numpy(),
        }
    )


def honors_file(world: World) -> pd.DataFrame:
    """Honors.csv: honors and awards."""
    rows = world.spec.resume.honors
    return pd.DataFrame(
        {
            "Title": [r[0] for r in rows],
            "Description": [r[1] for r in rows],
            "Issued On": _months([r[2] for r in rows]).to_numpy(),
        }
    )


def volunteering_file(world: World) -> pd.DataFrame:
    """Volunteering.csv: volunteer roles."""
    rows = world.spec.resume.volunteering
    return pd.DataFrame(
        {
            "Company Name": [r[0] for r in rows],
            "Role": [r[1] for r in rows],
            "Cause": [r[2] for r in rows],
            "Started On": _months([r[3] for r in rows]).to_numpy(),
            "Finished On": _months([r[4] for r in rows]).to_numpy(),
            "Description": "",
        }
    )


def publications_file(world: World) -> pd.DataFrame:
    """Publications.csv: publications with their day of publication."""
    rows = world.spec.resume.publications
    published = pd.to_datetime(pd.Series([r[1] for r in rows], dtype=object), format="%Y-%m-%d")
    return pd.DataFrame(
        {
            "Name": [r[0] for r in rows],
            "Published On": month_day_year(published).to_numpy(),
            "Description": "",
            "Publisher": [r[2] for r in rows],
            "Url": "",
        }
    )


def _recommendations(world: World, given: bool) -> pd.DataFrame:
    recs = world.spec.recommendations_given if given else world.spec.recommendations_received
    created = pd.to_datetime(
        pd.Series([r.created for r in recs], dtype=object), format="%Y-%m-%d %H:%M"
    )
    return pd.DataFrame(
        {
            "First Name": [r.first_name for r in recs],
            "Last Name": [r.last_name for r in recs],
            "Company": [r.company for r in recs],
            "Job Title": [r.job_title for r in recs],
            "Text": [r.text for r in recs],
            "Creation Date": us_short_padded(created).to_numpy(),
            "Status": [r.status for r in recs],
        }
    )


def recommendations_received_file(world: World) -> pd.DataFrame:
    """Recommendations_Received.csv: recommendations others wrote."""
    return _recommendations(world, given=False)


def recommendations_given_file(world: World) -> pd.DataFrame:
    """Recommendations_Given.csv: recommendations the owner wrote."""
    return _recommendations(world, given=True)


def _endorsement_rows(world: World, stream: str, n: int, role: str) -> pd.DataFrame:
    """``n`` endorsements between the owner and visible connections, oldest-first times."""
    rng = world.rng(stream)
    start = max(pd.Timestamp(world.spec.network.first_connected), pd.Timestamp("2016-01-01"))
    at = event_times(rng, n, start, world.end, world.spec.rhythm, growth=2.0)
    pool = world.visible_connections if len(world.visible_connections) else world.strangers
    who = pool.iloc[rng.integers(0, len(pool), n)]
    skills = world.spec.resume.skills or ["Communication"]
    return (
        pd.DataFrame(
            {
                "Endorsement Date": slash_utc(at),
                "Skill Name": people.pick(rng, skills, n),
                f"{role} First Name": who["first"].to_numpy(),
                f"{role} Last Name": who["last"].to_numpy(),
                f"{role} Public Url": who["url"].str.removeprefix("https://").to_numpy(),
                "Endorsement Status": "ACCEPTED",
            }
        )
        .iloc[::-1]
        .reset_index(drop=True)
    )


def endorsements_received_file(world: World) -> pd.DataFrame:
    """Endorsement_Received_Info.csv: skills endorsed by connections."""
    e = world.spec.endorsements
    return _endorsement_rows(world, "endorsements_received", e.received, "Endorser")


def endorsements_given_file(world: World) -> pd.DataFrame:
    """Endorsement_Given_Info.csv: skills the owner endorsed."""
    e = world.spec.endorsements
    return _endorsement_rows(world, "endorsements_given", e.given, "Endorsee")


def endorsements_received_legacy_file(world: World) -> pd.DataFrame:
    """The second, older received-endorsements file; its first rows repeat the new file's."""
    e = world.spec.endorsements
    current = endorsements_received_file(world)
    rng = world.rng("endorsements_received_legacy")
    repeated = current.iloc[np.sort(rng.permutation(len(current))[: e.legacy_duplicates])]
    fresh = _endorsement_rows(
        world,
        "endorsements_received_legacy.rows",
        e.legacy_received - e.legacy_duplicates,
        "Endorser",
    )
    frame = pd.concat([repeated, fresh], ignore_index=True)
    frame["Display Status"] = "Redacted"
    frame["_duplicate"] = np.arange(len(frame)) < len(repeated)
    return frame
