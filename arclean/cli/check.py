"""`arclean check`: report findings, changing nothing."""

from __future__ import annotations

from typing import Any

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
from arclean.cli.output import no_files, plural, statistics, use_color
from arclean.cli.progress import RunProgress, wanted
from arclean.report import OUTPUT_FORMATS

#: Formats that print all findings as one document at the end.
_WHOLE_DOCUMENT = ("json", "sarif")


def _no_fix(value: bool) -> None:
    """``check --fix`` (ruff's spelling) says where fixing is, rather than
    click's guess at another option."""
    if value:
        raise click.UsageError(
            "check changes nothing; to fix, run `arclean fix` with the same paths"
        )


@click.command("check", context_settings=CONTEXT_SETTINGS)
@click.argument("paths", nargs=-1, metavar="[PATH|-]...")
@click.option(
    "--output-format",
    type=click.Choice(list(OUTPUT_FORMATS)),
    default="concise",
    show_default=True,
    help="How findings are printed.",
)
@statistics_option("Print the number of findings per rule instead of the findings.")
@selection_options
@color_option
@verbose_option
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but findings and errors.")
@click.option(
    "--fix",
    is_flag=True,
    hidden=True,
    expose_value=False,
    callback=lambda _ctx, _param, value: _no_fix(value),
)
@click.pass_context
def check(
    ctx: click.Context,
    paths: tuple[str, ...],
    output_format: str,
    show_statistics: bool,
    color: str,
    verbose: bool,
    quiet: bool,
    **kwargs: Any,
) -> None:
    """Report findings, changing nothing.

    Findings that `arclean fix` fixes are marked [*]; unsafe fixes (applied
    only with --unsafe-fixes) and what only a person can fix (an unbalanced
    quote) are not. One finding a line: path:line:col: CODE message. Exits 1
    while findings remain. With no PATH, reads text piped in; on a terminal,
    or when nothing is piped in, checks the current folder. `-` reads stdin.
    """
    import sys
    import time

    from arclean.cli.verbose import describe_run
    from arclean.report import render_error, render_findings
    from arclean.runner import run

    started = time.perf_counter()
    resolver, jobs = resolver_from(kwargs)
    paths, read_stdin, refused = usable_inputs(paths, resolver, folder_by_default=True)
    for message in refused:
        error(message)
    if not paths:
        ctx.exit(EXIT_ERROR)
    if paths == ("-",) and stdin_excluded(resolver):
        ctx.exit(EXIT_ERROR if refused else EXIT_OK)
    if verbose:
        describe_run(resolver, paths)
    errors: list[str] = list(refused)
    total = fixable = hidden = files = 0
    warned = False
    checked: list[str] = []
    counts: dict[str, int] = {}
    fixable_codes: set[str] = set()
    fixable_at: dict[str, set[str]] = {}  # file → codes of its [*] findings
    fixable_unsafe = False
    collected: list[tuple[str, str, Any]] = []
    out = sys.stdout
    colored = use_color(color, out) and output_format in ("concise", "full")
    progress = RunProgress(wanted(quiet), color=use_color(color, sys.stderr))
    resolver.on_inputs, resolver.progress = progress.inputs, progress.within
    results = run(paths, "check", resolver, keep_text=True, read_stdin=read_stdin, jobs=jobs)
    for result in progress.track(results):
        for note in result.notes:  # JSON Lines records left as they were
            warn(note)
        if result.warning:
            warn(result.warning)
            warned = True
            continue
        if result.error:
            error(result.error)
            errors.append(result.error)
            out.write(render_error(output_format, result.error, result.name))
            continue
        files += 1
        checked.append(result.name)
        total += len(result.findings)
        _warn_unknown_controls(resolver, result.name, result.text)
        for finding in result.findings:
            counts[finding.code] = counts.get(finding.code, 0) + 1
            if finding.fixable:
                fixable += 1
                fixable_codes.add(finding.code)
                fixable_at.setdefault(result.name, set()).add(finding.code)
                fixable_unsafe = fixable_unsafe or finding.applicability == "unsafe"
            elif finding.new is not None:
                hidden += 1
        assert result.text is not None
        if show_statistics:
            continue
        if output_format in _WHOLE_DOCUMENT:
            collected.extend((result.name, result.text, f) for f in result.findings)
        else:
            rendered = render_findings(output_format, result.name, result.text, result.findings)
            out.write(_colour(rendered) if colored else rendered)
    progress.close()
    if show_statistics:
        slugs = {r.code: r.slug for r in resolver.cleaner_for("-").ruleset.rules}
        out.write(statistics(counts, fixable_codes, slugs))
    elif output_format in _WHOLE_DOCUMENT:
        out.write(render_findings(output_format, "", "", collected, errors))
    out.flush()
    skipped = files == 0 and not errors
    if not (quiet or warned or resolver.options.force_exclude):
        # A folder with nothing to check: say which and why (rather than
        # "Found 0 findings" alone); exit 0, as `fix` on such a folder.
        # With --force-exclude (pre-commit), excluded files are meant to be.
        empty = _empty_folders(paths, checked)
        if empty:
            warn(no_files("check", empty))
    if not quiet and output_format in ("full", "concise") and (total or not errors) and not skipped:
        lines = [f"Found {plural(total, 'finding')}."]
        if fixable:
            command = _fix_command(resolver, fixable_at, fixable_unsafe)
            lines.append(f"[*] {fixable} fixable with `{command}`.")
        if hidden:
            lines.append(
                f"{hidden} hidden fixes can be enabled with `--unsafe-fixes`."
                if hidden != 1
                else "1 hidden fix can be enabled with `--unsafe-fixes`."
            )
        click.echo("\n".join(lines), err=True)
    if verbose:
        click.echo(
            f"arclean: {plural(files, 'file')} checked in {time.perf_counter() - started:.2f} s",
            err=True,
        )
    if errors:
        ctx.exit(EXIT_ERROR)
    ctx.exit(EXIT_CHANGES if total else EXIT_OK)


def _fix_command(resolver: Any, fixable_at: dict[str, set[str]], unsafe: bool) -> str:
    """The `arclean fix` command that applies what `check` marked [*]: the
    command line's options that made them fixable, repeated (--config,
    --isolated, --profile, --rules, --glossary; --unsafe-fixes when one of
    them is unsafe), and --extend-select with the rules that --select or
    --extend-select chose and `fix` would leave out without them (off by
    default, or by the configuration): `check --select AR802 --unsafe-fixes`
    gives `arclean fix --unsafe-fixes --extend-select AR802`."""
    import shlex
    from dataclasses import replace

    from arclean.errors import ArcleanError
    from arclean.runner import Resolver

    options = resolver.options
    parts = ["arclean fix"]
    if options.config:
        parts.append(f"--config {shlex.quote(options.config)}")
    if options.isolated:
        parts.append("--isolated")
    if options.profile:
        parts.append(f"--profile {options.profile}")
    parts += [f"--rules {shlex.quote(p)}" for p in options.rule_files]
    parts += [f"--glossary {shlex.quote(p)}" for p in options.glossaries]
    if unsafe and options.unsafe_fixes:
        parts.append("--unsafe-fixes")
    if options.select or options.extend_select:
        plain = Resolver(replace(options, select=(), extend_select=()))
        left_out: set[str] = set()
        for name, codes in fixable_at.items():
            try:
                cleaner = plain.cleaner_for("-" if name == options.stdin_filename else name)
            except ArcleanError:  # said already, with this file's findings
                continue
            left_out |= codes - {rule.code for rule in cleaner.rules}
        if left_out:
            parts.append(f"--extend-select {','.join(sorted(left_out))}")
    return " ".join(parts)


def _empty_folders(paths: tuple[str, ...], checked: list[str]) -> list[str]:
    """The folders among `paths` in which no file was checked."""
    import os

    names = [os.path.abspath(name) for name in checked if name != "-"]
    empty = []
    for path in paths:
        if path == "-" or not os.path.isdir(path):
            continue
        folder = os.path.join(os.path.abspath(path), "")
        if not any(name.startswith(folder) for name in names):
            empty.append(path)
    return empty


def _warn_unknown_controls(resolver: Any, name: str, text: str | None) -> None:
    """Warn about control comments naming a code that is no rule."""
    if not text or "arclean-" not in text:
        return
    from arclean.text.edits import LineIndex

    index = LineIndex(text)
    cleaner = resolver.cleaner_for(name if name != resolver.options.stdin_filename else "-")
    for offset, code in cleaner.unknown_control_codes(text):
        line, _ = index.line_col(offset)
        warn(
            f"{name}:{line}: the control comment names {code}, which is no rule; "
            "it disables nothing"
        )


def _colour(rendered: str) -> str:
    """Concise and full lines with the location bold, the code red and [*] cyan."""
    import regex

    return regex.sub(
        r"(?m)^(\S.*?:\d+:\d+:) ([A-Z]+\d+)( \[\*\])?",
        lambda m: (
            f"\x1b[1m{m[1]}\x1b[0m \x1b[31m{m[2]}\x1b[0m"
            + (f" \x1b[36m{m[3].strip()}\x1b[0m" if m[3] else "")
        ),
        rendered,
    )
