"""`arclean check`: report findings, changing nothing."""

from __future__ import annotations

from typing import Any

import click

from arclean.cli.app import CONTEXT_SETTINGS, EXIT_CHANGES, EXIT_ERROR, EXIT_OK, error, warn
from arclean.cli.options import resolver_from, selection_options
from arclean.cli.output import plural, read_stdin_bytes
from arclean.report import OUTPUT_FORMATS

#: Formats that print all findings as one document at the end.
_WHOLE_DOCUMENT = ("json", "sarif")


@click.command("check", context_settings=CONTEXT_SETTINGS)
@click.argument("paths", nargs=-1, metavar="[PATH|-]...")
@click.option(
    "--output-format",
    type=click.Choice(list(OUTPUT_FORMATS)),
    default="concise",
    show_default=True,
    help="How findings are printed.",
)
@selection_options
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but findings and errors.")
@click.pass_context
def check(
    ctx: click.Context,
    paths: tuple[str, ...],
    output_format: str,
    quiet: bool,
    **kwargs: Any,
) -> None:
    """Report findings, changing nothing.

    Every change `fix` would make is a finding (marked [*]), and so is what
    only a person can fix, such as an unbalanced quote. One finding a line:
    path:line:col: CODE message. Exits 1 while findings remain.
    """
    import sys

    from arclean.report import render_findings
    from arclean.runner import run

    resolver, jobs = resolver_from(kwargs)
    errors = total = 0
    collected: list[tuple[str, str, Any]] = []
    out = sys.stdout
    results = run(paths, "check", resolver, keep_text=True, read_stdin=read_stdin_bytes, jobs=jobs)
    for result in results:
        if result.warning:
            warn(result.warning)
            continue
        if result.error:
            error(result.error)
            errors += 1
            continue
        total += len(result.findings)
        assert result.text is not None
        if output_format in _WHOLE_DOCUMENT:
            collected.extend((result.name, result.text, f) for f in result.findings)
        else:
            out.write(render_findings(output_format, result.name, result.text, result.findings))
    if output_format in _WHOLE_DOCUMENT:
        out.write(render_findings(output_format, "", "", collected))
    out.flush()
    if not quiet and output_format in ("full", "concise"):
        click.echo(
            f"Found {plural(total, 'finding')}."
            + (" Run `arclean fix` to fix those marked [*]." if total else ""),
            err=True,
        )
    if errors:
        ctx.exit(EXIT_ERROR)
    ctx.exit(EXIT_CHANGES if total else EXIT_OK)
