"""The `arclean` command line: a thin shell over `arclean.api`.

Only click is imported at start-up; everything else is imported by the
command that needs it, so `arclean --help` and hooks on small files start
fast.  Exit codes: 0 nothing to do or all fixed, 1 changes needed or findings
remain, 2 usage, configuration, rule-file, I/O, encoding or internal error.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

import click

from arclean import __version__

if TYPE_CHECKING:
    from arclean.batch import FileResult, Resolver
    from arclean.files import Source

EXIT_OK, EXIT_CHANGES, EXIT_ERROR = 0, 1, 2
OUTPUT_FORMATS = ("full", "concise", "json", "github", "sarif")
CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class ArcleanGroup(click.Group):
    """The top-level group: owns exit codes, so that click's own errors (which
    it exits with 1) and arclean's errors all exit with 2, and no traceback
    ever reaches a user."""

    lazy_subcommands: ClassVar[dict[str, tuple[str, str]]] = {
        "names": ("arclean.cli_names", "names_group")
    }

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *self._available_lazy()])

    def _available_lazy(self) -> list[str]:
        import importlib.util

        return [
            name
            for name, (module, _) in self.lazy_subcommands.items()
            if importlib.util.find_spec(module) is not None
        ]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy_subcommands and cmd_name not in self.commands:
            import importlib

            module_name, attr = self.lazy_subcommands[cmd_name]
            try:
                module = importlib.import_module(module_name)
            except ModuleNotFoundError:
                return None
            return getattr(module, attr)
        return super().get_command(ctx, cmd_name)

    def main(  # type: ignore[override]
        self, args: Sequence[str] | None = None, prog_name: str | None = None, **extra: Any
    ) -> Any:
        from arclean.errors import ArcleanError

        extra.pop("standalone_mode", None)
        try:
            code = super().main(args=args, prog_name=prog_name, standalone_mode=False, **extra)
        except click.exceptions.Abort:
            click.echo("arclean: aborted", err=True)
            sys.exit(130)
        except click.ClickException as exc:
            exc.show()
            sys.exit(EXIT_ERROR)
        except ArcleanError as exc:
            _error(str(exc))
            sys.exit(EXIT_ERROR)
        except BrokenPipeError:
            # The reader went away (`arclean fix < big.txt | head`): not an error of ours.
            _silence_stdout()
            sys.exit(EXIT_CHANGES)
        except KeyboardInterrupt:
            click.echo("arclean: interrupted", err=True)
            sys.exit(130)
        except Exception as exc:  # the last line of defence: no tracebacks for users
            if os.environ.get("ARCLEAN_DEBUG"):
                raise
            _error(
                f"internal error: {type(exc).__name__}: {exc}. This is a bug in arclean; "
                "please report it with the command you ran (set ARCLEAN_DEBUG=1 for a traceback)."
            )
            sys.exit(EXIT_ERROR)
        sys.exit(code if isinstance(code, int) else EXIT_OK)


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _error(message: str) -> None:
    click.echo(f"arclean: error: {message}", err=True)


def _warn(message: str) -> None:
    click.echo(f"arclean: warning: {message}", err=True)


# ---------------------------------------------------------------------------
# Shared options
# ---------------------------------------------------------------------------


def selection_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Rule selection, configuration and input options shared by fix and check."""
    options = [
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
        click.option(
            "--rules",
            "rule_files",
            multiple=True,
            type=click.Path(dir_okay=False),
            metavar="PATH",
            help="An extra rule file (TOML); repeatable.",
        ),
        click.option(
            "--glossary",
            "glossaries",
            multiple=True,
            type=click.Path(dir_okay=False),
            metavar="PATH",
            help="A name glossary (TOML) whose rewrites apply; repeatable.",
        ),
        click.option(
            "--profile",
            type=click.Choice(["default", "search"]),
            default=None,
            help="default: what an editor accepts (the default). search: fold hard for "
            "indexes and NLP (implies --unsafe-fixes).",
        ),
        click.option(
            "--unsafe-fixes", is_flag=True, help="Also apply fixes that may change meaning."
        ),
        click.option(
            "--format",
            "format_name",
            metavar="NAME",
            help="Treat input as this format (plain, markdown, html, srt, vtt); "
            "default: from the file extension.",
        ),
        click.option(
            "--stdin-filename",
            metavar="NAME",
            help="File name for text read from stdin: picks its format and configuration, "
            "labels output.",
        ),
        click.option(
            "--config",
            "config_file",
            type=click.Path(dir_okay=False),
            metavar="PATH",
            help="Use this configuration file instead of looking for one.",
        ),
        click.option("--isolated", is_flag=True, help="Ignore all configuration files."),
        click.option(
            "--force-exclude",
            is_flag=True,
            help="Apply exclusions (.gitignore, config exclude) to files named on the "
            "command line too (for pre-commit).",
        ),
        click.option(
            "-j",
            "--jobs",
            type=click.IntRange(min=1),
            default=1,
            show_default=True,
            help="Process files in parallel; output stays in order.",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def color_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--color",
        type=click.Choice(["auto", "always", "never"]),
        default="auto",
        show_default=True,
        help="Colour in output; auto honours NO_COLOR, FORCE_COLOR and whether it is a terminal.",
    )(func)


def use_color(choice: str, stream: Any) -> bool:
    """--color first, then NO_COLOR, then FORCE_COLOR, then the terminal."""
    if choice == "always":
        return True
    if choice == "never":
        return False
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _resolver(kwargs: dict[str, Any]) -> tuple[Resolver, int]:
    """Read the shared options and validate them now, so that a bad selector,
    rule file or configuration is one error, before any file is touched."""
    from arclean.batch import Resolver, RunOptions

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
    )
    jobs = kwargs.pop("jobs")
    resolver = Resolver(options)
    resolver.cleaner_for("-")
    return resolver, jobs


def read_stdin(name: str) -> Source:
    from arclean.files import decode

    return decode(sys.stdin.buffer.read(), name)


def write_stdout(data: bytes) -> None:
    stream = sys.stdout.buffer
    stream.write(data)
    stream.flush()


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _summary(changed: int, unchanged: int, errors: int, dry_run: bool) -> str:
    parts = []
    if changed:
        parts.append(f"{_plural(changed, 'file')} {'would be fixed' if dry_run else 'fixed'}")
    if unchanged:
        parts.append(f"{_plural(unchanged, 'file')} left unchanged")
    if errors:
        parts.append(f"{_plural(errors, 'error')}")
    return ", ".join(parts) or "no files"


class _ChangePrinter:
    """Lists changes on stderr: rich with colour, git-word-diff markers without."""

    def __init__(self, color: str, transliterate: bool = False) -> None:
        self.stream = sys.stderr
        self.color = use_color(color, self.stream)
        self.console: Any = None
        self.transliterate = transliterate

    def show(self, label: str, text: str, changes: Sequence[Any]) -> None:
        from arclean.report import change_rows, render_changes_plain, render_changes_rich

        rows = change_rows(label, text, changes, transliterate=self.transliterate)
        if not self.color:
            self.stream.write(render_changes_plain(rows))
            self.stream.flush()
            return
        if self.console is None:
            from rich.console import Console

            self.console = Console(
                file=self.stream, force_terminal=True, highlight=False, soft_wrap=True
            )
        for line in render_changes_rich(rows):
            self.console.print(line)


# ---------------------------------------------------------------------------
# The commands
# ---------------------------------------------------------------------------


@click.group(cls=ArcleanGroup, context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "-V", "--version", prog_name="arclean")
def cli() -> None:
    """Clean and normalize Arabic text: punctuation, spacing, diacritics,
    hamza forms and letters, with diffs that show what changed.

    \b
      cat article.txt | arclean fix > clean.txt
      arclean fix --diff docs/
      arclean check --output-format github docs/
      cat a.txt | arclean pipe punct alef > b.txt
    """


@cli.command(context_settings=CONTEXT_SETTINGS)
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
    resolver, jobs = _resolver(kwargs)
    if show_changes is None:
        show_changes = buckwalter or (
            bool(paths) and not (check or diff or quiet) and sys.stderr.isatty()
        )
    printer = _ChangePrinter(color, buckwalter) if show_changes else None
    errors = changed_files = unchanged_files = remaining = 0
    mode = "preview" if (check or diff) else "fix"
    for result in _each_result(paths, resolver, mode, jobs, keep_text=bool(diff or printer)):
        label = result.name
        if result.warning:
            _warn(result.warning)
            continue
        if result.error and not result.changed:
            _error(result.error)
            errors += 1
            continue
        remaining += len(result.findings)
        if printer and result.changes and result.text is not None:
            printer.show(label, result.text, result.changes)
        if result.error:  # could not write
            _error(result.error)
            errors += 1
            continue
        if result.changed:
            changed_files += 1
        else:
            unchanged_files += 1
        if diff and result.changed and result.text is not None and result.new_text is not None:
            from arclean.report import unified_diff

            write_stdout(unified_diff(result.text, result.new_text, label).encode("utf-8"))
        elif check and result.changed and not quiet:
            click.echo(f"would fix {label}", err=True)
    if not quiet and paths and not (len(paths) == 1 and paths[0] == "-"):
        click.echo(_summary(changed_files, unchanged_files, errors, check or diff), err=True)
    if not quiet and remaining and not diff:
        click.echo(
            f"{_plural(remaining, 'finding')} left that fix cannot change; "
            "`arclean check` lists them.",
            err=True,
        )
    if errors:
        ctx.exit(EXIT_ERROR)
    if (check or diff) and changed_files:
        ctx.exit(EXIT_CHANGES)
    ctx.exit(EXIT_OK)


def _each_result(
    paths: Sequence[str], resolver: Resolver, mode: str, jobs: int, keep_text: bool
) -> Iterator[FileResult]:
    """What happened to each input, in the order given: files (in parallel
    with `jobs`), stdin, and paths that do not exist (as errors)."""
    from arclean.batch import FileResult, discover, process_files

    inputs = discover(paths, resolver)
    names = [name for name, problem in inputs if not problem and name != "-"]
    results = iter(process_files(names, mode, resolver, keep_text=keep_text, jobs=jobs))
    for name, problem in inputs:
        if problem:
            yield FileResult(name, error=problem)
        elif name == "-":
            yield _stdin_result(resolver, mode, track=keep_text)
        else:
            yield next(results)


def _stdin_result(resolver: Resolver, mode: str, track: bool = True) -> FileResult:
    """Fix or check stdin, as `process_file` does a file; in fix mode the
    text goes to stdout."""
    from arclean.batch import FileResult, structure_message
    from arclean.errors import ArcleanError
    from arclean.files import BinaryFile

    label = resolver.options.stdin_filename or "-"
    try:
        source = read_stdin(label)
        cleaner = resolver.cleaner_for("-")
        if mode == "check":
            return FileResult(label, text=source.text, findings=cleaner.check(source.text))
        outcome = cleaner.fix(source.text, track=track)
    except BinaryFile as exc:
        return FileResult(label, warning=str(exc))
    except ArcleanError as exc:
        message = structure_message(exc)
        return FileResult(
            label, error=message if message.startswith(label) else f"{label}: {message}"
        )
    if mode == "fix":
        write_stdout(source.encode(outcome.text))
    return FileResult(
        label,
        changed=outcome.changed,
        changes=outcome.changes,
        findings=outcome.findings,
        text=source.text,
        new_text=outcome.text,
    )


@cli.command(context_settings=CONTEXT_SETTINGS)
@click.argument("paths", nargs=-1, metavar="[PATH|-]...")
@click.option(
    "--output-format",
    type=click.Choice(list(OUTPUT_FORMATS)),
    default="concise",
    show_default=True,
    help="How findings are printed.",
)
@selection_options
@color_option
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but findings and errors.")
@click.pass_context
def check(
    ctx: click.Context,
    paths: tuple[str, ...],
    output_format: str,
    color: str,
    quiet: bool,
    **kwargs: Any,
) -> None:
    """Report findings, changing nothing.

    Every change `fix` would make is a finding (marked [*]), and so is what
    only a person can fix, such as an unbalanced quote. One finding a line:
    path:line:col: CODE message. Exits 1 while findings remain.
    """
    from arclean.report import render_findings

    resolver, jobs = _resolver(kwargs)
    errors = total = 0
    collected: list[tuple[str, str, Any]] = []
    out = sys.stdout
    for result in _each_result(paths, resolver, "check", jobs, keep_text=True):
        if result.warning:
            _warn(result.warning)
            continue
        if result.error:
            _error(result.error)
            errors += 1
            continue
        total += len(result.findings)
        assert result.text is not None
        if output_format in ("json", "sarif"):
            collected.extend((result.name, result.text, f) for f in result.findings)
        else:
            out.write(render_findings(output_format, result.name, result.text, result.findings))
    if output_format in ("json", "sarif"):
        out.write(render_findings(output_format, "", "", collected))
    out.flush()
    if not quiet and output_format in ("full", "concise"):
        click.echo(
            f"Found {_plural(total, 'finding')}."
            + (" Run `arclean fix` to fix those marked [*]." if total else ""),
            err=True,
        )
    if errors:
        ctx.exit(EXIT_ERROR)
    ctx.exit(EXIT_CHANGES if total else EXIT_OK)


# ---------------------------------------------------------------------------
# pipe: click's chain mode
# ---------------------------------------------------------------------------


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
def _names_step(glossaries: tuple[str, ...]) -> tuple[str, Any]:
    """Reconcile name spellings (glossaries and the auto tier)."""
    return ("names", glossaries)


@cli.group(
    cls=PipeGroup, chain=True, invoke_without_command=False, context_settings=CONTEXT_SETTINGS
)
@click.option(
    "--profile",
    type=click.Choice(["default", "search"]),
    default="default",
    show_default=True,
    help="Which rules of each group run.",
)
@click.option("--unsafe-fixes", is_flag=True, help="Also apply fixes that may change meaning.")
@click.option(
    "--rules",
    "rule_files",
    multiple=True,
    type=click.Path(dir_okay=False),
    metavar="PATH",
    help="Extra rule files whose groups steps may name.",
)
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

    source = read_stdin("-")
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


# ---------------------------------------------------------------------------
# rules
# ---------------------------------------------------------------------------


@cli.group(context_settings=CONTEXT_SETTINGS)
def rules() -> None:
    """List, explain and test rules."""


@rules.command("list", context_settings=CONTEXT_SETTINGS)
@click.option(
    "--rules",
    "rule_files",
    multiple=True,
    type=click.Path(dir_okay=False),
    metavar="PATH",
    help="Also list the rules of this file.",
)
def rules_list(rule_files: tuple[str, ...]) -> None:
    """Every rule: code, name, group, whether it is on by default, safety."""
    from arclean.ruleset import RuleSet, order_rules

    ruleset = RuleSet.load(rule_files)
    rows = []
    for rule in order_rules(ruleset.rules):
        if rule.kind == "check":
            on = "check"
        else:
            on = "default" if rule.default else ("+".join(rule.profiles) or "opt-in")
        rows.append(
            (rule.code, rule.slug, rule.group, on, rule.safety if rule.fixes else "-", rule.message)
        )
    header = ("CODE", "NAME", "GROUP", "ON IN", "FIX", "MESSAGE")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(5)]
    for row in [header, *rows]:
        cells = [row[i].ljust(widths[i]) for i in range(5)]
        click.echo("  ".join([*cells, row[5]]))


@rules.command("show", context_settings=CONTEXT_SETTINGS)
@click.argument("code")
@click.option(
    "--rules",
    "rule_files",
    multiple=True,
    type=click.Path(dir_okay=False),
    metavar="PATH",
    help="Also look in this rule file.",
)
def rules_show(code: str, rule_files: tuple[str, ...]) -> None:
    """Explain one rule: what it does, why, when it is on, and its examples."""
    from arclean.report import change_names
    from arclean.ruleset import RuleSet

    rule = RuleSet.load(rule_files).get(code)
    on = "on by default" if rule.default else "off by default (opt-in)"
    if rule.profiles:
        on += f"; on in profile(s): {', '.join(rule.profiles)}"
    lines = [
        f"{rule.code} {rule.slug}  ({rule.group}, {rule.kind}, {on})",
        "",
        rule.message,
    ]
    if rule.description:
        lines += ["", rule.description.strip()]
    lines += ["", f"Fix safety: {rule.safety}" if rule.fixes else f"Check only, level {rule.level}"]
    if rule.languages:
        lines.append(f"Only in paragraphs detected as: {', '.join(rule.languages)}")
    if rule.examples:
        lines += ["", "Examples:"]
        for example in rule.examples:
            if example.output is None:
                lines.append(f"  reported: {example.input!r}")
            else:
                lines.append(f"  {example.input!r}\n    → {example.output!r}")
                lines += [f"      {n}" for n in change_names(example.input, example.output)]
    if rule.keep:
        lines += ["", "Left alone:"]
        lines += [f"  {text!r}" for text in rule.keep]
    lines += ["", f"Defined in {rule.location}"]
    click.echo("\n".join(lines))


@rules.command("test", context_settings=CONTEXT_SETTINGS)
@click.argument("path", required=False, type=click.Path(dir_okay=False))
@click.option("-q", "--quiet", is_flag=True, help="Print only failures and the summary.")
@click.pass_context
def rules_test(ctx: click.Context, path: str | None, quiet: bool) -> None:
    """Run every rule's embedded examples.

    With PATH, only that rule file's rules. Each failure is missing (the rule
    did not act), wrong (it wrote something else), unstable (a second run
    changes the output again) or noisy (it changed or flagged text it must
    leave alone). Ends with `N passed, M failed`; exits 1 on any failure.
    """
    from arclean.ruleset import load_builtin_rules, load_rule_file
    from arclean.testing import run_rule_examples

    rules_to_test = load_rule_file(path) if path else load_builtin_rules()
    passed = failed = 0
    for result in run_rule_examples(rules_to_test):
        if result.ok:
            passed += 1
            continue
        failed += 1
        click.echo(
            f"{result.rule.location} {result.rule.code} {result.kind.upper()}: {result.detail}"
        )
    click.echo(f"{passed} passed, {failed} failed")
    ctx.exit(EXIT_CHANGES if failed else EXIT_OK)


# ---------------------------------------------------------------------------
# config
# ---------------------------------------------------------------------------


@cli.group("config", context_settings=CONTEXT_SETTINGS)
def config_group() -> None:
    """Inspect configuration."""


@config_group.command("show", context_settings=CONTEXT_SETTINGS)
@click.argument("path", required=False, default=".")
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False),
    metavar="PATH",
    help="Use this configuration file instead of looking for one.",
)
@click.option("--isolated", is_flag=True, help="Ignore all configuration files.")
def config_show(path: str, config_file: str | None, isolated: bool) -> None:
    """The settings that apply to PATH (a file or folder; default: here), and
    where each one comes from: a configuration file or arclean's default."""
    from pathlib import Path

    from arclean.batch import Resolver, RunOptions
    from arclean.config import KEYS

    resolver = Resolver(RunOptions(config=config_file, isolated=isolated))
    probe = str(Path(path) / "_") if Path(path).is_dir() else path
    config = resolver.config_for(probe)
    settings = resolver.settings_for(probe)
    where = str(config.path) if config.path else "none (arclean's defaults)"
    click.echo(f"configuration: {where}")
    shown = {
        "profile": settings["profile"],
        "select": list(settings["select"]) if settings["select"] is not None else "(profile)",
        "extend-select": list(settings["extend_select"]),
        "ignore": list(settings["ignore"]),
        "unsafe-fixes": settings["unsafe_fixes"],
        "rules": list(settings["rule_files"]),
        "glossaries": list(settings["glossaries"]),
        "exclude": config.get("exclude", []),
        "per-file-ignores": config.get("per-file-ignores", {}),
        "formats": config.get("formats", {}),
        "options": dict(settings["options"]),
    }
    if not Path(path).is_dir():
        shown["format"] = settings["format"]
    width = max(len(k) for k in shown)
    for key, value in shown.items():
        origin = config.source(key) if key in KEYS else "default"
        if key in ("options", "extend-select") and any(
            config.source(k) != "default" for k in ("quote-style", "tanween", "digits")
        ):
            origin = str(config.path)
        if key == "format":
            origin = "formats" if config.get("formats") else "file extension"
        click.echo(f"{key.ljust(width)} = {_toml_value(value)}    # {origin}")


def _toml_value(value: Any) -> str:
    import json

    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        inner = ", ".join(
            f"{json.dumps(k, ensure_ascii=False)} = {_toml_value(v)}" for k, v in value.items()
        )
        return "{ " + inner + " }" if inner else "{}"
    return json.dumps(value, ensure_ascii=False)


def main() -> None:
    from arclean.ruleset import cache

    cache.directory = cache.user_directory()  # the CLI, never the library, caches rules
    cli.main(prog_name="arclean")
