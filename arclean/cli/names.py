"""`arclean names scan|review`: find, report and decide name spelling variants.

Mounted on the main CLI as ``arclean names``; runnable alone in tests through
``click.testing.CliRunner().invoke(names_group, [...])``.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from click.core import ParameterSource

from arclean.cli.app import EXIT_ERROR, warn
from arclean.cli.names_inputs import Inputs, progress, say_left_out, writable
from arclean.cli.names_review import review_cmd
from arclean.cli.options import glossary_option
from arclean.cli.output import stdout_isatty

if TYPE_CHECKING:
    from arclean.names import Cluster, Glossary


def _load_glossaries(paths: Sequence[str]) -> list[Glossary]:
    from arclean.names.glossary import load_glossary

    return [load_glossary(p) for p in paths]


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


#: How many clusters the table shows on a terminal without --limit: a news
#: day has thousands, most of them one-off review-tier spellings, and the
#: first ones by rank are those a person reads (about three screens).
TERMINAL_LIMIT = 25


@click.group("names")
def names_group() -> None:
    """Find and reconcile inconsistent spellings of names."""


names_group.add_command(review_cmd)


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
    help="table: for people; json: for programs; toml: the glossary --write-glossary "
    "writes (automatic-tier members only).",
)
@glossary_option("Glossary TOML file (repeatable).")
@click.option(
    "--write-glossary",
    metavar="FILE",
    help="Write the automatic-tier members of the listed clusters as a glossary, which "
    "`fix --glossary` applies as a safe fix. Review-tier members are never written: "
    "`arclean names review` asks a person about them. An existing glossary is kept: "
    "new entries are appended, findings that disagree with it are listed and left out. "
    "What was written is said on stderr; with nothing automatic to write, no file is "
    "written (exit 0).",
)
@click.option(
    "--tier",
    type=click.Choice(["auto", "review", "all"]),
    default="review",
    show_default=True,
    help="Lowest tier to list (table and json); what a glossary gets is always the automatic tier.",
)
@click.option(
    "--limit",
    type=click.IntRange(min=0),
    help="Only the N clusters that would change the most (0: all). Without it, the table "
    f"on a terminal shows the first {TERMINAL_LIMIT}; json, toml and a glossary get all.",
)
@click.pass_context
def scan_cmd(
    ctx: click.Context,
    paths: tuple[str, ...],
    output_format: str,
    glossaries: tuple[str, ...],
    write_glossary: str | None,
    tier: str,
    limit: int | None,
) -> None:
    """Cluster name spellings across all PATHS together (files, folders,
    - for stdin), the clusters that would change the most first.  With no
    PATH, as `check`: text piped in; on a terminal, or when nothing is
    piped in, the current folder.

    A glossary (--write-glossary, --output-format toml) holds only the
    automatic-tier members: a glossary's rewrites are a safe fix (AR801),
    and a review-tier member is often another word (إنهم and أنهم, استهدف
    and استهداف).  Those reach a glossary only through `arclean names
    review`, where a person accepts them."""
    from arclean.names import scan
    from arclean.names.report import ranked

    existing = None
    if write_glossary:
        writable(write_glossary, "--write-glossary")
        if Path(write_glossary).exists():  # read (and validated) before the scan
            existing = _load_glossaries([write_glossary])[0]
    read_stdin = None
    if not paths:  # as `check`: what is piped in, else the current folder
        from arclean.cli.inputs import resolve_inputs

        paths, read_stdin = resolve_inputs(paths, folder_by_default=True)
    inputs = Inputs(paths, read_stdin)
    say_left_out(inputs, "scan")
    loaded = _load_glossaries(glossaries)
    # The scan builds millions of small acyclic objects: the cyclic
    # collector's passes over them cost about 15 % of a large scan.
    with _gc_paused(), progress(inputs):
        clusters = scan(inputs, glossaries=loaded)
    keep = {"auto"} if tier == "auto" else {"auto", "review"}
    if tier != "all":
        clusters = [cl for cl in clusters if cl.tier in keep]
    found = ranked(clusters)
    clusters = found[: limit or None]
    from arclean.names.glossary import glossary_from_clusters

    # What --tier lists is for reading; what a glossary holds is applied as a
    # safe fix, so only the automatic tier (review members: `names review`).
    glossary = glossary_from_clusters(clusters, "auto")
    if write_glossary or output_format == "toml":
        _say_imperatives(clusters)
    asked = ctx.get_parameter_source("output_format") not in (None, ParameterSource.DEFAULT)
    if write_glossary:  # what was written: on stderr, as `fix` says what it wrote
        said, conflicts = _save_glossary(glossary, existing, write_glossary)
        if not asked:  # the glossary is the output: a summary, not the table
            lists = ", --output-format table lists them" if found else ""
            said += f"; {_clusters(len(found))} found{lists}"
        click.echo(said, err=True)
        _say_conflicts(conflicts)
    if asked or not write_glossary:  # with a glossary written: a format asked for
        _output(output_format, clusters, found, glossary, limit)
    if inputs.errors:  # what could be read was scanned; the others said above
        raise SystemExit(EXIT_ERROR)


def _output(
    output_format: str,
    clusters: list[Cluster],
    found: list[Cluster],
    glossary: Glossary,
    limit: int | None,
) -> None:
    """The clusters listed (`clusters`: the first `limit` of `found`) in
    `output_format` on stdout."""
    from arclean.names.report import render

    if output_format == "json":
        click.echo(json.dumps([_as_dict(c) for c in clusters], ensure_ascii=False, indent=2))
    elif output_format == "toml":
        click.echo(glossary.dumps(), nl=False)
    else:
        shown = clusters
        if limit is None and stdout_isatty():  # a screen, not a file or a program
            shown = clusters[:TERMINAL_LIMIT]
        # plain lines: rich tables cost twice the scan on a book-sized corpus;
        # "cluster 1 of N" and the footer count all found, --limit or not
        click.echo("\n".join(render(shown, len(found))))
        if len(shown) < len(found):
            click.echo(_more(found[len(shown) :], all(cl.tier == "auto" for cl in found)))


def _clusters(n: int) -> str:
    return f"{n:,} cluster{'' if n == 1 else 's'}"


def _more(hidden: Sequence[Cluster], all_auto: bool = False) -> str:
    """The table's footer when it shows only the first clusters (on a
    terminal, or --limit N): how many it left out (with `all_auto`, as
    under `--tier auto`, every cluster is automatic: not said again)."""
    auto = sum(cl.tier == "auto" for cl in hidden)
    some = (
        f", {auto:,} of them automatic (--tier auto lists those)" if auto and not all_auto else ""
    )
    return f"{len(hidden):,} more cluster{'' if len(hidden) == 1 else 's'}{some}; --limit 0 for all"


def _say_imperatives(clusters: Sequence[Cluster]) -> None:
    """Name on stderr the automatic members a glossary leaves out because
    they are also an imperative (`imperative_reading`: احمد)."""
    from arclean.names.glossary import imperative_reading

    left = [
        f"{m.form} → {cl.canonical}"
        for cl in clusters
        for m in cl.variants
        if m.tier == "auto" and imperative_reading(m.form, cl.canonical)
    ]
    if left:
        warn(
            f"left out of the glossary: {', '.join(left)}: also an imperative (احمد ربك, "
            "praise your Lord), which a glossary would rewrite in every text; "
            "`arclean names review` adds them if your texts never hold the verb"
        )


def _save_glossary(found: Glossary, existing: Glossary | None, path: str) -> tuple[str, list[str]]:
    """Write `found` to `path`; into an existing glossary, appended: its
    entries (a person's decisions) stay and win.  Returns what happened
    ("g.toml: 3 entries (4 spellings to rewrite) written") and the findings
    left out because the glossary disagrees."""
    if existing is None:
        if not found.entries:
            # nothing automatic (or only imperative readings, left out):
            # an empty glossary would read as "nothing to mend" later
            return f"{path}: no automatic-tier spelling to write; file not written", []
        found.save(path)
        spellings = sum(len(e.variants) for e in found.entries)
        return f"{path}: {_entries(len(found.entries), spellings)} written", []
    from arclean.names.glossary import merge_file

    merged = merge_file(path, found)
    if not merged.added:
        return f"{path}: existing glossary kept; nothing new to add, file not written", (
            merged.conflicts
        )
    added = _entries(len(merged.added), merged.new_variants)
    return f"{path}: existing glossary kept; {added} added", merged.conflicts


def _entries(n: int, spellings: int) -> str:
    """``1 entry (2 spellings to rewrite)``."""
    return (
        f"{n:,} entr{'y' if n == 1 else 'ies'} ({spellings:,} spelling"
        f"{'' if spellings == 1 else 's'} to rewrite)"
    )


def _say_conflicts(conflicts: Sequence[str]) -> None:
    """On stderr, the findings an existing glossary's entries overrule."""
    if conflicts:
        n = len(conflicts)
        click.echo(
            f"{n:,} finding{'' if n == 1 else 's'} left out, the glossary's entry wins:", err=True
        )
        for line in conflicts:
            click.echo(f"  {line}", err=True)


__all__ = ["names_group"]
