"""Working through the inputs of `fix` and `check`: choosing each one's
settings, fixing or checking it (files in parallel if asked), and writing
fixed files back.

One function, `process_source`, handles a file and stdin alike.  Nothing
here prints, exits, or writes anywhere but the files it was given: every
outcome comes back as a `FileResult` for the command line to report, in the
order the inputs were given, and the fixed text of stdin comes back as bytes
for the command line to write.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from arclean.errors import ArcleanError
from arclean.io.discover import STDIN, discover

if TYPE_CHECKING:
    from arclean.api import Cleaner
    from arclean.config import Config
    from arclean.io.read import Source
    from arclean.ruleset import RuleSet
    from arclean.text.edits import Change, Finding

#: ``fix`` writes files, ``preview`` computes fixes and writes nothing (for
#: ``--check``/``--diff``), ``check`` only reports findings.
Mode = Literal["fix", "preview", "check"]


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
        label = self.options.stdin_filename or STDIN if name == STDIN else name
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
        from arclean.ruleset import RuleSet

        settings = self.settings_for(name)
        key = tuple(settings.items())
        cleaner = self._cleaners.get(key)
        if cleaner is None:
            files = settings["rule_files"]
            if files not in self._rulesets:
                self._rulesets[files] = RuleSet.load(files)
            check_selectors(self._rulesets[files], self.config_for(name))
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
        """Does the configuration of `name` exclude it (its ``exclude`` globs)?"""
        return self.config_for(name).is_excluded(name)


# ---------------------------------------------------------------------------
# Processing
# ---------------------------------------------------------------------------


@dataclass
class FileResult:
    """What happened to one input.

    `text`/`new_text` are the document before and after fixing (kept only
    when asked, or for stdin); `output` is the fixed document encoded as it
    came, set for stdin in ``fix`` mode only (files are written in place,
    `written` says whether this one was).  `error` and `warning` are
    messages that start with the input's name.
    """

    name: str
    error: str | None = None
    warning: str | None = None
    changed: bool = False
    written: bool = False
    text: str | None = None
    new_text: str | None = None
    changes: list[Change] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    output: bytes | None = None
    #: Parts left as they were (JSON Lines records): ``name:line: why`` each.
    notes: list[str] = field(default_factory=list)


def structure_message(exc: Exception) -> str:
    """The message for an error raised while cleaning, explaining a refused file."""
    from arclean.formats import StructureChanged

    message = str(exc)
    if isinstance(exc, StructureChanged):
        message = f"refused: a fix would change more than prose ({message}); left untouched"
    return message


def _about(name: str, exc: Exception) -> str:
    message = structure_message(exc)
    return message if message.startswith(name + ":") else f"{name}: {message}"


def process_source(
    name: str,
    mode: Mode,
    resolver: Resolver,
    *,
    keep_text: bool,
    stdin: bytes | None = None,
) -> FileResult:
    """Fix (``mode="fix"``), preview (``"preview"``) or check (``"check"``)
    one input, a file or stdin.

    A file is read from the path `name`, and in ``fix`` mode written back
    atomically when it changed.  For stdin, `name` is ``-`` and `stdin` holds
    its bytes; the result is labelled with ``--stdin-filename`` (or ``-``),
    and in ``fix`` mode carries the fixed bytes in `output` for the caller to
    write.  Changes are recorded, and the texts kept, only with `keep_text`.
    Never raises `ArcleanError`: a binary input is a warning, any other
    problem (decoding, configuration, a refused structure, writing) an error
    in the result.
    """
    label = (resolver.options.stdin_filename or STDIN) if stdin is not None else name
    try:
        return _process(name, label, mode, resolver, keep_text, stdin)
    except Exception as exc:  # one input never stops the others
        import os

        if os.environ.get("ARCLEAN_DEBUG") or isinstance(exc, MemoryError):
            raise
        left = "left unchanged" if stdin is None else "nothing written"
        return FileResult(
            label,
            error=f"{label}: internal error: {type(exc).__name__}: {exc}; {left}. This is a "
            "bug in arclean; please report it (set ARCLEAN_DEBUG=1 for a traceback)",
        )


def _process(
    name: str, label: str, mode: Mode, resolver: Resolver, keep_text: bool, stdin: bytes | None
) -> FileResult:
    from arclean.io.read import BinaryFile, decode, read_source

    try:
        encoding = resolver.options.encoding
        source = (
            decode(stdin, label, encoding) if stdin is not None else read_source(name, encoding)
        )
        cleaner = resolver.cleaner_for(STDIN if stdin is not None else name)
        if resolver.options.jsonl_fields:
            return _process_jsonl(label, source, cleaner, mode, resolver, keep_text)
        if mode == "check":
            findings = cleaner.check(source.text)
            return FileResult(
                label, findings=findings, text=source.text, changed=any(f.fixable for f in findings)
            )
        # Changes are recorded only when someone will look at them.
        outcome = cleaner.fix(source.text, track=keep_text)
    except BinaryFile as exc:
        if stdin is not None:  # nothing would reach stdout: an error, not a skip
            return FileResult(label, error=str(exc).replace("; skipped", "; nothing written"))
        return FileResult(label, warning=str(exc))
    except ArcleanError as exc:
        return FileResult(label, error=_about(label, exc))
    result = FileResult(
        label,
        changed=outcome.changed,
        changes=outcome.changes,
        findings=outcome.findings,
        text=source.text if keep_text else None,
        new_text=outcome.text if keep_text else None,
    )
    return _write_back(result, source, outcome.text, mode, name if stdin is None else None)


def _write_back(
    result: FileResult, source: Source, text: str, mode: Mode, path: str | None
) -> FileResult:
    """``fix``: the fixed `text` to `result.output` (stdin: no `path`) or over `path`."""
    from arclean.io.write import write_atomic

    if mode == "fix" and path is None:
        try:
            result.output = source.encode(text)
        except ArcleanError as exc:
            result.error = str(exc)
    elif mode == "fix" and result.changed and path is not None:
        try:
            write_atomic(path, source.encode(text), expect=source.stamp)
            result.written = True
        except ArcleanError as exc:
            result.error = str(exc)
    return result


def _process_jsonl(
    label: str, source: Source, cleaner: Cleaner, mode: Mode, resolver: Resolver, keep: bool
) -> FileResult:
    """`process_source` for JSON Lines (`arclean.jsonl`); ``--strict``: see RunOptions."""
    from arclean.jsonl import problem_notes, process

    opts, path = resolver.options, source.name if source.stamp else None
    doc = process(
        source.text, opts.jsonl_fields, cleaner, check=mode == "check", track=keep,
        progress=resolver.progress,
    )  # fmt: skip
    result = FileResult(
        label, changed=doc.changed, changes=doc.changes, findings=doc.findings,
        text=source.text if keep or mode == "check" else None,
        new_text=doc.text if keep else None,
        notes=problem_notes(label, doc.problems),
    )  # fmt: skip
    if result.notes and opts.strict:
        left = "file left unchanged" if path else "nothing written"
        what = f"{len(doc.problems)} record(s) left as they were (--strict: {left})"
        result.error, result.changed = f"{label}: {what}", False
        return result
    return result if mode == "check" else _write_back(result, source, doc.text, mode, path)


_WORKER: Resolver | None = None


def _init_worker(options: RunOptions, setup: Callable[[int], None] | None, parent: int) -> None:
    global _WORKER
    if setup is not None:
        setup(parent)
    _WORKER = Resolver(options)


def _work(args: tuple[str, Mode, bool]) -> FileResult:
    assert _WORKER is not None
    name, mode, keep_text = args
    return process_source(name, mode, _WORKER, keep_text=keep_text)


def process_files(
    names: Sequence[str], mode: Mode, resolver: Resolver, *, keep_text: bool, jobs: int = 1
) -> Iterator[FileResult]:
    """`process_source` over the files `names`, yielding results in the
    order given; with ``jobs > 1`` the files are processed in that many
    worker processes."""
    if jobs <= 1 or len(names) < 2:
        for name in names:
            yield process_source(name, mode, resolver, keep_text=keep_text)
        return
    import os
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from arclean.errors import WorkerError

    try:
        with ProcessPoolExecutor(
            max_workers=min(jobs, len(names)),
            initializer=_init_worker,
            initargs=(resolver.options, resolver.worker_setup, os.getpid()),
        ) as pool:
            yield from pool.map(_work, [(n, mode, keep_text) for n in names], chunksize=4)
    except BrokenProcessPool:
        raise WorkerError(
            "a worker process (-j) stopped unexpectedly (killed, or out of memory); "
            "files not reported above may or may not have been fixed: run again"
        ) from None


def run(
    paths: Sequence[str],
    mode: Mode,
    resolver: Resolver,
    *,
    keep_text: bool,
    read_stdin: Callable[[], bytes],
    jobs: int = 1,
) -> Iterator[FileResult]:
    """What happened to each input of `paths` (none, or ``-``: stdin), in the
    order given: folders are walked (`arclean.io.discover.discover`), files
    processed (in parallel with `jobs`), stdin read with `read_stdin` when
    its turn comes, and paths that do not exist reported as errors."""
    from arclean.io.discover import Skipped

    inputs = discover(
        paths,
        resolver.is_excluded,
        force_exclude=resolver.options.force_exclude,
        follow_links=resolver.options.follow_links,
    )
    names = [name for name, problem in inputs if not problem and name != STDIN]
    if resolver.on_inputs is not None:
        resolver.on_inputs(names)
    results = iter(process_files(names, mode, resolver, keep_text=keep_text, jobs=jobs))
    import contextlib

    for name in [n for n, problem in inputs if not problem]:
        # Configurations found but not applied are warned about here, once;
        # a configuration error is reported with the file.
        with contextlib.suppress(ArcleanError):
            resolver.config_for(name)
    for warning in resolver.finder.take_warnings():
        yield FileResult("", warning=warning)
    for name, problem in inputs:
        if isinstance(problem, Skipped):
            yield FileResult(name, warning=problem)
        elif problem:
            yield FileResult(name, error=problem)
        elif name == STDIN:
            yield process_source(STDIN, mode, resolver, keep_text=keep_text, stdin=read_stdin())
        else:
            yield next(results)
