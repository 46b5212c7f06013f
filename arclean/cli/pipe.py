"""`arclean pipe`: rule groups applied in the order written, stdin to stdout
(click's chain mode: each step returns what it asks for, `_run_pipe` builds
a `Cleaner` per step and applies them).

Every step runs through `Cleaner`, as `fix` does: the input's format
(``--format``, ``--stdin-filename``) decides what is prose, and the
configuration found for it (``ignore``, ``[options]``, glossaries) applies.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from arclean.cli.app import CONTEXT_SETTINGS, EXIT_OK
from arclean.cli.options import (
    config_options,
    format_options,
    glossary_option,
    holds_no_rule,
    profile_option,
    rule_files_option,
    unsafe_fixes_option,
)
from arclean.cli.output import read_stdin, write_stdout
from arclean.io.discover import STDIN

if TYPE_CHECKING:
    from arclean.api import Cleaner
    from arclean.ruleset import RuleSet


class _Step(click.Command):
    """A pipe step: an option of `arclean pipe` itself written after a step
    (``pipe punct --unsafe-fixes``) is said to go before the steps, not
    answered with a bare "No such option"."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except click.NoSuchOption as exc:
            parent = ctx.parent
            if parent is None:
                raise
            for param in parent.command.params:
                if exc.option_name in (*param.opts, *param.secondary_opts):
                    flag = isinstance(param, click.Option) and param.is_flag
                    written = _moved_first(parent.meta.get(_STEPS, []), exc.option_name, flag)
                    raise click.UsageError(
                        f"{exc.option_name} is an option of `arclean pipe`, not of the step "
                        f"{self.name!r}: write it before the steps: arclean pipe {written}",
                        ctx,
                    ) from None
            raise


#: Where `PipeGroup` keeps its arguments as written, for `_Step`'s message.
_STEPS = "arclean.pipe.steps"


def _moved_first(args: list[str], option: str, flag: bool) -> str:
    """`pipe`'s arguments as written with `option` (and its value) moved first."""
    import shlex

    for i, word in enumerate(args):
        if word == option or word.startswith(option + "="):
            width = 1 if flag or "=" in word else 2
            return shlex.join([*args[i : i + width], *args[:i], *args[i + width :]])
    return shlex.join([option, *args])


class PipeGroup(click.Group):
    """Steps are the rule groups, plus `rules FILE` (and `names` when the
    names package is installed)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ctx.meta[_STEPS] = list(args)  # as written, for `_Step`'s message
        return super().parse_args(ctx, args)

    def list_commands(self, ctx: click.Context) -> list[str]:
        from arclean.ruleset import GROUP_PREFIXES

        return [*(g for g in GROUP_PREFIXES if g != "names"), "names", "rules"]

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
        return _Step(
            cmd_name,
            callback=lambda all_rules: ("group", (cmd_name, all_rules)),
            params=[
                click.Option(
                    ["--all", "all_rules"],
                    is_flag=True,
                    help="Also the group's opt-in fixes (never another profile's folds; "
                    "of two rules that undo each other, the first); their unsafe fixes "
                    "only with `arclean pipe --unsafe-fixes`.",
                )
            ],
            help=f"Apply the {cmd_name} rules the profile turns on (--all: opt-in ones too)."
            if known
            else f"Apply the rules of group {cmd_name} from a --rules file.",
            context_settings=CONTEXT_SETTINGS,
        )


@click.command("rules", cls=_Step, context_settings=CONTEXT_SETTINGS)
@click.argument("path", type=click.Path(dir_okay=False))
def _rules_step(path: str) -> tuple[str, str]:
    """Apply every rule of a rule file."""
    return ("file", path)


@click.command("names", cls=_Step, context_settings=CONTEXT_SETTINGS)
@glossary_option("A name glossary (TOML) whose spellings apply; repeatable.")
def _names_step(glossaries: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """Reconcile name spellings: the glossaries' (AR801) and the confident
    merges found in the text (AR802), outside code, URLs and markup."""
    return ("names", glossaries)


@click.group(
    "pipe",
    cls=PipeGroup,
    chain=True,
    invoke_without_command=False,
    context_settings=CONTEXT_SETTINGS,
)
@profile_option(default=None, help="Which rules of each group run (default: the configuration's).")
@unsafe_fixes_option
@rule_files_option("Extra rule files whose groups steps may name.")
@format_options
@config_options
def pipe(**_kwargs: Any) -> None:
    """Apply rule groups in the order written, stdin to stdout.

    `GROUP --all` adds the group's opt-in fixes; as with `fix`, the unsafe
    ones (vowel marks, hamzas, encoding repairs ...) apply only with
    `--unsafe-fixes`, otherwise they are named on stderr.

    \b
      cat a.txt | arclean pipe punct alef > b.txt
      cat a.txt | arclean pipe space rules house.toml > b.txt
      cat a.txt | arclean pipe --unsafe-fixes encoding --all punct > b.txt
      arclean pipe --stdin-filename a.md punct < a.md
    """


@pipe.result_callback()
@click.pass_context
def _run_pipe(ctx: click.Context, steps: list[tuple[str, Any]], **kwargs: Any) -> None:
    from arclean.ruleset import RuleSet
    from arclean.runner import Resolver, RunOptions

    options = RunOptions(
        profile=kwargs["profile"],
        unsafe_fixes=kwargs["unsafe_fixes"],
        rule_files=kwargs["rule_files"],
        format_name=kwargs["format_name"],
        stdin_filename=kwargs["stdin_filename"],
        config=kwargs["config_file"],
        isolated=kwargs["isolated"],
    )
    settings = Resolver(options).settings_for(STDIN)
    ruleset = RuleSet.load(settings["rule_files"])
    # Every step is built (and so checked) before stdin is read.
    cleaners = [_step_cleaner(kind, value, ruleset, settings) for kind, value in steps]
    source = read_stdin(options.stdin_filename or STDIN)
    text = source.text
    for cleaner in cleaners:
        text = cleaner.fix(text, track=False).text
    write_stdout(source.encode(text))
    _hint_hidden_fixes(steps, cleaners)
    ctx.exit(EXIT_OK)


def _hint_hidden_fixes(steps: list[tuple[str, Any]], cleaners: list[Cleaner]) -> None:
    """Name the opt-in rules a `--all` step took whose fixes are unsafe and so
    were not applied (without --unsafe-fixes), in the words `fix` uses."""
    from arclean.cli.fix import unsafe_fixes_note

    hidden: dict[str, Any] = {}
    groups: list[str] = []
    for (kind, value), cleaner in zip(steps, cleaners, strict=True):
        opted_in = [r for r in cleaner.hidden_fixes() if not r.default]
        if kind == "group" and value[1] and opted_in:
            hidden.update((r.code, r) for r in opted_in)
            groups.append(value[0])
    if hidden:
        example = f"arclean pipe --unsafe-fixes {' '.join(g + ' --all' for g in groups)}"
        click.echo(unsafe_fixes_note(hidden.values(), example), err=True)


def _step_cleaner(kind: str, value: Any, ruleset: RuleSet, settings: dict[str, Any]) -> Cleaner:
    """The cleaner of one step, with the input's format and configuration."""
    from arclean.api import Cleaner
    from arclean.ruleset import INDEX_PROFILES, RuleSet

    profile = settings["profile"]
    unsafe = bool(settings["unsafe_fixes"]) or profile in INDEX_PROFILES
    glossaries = settings["glossaries"]
    if kind == "file":
        ruleset = RuleSet.load([value], builtin=False)
        codes = [r.code for r in ruleset.rules]
        if not codes:
            raise holds_no_rule(value)
        unsafe = True
    elif kind == "names":
        chosen = ruleset.select(profile=profile, select=["names"], ignore=settings["ignore"])
        codes = [r.code for r in chosen]
        if not codes:  # the configuration ignores names, as `fix` would
            raise click.UsageError(_selects_nothing("names", True, ruleset, profile))
        glossaries = (*glossaries, *value)
        unsafe = True
    else:
        group, all_rules = value
        if group not in {r.group for r in ruleset.rules}:
            raise click.UsageError(
                f"no step {group!r}; steps: "
                f"{', '.join(g for g in ruleset.groups if g != 'names')}, "
                "`names`, or `rules FILE`"
            )
        ignore = settings["ignore"]
        if all_rules:
            # The opt-in rules come in; their unsafe fixes still need --unsafe-fixes.
            chosen = ruleset.select(profile=profile, select=[group], ignore=ignore)
        else:
            chosen = ruleset.select(
                profile=profile,
                select=settings["select"],
                extend_select=settings["extend_select"],
                ignore=ignore,
            )
        codes = [r.code for r in chosen if r.group == group and r.fixes]
        if not codes:
            raise click.UsageError(_selects_nothing(group, all_rules, ruleset, profile))
    return Cleaner(
        ruleset=ruleset,
        profile=profile,
        select=codes,
        unsafe_fixes=unsafe,
        format=settings["format"],
        glossaries=glossaries,
        options=dict(settings["options"]) if kind != "file" else None,
        front_matter_keys=settings["front_matter_keys"],
    )


def _selects_nothing(group: str, all_rules: bool, ruleset: RuleSet, profile: str) -> str:
    """Why the step `group` would leave the text as it is, and how to give it
    rules: a step that silently does nothing reads as "nothing to fix"."""
    fixes = [r for r in ruleset.select(profile=profile, select=[group]) if r.fixes]
    if not fixes:
        return f"step {group!r} selects no rule: the group has no fix in the {profile} profile"
    named = ", ".join(f"{r.code} {r.slug}" for r in fixes)
    on = [r for r in ruleset.select(profile=profile) if r.group == group and r.fixes]
    if all_rules or on:
        return (
            f"step {group!r} selects no rule: the configuration's `select`/`ignore` leave "
            f"out all of {named}; change them, or run with --isolated"
        )
    codes = ", ".join(f'"{r.code}"' for r in fixes)
    # Opt-in fixes that are all unsafe do nothing without --unsafe-fixes.
    unsafe = " --unsafe-fixes" if all(r.safety == "unsafe" for r in fixes) else ""
    return (
        f"step {group!r} selects no rule: its fixes are opt-in ({named}); "
        f"run `arclean pipe{unsafe} {group} --all`, or add them to the configuration "
        f"(extend-select = [{codes}])"
    )
