"""`arclean names review`: a person decides each cluster in turn (the loop
is `arclean.names.review.Session`); every decision is saved at once to the
glossary, and skipped clusters to GLOSSARY.skipped beside it.  Nothing is
written until something is decided."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from arclean.cli.app import EXIT_INTERRUPTED
from arclean.cli.names_inputs import Inputs, progress, say_left_out, writable
from arclean.cli.output import plural
from arclean.errors import InputError

if TYPE_CHECKING:
    from arclean.names.review import Session


@click.command("review")
@click.argument("paths", nargs=-1, required=True)
@click.option("--glossary", "glossary_path", required=True, metavar="FILE",
              help="Glossary to update (created at the first decision).")  # fmt: skip
@click.option("--limit", type=click.IntRange(min=1),
              help="Ask about at most N clusters this time.")  # fmt: skip
@click.option("--restart", is_flag=True, help="Ask again about the clusters skipped before.")
@click.pass_context
def review_cmd(
    ctx: click.Context,
    paths: tuple[str, ...],
    glossary_path: str,
    limit: int | None,
    restart: bool,
) -> None:
    """Decide each cluster, the ones that would change the most first:
    accept, exclude a member, edit the kept spelling, reject (remembered),
    skip.  Every decision is saved at once; q, Ctrl-C (exit 130) or the
    end of input stops, and the next run resumes where this one stopped.
    The answers are read from stdin, so the texts are files (not `-`)."""
    from rich.console import Console
    from rich.markup import escape
    from rich.prompt import Prompt

    from arclean.names import scan
    from arclean.names.glossary import Glossary, load_glossary
    from arclean.names.report import ranked
    from arclean.names.review import Session, Stop, dump_skipped, read_skipped

    if "-" in paths:  # the answers come from stdin: the text would eat them
        raise InputError(
            "names review reads your answers from stdin, so it cannot read the text "
            "from there too (`-`): save the text to a file and name the file"
        )
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
    with progress(inputs):
        clusters = ranked(scan(inputs, glossaries=[glossary]))
    console = Console(highlight=False)
    # a file or a pipe: each line whole (rich would cut it at 80 columns);
    # on a terminal, rich wraps at the terminal's width
    console.soft_wrap = not console.is_terminal

    def save() -> None:  # each file once it has something to hold
        if session.decided or Path(glossary_path).exists():
            glossary.save(glossary_path)
        if session.skipped or state.exists():
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
    if not pending:  # said in one line; no glossary or .skipped file created
        click.echo(_nothing_to_ask(len(every)), err=True)
        return
    left = len(pending) - len(pending[:limit])
    try:
        session.run(pending[:limit], len(every), done)
    except (Stop, KeyboardInterrupt, EOFError) as exc:
        if session.decided or session.skips:  # saved already; again, should Ctrl-C
            save()  # have cut a save short
        click.echo(
            f"\nstopped: {_saved(session, glossary_path, state)}; run the same command to continue",
            err=True,
        )
        if isinstance(exc, KeyboardInterrupt):  # Ctrl-C: 130, as every command
            ctx.exit(EXIT_INTERRUPTED)
        return
    more = f"; {plural(left, 'cluster')} left: run the same command to continue" if left else ""
    click.echo(f"\ndone: {_saved(session, glossary_path, state)}{more}", err=True)


def _nothing_to_ask(found: int) -> str:
    if not found:
        return "no name variants found; nothing to review"
    return (
        f"{plural(found, 'cluster')} found, all decided already (in the glossary, or "
        "skipped before: --restart asks about those again); nothing to review"
    )


def _saved(session: Session, glossary: str, state: Path) -> str:
    """What this run saved: "1 decision saved to g.toml, 2 skipped clusters
    remembered in g.toml.skipped", or "nothing decided"."""
    said = []
    if session.decided:
        said.append(f"{plural(session.decided, 'decision')} saved to {glossary}")
    if session.skips:
        said.append(f"{plural(session.skips, 'skipped cluster')} remembered in {state}")
    return ", ".join(said) or "nothing decided"
