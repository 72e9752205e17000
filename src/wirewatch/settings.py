"""One place for settings: the shipped defaults, a user file, then WIREWATCH_* variables, built once."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from wirewatch.errors import ConfigError


@dataclass(frozen=True, slots=True)
class Settings:
    values: Mapping[str, Mapping[str, Any]]

    def get(self, section: str, key: str) -> Any:
        try:
            return self.values[section][key]
        except KeyError as e:
            raise ConfigError(f"unknown setting {section}.{key}") from e


def _defaults() -> dict[str, dict[str, Any]]:
    text = resources.files("wirewatch.data").joinpath("defaults.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _coerce(raw: str, like: Any, name: str) -> Any:
    try:
        if isinstance(like, bool):
            return raw.lower() in ("1", "true", "yes", "on")
        if isinstance(like, int):
            return int(raw)
        if isinstance(like, float):
            return float(raw)
        if isinstance(like, list):
            return [p.strip() for p in raw.split(",") if p.strip()]
    except ValueError as e:
        raise ConfigError(f"{name}={raw!r} is not a valid {type(like).__name__}") from e
    return raw


def load_settings(path: str | Path | None = None, env: Mapping[str, str] | None = None) -> Settings:
    env = os.environ if env is None else env
    values = _defaults()
    user = path or env.get("WIREWATCH_CONFIG")
    if user:
        try:
            overrides = tomllib.loads(Path(user).read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as e:
            raise ConfigError(f"cannot read settings file {user}: {e}") from e
        for section, items in overrides.items():
            if section not in values or not isinstance(items, dict):
                raise ConfigError(f"unknown settings section [{section}] in {user}")
            for key, value in items.items():
                if key not in values[section]:
                    raise ConfigError(f"unknown setting {section}.{key} in {user}")
                values[section][key] = value
    for section, items in values.items():
        for key, value in items.items():
            name = f"WIREWATCH_{section}_{key}".upper()
            if name in env:
                items[key] = _coerce(env[name], value, name)
    if env.get("WIREWATCH_DB"):
        values["store"]["db"] = env["WIREWATCH_DB"]
    return Settings(values)


def cache_root(env: Mapping[str, str] | None = None) -> Path:
    """Where what is built once and read back by every process is kept (the gazetteer, the language
    model's arrays): `$WIREWATCH_CACHE_DIR`, else `$XDG_CACHE_HOME/wirewatch`, else `~/.cache/wirewatch`.
    Not a settings-file key: it is read before any settings are, by code that takes none."""
    env = os.environ if env is None else env
    if env.get("WIREWATCH_CACHE_DIR"):
        return Path(env["WIREWATCH_CACHE_DIR"])
    return Path(env.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "wirewatch"
