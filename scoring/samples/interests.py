"""What the person looks for and follows: searches, follows, saved posts, events, learning, jobs."""

from __future__ import annotations

import numpy as np
import pandas as pd

from scoring.samples import people
from scoring.samples.formats import (
    event_span,
    iso_space,
    iso_t,
    java_date,
    minute_utc,
    slash_utc,
    us_short,
)
from scoring.samples.timeline import activity_ids, event_times
from scoring.samples.world import FEED, World

_ORG_FORMS = ["GmbH", "AG", "SE", "Group", "Labs", "Solutions", "Digital", "Ventures"]


def _newest_first(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.iloc[::-1].reset_index(drop=True)


def _account_times(world: World, stream: str, n: int) -> pd.Series:
    """Times over the whole life of the account, not just the last two years."""
    start = pd.Timestamp(world.spec.network.first_connected)
    return event_times(world.rng(stream), n, start, world.end, world.spec.rhythm, growth=2.0)


def search_queries_file(world: World) -> pd.DataFrame:
    """SearchQueries.csv: the searches the person ran."""
    at = world.times("search_queries", world.activity.search_queries)
    query = people.pick(
        world.rng("search_queries.text"), world.vocab.text["search_queries"], len(at)
    )
    return _newest_first(pd.DataFrame({"Time": slash_utc(at), "Search Query": query}))


def organization_names(rng: np.random.Generator, stems: list[str], n: int) -> np.ndarray:
    """``n`` distinct organization names: company stems crossed with legal forms."""
    words = [c.split(" ")[0] for c in stems]
    combos = np.asarray([f"{w} {f}" for w in words for f in _ORG_FORMS], dtype=object)
    picked = rng.permutation(len(combos))[:n]
    names = combos[picked % len(combos)]
    # Beyond the pool (heavy archives only) a counter keeps names distinct.
    rounds = (np.arange(n) // len(combos)).astype(str)
    return np.where(np.arange(n) < len(combos), names, names + " " + rounds)


def company_follows_file(world: World) -> pd.DataFrame:
    """Company Follows.csv: organizations followed over the account's life."""
    n = world.activity.company_follows
    at = _account_times(world, "company_follows", n)
    org = organization_names(world.rng("company_follows.names"), world.vocab.companies, n)
    return _newest_first(pd.DataFrame({"Organization": org, "Followed On": java_date(at)}))


def member_follows_file(world: World) -> pd.DataFrame:
    """``Active`` rows for follows, and ``Unfollow`` rows for some of them, later."""
    a = world.activity
    rng = world.rng("member_follows")
    at = world.times("member_follows", a.member_follows)
    names = people.pick(rng, list(world.population["name"].iloc[:500]), len(at))
    gone = rng.permutation(len(at))[: a.member_unfollows]
    later = world.later(rng, at.iloc[gone], 1, 60)
    all_at = pd.Series(np.concatenate([at.to_numpy(), later.to_numpy()])).astype("datetime64[ns]")
    frame = pd.DataFrame(
        {
            "Date": iso_space(all_at),
            "Status": ["Active"] * len(at) + ["Unfollow"] * len(gone),
            "FullName": np.concatenate([names, names[gone]]),
            "_at": all_at,
            "_unfollow": np.arange(len(all_at)) >= len(at),
        }
    )
    return frame.sort_values("_at", ascending=False, kind="stable").reset_index(drop=True)


def hashtag_follows_file(world: World) -> pd.DataFrame:
    """Hashtag_Follows.csv: followed hashtags, a few of them unfollowed later."""
    rng = world.rng("hashtag_follows")
    at = world.times("hashtag_follows", world.activity.hashtag_follows)
    pool = world.vocab.text["hashtags"]
    tags = people.distinct(rng, pool, len(at))
    modified = world.later(rng, at, 0, 30)
    unfollowed = rng.random(len(at)) < 0.1
    return _newest_first(
        pd.DataFrame(
            {
                "HashTag": tags,
                "CreatedTime": iso_t(at),
                "LastModifiedTime": iso_t(modified.where(unfollowed, at)),
                "State": np.where(unfollowed, "UNFOLLOW", "FOLLOW"),
            }
        )
    )


def saved_items_file(world: World) -> pd.DataFrame:
    """Saved_Items.csv: posts saved for later."""
    rng = world.rng("saved_items")
    at = world.times("saved_items", world.activity.saved_items)
    link = FEED + "activity%3A" + activity_ids(rng, at - pd.Timedelta(hours=6))
    return _newest_first(pd.DataFrame({"savedItem": link, "CreatedTime": iso_t(at)}))


def events_file(world: World) -> pd.DataFrame:
    """Events.csv: events attended or marked as interesting."""
    rng = world.rng("events")
    at = world.times("events", world.activity.events)
    # Events are scheduled on the hour and last one to three hours.
    start = at.dt.floor("h")
    end = start + pd.to_timedelta(rng.integers(1, 4, len(at)), unit="h")
    status = np.where(rng.random(len(at)) < 0.8, "Attending", "Interested")
    token = pd.Series(rng.integers(10**18, 9 * 10**18, len(at))).astype(str)
    return _newest_first(
        pd.DataFrame(
            {
                "Event Name": people.pick(rng, world.vocab.text["event_names"], len(at)),
                "Event Time": event_span(start, end),
                "Status": status,
                "External Url": "https://www.linkedin.com/events/" + token,
            }
        )
    )


def learning_file(world: World) -> pd.DataFrame:
    """Learning.csv; its header ends with a comma, so every row has an empty 8th field."""
    rng = world.rng("learning")
    at = world.times("learning", world.activity.learning)
    pool = world.vocab.text["learning_titles"]
    titles = people.distinct(rng, pool, len(at))
    done = rng.random(len(at)) < 0.6
    finished = world.later(rng, at, 0.02, 5)
    return _newest_first(
        pd.DataFrame(
            {
                "Content Title": titles,
                "Content Description": "",
                "Content Type": np.where(rng.random(len(at)) < 0.7, "Course", "Video"),
                "Content Last Watched Date (if viewed)": minute_utc(at),
                "Content Completed At (if completed)": minute_utc(finished).where(done, "N/A"),
                "Content Saved": np.where(rng.random(len(at)) < 0.3, "true", "false"),
                "Notes taken on videos (if taken)": "",
                "": "",
            }
        )
    )


def _job_urls(rng: np.random.Generator, n: int) -> pd.Series:
    return "https://www.linkedin.com/jobs/view/" + pd.Series(
        rng.integers(3_000_000_000, 4_300_000_000, n)
    ).astype(str)


def saved_jobs_file(world: World) -> pd.DataFrame:
    """Jobs/Saved Jobs.csv: job postings saved."""
    rng = world.rng("saved_jobs")
    at = world.times("saved_jobs", world.activity.saved_jobs)
    return _newest_first(
        pd.DataFrame(
            {
                "Saved Date": us_short(at),
                "Job Url": _job_urls(rng, len(at)),
                "Job Title": people.pick(rng, world.vocab.text["job_titles"], len(at)),
                "Company Name": people.pick(rng, world.vocab.companies, len(at)),
            }
        )
    )


def job_applications_file(world: World) -> pd.DataFrame:
    """Jobs/Job Applications.csv: applications sent through LinkedIn."""
    rng = world.rng("job_applications")
    at = world.times("job_applications", world.activity.job_applications)
    profile = world.spec.profile
    email = people.emails(pd.Series([profile.first_name]), pd.Series([profile.last_name]), rng)[0]
    resume = f"{profile.first_name}_{profile.last_name}_CV.pdf"
    return _newest_first(
        pd.DataFrame(
            {
                "Application Date": us_short(at),
                "Contact Email": email,
                "Contact Phone Number": "",
                "Company Name": people.pick(rng, world.vocab.companies, len(at)),
                "Job Title": people.pick(rng, world.vocab.text["job_titles"], len(at)),
                "Job Url": _job_urls(rng, len(at)),
                "Resume Name": resume,
                "Question And Answers": "",
            }
        )
    )
