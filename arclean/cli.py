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
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

import click

from arclean import __version__

if TYPE_CHECKING:
    from arclean.api import Cleaner
    from arclean.files import Source

EXIT_OK, EXIT_CHANGES, EXIT_ERROR = 0, 1, 2
CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
#: Extensions `arclean fix DIR` picks up when walking a folder.
TEXT_EXTENSIONS = (".txt", ".md", ".markdown", ".mdx", ".html", ".htm", ".srt", ".vtt")


class ArcleanGroup(click.Group):
    """The top-level group: owns exit codes, so that click's own errors (which
    it exits with 1) and arclean's errors all exit with 2, and no traceback
    ever reaches a user."""

    lazy_subcommands: ClassVar[dict[str, tuple[str, str]]] = {
        "names": ("arclean.cli_names", "names")
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


def _about(label: str, exc: Exception) -> str:
    """An error message that names the file it is about."""
    from arclean.formats import StructureChanged

    message = str(exc)
    if isinstance(exc, StructureChanged):
        message = f"refused: a fix would change more than prose ({message}); left untouched"
    return message if message.startswith(label + ":") else f"{label}: {message}"


def _warn(message: str) -> None:
    click.echo(f"arclean: warning: {message}", err=True)


# ---------------------------------------------------------------------------
# Shared options
# ---------------------------------------------------------------------------


def _split_codes(values: Sequence[str]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def selection_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """--select/--extend-select/--ignore/--rules/--profile/--unsafe-fixes."""
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
            "--profile",
            type=click.Choice(["default", "search"]),
            default="default",
            show_default=True,
            help="default: what an editor accepts. search: fold hard for indexes and NLP "
            "(implies --unsafe-fixes).",
        ),
        click.option(
            "--unsafe-fixes", is_flag=True, help="Also apply fixes that may change meaning."
        ),
        click.option(
            "--format",
            "format_name",
            metavar="NAME",
            help="Treat input as this format (plain, ...); default: from the file extension.",
        ),
        click.option(
            "--stdin-filename",
            metavar="NAME",
            help="File name for text read from stdin: picks its format and labels output.",
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


@dataclass
class Selection:
    select: tuple[str, ...]
    extend_select: tuple[str, ...]
    ignore: tuple[str, ...]
    rule_files: tuple[str, ...]
    profile: str
    unsafe_fixes: bool
    format_name: str | None
    stdin_filename: str | None
    _cleaners: dict[str, Cleaner] = field(default_factory=dict)
    _ruleset: Any = None

    def cleaner_for(self, name: str) -> Cleaner:
        """The cleaner for a file name (its format decides where prose is)."""
        from arclean.api import Cleaner
        from arclean.formats import format_for_path
        from arclean.ruleset import RuleSet

        fmt = self.format_name or format_for_path(name)
        if fmt not in self._cleaners:
            if self._ruleset is None:
                self._ruleset = RuleSet.load(self.rule_files)
            self._cleaners[fmt] = Cleaner(
                profile=self.profile,
                select=_split_codes(self.select) if self.select else None,
                extend_select=_split_codes(self.extend_select),
                ignore=_split_codes(self.ignore),
                unsafe_fixes=self.unsafe_fixes or None,
                format=fmt,
                ruleset=self._ruleset,
            )
            self._cleaners[fmt].settings["rule_files"] = self.rule_files
        return self._cleaners[fmt]


def _selection(kwargs: dict[str, Any]) -> Selection:
    """Read the selection options and validate them now, so that a bad
    selector or rule file is one error, before any file is touched."""
    selection = Selection(
        select=kwargs.pop("select"),
        extend_select=kwargs.pop("extend_select"),
        ignore=kwargs.pop("ignore"),
        rule_files=kwargs.pop("rule_files"),
        profile=kwargs.pop("profile"),
        unsafe_fixes=kwargs.pop("unsafe_fixes"),
        format_name=kwargs.pop("format_name"),
        stdin_filename=kwargs.pop("stdin_filename"),
    )
    selection.cleaner_for(selection.stdin_filename or "-")
    return selection


# ---------------------------------------------------------------------------
# Inputs
# ---------------------------------------------------------------------------


def iter_inputs(paths: Sequence[str]) -> Iterator[tuple[str, str | None]]:
    """(name, error) for every input: ``-`` is stdin, folders are walked for
    text files (hidden folders skipped), in a stable order."""
    if not paths:
        yield "-", None
        return
    for path in paths:
        if path == "-":
            yield "-", None
            continue
        target = Path(path)
        if target.is_dir():
            found = sorted(
                p
                for p in target.rglob("*")
                if p.is_file()
                and p.suffix.lower() in TEXT_EXTENSIONS
                and not any(part.startswith(".") for part in p.relative_to(target).parts)
            )
            for file in found:
                yield str(file), None
        elif target.exists() or target.is_symlink():
            yield path, None
        else:
            yield path, f"{path}: no such file or directory"


def read_stdin(name: str) -> Source:
    from arclean.files import decode

    data = sys.stdin.buffer.read()
    return decode(data, name)


def write_stdout(data: bytes) -> None:
    stream = sys.stdout.buffer
    stream.write(data)
    stream.flush()


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
    color: str,
    quiet: bool,
    **kwargs: Any,
) -> None:
    """Fix files in place, or stdin to stdout.

    With no PATH, or with -, reads stdin and writes the fixed text to stdout.
    With paths, rewrites each file that changes, atomically, keeping its byte
    order mark, line endings and permissions. Folders are walked for text
    files.
    """
    from arclean.errors import ArcleanError
    from arclean.files import BinaryFile, read_source, write_atomic
    from arclean.report import unified_diff

    selection = _selection(kwargs)
    errors = 0
    changed_files = 0
    unchanged_files = 0
    remaining = 0
    stderr = sys.stderr
    if show_changes is None:
        show_changes = bool(paths) and not (check or diff or quiet) and stderr.isatty()
    printer = _ChangePrinter(color, quiet) if show_changes else None
    for name, problem in iter_inputs(paths):
        if problem:
            _error(problem)
            errors += 1
            continue
        stdin = name == "-"
        label = (selection.stdin_filename or "-") if stdin else name
        try:
            source = read_stdin(label) if stdin else read_source(name)
            cleaner = selection.cleaner_for(label)
            outcome = cleaner.fix(source.text)
        except BinaryFile as exc:
            _warn(str(exc))
            continue
        except ArcleanError as exc:
            _error(_about(label, exc))
            errors += 1
            continue
        remaining += len(outcome.findings)
        if printer and outcome.changes:
            printer.show(label, source.text, outcome.changes)
        if outcome.changed:
            changed_files += 1
        else:
            unchanged_files += 1
        if diff:
            if outcome.changed:
                write_stdout(unified_diff(source.text, outcome.text, label).encode("utf-8"))
        elif check:
            if outcome.changed and not quiet:
                click.echo(f"would fix {label}", err=True)
        elif stdin:
            write_stdout(source.encode(outcome.text))
        elif outcome.changed:
            try:
                write_atomic(name, source.encode(outcome.text))
            except ArcleanError as exc:
                _error(str(exc))
                errors += 1
                changed_files -= 1
                continue
    if not quiet and paths and not (len(paths) == 1 and paths[0] == "-"):
        click.echo(_summary(changed_files, unchanged_files, errors, check or diff), err=True)
    if not quiet and remaining and not diff:
        click.echo(
            f"{remaining} finding{'s' if remaining != 1 else ''} left that fix cannot "
            "change; `arclean check` lists them.",
            err=True,
        )
    if errors:
        ctx.exit(EXIT_ERROR)
    if (check or diff) and changed_files:
        ctx.exit(EXIT_CHANGES)
    ctx.exit(EXIT_OK)


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

    def __init__(self, color: str, quiet: bool) -> None:
        self.stream = sys.stderr
        self.color = use_color(color, self.stream)
        self.console: Any = None

    def show(self, label: str, text: str, changes: Sequence[Any]) -> None:
        from arclean.report import change_rows, render_changes_plain, render_changes_rich

        rows = change_rows(label, text, changes)
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


@cli.command(context_settings=CONTEXT_SETTINGS)
@click.argument("paths", nargs=-1, metavar="[PATH|-]...")
@click.option(
    "--output-format",
    type=click.Choice(["full", "concise", "json", "github"]),
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
    from arclean.errors import ArcleanError
    from arclean.files import BinaryFile, read_source
    from arclean.report import findings_json, format_concise, format_full, format_github

    selection = _selection(kwargs)
    errors = 0
    total = 0
    json_entries: list[Any] = []
    out = sys.stdout
    for name, problem in iter_inputs(paths):
        if problem:
            _error(problem)
            errors += 1
            continue
        stdin = name == "-"
        label = (selection.stdin_filename or "-") if stdin else name
        try:
            source = read_stdin(label) if stdin else read_source(name)
            findings = selection.cleaner_for(label).check(source.text)
        except BinaryFile as exc:
            _warn(str(exc))
            continue
        except ArcleanError as exc:
            _error(_about(label, exc))
            errors += 1
            continue
        total += len(findings)
        if output_format == "json":
            json_entries.extend((label, source.text, f) for f in findings)
        elif output_format == "github":
            out.write(format_github(label, source.text, findings))
        elif output_format == "full":
            out.write(format_full(label, source.text, findings))
        else:
            out.write(format_concise(label, source.text, findings))
    if output_format == "json":
        out.write(findings_json(json_entries))
    out.flush()
    if not quiet and output_format in ("full", "concise"):
        fixable = ""
        click.echo(
            f"Found {_plural(total, 'finding')}{fixable}."
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
        if cmd_name in GROUP_PREFIXES:
            return click.Command(
                cmd_name,
                callback=lambda: ("group", cmd_name),
                help=f"Apply the {cmd_name} rules of the profile.",
            )
        return None


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
            rules = [r for r in active if r.group == value]
            cleaner = Cleaner.from_rules(rules, unsafe_fixes=unsafe_fixes or profile == "search")
        elif kind == "file":
            cleaner = Cleaner.from_rules(load_rule_file(value), unsafe_fixes=True)
        else:
            text = _apply_names(text, value)
            continue
        text = cleaner.fix(text).text
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


def main() -> None:
    cli.main(prog_name="arclean")
