"""messages.csv: threads with turn-taking, owner reply times, group chats and sponsored InMail."""

from __future__ import annotations

import base64

import numpy as np
import pandas as pd

from scoring.samples import people
from scoring.samples.formats import iso_space_utc
from scoring.samples.world import World

_OTHER_REPLY_MINUTES = 240.0
_TURN_TAKING = 0.75  # chance the next message comes from the other side
_DRAFTS = 2
MESSAGE_COLUMNS = (
    "CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO",
    "RECIPIENT PROFILE URLS", "DATE", "SUBJECT", "CONTENT", "FOLDER",
)  # fmt: skip
_EXTRA_COLUMNS = {
    "": (),
    "draft": ("IS MESSAGE DRAFT", "IS CONVERSATION DRAFT"),
    "attachments": ("ATTACHMENTS",),
}


def message_columns(extra: str) -> list[str]:
    """The verbatim messages.csv header: ten columns, then the optional 2023+ ones."""
    return [*MESSAGE_COLUMNS, *_EXTRA_COLUMNS[extra]]


def conversation_ids(rng: np.random.Generator, n: int) -> np.ndarray:
    """``2-<44 base64 characters>`` ids; 33 random bytes encode to exactly 44 characters."""
    encoded = base64.b64encode(rng.bytes(33 * n))
    return np.char.add("2-", np.frombuffer(encoded, dtype="S44").astype(str))


def _within(conv: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Cumulative sum of ``values`` restarting at each conversation (rows grouped by conv)."""
    total = np.cumsum(values)
    starts = np.r_[0, np.flatnonzero(np.diff(conv)) + 1]
    before = np.repeat(total[starts] - values[starts], np.diff(np.r_[starts, len(conv)]))
    return total - before


def _thread_rows(world: World, rng: np.random.Generator) -> pd.DataFrame:
    m = world.spec.messages
    n_conv = m.conversations
    weights = rng.pareto(1.3, size=n_conv) + 0.2
    counts = 1 + rng.multinomial(m.messages - n_conv, weights / weights.sum())
    conv = np.repeat(np.arange(n_conv), counts)
    first = np.r_[True, np.diff(conv) != 0]

    owner_first = rng.random(n_conv) < m.owner_starts
    flips = (rng.random(len(conv)) < _TURN_TAKING) & ~first
    by_owner = owner_first[conv] ^ (_within(conv, flips.astype(np.int64)) % 2 == 1)

    median = np.where(by_owner, m.reply_minutes, _OTHER_REPLY_MINUTES)
    gaps = rng.lognormal(np.log(median), 1.1) * 60.0
    # Now and then a thread is picked up again weeks later.
    gaps = np.where(
        rng.random(len(conv)) < 0.04, gaps + rng.uniform(3, 40, len(conv)) * 86_400, gaps
    )
    offset = _within(conv, np.where(first, 0.0, gaps)).astype(np.int64)
    duration = np.zeros(n_conv, dtype=np.int64)
    np.maximum.at(duration, conv, offset)
    starts = world.times("messages", n_conv).to_numpy()[rng.permutation(n_conv)]
    latest = (world.end - pd.Timedelta(minutes=1)).to_datetime64()
    # A thread that would run past the export ends, instead, a little before it.
    jitter = rng.uniform(3_600, 10 * 86_400, n_conv).astype(np.int64)
    ceiling = latest - (duration + jitter).astype("timedelta64[s]")
    starts = np.minimum(starts, ceiling)
    at = starts[conv] + offset.astype("timedelta64[s]")

    vis, strangers = world.visible_connections, world.strangers
    # Most threads are with connections; the rest with recruiters and other strangers.
    known_pool = vis if len(vis) else strangers
    ki = rng.integers(0, len(known_pool), n_conv)
    si = rng.integers(0, len(strangers), n_conv)
    known = rng.random(n_conv) < 0.8
    cp_name = np.where(known, known_pool["name"].to_numpy()[ki], strangers["name"].to_numpy()[si])
    cp_url = np.where(known, known_pool["url"].to_numpy()[ki], strangers["url"].to_numpy()[si])

    group = np.zeros(n_conv, dtype=bool)
    group[rng.permutation(n_conv)[: m.group_conversations]] = True
    gi = rng.integers(0, len(strangers), size=(n_conv, 2))
    extra_names = (
        strangers["name"].to_numpy()[gi[:, 0]] + "," + strangers["name"].to_numpy()[gi[:, 1]]
    )
    extra_urls = strangers["url"].to_numpy()[gi[:, 0]] + "," + strangers["url"].to_numpy()[gi[:, 1]]
    extra_names = np.where(group, "," + extra_names, "")
    extra_urls = np.where(group, "," + extra_urls, "")

    folder = np.asarray(["INBOX", "ARCHIVE", ""], dtype=object)[
        rng.choice(3, size=n_conv, p=[0.8, 0.17, 0.03])
    ]
    folder = np.where(~known & (rng.random(n_conv) < 0.03), "SPAM", folder)
    titles = np.where(
        group, people.pick(rng, ["Q4 planning", "Workshop follow-up", "Intro"], n_conv), ""
    )
    owner_text = people.pick(rng, world.vocab.text["messages_owner"], len(conv))
    other_text = people.pick(rng, world.vocab.text["messages_other"], len(conv))
    ids = conversation_ids(rng, n_conv)
    return pd.DataFrame(
        {
            "CONVERSATION ID": ids[conv],
            "CONVERSATION TITLE": titles[conv],
            "FROM": np.where(by_owner, world.owner_name, cp_name[conv]),
            "SENDER PROFILE URL": np.where(by_owner, world.owner_url, cp_url[conv]),
            "TO": np.where(by_owner, cp_name[conv], world.owner_name) + extra_names[conv],
            "RECIPIENT PROFILE URLS": np.where(by_owner, cp_url[conv], world.owner_url)
            + extra_urls[conv],
            "_at": at,
            "SUBJECT": "",
            "CONTENT": np.where(by_owner, owner_text, other_text),
            "FOLDER": folder[conv],
            "_from_owner": by_owner,
            "_sponsored": False,
            "_group": group[conv],
        }
    )


def _sponsored_rows(world: World, rng: np.random.Generator) -> pd.DataFrame:
    n = world.spec.messages.sponsored
    at = world.times("messages.sponsored", n)
    subject = people.pick(rng, world.vocab.text["sponsored"], n)
    greeting = f"Hallo {world.spec.profile.first_name},"
    content = (
        '<p class="spinmail-quill-editor__spin-break">' + greeting + "</p>"
        '<p class="spinmail-quill-editor__spin-break">' + subject + "</p>"
    )
    return pd.DataFrame(
        {
            "CONVERSATION ID": conversation_ids(rng, n),
            "CONVERSATION TITLE": "",
            "FROM": people.pick(rng, world.vocab.companies, n),
            "SENDER PROFILE URL": "",
            "TO": world.owner_name,
            "RECIPIENT PROFILE URLS": world.owner_url,
            "_at": at.to_numpy(),
            "SUBJECT": subject,
            "CONTENT": content,
            "FOLDER": "INBOX",
            "_from_owner": False,
            "_sponsored": True,
            "_group": False,
        }
    )


def messages_frame(world: World) -> pd.DataFrame:
    """Every message row, newest conversation first and newest message first within it."""
    rng = world.rng("messages")
    frame = pd.concat([_thread_rows(world, rng), _sponsored_rows(world, rng)], ignore_index=True)
    frame["_at"] = pd.to_datetime(frame["_at"]).astype("datetime64[ns]")
    frame.insert(6, "DATE", iso_space_utc(frame["_at"]).to_numpy())
    extra = world.spec.message_extra
    if extra == "draft":
        draft = np.zeros(len(frame), dtype=bool)
        draft[rng.permutation(np.flatnonzero(frame["_from_owner"]))[:_DRAFTS]] = True
        frame["IS MESSAGE DRAFT"] = np.where(draft, "true", "false")
        frame["IS CONVERSATION DRAFT"] = "false"
        frame["_draft"] = draft
    elif extra == "attachments":
        attached = ~frame["_sponsored"] & (rng.random(len(frame)) < 0.03)
        tokens = pd.Series(people.hex_tokens(rng, len(frame), 8), index=frame.index)
        links = (
            "https://www.linkedin.com/dms/prv/file/v2/D4E06AQ" + tokens + "/messaging-attachment"
        )
        frame["ATTACHMENTS"] = links.where(attached, "")
    last = frame.groupby("CONVERSATION ID", sort=False)["_at"].transform("max")
    frame = frame.assign(_last=last).sort_values(
        ["_last", "CONVERSATION ID", "_at"], ascending=[False, True, False], kind="stable"
    )
    return frame.drop(columns="_last").reset_index(drop=True)
