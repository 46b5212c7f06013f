"""`arclean names scan|review`: find, report and decide name spelling variants.

Mounted on the main CLI as ``arclean names``; runnable alone in tests through
``click.testing.CliRunner().invoke(names_group, [...])``.
"""

from __future__ import annotations

import gc
import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from arclean.errors import ArcleanError, InputError

if TYPE_CHECKING:
    from arclean.names import Cluster, Glossary


class _Inputs:
    """Re-iterable texts from files and/or stdin (``-``): a scan reads them
    twice, streaming line blocks so memory stays bounded."""

    def __init__(self, paths: Sequence[str]) -> None:
        from arclean.io.discover import discover

        self._stdin: str | None = None
        # Folders are walked as `fix` walks them (known extensions, what git
        # does not ignore, no hidden folders).
        self.paths = []
        for name, problem in discover(list(paths), lambda _name: False):
            if problem:
                raise InputError(problem)
            self.paths.append(name)

    def __iter__(self) -> Iterator[str]:
        for p in self.paths:
            if p == "-":
                if self._stdin is None:
                    self._stdin = sys.stdin.read()
                yield self._stdin
                continue
            try:
                with open(p, encoding="utf-8") as fh:
                    block: list[str] = []
                    for line in fh:
                        block.append(line)
                        if len(block) >= 2000:
                            yield "".join(block)
                            block = []
                    if block:
                        yield "".join(block)
            except UnicodeDecodeError:
                raise InputError(f"{p}: not UTF-8 text") from None
            except OSError as exc:
                raise InputError(f"{p}: {exc.strerror or exc}") from None


def _load_glossaries(paths: Sequence[str]) -> list[Glossary]:
    from arclean.names.glossary import load_glossary

    return [load_glossary(p) for p in paths]


def _clusters_to_glossary(clusters: list[Cluster]) -> Glossary:
    from arclean.names.glossary import Entry, Glossary

    g = Glossary()
    for cl in clusters:
        variants = [m.form for m in cl.variants if m.tier]
        if variants:
            note = f"tier {cl.tier}; " + ", ".join(f"{m.form}:{m.count}" for m in cl.members)
            g.entries.append(Entry(cl.canonical, variants, cl.type, [], note))
    return g


def _as_dict(cl: Cluster) -> dict[str, Any]:
    return {
        "canonical": cl.canonical,
        "tier": cl.tier,
        "type": cl.type,
        "count": cl.count,
        "evidence": cl.evidence,
        "members": [
            {
                "form": m.form,
                "count": m.count,
                "tier": m.tier,
                "cost": m.cost,
                "evidence": m.evidence,
                "kwic": m.kwic,
            }
            for m in cl.members
        ],
    }


@click.group("names")
def names_group() -> None:
    """Find and reconcile inconsistent spellings of names."""


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector (process-wide: the CLI's call only)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@names_group.command("scan")
@click.argument("paths", nargs=-1)
@click.option(
    "--output-format",
    type=click.Choice(["table", "json", "toml"]),
    default="table",
    show_default=True,
    help="table: for people; json: for programs; toml: a glossary to review.",
)
@click.option(
    "--glossary",
    "glossaries",
    multiple=True,
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="Glossary TOML file (repeatable).",
)
@click.option(
    "--write-glossary", type=click.Path(dir_okay=False), help="Write clusters as a glossary."
)
@click.option(
    "--tier",
    type=click.Choice(["auto", "review", "all"]),
    default="review",
    show_default=True,
    help="Lowest tier to list.",
)
def scan_cmd(
    paths: tuple[str, ...],
    output_format: str,
    glossaries: tuple[str, ...],
    write_glossary: str | None,
    tier: str,
) -> None:
    """Cluster name spellings across all PATHS together (files or folders; - for stdin)."""
    from arclean.names import scan

    try:
        # The scan builds millions of small acyclic objects: the cyclic
        # collector's passes over them cost about 15 % of a large scan.
        with _gc_paused():
            clusters = scan(_Inputs(paths), glossaries=_load_glossaries(glossaries))
    except ArcleanError:
        raise
    keep = {"auto"} if tier == "auto" else {"auto", "review"}
    if tier != "all":
        clusters = [cl for cl in clusters if cl.tier in keep]
    glossary = _clusters_to_glossary(clusters)
    if write_glossary:
        glossary.save(write_glossary)
    if output_format == "json":
        click.echo(json.dumps([_as_dict(c) for c in clusters], ensure_ascii=False, indent=2))
    elif output_format == "toml":
        click.echo(glossary.dumps(), nl=False)
    else:
        _print_table(clusters)


def _print_table(clusters: list[Cluster]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(soft_wrap=True, highlight=False)
    if not clusters:
        console.print("no name variants found")
        return
    for cl in clusters:
        table = Table(
            title=f"{cl.canonical}  [{cl.tier or '-'}]  {cl.count}×  ({'; '.join(cl.evidence)})",
            title_justify="left",
            show_lines=False,
        )
        for col in ("form", "count", "tier", "evidence", "in context"):
            table.add_column(col)
        for m in cl.members:
            table.add_row(
                m.form,
                str(m.count),
                m.tier or ("canonical" if m.form == cl.canonical else "-"),
                "; ".join(m.evidence),
                m.kwic,
            )
        console.print(table)


@names_group.command("review")
@click.argument("paths", nargs=-1, required=True)
@click.option("--glossary", "glossary_path", required=True, type=click.Path(dir_okay=False),
              metavar="FILE", help="Glossary to update (created if missing).")  # fmt: skip
def review_cmd(paths: tuple[str, ...], glossary_path: str) -> None:
    """Decide each cluster interactively: accept, exclude a member, edit the
    canonical, reject (remembered), skip.  Saves the glossary."""
    from rich.console import Console
    from rich.markup import escape
    from rich.prompt import Prompt

    from arclean.names import scan
    from arclean.names.glossary import Entry, Glossary, load_glossary

    glossary = load_glossary(glossary_path) if Path(glossary_path).exists() else Glossary()
    clusters = scan(_Inputs(paths), glossaries=[glossary])
    console = Console(highlight=False)
    for cl in clusters:
        if cl.tier is None or "glossary" in cl.evidence:
            continue
        members = [m for m in cl.members if m.tier or m.form == cl.canonical]
        canonical = cl.canonical
        while True:
            console.print(f"\n[bold]{escape(canonical)}[/bold] ({cl.tier})")
            for i, m in enumerate(members, 1):
                mark = "*" if m.form == canonical else " "
                console.print(f" {mark}{i}. {escape(m.form)} ×{m.count}  {escape(m.kwic)}")
            # Brackets are rich markup: escaped, so the keys show.
            choice = Prompt.ask(
                escape("[a]ccept, e[x]clude N, [e]dit canonical, [r]eject, [s]kip, [q]uit"),
                default="s",
            )
            cmd, _, arg = choice.strip().partition(" ")
            if cmd == "a":
                variants = [m.form for m in members if m.form != canonical]
                if variants:
                    glossary.entries.append(Entry(canonical, variants, cl.type))
                break
            if cmd == "x" and arg.isdigit() and 1 <= int(arg) <= len(members):
                gone = members.pop(int(arg) - 1)
                glossary.add_rejection(gone.form, canonical)
                continue
            if cmd == "e":
                canonical = arg or Prompt.ask("canonical spelling", default=canonical)
                continue
            if cmd == "r":
                for m in members:
                    if m.form != canonical:
                        glossary.add_rejection(m.form, canonical)
                break
            if cmd == "q":
                glossary.save(glossary_path)
                return
            if cmd == "s":
                break
    glossary.save(glossary_path)


__all__ = ["names_group"]
