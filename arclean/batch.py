"""Working through many files: finding them, choosing each one's settings,
fixing or checking them (in parallel if asked), and writing them back.

Nothing here prints: every outcome comes back as a `FileResult` for the
command line to report, in the order the files were given.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from arclean.errors import ArcleanError
from arclean.formats.base import EXTENSIONS

if TYPE_CHECKING:
    from arclean.api import Cleaner
    from arclean.config import Config
    from arclean.text.edits import Change, Finding

#: Extensions picked up when walking a folder.


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


def split_codes(values: Sequence[str]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


class Resolver:
    """Builds (and caches) the `Cleaner` for each file from the command line
    and the file's nearest configuration."""

    def __init__(self, options: RunOptions) -> None:
        from arclean.config import ConfigFinder

        self.options = options
        self.finder = ConfigFinder(options.config, options.isolated)
        self._cleaners: dict[tuple[Any, ...], Cleaner] = {}
        self._rulesets: dict[tuple[str, ...], Any] = {}

    def config_for(self, name: str) -> Config:
        if name == "-":
            name = self.options.stdin_filename or "-"
        return self.finder.for_path(name)

    def settings_for(self, name: str) -> dict[str, Any]:
        """The effective settings for a file, each with where it came from."""
        from arclean.formats import format_for_path

        opts = self.options
        label = self.options.stdin_filename or "-" if name == "-" else name
        config = self.config_for(name)
        select = split_codes(opts.select) or config.get("select")
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
            "format": opts.format_name or format_for_path(label, config.get("formats")),
            "options": tuple(sorted(config.options.items())),
            "front_matter_keys": tuple(config.get("front-matter-keys", [])),
        }

    def cleaner_for(self, name: str) -> Cleaner:
        from arclean.api import Cleaner
        from arclean.ruleset import RuleSet

        settings = self.settings_for(name)
        key = tuple(settings.items())
        cleaner = self._cleaners.get(key)
        if cleaner is None:
            files = settings["rule_files"]
            if files not in self._rulesets:
                self._rulesets[files] = RuleSet.load(files)
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
            self._cleaners[key] = cleaner
        return cleaner

    def is_excluded(self, name: str) -> bool:
        return self.config_for(name).is_excluded(name)


# ---------------------------------------------------------------------------
# Finding files
# ---------------------------------------------------------------------------


def _git_files(folder: Path) -> list[Path] | None:
    """Files under `folder` that git does not ignore, or None outside a
    repository (or without git)."""
    import subprocess

    try:
        result = subprocess.run(
            [
                "git",
                "-C",
                str(folder),
                "ls-files",
                "-z",
                "--cached",
                "--others",
                "--exclude-standard",
                "--full-name",
                ".",
            ],
            capture_output=True,
            check=False,
        )
        top = subprocess.run(
            ["git", "-C", str(folder), "rev-parse", "--show-toplevel"],
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return None
    if result.returncode != 0 or top.returncode != 0:
        return None
    root = Path(top.stdout.strip())
    names = [n for n in result.stdout.decode("utf-8", "surrogateescape").split("\0") if n]
    return [root / n for n in names if (root / n).is_file()]


def _git_ignored(paths: Sequence[str]) -> set[str]:
    """Which of `paths` git ignores (empty outside a repository)."""
    import subprocess

    if not paths:
        return set()
    try:
        result = subprocess.run(
            ["git", "check-ignore", "--stdin", "-z"],
            input="\0".join(paths).encode("utf-8", "surrogateescape"),
            capture_output=True,
            check=False,
        )
    except OSError:
        return set()
    if result.returncode not in (0, 1):
        return set()
    return {n for n in result.stdout.decode("utf-8", "surrogateescape").split("\0") if n}


def discover(paths: Sequence[str], resolver: Resolver) -> list[tuple[str, str | None]]:
    """(name, error) for every input, in a stable order. ``-`` is stdin.
    Folders are walked for text files, leaving out what git ignores (inside a
    repository), hidden folders and the configuration's `exclude`. Files
    named on the command line are taken as given, unless `force_exclude`."""
    if not paths:
        return [("-", None)]
    found: list[tuple[str, str | None]] = []
    explicit: list[str] = []
    for path in paths:
        if path == "-":
            found.append(("-", None))
            continue
        target = Path(path)
        if target.is_dir():
            files = _git_files(target)
            if files is None:
                files = [
                    p
                    for p in target.rglob("*")
                    if p.is_file()
                    and not any(part.startswith(".") for part in p.relative_to(target).parts)
                ]
            else:
                base = Path(os.path.abspath(target))
                files = [base / os.path.relpath(p, base) for p in files]
            names = sorted(
                _display(p, target, path) for p in files if p.suffix.lower() in EXTENSIONS
            )
            found.extend((n, None) for n in names if not resolver.is_excluded(n))
        elif target.exists() or target.is_symlink():
            explicit.append(path)
            found.append((path, None))
        else:
            found.append((path, f"{path}: no such file or directory"))
    if resolver.options.force_exclude and explicit:
        ignored = _git_ignored(explicit)
        drop = {n for n in explicit if n in ignored or resolver.is_excluded(n)}
        found = [(n, e) for n, e in found if n not in drop]
    return found


def _display(path: Path, folder: Path, given: str) -> str:
    """A walked file's name as the user would write it: under the folder
    they named."""
    try:
        relative = Path(os.path.abspath(path)).relative_to(Path(os.path.abspath(folder)))
    except ValueError:
        return str(path)
    return str(Path(given) / relative)


# ---------------------------------------------------------------------------
# Processing
# ---------------------------------------------------------------------------


@dataclass
class FileResult:
    """What happened to one file."""

    name: str
    error: str | None = None
    warning: str | None = None
    changed: bool = False
    written: bool = False
    text: str | None = None
    new_text: str | None = None
    changes: list[Change] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def structure_message(exc: Exception) -> str:
    from arclean.formats import StructureChanged

    message = str(exc)
    if isinstance(exc, StructureChanged):
        message = f"refused: a fix would change more than prose ({message}); left untouched"
    return message


def _about(name: str, exc: Exception) -> str:
    message = structure_message(exc)
    return message if message.startswith(name + ":") else f"{name}: {message}"


def process_file(name: str, mode: str, resolver: Resolver, keep_text: bool) -> FileResult:
    """Fix (``mode="fix"``), preview (``"preview"``: nothing written) or check
    (``"check"``) one file."""
    from arclean.files import BinaryFile, read_source, write_atomic

    try:
        source = read_source(name)
        cleaner = resolver.cleaner_for(name)
        if mode == "check":
            findings = cleaner.check(source.text)
            return FileResult(
                name, findings=findings, text=source.text, changed=any(f.fixable for f in findings)
            )
        # Changes are recorded only when someone will look at them.
        outcome = cleaner.fix(source.text, track=keep_text)
    except BinaryFile as exc:
        return FileResult(name, warning=str(exc))
    except ArcleanError as exc:
        return FileResult(name, error=_about(name, exc))
    result = FileResult(
        name,
        changed=outcome.changed,
        changes=outcome.changes,
        findings=outcome.findings,
        text=source.text if keep_text else None,
        new_text=outcome.text if keep_text else None,
    )
    if mode == "fix" and outcome.changed:
        try:
            write_atomic(name, source.encode(outcome.text))
            result.written = True
        except ArcleanError as exc:
            result.error = str(exc)
    return result


_WORKER: Resolver | None = None


def _init_worker(options: RunOptions) -> None:
    global _WORKER
    _WORKER = Resolver(options)


def _work(args: tuple[str, str, bool]) -> FileResult:
    assert _WORKER is not None
    name, mode, keep_text = args
    return process_file(name, mode, _WORKER, keep_text)


def process_files(
    names: Sequence[str], mode: str, resolver: Resolver, *, keep_text: bool, jobs: int = 1
) -> Iterator[FileResult]:
    """Process files in order; with ``jobs > 1`` in worker processes, still
    yielding results in the order given."""
    if jobs <= 1 or len(names) < 2:
        for name in names:
            yield process_file(name, mode, resolver, keep_text)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(
        max_workers=min(jobs, len(names)),
        initializer=_init_worker,
        initargs=(resolver.options,),
    ) as pool:
        yield from pool.map(_work, [(n, mode, keep_text) for n in names], chunksize=4)
