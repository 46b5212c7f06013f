"""`arclean config show`: the settings that apply, and where each comes from."""

from __future__ import annotations

from typing import Any

import click

from arclean.cli.app import CONTEXT_SETTINGS
from arclean.cli.options import config_options


@click.group("config", context_settings=CONTEXT_SETTINGS)
def config_group() -> None:
    """Inspect configuration."""


@config_group.command("show", context_settings=CONTEXT_SETTINGS)
@click.argument("path", required=False, default=".")
@config_options
def config_show(path: str, config_file: str | None, isolated: bool) -> None:
    """The settings that apply to PATH (a file or folder; default: here), and
    where each one comes from: a configuration file or arclean's default."""
    from pathlib import Path

    from arclean.config import KEYS
    from arclean.runner import Resolver, RunOptions

    if not Path(path).exists():
        click.echo(
            f"arclean: note: {path} does not exist; showing what would apply to a file "
            "created there",
            err=True,
        )
    resolver = Resolver(RunOptions(config=config_file, isolated=isolated))
    probe = str(Path(path) / "_") if Path(path).is_dir() else path
    config = resolver.config_for(probe)
    settings = resolver.settings_for(probe)
    where = str(config.path) if config.path else "none (arclean's defaults)"
    click.echo(f"configuration: {where}")
    shown = {
        "profile": settings["profile"],
        "select": list(settings["select"]) if settings["select"] is not None else "(profile)",
        "extend-select": list(settings["extend_select"]),
        "ignore": list(settings["ignore"]),
        "unsafe-fixes": settings["unsafe_fixes"],
        "rules": list(settings["rule_files"]),
        "glossaries": list(settings["glossaries"]),
        "exclude": config.get("exclude", []),
        "per-file-ignores": config.get("per-file-ignores", {}),
        "formats": config.get("formats", {}),
        "front-matter-keys": list(settings["front_matter_keys"]),
        "options": dict(settings["options"]),
    }
    if not Path(path).is_dir():
        shown["format"] = settings["format"]
    width = max(len(k) for k in shown)
    for key, value in shown.items():
        origin = config.source(key) if key in KEYS else "default"
        if key in ("options", "extend-select") and any(
            config.source(k) != "default" for k in ("quote-style", "tanween", "digits")
        ):
            origin = str(config.path)
        if key == "format":
            origin = "formats" if config.get("formats") else "file extension"
        click.echo(f"{key.ljust(width)} = {_toml_value(value)}    # {origin}")
    # What `fix` and `check` would refuse (a missing rule file or glossary,
    # a bad rule or option) is an error here too (exit 2), after the listing.
    resolver.cleaner_for(probe)


def _toml_value(value: Any) -> str:
    """`value` written as TOML: JSON strings and lists, inline tables, true/false."""
    import json

    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        inner = ", ".join(
            f"{json.dumps(k, ensure_ascii=False)} = {_toml_value(v)}" for k, v in value.items()
        )
        return "{ " + inner + " }" if inner else "{}"
    return json.dumps(value, ensure_ascii=False)
