"""Options that `fix` and `check` share, and turning them into a `Resolver`.

Choices come from where each concept lives: profiles from `arclean.ruleset`,
formats from `arclean.formats.base`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from arclean.formats.base import format_names
from arclean.ruleset import PROFILES

if TYPE_CHECKING:
    from arclean.runner import Resolver

F = TypeVar("F", bound=Callable[..., Any])


def holds_no_rule(path: str) -> click.UsageError:
    """The error for a rule file that holds no rule (`pipe rules FILE`,
    `rules test FILE`): a step or a test that does nothing reads as "all
    clean"."""
    return click.UsageError(
        f"{path} holds no rule: a rule file lists its rules as [[rule]] tables "
        "(see docs/rule-format.md)"
    )


def profile_option(**kwargs: Any) -> Callable[[F], F]:
    """``--profile`` with the profiles of `arclean.ruleset.PROFILES`; `kwargs`
    go to `click.option` (default, help)."""
    return click.option("--profile", type=click.Choice(list(PROFILES)), **kwargs)


def rule_files_option(help: str) -> Callable[[F], F]:
    """``--rules PATH`` (repeatable), passed as ``rule_files``."""
    return click.option(
        "--rules",
        "rule_files",
        multiple=True,
        type=click.Path(dir_okay=False),
        metavar="PATH",
        help=help,
    )


def glossary_option(help: str) -> Callable[[F], F]:
    """``--glossary FILE`` (repeatable), passed as ``glossaries``."""
    return click.option(
        "--glossary",
        "glossaries",
        multiple=True,
        metavar="FILE",  # a folder: the glossary's own "cannot read" error, as a missing file
        help=help,
    )


def statistics_option(help: str) -> Callable[[F], F]:
    """``--statistics``, passed as ``show_statistics``."""
    return click.option("--statistics", "show_statistics", is_flag=True, help=help)


def unsafe_fixes_option(func: F) -> F:
    """``--unsafe-fixes``."""
    return click.option(
        "--unsafe-fixes", is_flag=True, help="Also apply fixes that may change meaning."
    )(func)


def config_options(func: F) -> F:
    """``--config PATH`` (passed as ``config_file``) and ``--isolated``."""
    func = click.option("--isolated", is_flag=True, help="Ignore all configuration files.")(func)
    return click.option(
        "--config",
        "config_file",
        type=click.Path(dir_okay=False, exists=True),
        metavar="PATH",
        help="Use this configuration file instead of looking for one.",
    )(func)


def format_options(func: F) -> F:
    """``--format NAME`` (passed as ``format_name``) and ``--stdin-filename NAME``."""
    names = format_names()
    func = click.option(
        "--stdin-filename",
        metavar="NAME",
        help="File name for text read from stdin: picks its format and configuration, "
        "labels output.",
    )(func)
    return click.option(
        "--format",
        "format_name",
        type=click.Choice(names),
        metavar="NAME",
        help=f"Treat input as this format ({', '.join(names)}); default: from the file extension.",
    )(func)


def selection_options(func: F) -> F:
    """Rule selection, configuration and input options shared by fix and
    check; `resolver_from` consumes them."""
    options: list[Callable[[F], F]] = [
        click.option(
            "--select",
            multiple=True,
            metavar="CODES",
            help="Only these rules: codes (AR101), prefixes (AR1), groups (punct) or ALL; "
            "comma-separated or repeated.",
        ),
        click.option(
            "--extend-select", multiple=True, metavar="CODES", help="Add rules to the selection."
        ),
        click.option("--ignore", multiple=True, metavar="CODES", help="Leave these rules out."),
        rule_files_option("An extra rule file (TOML); repeatable."),
        glossary_option("A name glossary (TOML) whose rewrites apply; repeatable."),
        profile_option(
            default=None,
            help="default: what an editor accepts (the default). search: fold hard for "
            "indexes and NLP (implies --unsafe-fixes).",
        ),
        unsafe_fixes_option,
        format_options,
        config_options,
        click.option(
            "--force-exclude",
            is_flag=True,
            help="Apply exclusions (.gitignore, config exclude) to files named on the "
            "command line too (for pre-commit).",
        ),
        click.option(
            "--encoding",
            type=click.Choice(["utf-8", "cp1256", "utf-16", "utf-16-le", "utf-16-be", "auto"]),
            default="utf-8",
            show_default=True,
            help="Read inputs in this encoding and write them back in it; auto: a BOM, "
            "else UTF-8, else Windows-1256 Arabic.",
        ),
        click.option(
            "--follow-links",
            is_flag=True,
            help="Walk into symbolic links that lead out of the folders given.",
        ),
        click.option(
            "--jsonl",
            is_flag=True,
            help="Inputs are JSON Lines: clean only the --field string values of each record, "
            "leaving every other byte as it is.",
        ),
        click.option(
            "--field",
            "fields",
            multiple=True,
            metavar="NAME",
            help="With --jsonl: a top-level string field to clean (repeatable; default: text).",
        ),
        click.option(
            "--strict",
            is_flag=True,
            help="With --jsonl: a record that is not JSON, or lacks a string field, is an "
            "error (exit 2) and the file is not written.",
        ),
        click.option(
            "-j",
            "--jobs",
            type=click.IntRange(min=0),
            default=1,
            show_default=True,
            help="Worker processes for files, or for a large text piped in "
            "(0: one per core); output stays in order.",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def verbose_option(func: F) -> F:
    """``-v/--verbose``: which configuration and rules, and timings, on stderr."""
    return click.option(
        "-v",
        "--verbose",
        is_flag=True,
        help="Say which configuration and rules apply, and how long it took (on stderr).",
    )(func)


def color_option(func: F) -> F:
    """``--color auto|always|never``; `arclean.cli.output.use_color` decides."""
    return click.option(
        "--color",
        type=click.Choice(["auto", "always", "never"]),
        default="auto",
        show_default=True,
        help="Colour in output (findings, diffs, change listings); auto honours NO_COLOR, "
        "FORCE_COLOR and whether it is a terminal.",
    )(func)


def resolver_from(kwargs: dict[str, Any]) -> tuple[Resolver, int]:
    """Pop the `selection_options` values out of a command's `kwargs` and
    return the `Resolver` they make and the number of jobs.

    Validates them now (building stdin's cleaner), so that a bad selector,
    rule file or configuration is one `ArcleanError` before any file is
    touched.
    """
    from arclean.runner import Resolver, RunOptions

    jsonl, fields, strict = kwargs.pop("jsonl"), kwargs.pop("fields"), kwargs.pop("strict")
    if (fields or strict) and not jsonl:
        raise click.UsageError("--field and --strict apply to JSON Lines: add --jsonl")
    options = RunOptions(
        select=kwargs.pop("select"),
        extend_select=kwargs.pop("extend_select"),
        ignore=kwargs.pop("ignore"),
        rule_files=kwargs.pop("rule_files"),
        glossaries=kwargs.pop("glossaries"),
        profile=kwargs.pop("profile"),
        unsafe_fixes=kwargs.pop("unsafe_fixes"),
        format_name=kwargs.pop("format_name"),
        stdin_filename=kwargs.pop("stdin_filename"),
        config=kwargs.pop("config_file"),
        isolated=kwargs.pop("isolated"),
        force_exclude=kwargs.pop("force_exclude"),
        encoding=kwargs.pop("encoding"),
        follow_links=kwargs.pop("follow_links"),
        jsonl_fields=tuple(dict.fromkeys(fields or ("text",))) if jsonl else (),
        strict=strict,
    )
    jobs: int = kwargs.pop("jobs")
    from arclean.cli.signals import worker_exit, worker_setup

    resolver = Resolver(options, worker_setup=worker_setup)
    resolver.worker_exit = worker_exit
    resolver.cleaner_for("-")
    return resolver, jobs
