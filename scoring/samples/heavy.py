"""The heavy archive: the active seller scaled up for speed and memory benchmarks."""

from __future__ import annotations

from pathlib import Path

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
