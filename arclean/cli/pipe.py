"""`arclean pipe`: rule groups applied in the order written, stdin to stdout
(click's chain mode: each step returns what it asks for, `_run_pipe` applies
them)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import click

from arclean.cli.app import CONTEXT_SETTINGS, EXIT_OK
from arclean.cli.options import profile_option, rule_files_option, unsafe_fixes_option
from arclean.cli.output import read_stdin, write_stdout
from arclean.io.discover import STDIN


class PipeGroup(click.Group):
    """Steps are the rule groups, plus `rules FILE` (and `names` when the
    names package is installed)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        from arclean.ruleset import GROUP_PREFIXES

        return [*GROUP_PREFIXES, "rules"]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        from arclean.ruleset import GROUP_PREFIXES

        if cmd_name == "rules":
            return _rules_step
        if cmd_name == "names":
            return _names_step
        if cmd_name.startswith("-"):
            return None
        # A shipped group, or one from a --rules file (checked when the pipe runs).
        known = cmd_name in GROUP_PREFIXES
        return click.Command(
            cmd_name,
            callback=lambda all_rules: ("group", (cmd_name, all_rules)),
            params=[
                click.Option(
                    ["--all", "all_rules"],
                    is_flag=True,
                    help="Every fixing rule of the group, opt-in ones included.",
                )
            ],
            help=f"Apply the {cmd_name} rules on in the profile (--all: every one)."
            if known
            else f"Apply the rules of group {cmd_name} from a --rules file.",
            context_settings=CONTEXT_SETTINGS,
        )


@click.command("rules", context_settings=CONTEXT_SETTINGS)
@click.argument("path", type=click.Path(dir_okay=False))
def _rules_step(path: str) -> tuple[str, str]:
    """Apply every rule of a rule file."""
    return ("file", path)


@click.command("names", context_settings=CONTEXT_SETTINGS)
@click.option("--glossary", "glossaries", multiple=True, type=click.Path(dir_okay=False))
def _names_step(glossaries: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """Reconcile name spellings (glossaries and the auto tier)."""
    return ("names", glossaries)


@click.group(
    "pipe",
    cls=PipeGroup,
    chain=True,
    invoke_without_command=False,
    context_settings=CONTEXT_SETTINGS,
)
@profile_option(default="default", show_default=True, help="Which rules of each group run.")
@unsafe_fixes_option
@rule_files_option("Extra rule files whose groups steps may name.")
def pipe(profile: str, unsafe_fixes: bool, rule_files: tuple[str, ...]) -> None:
    """Apply rule groups in the order written, stdin to stdout.

    \b
      cat a.txt | arclean pipe punct alef > b.txt
      cat a.txt | arclean pipe space rules house.toml > b.txt
    """


@pipe.result_callback()
@click.pass_context
def _run_pipe(
    ctx: click.Context,
    steps: list[tuple[str, Any]],
    profile: str,
    unsafe_fixes: bool,
    rule_files: tuple[str, ...],
) -> None:
    from arclean.api import Cleaner
    from arclean.ruleset import RuleSet, load_rule_file

    source = read_stdin(STDIN)
    text = source.text
    ruleset = RuleSet.load(rule_files)
    active = ruleset.select(profile=profile)
    for kind, value in steps:
        if kind == "group":
            group, all_rules = value
            if group not in {r.group for r in ruleset.rules}:
                raise click.UsageError(
                    f"no rule group {group!r}; groups: {', '.join(ruleset.groups)}, "
                    "or `rules FILE`, or `names`"
                )
            pool = ruleset.rules if all_rules else active
            rules = [r for r in pool if r.group == group and (r.fixes or not all_rules)]
            cleaner = Cleaner.from_rules(
                rules, unsafe_fixes=unsafe_fixes or all_rules or profile == "search"
            )
        elif kind == "file":
            cleaner = Cleaner.from_rules(load_rule_file(value), unsafe_fixes=True)
        else:
            text = _apply_names(text, value)
            continue
        text = cleaner.fix(text, track=False).text
    write_stdout(source.encode(text))
    ctx.exit(EXIT_OK)


def _apply_names(text: str, glossaries: Sequence[str]) -> str:
    from arclean.errors import ArcleanError

    try:
        from arclean.names import Reconciler, load_glossary
    except ImportError:
        raise ArcleanError("the names step is not available in this version") from None
    reconciler = Reconciler(
        glossaries=[load_glossary(g) for g in glossaries], fuzzy=True, tier="auto"
    )
    reconciler.prepare([text])
    return reconciler.rewrite(text)[0]
