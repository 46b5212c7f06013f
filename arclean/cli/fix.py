"""`arclean fix`: fix files in place, or stdin to stdout."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import click

from arclean.cli.app import CONTEXT_SETTINGS, EXIT_CHANGES, EXIT_ERROR, EXIT_OK, error, warn
from arclean.cli.inputs import stdin_excluded, usable_inputs
from arclean.cli.options import (
    color_option,
    resolver_from,
    selection_options,
    statistics_option,
    verbose_option,
)
from arclean.cli.output import (
    ChangePrinter,
    display_name,
    plural,
    screenful,
    statistics,
    stderr_isatty,
    summary,
    use_color,
    write_stdout,
)
from arclean.cli.progress import RunProgress, wanted

if TYPE_CHECKING:
    from arclean.ruleset.model import Rule


@click.command("fix", context_settings=CONTEXT_SETTINGS)
@click.argument("paths", nargs=-1, metavar="[PATH|-]...")
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if anything would change.")
@click.option(
    "--diff", is_flag=True, help="Write nothing; print a unified diff; exit 1 if it is not empty."
)
@click.option(
    "--show-changes/--no-show-changes",
    default=None,
    help="List each change (on stderr). Default: on when rewriting files on a terminal, "
    "summarised per rule past a screenful.",
)
@click.option(
    "--buckwalter",
    is_flag=True,
    help="List changes in Buckwalter transliteration, for terminals that cannot show "
    "Arabic; implies --show-changes. The listing only: a --diff keeps the text's letters, "
    "so that it applies.",
)
@statistics_option("Print the number of changes per rule (on stderr).")
@selection_options
@color_option
@verbose_option
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors (and the text).")
@click.pass_context
def fix(
    ctx: click.Context,
    paths: tuple[str, ...],
    check: bool,
    diff: bool,
    show_changes: bool | None,
    buckwalter: bool,
    show_statistics: bool,
    color: str,
    verbose: bool,
    quiet: bool,
    **kwargs: Any,
) -> None:
    """Fix files in place, or stdin to stdout.

    With text piped in and no PATH, or with -, writes the fixed text to
    stdout. With paths, rewrites each file that changes, atomically, keeping
    its byte order mark, line endings and permissions. Folders are walked for
    text files, leaving out what git ignores and the configuration excludes.
    With --check or --diff and no PATH on a terminal (or nothing piped in),
    the current folder is checked.
    """
    import time

    from arclean.cli.verbose import describe_run
    from arclean.runner import Mode, run

    started = time.perf_counter()
    resolver, jobs = resolver_from(kwargs)
    paths, read_stdin, refused = usable_inputs(paths, resolver, folder_by_default=check or diff)
    for message in refused:
        error(message)
    if not paths:
        ctx.exit(EXIT_ERROR)
    if paths == ("-",) and stdin_excluded(resolver):
        if not (check or diff):  # excluded: passed through as it came
            write_stdout(read_stdin())
        ctx.exit(EXIT_ERROR if refused else EXIT_OK)
    if verbose:
        describe_run(resolver, paths)
    if buckwalter and diff and not quiet:
        click.echo(
            "arclean: note: --buckwalter transliterates the change listing (stderr) only; "
            "the diff keeps the text's letters, so that it applies",
            err=True,
        )
    on_files = paths != ("-",)
    auto_listing = show_changes is None and not buckwalter
    if show_changes is None:
        show_changes = buckwalter or (on_files and not (check or diff or quiet) and stderr_isatty())
    printer = (
        ChangePrinter(color, buckwalter, limit=screenful() if auto_listing else None)
        if show_changes
        else None
    )
    changed_files = unchanged_files = remaining = 0
    about = False  # a count of findings left taken chunk by chunk
    errors = len(refused)
    skipped: list[str] = []
    counts: dict[str, int] = {}
    mode: Mode = "preview" if (check or diff) else "fix"
    stdin_data: list[bytes] = []
    outside: list[str] = []  # diffs of files outside the current folder

    def reading() -> bytes:
        stdin_data.append(read_stdin())
        return stdin_data[-1]

    results = run(
        paths,
        mode,
        resolver,
        keep_text=bool(printer or show_statistics),
        read_stdin=reading,
        jobs=jobs,
        stdin_stream=read_stdin.stream,
        write=write_stdout,
        diff=diff,
    )
    # A listing printed as it comes (--show-changes) and a bar do not mix.
    progress = RunProgress(
        wanted(quiet) and not (printer and printer.limit is None),
        color=use_color(color, sys.stderr),
    )
    resolver.on_inputs, resolver.progress = progress.inputs, progress.within
    for result in progress.track(results):
        if result.output is not None:  # stdin's fixed text
            write_stdout(result.output)
        for note in result.notes:  # JSON Lines records left as they were
            warn(note)
        label = result.name
        if result.warning:
            warn(result.warning)
            skipped.append(result.warning)
            continue
        if result.error and not result.changed:
            error(result.error)
            errors += 1
            continue
        if result.error:  # could not write: left untouched, its changes not counted
            error(result.error)
            errors += 1
            continue
        remaining += len(result.findings)
        about = about or (result.chunked and bool(result.findings))
        for change in result.changes:
            for code in change.codes:
                counts[code] = counts.get(code, 0) + 1
        if printer and result.changes and result.text is not None:
            printer.show(label, result.text, result.changes)
        if result.changed:
            changed_files += 1
        else:
            unchanged_files += 1
        has_texts = result.text is not None and result.new_text is not None
        if diff and result.changed and (result.diff is not None or has_texts):
            _print_diff(result, stdin_data, color)
            outside += _outside(result.name)
        elif check and result.changed and not quiet:
            click.echo(f"would fix {display_name(label)}", err=True)
    progress.close()
    if printer:
        printer.finish()
    if show_statistics:
        slugs = {r.code: r.slug for r in resolver.cleaner_for("-").ruleset.rules}
        click.echo(statistics(counts, set(counts), slugs), err=True, nl=False)
    # With --force-exclude (pre-commit), files the configuration excludes
    # are skipped quietly, as `check` does: a batch of only those says nothing.
    nothing = not (changed_files or unchanged_files or errors or skipped)
    if not quiet and on_files and not (nothing and resolver.options.force_exclude):
        click.echo(
            summary(changed_files, unchanged_files, errors, check or diff, skipped, paths), err=True
        )
    if not quiet and remaining and not diff:
        click.echo(
            f"{'about ' if about else ''}{plural(remaining, 'finding')} left that fix cannot "
            "change; "
            "`arclean check` lists them.",
            err=True,
        )
    if outside and not quiet:
        warn(
            f"the diff names {', '.join(outside)}, outside the current folder: "
            "`git apply` and `patch -p1` refuse such paths; run `arclean fix --diff` "
            "from a folder that holds the files to get a diff they apply"
        )
    if not quiet:
        _hint_hidden_fixes(resolver, paths, verbose)
    if verbose:
        elapsed = time.perf_counter() - started
        click.echo(f"arclean: done in {elapsed:.2f} s", err=True)
    if errors:
        ctx.exit(EXIT_ERROR)
    if (check or diff) and changed_files:
        ctx.exit(EXIT_CHANGES)
    ctx.exit(EXIT_OK)


def _outside(name: str) -> list[str]:
    """`name` as the diff names it, when that is outside the current folder."""
    from arclean.report.diff import diff_path, outside_current_folder

    if name == "-" or not outside_current_folder(name):
        return []
    return [diff_path(name)]


def _print_diff(result: Any, stdin_data: list[bytes], color: str) -> None:
    """The unified diff of one input, with its byte order mark, on stdout:
    made where the file was processed (`FileResult.diff`), or here (stdin);
    a file's in the encoding it was read in (``--encoding``), uncoloured,
    when that is not UTF-8, for patch tools."""
    from arclean.io.read import UTF8_BOM
    from arclean.report import unified_diff
    from arclean.report.diff import color_diff, diff_bytes
    from arclean.runner import file_bom

    text = result.diff
    if text is None:
        bom = None if result.name == "-" else file_bom(result.name)
        if bom is None:  # stdin, or the --stdin-filename of stdin, not a file
            bom = bool(stdin_data) and stdin_data[-1].startswith(UTF8_BOM)
        # The headers quote a name as git does (a tab or a newline in it).
        text = unified_diff(result.text, result.new_text, result.name, bom=bom)
    encoding = result.encoding
    if encoding and encoding != "utf-8" and result.name != "-":
        # In the file's encoding, so that git apply and patch accept it.
        write_stdout(diff_bytes(text, encoding))
        return
    # A name that is not UTF-8 is written back as its bytes.
    if use_color(color, sys.stdout, patch=True):
        text = color_diff(text)
    write_stdout(diff_bytes(text))


def _hint_hidden_fixes(resolver: Any, paths: tuple[str, ...], verbose: bool) -> None:
    """Say which selected rules fix only with --unsafe-fixes, when the user
    chose them (opt-in rules; the default profile's unsafe ones are left to
    `check` to list): a rule named by its code or slug in --select or
    --extend-select always, one that came with its group (``--select
    punct``) only with --verbose, since most runs would not have used it."""
    from arclean.runner import split_codes

    try:
        cleaner = resolver.cleaner_for(paths[0] if paths != (".",) else "-")
    except Exception:  # a per-file configuration problem was reported already
        return
    options = resolver.options
    named = {s.upper() for s in split_codes((*options.select, *options.extend_select))}
    opted_in = [
        r
        for r in cleaner.hidden_fixes()
        if not r.default and (verbose or r.code in named or r.slug.upper() in named)
    ]
    if opted_in:
        click.echo(unsafe_fixes_note(opted_in), err=True)


def unsafe_fixes_note(rules: Iterable[Rule], example: str = "") -> str:
    """The note naming selected rules whose unsafe fixes were not applied;
    `example` shows where the option goes (`pipe` takes it before its steps)."""
    names = ", ".join(f"{r.code} ({r.slug})" for r in rules)
    where = f"; the option goes before the steps: `{example}`" if example else ""
    return f"Unsafe fixes not applied (add `--unsafe-fixes` to apply them): {names}{where}"
