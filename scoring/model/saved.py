"""Calibrations that stick: fitted weights saved as named model versions.

A fit (:func:`scoring.model.calibrate.calibrate`) is saved as one TOML file per
name in a ``models`` folder beside the user's data (the caller passes the folder:
the CLI and the dashboard use ``scoring.store.paths.data_dir() / "models"``; nothing
here reads the environment). The file is a complete score model, the bundled
``model.toml`` with the fitted weights, plus a ``[calibration]`` table saying
where it came from; it is validated by the same rules as the bundled model when
it is read. Its version is ``<bundled version>+<name>``, so scores computed with
it are never mistaken for the default model's.

API: :func:`save_model`, :func:`list_models`, :func:`load_model`,
:func:`remove_model`; :func:`resolve_model` turns a ``--model NAME`` into a
configuration (``default`` or no name: the bundled model).
"""

from __future__ import annotations

import json
import math
import os
import re
import tempfile
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from scoring.errors import InputError
from scoring.i18n import fmt_number, t
from scoring.model.calibrate import Calibration
from scoring.model.config import ModelConfig, ModelConfigError, load_config, validate_config

MODELS_FOLDER = "models"
#: The name that always means the bundled model; it cannot be saved over.
DEFAULT_NAME = "default"
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,39}")


class CalibrationInfo(BaseModel):
    """Where a saved model came from: its fit, how many readings, how good it is."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    base_version: str
    readings: int = Field(ge=1)
    reading_dates: tuple[date, ...] = ()
    parameters: int = Field(ge=1)  # weights fitted
    fit_error_before: float | None = None  # RMSE of the total with the default weights
    fit_error_after: float | None = None  # … with the fitted weights


class SavedModel(BaseModel):
    """A named model version: its configuration, its calibration and its file."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    name: str
    config: ModelConfig
    info: CalibrationInfo
    path: Path

    @property
    def version(self) -> str:
        return self.config.version

    @property
    def uncertain(self) -> bool:
        """True when fewer readings than weights were fitted: a rough guide only."""
        return self.info.readings < self.info.parameters

    def uncertainty_text(self, lang: str = "en") -> str | None:
        """``fitted from 2 readings for 27 weights: treat it as a rough guide``, or None."""
        return uncertainty_text(self.info.readings, self.info.parameters, lang)

    def payload(self) -> dict[str, Any]:
        """The ``"model"`` block of ``--json``: name, version, readings and fit error."""
        return {
            "name": self.name,
            "version": self.version,
            "readings": self.info.readings,
            "parameters": self.info.parameters,
            "fit_error": self.info.fit_error_after,
            "fit_error_default": self.info.fit_error_before,
            "reading_dates": [d.isoformat() for d in self.info.reading_dates],
        }


class SavedModelError(InputError):
    """A saved model cannot be saved, found or read as asked."""

    code = "error.saved_model.not_found"


def uncertainty_text(readings: int, parameters: int, lang: str = "en") -> str | None:
    """How uncertain a fit from fewer readings than weights is, in words; None when it is not."""
    if readings >= parameters:
        return None
    number = "one" if readings == 1 else "other"
    return t(f"saved_model.uncertain.{number}", lang, readings=readings, parameters=parameters)


def default_payload(config: ModelConfig | None = None) -> dict[str, Any]:
    """The ``"model"`` block for the bundled model (no calibration behind it)."""
    cfg = config or load_config()
    return {"name": DEFAULT_NAME, "version": cfg.version, "readings": 0, "fit_error": None}


def checked_name(name: str) -> str:
    """``name`` if it can name a saved model (letters, digits, ``-``, ``_``; 1–40 long)."""
    if not _NAME.fullmatch(name) or name.casefold() == DEFAULT_NAME:
        raise SavedModelError("error.saved_model.bad_name", name=name)
    return name


def models_dir(data_folder: Path) -> Path:
    """The folder of saved models inside the user's data folder."""
    return Path(data_folder) / MODELS_FOLDER


def _path(folder: Path, name: str) -> Path:
    return Path(folder) / f"{checked_name(name)}.toml"


def _finite(value: float) -> float | None:
    return round(float(value), 4) if math.isfinite(value) else None


def save_model(
    folder: Path, name: str, calibration: Calibration, reading_dates: tuple[date, ...] = ()
) -> SavedModel:
    """Save ``calibration``'s weights as the model ``name`` in ``folder`` (replacing one so named).

    The file is written to a temporary name and moved into place, so a failure never
    leaves half a model behind; it is read back and validated before this returns.
    """
    path = _path(folder, name)
    base = calibration.config.version.split("+", 1)[0]
    raw = calibration.config.model_dump(mode="json")
    raw["version"] = f"{base}+{name}"
    info = CalibrationInfo(
        name=name,
        base_version=base,
        readings=calibration.readings,
        reading_dates=tuple(reading_dates),
        parameters=len(calibration.weights),
        fit_error_before=_finite(calibration.rmse_before["total"]),
        fit_error_after=_finite(calibration.rmse_after["total"]),
    )
    raw["calibration"] = {k: v for k, v in info.model_dump(mode="json").items() if v is not None}
    validate_config({k: v for k, v in raw.items() if k != "calibration"}, path.name)
    text = "# A score model fitted to official SSI readings by `ssi calibrate --save`.\n"
    text += to_toml(raw)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=path.parent, suffix=".tmp", delete=False
        ) as handle:
            handle.write(text)
        os.replace(handle.name, path)
    except OSError as exc:
        raise SavedModelError(
            "error.saved_model.write", file=str(path), detail=exc.strerror
        ) from None
    return load_model(folder, name)


def load_model(folder: Path, name: str) -> SavedModel:
    """The saved model ``name`` from ``folder``, validated like the bundled model.

    Raises :class:`SavedModelError` when there is none of that name (naming those
    there are) and :class:`~scoring.model.config.ModelConfigError` when its file is
    not a valid model.
    """
    path = _path(folder, name)
    if not path.is_file():
        known = ", ".join(m.name for m in list_models(folder)) or "–"
        raise SavedModelError("error.saved_model.not_found", name=name, known=known)
    return _read(path)


def _read(path: Path) -> SavedModel:
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ModelConfigError(
            "error.model_config.not_toml", file=path.name, detail=str(exc)
        ) from None
    meta = raw.pop("calibration", None)
    config = validate_config(raw, path.name)
    try:
        info = CalibrationInfo.model_validate(meta)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        where = ".".join(str(part) for part in ("calibration", *first["loc"]))
        raise ModelConfigError(
            file=path.name, key=where, problem="invalid", detail=first["msg"]
        ) from None
    return SavedModel(name=path.stem, config=config, info=info, path=path)


def list_models(folder: Path) -> list[SavedModel]:
    """Every valid saved model in ``folder``, by name (files that are not valid are left out)."""
    found = []
    for path in sorted(Path(folder).glob("*.toml")) if Path(folder).is_dir() else []:
        if not _NAME.fullmatch(path.stem):
            continue
        try:
            found.append(_read(path))
        except ModelConfigError:
            continue
    return found


def remove_model(folder: Path, name: str) -> None:
    """Delete the saved model ``name``; :class:`SavedModelError` when there is none."""
    path = _path(folder, name)
    if not path.is_file():
        known = ", ".join(m.name for m in list_models(folder)) or "–"
        raise SavedModelError("error.saved_model.not_found", name=name, known=known)
    path.unlink()


def resolve_model(folder: Path, name: str | None) -> tuple[ModelConfig, SavedModel | None]:
    """The configuration ``--model NAME`` asks for: the bundled one for no name or ``default``."""
    if name is None or name.casefold() == DEFAULT_NAME:
        return load_config(), None
    saved = load_model(folder, name)
    return saved.config, saved


def fit_summary(saved: SavedModel, lang: str = "en") -> str:
    """One line about a saved model: its name, version, readings, fit error and any caveat."""
    error = saved.info.fit_error_after
    line = t(
        f"saved_model.line.{'one' if saved.info.readings == 1 else 'other'}",
        lang,
        name=saved.name,
        version=saved.version,
        readings=saved.info.readings,
        error=fmt_number(error, lang, 2) if error is not None else "–",
    )
    caveat = saved.uncertainty_text(lang)
    return f"{line} {caveat}" if caveat else line


# ------------------------------------------------------------------ TOML out


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError("a saved model holds finite numbers only")
        return repr(value)
    if isinstance(value, str):
        # JSON's string escapes are valid in TOML basic strings.
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} to TOML")


def _toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else json.dumps(key, ensure_ascii=False)


def to_toml(document: dict[str, Any], prefix: tuple[str, ...] = ()) -> str:
    """``document`` (tables of strings, numbers, booleans and lists) as TOML text."""
    scalars = {k: v for k, v in document.items() if not isinstance(v, dict)}
    tables = {k: v for k, v in document.items() if isinstance(v, dict)}
    lines = []
    if prefix and scalars:
        lines.append(f"\n[{'.'.join(_toml_key(p) for p in prefix)}]")
    lines += [f"{_toml_key(k)} = {_toml_value(v)}" for k, v in scalars.items()]
    text = "\n".join(lines) + ("\n" if lines else "")
    for key, table in tables.items():
        text += to_toml(table, (*prefix, key))
    return text
