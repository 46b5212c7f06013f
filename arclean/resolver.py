"""Choosing each input's settings: the command line's `RunOptions` over the
nearest configuration over the defaults, and the `Cleaner` they make
(`Resolver`).  Nothing here prints or exits."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NoReturn

from arclean.io.discover import STDIN

if TYPE_CHECKING:
    from arclean.api import Cleaner
    from arclean.config import Config
    from arclean.ruleset import RuleSet


@dataclass(frozen=True)
class RunOptions:
    """What the command line asked for; configuration files fill the rest."""

    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    rule_files: tuple[str, ...] = ()
    glossaries: tuple[str, ...] = ()
    profile: str | None = None
    unsafe_fixes: bool = False
    format_name: str | None = None
    stdin_filename: str | None = None
    config: str | None = None
    isolated: bool = False
    force_exclude: bool = False
    #: How inputs are decoded and written back (`arclean.io.encodings.ENCODINGS`).
    encoding: str = "utf-8"
    #: Walk into symbolic links that lead out of the folder given.
    follow_links: bool = False
    #: JSON Lines: clean these string fields of each record (`arclean.jsonl`).
    jsonl_fields: tuple[str, ...] = ()
    #: JSON Lines: a record left as it was (not JSON, no such field) is an error
    #: and nothing is written.
    strict: bool = False


def split_codes(values: Sequence[str]) -> list[str]:
    """Rule selectors as given (``("AR1,AR2", "AR3")``), one per item, blanks dropped."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


class Resolver:
    """Builds (and caches) the `Cleaner` for each file from the command line
    and the file's nearest configuration.

    Raises `arclean.errors.ConfigError` when the explicit configuration file
    is invalid; other configurations are read (and may raise) when a file
    needs them.
    """

    def __init__(
        self, options: RunOptions, worker_setup: Callable[[int], None] | None = None
    ) -> None:
        from arclean.config import ConfigFinder

        self.options = options
        #: Run first in each ``-j`` worker, given the parent's process id (the
        #: command line's signal handling).
        self.worker_setup = worker_setup
        #: Ends a ``-j`` worker forked by `arclean.pool` with the given exit
        #: code (the command line's `os._exit`); None: the workers are left
        #: to a `ProcessPoolExecutor`, which ends them itself.
        self.worker_exit: Callable[[int], NoReturn] | None = None
        #: Told (characters done, total) inside a long input (JSON Lines), and
        #: the files a run will work on (for a progress display).
        self.progress: Callable[[int, int], None] | None = None
        self.on_inputs: Callable[[Sequence[str]], None] | None = None
        self.finder = ConfigFinder(options.config, options.isolated)
        self._cleaners: dict[tuple[Any, ...], Cleaner] = {}
        self._rulesets: dict[tuple[str, ...], RuleSet] = {}

    def config_for(self, name: str) -> Config:
        """The configuration for the file `name` (``-``: stdin, placed by
        ``--stdin-filename``, else in the working folder)."""
        if name == STDIN:
            name = self.options.stdin_filename or "-"
        return self.finder.for_path(name)

    def settings_for(self, name: str) -> dict[str, Any]:
        """The effective settings for the file `name` (``-``: stdin): command
        line over configuration over defaults, keyed by `Cleaner` argument
        (``profile``, ``select``, ``ignore``, ``format``...) plus ``config``,
        the configuration file's path or None.  Values are hashable."""
        from arclean.formats import format_for_path

        opts = self.options
        label = self._label(name)
        config = self.config_for(name)
        # an empty --select (a variable left unset in a script) selects nothing
        select = split_codes(opts.select) if opts.select else config.get("select")
        return {
            "config": str(config.path) if config.path else None,
            "profile": opts.profile or config.get("profile", "default"),
            "select": tuple(select) if select is not None else None,
            "extend_select": tuple(config.get("extend-select", []))
            + tuple(config.implied_select)
            + tuple(split_codes(opts.extend_select)),
            "ignore": tuple(config.get("ignore", []))
            + tuple(config.ignores_for(label))
            + tuple(split_codes(opts.ignore)),
            "rule_files": tuple(config.paths("rules")) + opts.rule_files,
            "glossaries": tuple(config.paths("glossaries")) + opts.glossaries,
            "unsafe_fixes": opts.unsafe_fixes or bool(config.get("unsafe-fixes", False)),
            "format": opts.format_name
            or ("plain" if opts.jsonl_fields else format_for_path(label, config.get("formats"))),
            "options": tuple(sorted(config.options.items())),
            "front_matter_keys": tuple(config.get("front-matter-keys", [])),
        }

    def cleaner_for(self, name: str) -> Cleaner:
        """The cleaner for the file `name` (``-``: stdin), built once per
        distinct settings.  Raises `ArcleanError` subclasses for a bad
        selector, rule file, glossary or format."""
        from arclean.api import Cleaner
        from arclean.config import check_selectors
        from arclean.errors import FoldsOnlySelector, SelectorError
        from arclean.ruleset import RuleSet

        settings = self.settings_for(name)
        key = tuple(settings.items())
        cleaner = self._cleaners.get(key)
        if cleaner is None:
            files = settings["rule_files"]
            if files not in self._rulesets:
                self._rulesets[files] = RuleSet.load(files)
            check_selectors(self._rulesets[files], self.config_for(name), settings["profile"])
            try:
                cleaner = Cleaner(
                    profile=settings["profile"],
                    select=settings["select"],
                    extend_select=settings["extend_select"],
                    ignore=settings["ignore"],
                    rule_files=files,
                    glossaries=settings["glossaries"],
                    unsafe_fixes=settings["unsafe_fixes"] or None,
                    format=settings["format"],
                    options=dict(settings["options"]),
                    front_matter_keys=settings["front_matter_keys"],
                    ruleset=self._rulesets[files],
                )
            except FoldsOnlySelector as exc:  # the configuration's were checked above
                raise SelectorError(exc.advice("--profile search")) from None
            except SelectorError as exc:
                if settings["config"] is None:
                    raise
                # the choice may come from the configuration: name it
                raise SelectorError(
                    f"{exc} (rules chosen by the command line and {settings['config']})"
                ) from None
            if not cleaner.rules and not self._ignored_here(name):
                # a run that checks nothing passes every file: in a hook or
                # CI that reads as "all clean", so it is an error, as a pipe
                # step that selects nothing is (a file that per-file-ignores
                # leave without rules is the author's choice: passed through)
                where = f" and {settings['config']}" if settings["config"] is not None else ""
                raise SelectorError(
                    f"no rule is selected (nothing is selected by the command line{where}, "
                    "or everything selected is ignored); name rules with "
                    "--select (`arclean rules list` lists them), or drop the --ignore "
                    "or `select = []` that removes them"
                )
            if len(cleaner.rules) == 1 and not settings["glossaries"]:
                _refuse_glossary_rule_alone(cleaner.rules[0].code)
            self._cleaners[key] = cleaner
        return cleaner

    def _label(self, name: str) -> str:
        """The name a file's configuration patterns match (``-``: stdin's
        ``--stdin-filename``)."""
        return self.options.stdin_filename or STDIN if name == STDIN else name

    def _ignored_here(self, name: str) -> bool:
        """Does a ``per-file-ignores`` entry name rules for the file `name`?"""
        label = self._label(name)
        return bool(self.config_for(name).ignores_for(label))

    def is_known(self, name: str) -> bool:
        """Is `name` a file a folder's walk takes: an extension of a format,
        built in or mapped by its configuration's ``[formats]`` table?  (A
        broken configuration is reported with the file; its walk then knows
        only the built-in extensions.)"""
        from arclean.errors import ArcleanError
        from arclean.formats.registry import known_path

        try:
            overrides = self.config_for(name).get("formats")
        except ArcleanError:
            overrides = None
        return known_path(name, overrides)

    def is_excluded(self, name: str) -> bool:
        """Does the configuration of `name` exclude it (its ``exclude`` globs)?"""
        return self.config_for(name).is_excluded(name)


def _refuse_glossary_rule_alone(code: str) -> None:
    """`SelectorError` when `code`, the only rule selected, is the glossary
    rule and no glossary is given (the arclean-names hook in a repository
    with none): nothing would be checked.  The names model is imported here
    only: it costs a hook's start-up about 2 ms."""
    from arclean.errors import SelectorError
    from arclean.names.model import CODE_GLOSSARY

    if code == CODE_GLOSSARY:
        raise SelectorError(
            f"only {CODE_GLOSSARY} (glossary-name-spelling) is selected and no "
            "glossary is given, so nothing would be checked; list the glossaries "
            "(`glossaries = [...]` in the configuration, or --glossary FILE)"
        )
