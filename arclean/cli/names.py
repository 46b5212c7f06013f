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
from click.core import ParameterSource

from arclean.cli.app import EXIT_ERROR, warn
from arclean.cli.names_inputs import Inputs, say_left_out, writable
from arclean.cli.options import glossary_option
from arclean.cli.output import stdout_isatty
from arclean.errors import InputError

if TYPE_CHECKING:
    from arclean.names import Cluster, Glossary


@contextmanager
def _progress(inputs: Inputs) -> Iterator[None]:
    """A progress bar on stderr for a long scan: only on a terminal, not
    under CI, and only for more than a megabyte."""
    from arclean.cli.progress import wanted

    if inputs.total < 1_000_000 or not wanted(quiet=False):
        yield
        return
    from arclean.cli.progress import bar as new_bar

    passes = {"n": 0, "last": -1}
    with new_bar(sys.stderr) as bar:
        task = bar.add_task("scanning", total=inputs.total)

        def update(done: int, total: int) -> None:
            if done < passes["last"]:
                passes["n"] += 1
            passes["last"] = done
            bar.update(task, completed=done, description=f"scanning, pass {passes['n'] + 1}")

        inputs.progress = update
        try:
            yield
        finally:
            inputs.progress = None


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
    type=click.Path(dir_okay=False),
    help="Write the automatic-tier members of the listed clusters as a glossary, which "
    "`fix --glossary` applies as a safe fix. Review-tier members are never written: "
    "`arclean names review` asks a person about them. An existing glossary is kept: "
    "new entries are appended, findings that disagree with it are listed and left out. "
    "With nothing automatic to write, no file is written (said on stderr, exit 0).",
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
    - for stdin), the clusters that would change the most first.

    A glossary (--write-glossary, --output-format toml) holds only the
    automatic-tier members: a glossary's rewrites are a safe fix (AR801),
    and a review-tier member is often another word (إنهم and أنهم, استهدف
    and استهداف).  Those reach a glossary only through `arclean names
    review`, where a person accepts them."""
    from arclean.names import scan
    from arclean.names.report import ranked, render

    existing = None
    if write_glossary:
        writable(write_glossary, "--write-glossary")
        if Path(write_glossary).exists():  # read (and validated) before the scan
            existing = _load_glossaries([write_glossary])[0]
    inputs = Inputs(paths)
    say_left_out(inputs, "scan")
    loaded = _load_glossaries(glossaries)
    # The scan builds millions of small acyclic objects: the cyclic
    # collector's passes over them cost about 15 % of a large scan.
    with _gc_paused(), _progress(inputs):
        clusters = scan(inputs, glossaries=loaded)
    keep = {"auto"} if tier == "auto" else {"auto", "review"}
    if tier != "all":
        clusters = [cl for cl in clusters if cl.tier in keep]
    clusters = ranked(clusters)[: limit or None]
    from arclean.names.glossary import glossary_from_clusters

    # What --tier lists is for reading; what a glossary holds is applied as a
    # safe fix, so only the automatic tier (review members: `names review`).
    glossary = glossary_from_clusters(clusters, "auto")
    if write_glossary or output_format == "toml":
        _say_imperatives(clusters)
    written = _save_glossary(glossary, existing, write_glossary) if write_glossary else None
    asked = ctx.get_parameter_source("output_format") not in (None, ParameterSource.DEFAULT)
    if write_glossary and not asked:  # the glossary is the output: a summary, not the table
        done = f"{write_glossary}: {written}; " if written else ""
        click.echo(f"{done}{_clusters(len(clusters))} found; --output-format table lists them")
    elif output_format == "json":
        click.echo(json.dumps([_as_dict(c) for c in clusters], ensure_ascii=False, indent=2))
    elif output_format == "toml":
        click.echo(glossary.dumps(), nl=False)
    else:
        shown = clusters
        if limit is None and stdout_isatty():  # a screen, not a file or a program
            shown = clusters[:TERMINAL_LIMIT]
        # plain lines: rich tables cost twice the scan on a book-sized corpus
        click.echo("\n".join(render(shown, len(clusters))))
        if len(shown) < len(clusters):
            click.echo(_more(clusters[len(shown) :]))
    if inputs.errors:  # what could be read was scanned; the others said above
        raise SystemExit(EXIT_ERROR)


def _clusters(n: int) -> str:
    return f"{n:,} cluster{'' if n == 1 else 's'}"


def _more(hidden: Sequence[Cluster]) -> str:
    """The table's footer on a terminal: how many clusters it left out."""
    auto = sum(cl.tier == "auto" for cl in hidden)
    some = f", {auto:,} of them automatic (--tier auto lists those)" if auto else ""
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


def _save_glossary(found: Glossary, existing: Glossary | None, path: str) -> str | None:
    """Write `found` to `path`; into an existing glossary, appended: its
    entries (a person's decisions) stay and win, and what was left out is
    said on stderr.  Returns what a new file holds ("3 entries (4
    spellings to rewrite) written"), None when stderr said what happened."""
    if existing is None:
        if not found.entries:
            # nothing automatic (or only imperative readings, left out):
            # an empty glossary would read as "nothing to mend" later
            click.echo(
                f"{path}: no automatic-tier spelling to write; file not written",
                err=True,
            )
            return None
        found.save(path)
        n = len(found.entries)
        spellings = sum(len(e.variants) for e in found.entries)
        return (
            f"{n} entr{'y' if n == 1 else 'ies'} ({spellings} spelling"
            f"{'' if spellings == 1 else 's'} to rewrite) written"
        )
    from arclean.names.glossary import merge_file

    merged = merge_file(path, found)
    n = len(merged.added)
    click.echo(
        f"{path}: existing glossary kept; {n} entr{'y' if n == 1 else 'ies'} "
        f"({merged.new_variants} spelling(s) to rewrite) added"
        + ("" if n else ", file not written"),
        err=True,
    )
    if merged.conflicts:
        click.echo(
            f"{len(merged.conflicts)} finding(s) left out, the glossary's entry wins:", err=True
        )
        for line in merged.conflicts:
            click.echo(f"  {line}", err=True)
    return None


@names_group.command("review")
@click.argument("paths", nargs=-1, required=True)
@click.option("--glossary", "glossary_path", required=True, type=click.Path(dir_okay=False),
              metavar="FILE", help="Glossary to update (created if missing).")  # fmt: skip
@click.option("--limit", type=click.IntRange(min=1),
              help="Ask about at most N clusters this time.")  # fmt: skip
@click.option("--restart", is_flag=True, help="Ask again about the clusters skipped before.")
def review_cmd(
    paths: tuple[str, ...], glossary_path: str, limit: int | None, restart: bool
) -> None:
    """Decide each cluster, the ones that would change the most first:
    accept, exclude a member, edit the kept spelling, reject (remembered),
    skip.  Every decision is saved at once; Ctrl-C or the end of input
    stops, and the next run resumes where this one stopped."""
    from rich.console import Console
    from rich.markup import escape
    from rich.prompt import Prompt

    from arclean.names import scan
    from arclean.names.glossary import Glossary, load_glossary
    from arclean.names.report import ranked
    from arclean.names.review import Session, Stop, dump_skipped, read_skipped

    state = Path(glossary_path + ".skipped")
    writable(glossary_path, "--glossary", state)  # before the first question
    glossary = load_glossary(glossary_path) if Path(glossary_path).exists() else Glossary()
    skipped: set[str] = set()
    if state.exists() and not restart:
        skipped = read_skipped(state.read_text(encoding="utf-8"))
    inputs = Inputs(paths)
    say_left_out(inputs, "review")
    if inputs.errors:  # a person's time is not spent on part of the texts
        raise InputError("fix or leave out the inputs above, then review again")
    if not inputs.paths:  # nothing to ask about, and no glossary to create
        return
    with _progress(inputs):
        clusters = ranked(scan(inputs, glossaries=[glossary]))
    console = Console(highlight=False)
    # a file or a pipe: each line whole (rich would cut it at 80 columns);
    # on a terminal, rich wraps at the terminal's width
    console.soft_wrap = not console.is_terminal

    def save() -> None:
        glossary.save(glossary_path)
        state.write_text(dump_skipped(session.skipped), encoding="utf-8")

    session = Session(
        glossary,
        save,
        # brackets are rich markup: escaped, so the keys show
        ask=lambda prompt, default: Prompt.ask(escape(prompt), default=default, console=console),
        say=lambda text: console.print(escape(text)),
        skipped=skipped,
    )
    # decided clusters (now glossary clusters) and skipped ones count as done
    every = [cl for cl in clusters if cl.tier is not None]
    pending = session.pending(clusters)
    done = len(every) - len(pending)
    try:
        session.run(pending[:limit], len(every), done)
    except (Stop, KeyboardInterrupt, EOFError):
        save()
        click.echo(
            f"\nstopped: {session.decided} decision(s) saved to {glossary_path}; "
            "run the same command to continue",
            err=True,
        )
        return
    save()


__all__ = ["names_group"]
