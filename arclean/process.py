"""Fixing, previewing or checking one input, a file or stdin
(`process_source`), and what happened to it (`FileResult`).

Nothing here prints, exits, or writes anywhere but the file it was given:
the outcome comes back as a `FileResult` for the command line to report,
and the fixed text of stdin comes back as bytes for the command line to
write.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from arclean.errors import ArcleanError
from arclean.io.discover import STDIN

if TYPE_CHECKING:
    from arclean.api import Cleaner
    from arclean.io.read import Source
    from arclean.resolver import Resolver
    from arclean.text.edits import Change, Finding

#: ``fix`` writes files, ``preview`` computes fixes and writes nothing (for
#: ``--check``/``--diff``), ``check`` only reports findings.
Mode = Literal["fix", "preview", "check"]


@dataclass
class FileResult:
    """What happened to one input.

    `text`/`new_text` are the document before and after fixing (kept only
    when asked, or for stdin); `diff` is the unified diff of a changed file
    (`arclean.report.unified_diff`), when asked, computed where the file was
    processed (a ``-j`` worker sends it back instead of both texts);
    `output` is the fixed document encoded as it came, set for stdin in
    ``fix`` mode only (files are written in place, `written` says whether
    this one was).  `error` and `warning` are messages that start with the
    input's name.
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
    #: Skipped for holding NUL bytes (binary, or UTF-16 read as UTF-8): the
    #: `warning` says so; `refuse_named_binary` makes it an error.
    binary: bool = False
    diff: str | None = None
    #: The encoding the input was read in (``utf-8``, ``cp1256``, ...), once read.
    encoding: str | None = None
    #: Cleaned in chunks (`arclean.stream`): `findings` were counted chunk by
    #: chunk, so a quotation left open across a cut may count on both sides.
    chunked: bool = False


def structure_message(exc: Exception) -> str:
    """The message for an error raised while cleaning, explaining a refused file."""
    from arclean.formats import StructureChanged

    message = str(exc)
    if isinstance(exc, StructureChanged):
        message = f"refused: a fix would change more than prose ({message}); left untouched"
    return message


def refuse_named_binary(result: FileResult) -> FileResult:
    """`result` of a file skipped for its NUL bytes (`FileResult.binary`),
    as an error: a file named on the command line is not skipped quietly
    (one found by walking a folder is, with a warning).  Nothing was written."""
    message = (result.warning or result.name).replace("; skipped", "; left untouched")
    return FileResult(
        result.name,
        error=f"{message}. A file named on the command line must be text: if it is "
        "UTF-16, run with --encoding utf-16 or convert it (iconv -f UTF-16 -t UTF-8); "
        "if it is binary, leave it off the command line",
    )


def file_bom(path: str) -> bool | None:
    """Does the file `path` start with a UTF-8 byte order mark (what the
    headers of its diff carry)?  None when it cannot be read."""
    from arclean.io.read import UTF8_BOM

    try:
        with open(path, "rb") as handle:
            return handle.read(3) == UTF8_BOM
    except OSError:
        return None


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
    diff: bool = False,
) -> FileResult:
    """Fix (``mode="fix"``), preview (``"preview"``) or check (``"check"``)
    one input, a file or stdin.

    A file is read from the path `name`, and in ``fix`` mode written back
    atomically when it changed.  For stdin, `name` is ``-`` and `stdin` holds
    its bytes; the result is labelled with ``--stdin-filename`` (or ``-``),
    and in ``fix`` mode carries the fixed bytes in `output` for the caller to
    write.  Changes are recorded, and the texts kept, only with `keep_text`.
    With `diff`, a changed file's unified diff is computed here into
    `FileResult.diff` (for stdin, whose diff the caller makes, the texts are
    kept instead).
    Never raises `ArcleanError`: a binary file is a warning (`binary`; the
    caller makes it an error for a file named on the command line, with
    `refuse_named_binary`), binary stdin an error, any other
    problem (decoding, configuration, a refused structure, writing) an error
    in the result; a bug in arclean while working on one input is that
    input's error (with ``ARCLEAN_DEBUG`` set, or out of memory, it is raised).
    """
    label = (resolver.options.stdin_filename or STDIN) if stdin is not None else name
    try:
        result = _process(name, label, mode, resolver, keep_text or diff, stdin)
        if diff and stdin is None:
            _diff(result, keep_text)
        return result
    except Exception as exc:  # one input never stops the others
        return internal_error(label, exc, "left unchanged" if stdin is None else "nothing written")


def internal_error(label: str, exc: Exception, left: str) -> FileResult:
    """The result of an input on which arclean itself failed (`exc`, a
    bug): its error says so, and what was `left`.  Raises `exc` again with
    ``ARCLEAN_DEBUG`` set, or when it is a `MemoryError`."""
    import os

    if os.environ.get("ARCLEAN_DEBUG") or isinstance(exc, MemoryError):
        raise exc
    return FileResult(
        label,
        error=f"{label}: internal error: {type(exc).__name__}: {exc}; {left}. This is a "
        "bug in arclean; please report it (set ARCLEAN_DEBUG=1 for a traceback)",
    )


def _diff(result: FileResult, keep_text: bool) -> None:
    """`result.diff` of a changed file, its texts and changes dropped unless kept."""
    if result.changed and result.text is not None and result.new_text is not None:
        from arclean.report import unified_diff

        bom = bool(file_bom(result.name))
        result.diff = unified_diff(result.text, result.new_text, result.name, bom=bom)
    if not keep_text:
        result.text = result.new_text = None
        result.changes = []


def _process(
    name: str, label: str, mode: Mode, resolver: Resolver, keep_text: bool, stdin: bytes | None
) -> FileResult:
    from arclean.formats.base import format_notes
    from arclean.io.read import BinaryFile, decode, read_source

    try:
        encoding = resolver.options.encoding
        source = (
            decode(stdin, label, encoding) if stdin is not None else read_source(name, encoding)
        )
        cleaner = resolver.cleaner_for(STDIN if stdin is not None else name)
        if resolver.options.jsonl_fields:
            return _process_jsonl(label, source, cleaner, mode, resolver, keep_text)
        notes = format_notes(cleaner.format, source.text, label)
        if mode == "check":
            findings = cleaner.check(source.text, encoding=source.encoding)
            return FileResult(
                label,
                findings=findings,
                text=source.text,
                changed=any(f.fixable for f in findings),
                notes=notes,
            )
        # Changes are recorded only when someone will look at them.
        outcome = cleaner.fix(source.text, track=keep_text, encoding=source.encoding)
    except BinaryFile as exc:
        if stdin is not None:  # nothing would reach stdout: an error, not a skip
            return FileResult(label, error=exc.piped())
        return FileResult(label, warning=str(exc), binary=True)
    except ArcleanError as exc:
        return FileResult(label, error=_about(label, exc))
    result = FileResult(
        label,
        changed=outcome.changed,
        encoding=source.encoding,
        changes=outcome.changes,
        findings=outcome.findings,
        text=source.text if keep_text else None,
        new_text=outcome.text if keep_text else None,
        notes=notes,
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
    from arclean.jsonl import process
    from arclean.jsonl_notes import problem_notes, strict_refusal

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
        what = strict_refusal(len(doc.problems), mode == "check", left)
        result.error, result.changed = f"{label}: {what}", False
        return result
    return result if mode == "check" else _write_back(result, source, doc.text, mode, path)
