"""The activity files of a Complete archive: posts, comments, reactions, votes, reposts."""

from __future__ import annotations

import numpy as np
import pandas as pd

from scoring.samples import people
from scoring.samples.formats import article_stamp, iso_space, uploaded_sentence
from scoring.samples.timeline import activity_ids, event_times
from scoring.samples.world import FEED, World, exactly


def post_links(rng: np.random.Generator, at: pd.Series, group_share: float) -> tuple:
    """Links to posts published shortly before ``at``; some are group posts."""
    n = len(at)
    published = at - pd.to_timedelta(rng.exponential(1.5, size=n), unit="D")
    ids = activity_ids(rng, published)
    kind = people.pick(rng, ["activity", "ugcPost", "ugcPost", "share"], n)
    is_group = exactly(rng, n, group_share)
    group_ids = pd.Series(rng.integers(1_000_000, 13_000_000, size=n)).astype(str)
    urn = pd.Series(kind, dtype=object) + "%3A" + ids
    urn = urn.where(~is_group, "groupPost%3A" + group_ids + "-" + ids)
    return FEED + urn, is_group, ids, pd.Series(kind, dtype=object)


def shares_file(world: World) -> pd.DataFrame:
    """Shares.csv: own posts, reshares, media, polls and group posts, newest first."""
    a = world.activity
    rng = world.rng("shares")
    at = world.times("shares", a.shares)
    n = len(at)
    ids = activity_ids(rng, at)
    is_group = exactly(rng, n, a.share_group)
    is_reshare = exactly(rng, n, a.share_reshare, among=~is_group)
    has_media = exactly(rng, n, a.share_media, among=~is_reshare)
    multiline = exactly(rng, n, a.share_multiline)
    poll = np.zeros(n, dtype=bool)
    poll[rng.permutation(np.flatnonzero(~is_reshare & ~has_media))[: a.share_polls]] = True
    urn_kind = pd.Series(people.pick(rng, ["share", "ugcPost", "ugcPost"], n), dtype=object)
    group_ids = pd.Series(rng.integers(1_000_000, 13_000_000, size=n)).astype(str)
    urn = (urn_kind + "%3A" + ids).where(~is_group, "groupPost%3A" + group_ids + "-" + ids)
    text = world.vocab.text
    opener = pd.Series(people.pick(rng, text["post_openers"], n), dtype=object)
    line1 = pd.Series(people.pick(rng, text["post_lines"], n), dtype=object)
    line2 = pd.Series(people.pick(rng, text["post_lines"], n), dtype=object)
    closer = pd.Series(people.pick(rng, text["post_closers"], n), dtype=object)
    long_text = opener + "\n\n" + "- " + line1 + "\n" + "- " + line2 + "\n\n" + closer
    commentary = long_text.where(multiline, opener + " " + closer)
    commentary = commentary.where(~poll, "Quick poll: " + opener)
    # A third of reshares go out without any comment of their own.
    commentary = commentary.where(~exactly(rng, n, 0.33, among=is_reshare), "")
    media_kind = pd.Series(
        people.pick(rng, ["feed photo", "feed photo", "feed video", "feed document"], n),
        dtype=object,
    )
    token = pd.Series(people.hex_tokens(rng, n, 6))
    media_url = (
        "https://media.licdn.com/dms/image/v2/D4E22AQ" + token + "/"
        + media_kind.str.replace(" ", "share-", regex=False) + "/0/" + ids
    )  # fmt: skip
    shared = FEED + "activity%3A" + activity_ids(rng, at - pd.Timedelta(days=2))
    visibility = np.where(rng.random(n) < 0.9, "MEMBER_NETWORK", "CONNECTIONS")
    frame = pd.DataFrame(
        {
            "Date": iso_space(at),
            "ShareLink": FEED + urn,
            "ShareCommentary": wrap_share_lines(commentary),
            "SharedUrl": shared.where(is_reshare, ""),
            "MediaUrl": media_url.where(has_media, ""),
            "Visibility": visibility,
            "_at": at.to_numpy(),
            "_group": is_group,
            "_reshare": is_reshare,
            "_media": has_media,
            "_multiline": multiline & (commentary.str.contains("\n")),
            "_media_kind": media_kind.where(has_media, ""),
            "_media_link": media_url.where(has_media, ""),
        }
    )
    return frame.iloc[::-1].reset_index(drop=True)


def comments_file(world: World) -> pd.DataFrame:
    """Comments.csv: comments on others' posts; texts hold quotes the file escapes with ``\\``."""
    a = world.activity
    rng = world.rng("comments")
    at = world.times("comments", a.comments)
    link, is_group, _, _ = post_links(rng, at, a.comment_group)
    message = pd.Series(people.pick(rng, world.vocab.text["comments"], len(at)), dtype=object)
    frame = pd.DataFrame(
        {
            "Date": iso_space(at),
            "Link": link,
            "Message": message,
            "_group": is_group,
            "_quoted": message.str.contains('"', regex=False),
        }
    )
    return frame.iloc[::-1].reset_index(drop=True)


def reactions_file(world: World) -> pd.DataFrame:
    """Reactions.csv: reactions of every type, some to comments (``?commentUrn=``)."""
    a = world.activity
    rng = world.rng("reactions")
    at = world.times("reactions", a.reactions)
    n = len(at)
    link, is_group, ids, kind = post_links(rng, at, a.reaction_group)
    to_comment = exactly(rng, n, a.reaction_to_comment, among=~is_group)
    comment_ids = activity_ids(rng, at - pd.Timedelta(hours=2))
    comment_urn = (
        "?commentUrn=urn%3Ali%3Acomment%3A%28" + kind + "%3A" + ids + "%2C" + comment_ids + "%29"
    )
    types = ["LIKE", "PRAISE", "EMPATHY", "APPRECIATION", "INTEREST", "ENTERTAINMENT"]
    weights = np.array([0.62, 0.12, 0.1, 0.06, 0.07, 0.03])
    frame = pd.DataFrame(
        {
            "Date": iso_space(at),
            "Type": np.asarray(types)[rng.choice(len(types), size=n, p=weights)],
            "Link": link + comment_urn.where(to_comment, ""),
            "_group": is_group,
            "_to_comment": to_comment,
        }
    )
    return frame.iloc[::-1].reset_index(drop=True)


def votes_file(world: World) -> pd.DataFrame:
    """Votes.csv: poll votes with the chosen option."""
    rng = world.rng("votes")
    at = world.times("votes", world.activity.votes)
    link, _, _, _ = post_links(rng, at, 0.0)
    option = people.pick(rng, world.vocab.text["poll_options"], len(at))
    frame = pd.DataFrame({"Date": iso_space(at), "Link": link, "OptionText": option})
    return frame.iloc[::-1].reset_index(drop=True)


def reposts_file(world: World) -> pd.DataFrame:
    """InstantReposts_<id>.csv: reposts without a comment of one's own."""
    rng = world.rng("reposts")
    at = world.times("reposts", world.activity.reposts)
    link, _, _, _ = post_links(rng, at, 0.0)
    return pd.DataFrame({"Date": iso_space(at), "Link": link}).iloc[::-1].reset_index(drop=True)


def wrap_share_lines(commentary: pd.Series) -> pd.Series:
    """Shares.csv's own line wrapping: each line of a multi-line post in double quotes.

    After the CSV layer is undone a line break reads ``"\\n"`` and a blank line ``""``;
    single-line posts stay as they are.
    """
    multiline = commentary.str.contains("\n", regex=False)
    wrapped = '"' + commentary.str.replace("\n", '"\n"', regex=False) + '"'
    return wrapped.where(multiline, commentary)


_UPLOAD_PHRASES = {
    "feed photo": "a feed photo",
    "feed video": "a feed video",
    "feed document": "a feed document",
    "profile photo": "a profile photo",
    "background photo": "a profile background photo",
}


def rich_media_file(world: World) -> pd.DataFrame:
    """Rich_Media.csv: one sentence per upload, feed media of the shares plus profile images."""
    shares = shares_file(world)
    rng = world.rng("rich_media")
    media = shares[shares["_media"]]
    feed_at = pd.Series(media["_at"].to_numpy()) - pd.Timedelta(minutes=2)
    kinds = [pd.Series(media["_media_kind"].to_numpy(), dtype=object)]
    links = [pd.Series(media["_media_link"].to_numpy(), dtype=object)]
    stamps = [feed_at]
    profile = world.spec.profile
    profile_kinds = (["profile photo"] * 2 if profile.photo else []) + (
        ["background photo"] if profile.background_photo else []
    )
    if profile_kinds:
        start = pd.Timestamp(world.spec.network.first_connected)
        at = event_times(rng, len(profile_kinds), start, world.end, world.spec.rhythm, growth=1.0)
        tokens = pd.Series(people.hex_tokens(rng, len(profile_kinds), 6))
        kinds.append(pd.Series(profile_kinds, dtype=object))
        links.append("https://media.licdn.com/dms/image/v2/C4D03AQ" + tokens + "/profile/0")
        stamps.append(at)
    kind = pd.concat(kinds, ignore_index=True)
    at = pd.concat(stamps, ignore_index=True)
    phrase = kind.map(_UPLOAD_PHRASES)
    frame = pd.DataFrame(
        {
            "Date/Time": uploaded_sentence(at, phrase),
            "Media Description": " -",
            "Media Link": pd.concat(links, ignore_index=True),
            "_at": at.to_numpy(),
            "_kind": kind,
        }
    )
    return frame.sort_values("_at", ascending=False, kind="stable").reset_index(drop=True)


_ARTICLE_HTML = (
    "<html><head><title>{title}</title></head><body>"
    '<h1><a href="https://www.linkedin.com/pulse/{slug}">{title}</a></h1>'
    "<p>Created on {created}</p><p>Published on {created}</p>"
    "<div><p>{body}</p></div></body></html>"
)


def article_files(world: World) -> dict[str, bytes]:
    """``Articles/Articles/<YYYY-MM-DD HH_MM_SS.0-Title>.html``: one file per long-form article."""
    a = world.activity
    rng = world.rng("articles")
    at = world.times("articles", a.articles)
    pool = world.vocab.text["article_titles"]
    titles = people.distinct(rng, pool, len(at))
    stamp, created = article_stamp(at), iso_space(at)
    body = " ".join(world.vocab.text["post_lines"])
    # Few articles per persona; a file per article is the format itself.
    return {
        f"Articles/Articles/{stamp[i]}-{titles[i]}.html": _ARTICLE_HTML.format(
            title=titles[i],
            slug=str(titles[i]).lower().replace(" ", "-"),
            created=created[i],
            body=body,
        ).encode("utf-8")
        for i in range(len(at))
    }
