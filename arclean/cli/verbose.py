"""`--verbose`: which configuration, which rules, and (at the end) timings,
on stderr."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from arclean.runner import Resolver


def describe_run(resolver: Resolver, paths: Sequence[str]) -> None:
    """Print the configuration and the rules that apply to the first input
    (other inputs may find another configuration)."""
    first = paths[0] if paths else "-"
    settings = resolver.settings_for(first)
    cleaner = resolver.cleaner_for(first)
    config = settings["config"] or "none (defaults)"
    click.echo(f"arclean: configuration for {first}: {config}", err=True)
    click.echo(
        f"arclean: profile {settings['profile']}, format {settings['format']}, "
        f"unsafe fixes {'on' if cleaner.unsafe_fixes else 'off'}",
        err=True,
    )
    codes = ", ".join(r.code for r in cleaner.rules) or "none"
    click.echo(f"arclean: {len(cleaner.rules)} rules: {codes}", err=True)
