"""Heavy exports for speed and memory benchmarks.

:func:`write_heavy` writes the active seller scaled up as a real-format archive
(for the reader); :func:`heavy_export` builds a heavy export directly as frames
(30k connections, 200k messages over five years), for the model and the advice.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from scoring.export import ExportData, export_from_rows
from scoring.samples.archive import render_archive
from scoring.samples.manifest import Manifest
from scoring.samples.spec import PersonaSpec, persona_file
from scoring.samples.world import World

# Deflate level 1: a heavy archive is about speed, the committed samples about size.
_HEAVY_COMPRESSION = 1


def heavy_spec(base: PersonaSpec, connections: int, messages: int) -> PersonaSpec:
    """``base`` with ``connections`` connections and ``messages`` messages, the rest alike."""
    network = base.network.model_copy(
        update={
            "connections": connections,
            "hidden": connections // 100,
            "with_email": connections // 100,
        }
    )
    # messages.csv must hold exactly ``messages`` rows, sponsored ones included.
    sponsored = messages // 400
    threads = messages - sponsored
    conversations = max(1, threads // 8)
    chat = base.messages.model_copy(
        update={
            "messages": threads,
            "conversations": conversations,
            "group_conversations": conversations // 50,
            "sponsored": sponsored,
        }
    )
    return base.model_copy(update={"network": network, "messages": chat})


def write_heavy(world: World, path: Path) -> Manifest:
    """Write the archive of ``world`` to ``path`` (a temporary name first, then renamed)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".part")
    keys = list(persona_file().archive_files["complete"])
    with partial.open("wb") as fh:
        _, manifest = render_archive(world, keys, compresslevel=_HEAVY_COMPRESSION, target=fh)
    partial.replace(path)
    return manifest


def _stamps(rng: np.random.Generator, n: int, start: pd.Timestamp, days: int) -> pd.Series:
    seconds = np.sort(rng.integers(0, days * 86_400, size=n))
    return pd.Series(start + pd.to_timedelta(seconds, unit="s"))


def heavy_export(
    *,
    connections: int = 30_000,
    messages: int = 200_000,
    years: int = 5,
    export_date: date = date(2026, 10, 15),
    seed: int = 0,
) -> ExportData:
    """A large synthetic Complete export spread over ``years`` before ``export_date``.

    Sized like the heaviest real archives (30k connections, 200k messages) and built
    directly as typed frames, so that benchmarks measure the model (and the advice),
    not the reader. Deterministic for a given seed.
    """
    rng = np.random.default_rng(seed)
    days = years * 365
    start = pd.Timestamp(export_date, tz="UTC") - pd.Timedelta(days=days)
    companies = np.array([f"Company {i}" for i in range(4_000)], dtype=object)
    titles = np.array(
        ["Account Executive", "Head of Sales", "Engineer", "Geschäftsführer", "VP Marketing",
         "Consultant", "Vertriebsleiterin", "Analyst", "Founder & CEO", "Product Owner"],
        dtype=object,
    )  # fmt: skip
    n_conv = max(messages // 8, 1)
    conv = rng.integers(0, n_conv, size=messages)
    from_owner = rng.random(messages) < 0.4
    invitations = max(connections // 10, 1)

    def sized(n: int) -> pd.Series:
        return _stamps(rng, n, start, days)

    return export_from_rows(
        export_date=export_date,
        profile={"headline": "Sales", "summary": "About", "industry": "IT", "location": "Berlin"},
        connections={
            "at": sized(connections),
            "company": companies[rng.integers(0, len(companies), size=connections)],
            "position": titles[rng.integers(0, len(titles), size=connections)],
            "url_key": [f"c{i}" for i in range(connections)],
        },
        invitations={
            "at": sized(invitations),
            "direction": np.where(rng.random(invitations) < 0.6, "OUTGOING", "INCOMING"),
            "has_message": rng.random(invitations) < 0.2,
            "invitee_key": [f"c{i}" for i in rng.integers(0, 2 * connections, invitations)],
        },
        messages={
            "at": sized(messages),
            "conversation_id": [f"v{i}" for i in conv],
            "sender_key": np.where(from_owner, "owner", [f"c{i}" for i in conv % 997]),
            "from_owner": from_owner,
        },
        shares={"at": sized(2_000), "has_media": rng.random(2_000) < 0.3},
        comments={"at": sized(6_000), "is_group": rng.random(6_000) < 0.05},
        reactions={"at": sized(20_000), "type": ["LIKE"] * 20_000},
        votes={"at": sized(200)},
        reposts={"at": sized(500)},
        search_queries={"at": sized(5_000)},
        member_follows={"at": sized(800), "status": ["Active"] * 800},
        company_follows={"at": sized(300)},
        endorsements_received={
            "at": sized(400),
            "skill": ["Sales"] * 400,
            "endorser_key": [f"e{i}" for i in range(400)],
            "status": ["ACCEPTED"] * 400,
        },
        recommendations_received={"at": sized(12), "status": ["VISIBLE"] * 12},
        positions={
            "at": ["2015-01-01", "2020-03-01"],
            "finished_on": ["2020-02-01", None],
            "company": ["Company 7", "Company 1"],
            "has_description": [True, True],
        },
        education={"at": ["2008-10-01"], "school": ["Uni"]},
        skills={"name": [f"Skill {i}" for i in range(20)]},
        rich_media={"at": sized(2), "media_type": ["profile_photo", "background_photo"]},
        articles={"at": sized(10)},
    )
