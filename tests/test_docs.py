"""Every setting and every CLI command is documented."""

import tomllib
from importlib import resources
from pathlib import Path

import typer

from wirewatch.cli.main import app

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_every_setting_is_documented():
    defaults = tomllib.loads(resources.files("wirewatch.data").joinpath("defaults.toml").read_text())
    text = (DOCS / "settings.md").read_text()
    missing = [f"{s}.{k}" for s, items in defaults.items() for k in items if f"`{s}.{k}`" not in text]
    assert not missing, f"settings missing from docs/settings.md: {missing}"


def test_every_cli_command_is_documented():
    group = typer.main.get_group(app)
    text = (DOCS / "cli.md").read_text()
    missing = [name for name in group.commands if f"`{name}" not in text]
    assert not missing, f"commands missing from docs/cli.md: {missing}"
