"""Deterministic synthetic LinkedIn exports: the bundled samples and heavy test archives.

Personas are data (``personas.toml``); :func:`build_archive` turns one into the
bytes of a real-format export zip plus a :class:`Manifest` of exactly what it
wrote, so reader tests can check counts against it. The same seed always gives
the same bytes: nothing depends on the clock, the locale or hash randomization.
"""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path
from types import MappingProxyType

from scoring.errors import InputError
from scoring.samples.archive import archive_name, render_archive
from scoring.samples.manifest import Manifest, ManifestFile
from scoring.samples.spec import PersonaSpec, persona_file, vocabulary
from scoring.samples.world import World

__all__ = [
    "PERSONAS",
    "SAMPLE_SEED",
    "Manifest",
    "ManifestFile",
    "build_archive",
    "sample_path",
    "write_heavy_archive",
    "write_samples",
]

#: The seed of the committed sample_data/ archives.
SAMPLE_SEED = 20261015

#: Persona name → its validated specification, in the order of personas.toml.
PERSONAS: MappingProxyType[str, PersonaSpec] = MappingProxyType(persona_file().personas)

#: The bundled samples are package data (``sample_data/`` at the top of the repository is a
#: link to this folder), so an installed package finds them wherever it lives.
SAMPLE_DIR = Path(str(files("scoring.samples") / "bundled"))
MANIFEST_NAME = "manifest.json"


def _spec(persona: str) -> PersonaSpec:
    if persona not in PERSONAS:
        raise InputError("error.samples.unknown_persona", name=persona, choices=", ".join(PERSONAS))
    return PERSONAS[persona]


def world_of(persona: str, seed: int = SAMPLE_SEED, spec: PersonaSpec | None = None) -> World:
    """The synthetic world of ``persona`` (or of ``spec`` under that name) for ``seed``."""
    return World(
        persona=persona,
        spec=spec or _spec(persona),
        vocab=vocabulary(),
        seed=seed,
        export_date=persona_file().export_date,
    )


def build_archive(persona: str, seed: int = SAMPLE_SEED) -> tuple[bytes, Manifest]:
    """The export zip of ``persona`` and the manifest of every file and row it holds.

    Raises :class:`~scoring.errors.InputError` for an unknown persona. The bytes
    depend only on ``persona``, ``seed`` and the bundled TOML files.
    """
    world = world_of(persona, seed)
    keys = persona_file().archive_files[world.spec.archive]
    return render_archive(world, list(keys))


def sample_path(persona: str) -> Path:
    """Where the committed archive of ``persona`` lives inside ``sample_data/``."""
    spec = _spec(persona)
    return SAMPLE_DIR / persona / archive_name(spec.archive, persona_file().export_date)


def write_samples(folder: Path) -> list[Path]:
    """Write every persona's archive under ``folder/<persona>/`` plus ``manifest.json``.

    Returns the written paths (archives first, the manifest last). Running it on
    ``sample_data/`` reproduces the committed files byte for byte.
    """
    folder = Path(folder)
    written: list[Path] = []
    manifests: dict[str, dict] = {}
    for persona in PERSONAS:
        data, manifest = build_archive(persona)
        path = folder / persona / manifest.archive_name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written.append(path)
        manifests[persona] = manifest.model_dump(mode="json")
    manifest_path = folder / MANIFEST_NAME
    manifest_path.write_text(json.dumps(manifests, indent=2, ensure_ascii=False) + "\n", "utf-8")
    written.append(manifest_path)
    return written


def load_manifest(folder: Path = SAMPLE_DIR) -> dict[str, Manifest]:
    """The committed ``manifest.json`` of ``folder``, persona → :class:`Manifest`."""
    raw = json.loads((Path(folder) / MANIFEST_NAME).read_text("utf-8"))
    return {name: Manifest.model_validate(value) for name, value in raw.items()}


def write_heavy_archive(
    path: Path, connections: int = 30_000, messages: int = 200_000, seed: int = 7
) -> Manifest:
    """Write a large Complete archive to ``path`` for speed and memory tests.

    It is the active seller scaled up to ``connections`` connections and
    ``messages`` messages (exact counts); it is generated on demand, never committed.
    """
    from scoring.samples.heavy import heavy_spec, write_heavy  # noqa: PLC0415  it loads pandas

    if connections < 1 or messages < 1:
        raise InputError("error.samples.bad_count", connections=connections, messages=messages)
    spec = heavy_spec(PERSONAS["active_seller"], connections, messages)
    return write_heavy(world_of("heavy", seed, spec), Path(path))
