"""`arclean fix`: fix files in place, or stdin to stdout."""

from __future__ import annotations

import sys
from typing import Any

import click

from arclean.cli.app import CONTEXT_SETTINGS, EXIT_CHANGES, EXIT_ERROR, EXIT_OK, error, warn
from arclean.cli.options import color_option, resolver_from, selection_options
from arclean.cli.output import ChangePrinter, plural, read_stdin_bytes, summary, write_stdout


@click.command("fix", context_settings=CONTEXT_SETTINGS)
@click.argument("paths", nargs=-1, metavar="[PATH|-]...")
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if anything would change.")
@click.option(
    "--diff", is_flag=True, help="Write nothing; print a unified diff; exit 1 if it is not empty."
)
@click.option(
    "--show-changes/--no-show-changes",
    default=None,
    help="List each change (on stderr). Default: on when rewriting files on a terminal.",
)
@click.option(
    "--buckwalter",
    is_flag=True,
    help="List changes in Buckwalter transliteration, for terminals that cannot show "
    "Arabic; implies --show-changes.",
)
@selection_options
@color_option
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors (and the text).")
@click.pass_context
def fix(
    ctx: click.Context,
    paths: tuple[str, ...],
    check: bool,
    diff: bool,
    show_changes: bool | None,
    buckwalter: bool,
    color: str,
    quiet: bool,
    **kwargs: Any,
) -> None:
    """Fix files in place, or stdin to stdout.

    With no PATH, or with -, reads stdin and writes the fixed text to stdout.
    With paths, rewrites each file that changes, atomically, keeping its byte
    order mark, line endings and permissions. Folders are walked for text
    files, leaving out what git ignores and the configuration excludes.
    """
    from arclean.runner import Mode, run

    resolver, jobs = resolver_from(kwargs)
    if show_changes is None:
        show_changes = buckwalter or (
            bool(paths) and not (check or diff or quiet) and sys.stderr.isatty()
        )
    printer = ChangePrinter(color, buckwalter) if show_changes else None
    errors = changed_files = unchanged_files = remaining = 0
    mode: Mode = "preview" if (check or diff) else "fix"
    results = run(
        paths,
        mode,
        resolver,
        keep_text=bool(diff or printer),
        read_stdin=read_stdin_bytes,
        jobs=jobs,
    )
    for result in results:
        if result.output is not None:  # stdin's fixed text
            write_stdout(result.output)
        label = result.name
        if result.warning:
            warn(result.warning)
            continue
        if result.error and not result.changed:
            error(result.error)
            errors += 1
            continue
        remaining += len(result.findings)
        if printer and result.changes and result.text is not None:
            printer.show(label, result.text, result.changes)
        if result.error:  # could not write
            error(result.error)
            errors += 1
            continue
        if result.changed:
            changed_files += 1
        else:
            unchanged_files += 1
        if diff and result.changed and result.text is not None and result.new_text is not None:
            from arclean.report import unified_diff

            # A newline in a file name would break the header; a name that is
            # not UTF-8 is written back as its bytes.
            shown = label.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")
            diff_text = unified_diff(result.text, result.new_text, shown)
            write_stdout(diff_text.encode("utf-8", "surrogateescape"))
        elif check and result.changed and not quiet:
            click.echo(f"would fix {label}", err=True)
    if not quiet and paths and not (len(paths) == 1 and paths[0] == "-"):
        click.echo(summary(changed_files, unchanged_files, errors, check or diff), err=True)
    if not quiet and remaining and not diff:
        click.echo(
            f"{plural(remaining, 'finding')} left that fix cannot change; "
            "`arclean check` lists them.",
            err=True,
        )
    if errors:
        ctx.exit(EXIT_ERROR)
    if (check or diff) and changed_files:
        ctx.exit(EXIT_CHANGES)
    ctx.exit(EXIT_OK)
