"""Large inputs in bounded memory: stdin piped to ``arclean fix``, and
files that ``fix`` rewrites in place.

An input up to `arclean.chunks.limits` bytes (8 MB) is read whole, as
always.  Past it, a first pass (`arclean.stream_counts.FirstPass`) checks
its bytes (strict UTF-8, no NUL byte) and counts what the whole text
decides (AR205's tanween majority, the language, whether it is vowelled
throughout); stdin is spooled to an unnamed temporary file meanwhile, a
file is simply read again.  Nothing is written when that pass finds a
problem, so a bad byte late in the stream gives the same error (exit 2,
its offset and line) and no output, as the whole text would.  The second
pass cleans the text in chunks of whole lines (`arclean.chunks`: never
where a rule's context crosses) with what the whole text decided, with
``-j`` in worker processes, in order: stdin's chunks are written as they
come; a file's go to a temporary file beside it from the first chunk
that changes, which replaces it at the end (`replace_atomic`).

Streamed only: ``fix`` to stdout or in place, UTF-8, nothing listed
(``--diff``, ``--show-changes``, ``--statistics`` need the whole text), and
either plain text without rule files of one's own (a user's pattern may
cross a line) and without a rule that decides over the whole text
(`text-wide`: AR304, AR802), or JSON Lines (``--jsonl``).  Each value of
a record is a text of its own, so JSON Lines are cut at any line break,
with any format and rule, and the records left as they were are counted as
they come (`arclean.jsonl_notes.ProblemTally`).  With ``--strict``, which
writes nothing when any record is bad, stdin's cleaned chunks are held in
a second temporary file and written only at the end, and a file is
replaced only when no record was left as it was.  Nothing here prints or
exits: stdin's chunks go to the `write` callback the command line gives.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import IO, TYPE_CHECKING, Any

from arclean.chunks import BLOCK, limits, line_chunks
from arclean.errors import ArcleanError, InputError
from arclean.io.read import UTF8_BOM
from arclean.jsonl_notes import ProblemTally
from arclean.process import FileResult
from arclean.stream_counts import FirstPass

if TYPE_CHECKING:
    from arclean.api import Cleaner
    from arclean.jsonl import Problem
    from arclean.resolver import Resolver


def streamable(cleaner: Cleaner, resolver: Resolver) -> bool:
    """Can stdin be cleaned in chunks with `cleaner` (see the module's doc)?"""
    opts = resolver.options
    if opts.encoding != "utf-8":
        return False
    if opts.jsonl_fields:
        return True
    return (
        cleaner.settings["format"] == "plain"
        and not cleaner.settings["rule_files"]
        and not any(rule.text_wide for rule in cleaner.rules)
    )


def _spool_blocks(head: bytes, stream: IO[bytes], spool: IO[bytes]) -> Iterator[bytes]:
    """`head`, then the rest of `stream` in blocks, each written to `spool` too."""
    spool.write(head)
    yield head
    while True:
        block = stream.read(BLOCK)
        if not block:
            return
        spool.write(block)
        yield block


def _file_blocks(spool: IO[bytes]) -> Iterator[bytes]:
    spool.seek(0)
    while True:
        block = spool.read(BLOCK)
        if not block:
            return
        yield block


def _with_convention(
    cleaner: Cleaner, convention: str | None, mostly_other: bool | None, vowelled: bool | None
) -> Cleaner:
    """`cleaner`, with AR205 set to `convention` when there is one, and the
    whole stream's language (`mostly_other`) and vowelling (`vowelled`:
    whether its round brackets may quote a verse) decided for every chunk
    (None: each text decides)."""
    if convention is None and mostly_other is None and vowelled is None:
        return cleaner
    import copy

    from arclean.engine import Engine
    from arclean.ruleset.selection import with_options

    fixed = copy.copy(cleaner)
    fixed.rules = [
        with_options(r, {"convention": convention})
        if r.code == "AR205" and convention is not None
        else r
        for r in cleaner.rules
    ]
    fixed.engine = Engine(
        fixed.rules,
        unsafe_fixes=cleaner.unsafe_fixes,
        index=cleaner.index,
        mostly_other=mostly_other,
        vowelled=vowelled,
    )
    fixed._rebuildable = False
    return fixed


_CLEANER: Cleaner | None = None
#: The fields cleaned in each record (``--field``), or () for plain text.
_FIELDS: tuple[str, ...] = ()


def _init_chunks(
    options: Any,
    name: str,
    decided: tuple[str | None, bool | None, bool | None],
    setup: Callable[[int], None] | None,
    parent: int,
) -> None:
    """In a ``-j`` worker: the stream's cleaner, built once, with what the
    whole stream `decided` (`_with_convention`'s arguments)."""
    global _CLEANER, _FIELDS
    from arclean.resolver import Resolver

    if setup is not None:
        setup(parent)
    _FIELDS = tuple(options.jsonl_fields)
    _CLEANER = _with_convention(Resolver(options).cleaner_for(name), *decided)


def _clean_chunk(args: tuple[bytes, int, int]) -> tuple[bytes, bool, int, list[Problem], int, int]:
    """One chunk (with the line breaks and bytes before it) cleaned: its
    bytes, whether it changed, findings left, the JSON Lines records left
    as they were (lines counted in the chunk), and the line breaks and
    bytes before it again."""
    chunk, lines, start = args
    first = start == 0
    cleaner = _CLEANER
    assert cleaner is not None
    bom = first and chunk.startswith(UTF8_BOM)
    text = chunk[len(UTF8_BOM) :].decode("utf-8") if bom else chunk.decode("utf-8")
    problems: list[Problem] = []
    if _FIELDS:
        from arclean.jsonl import fix_document

        doc = fix_document(text, _FIELDS, cleaner, track=False)
        new, changed, left, problems = doc.text, doc.changed, len(doc.findings), doc.problems
    else:
        outcome = cleaner.fix(text, track=False)
        new, changed, left = outcome.text, outcome.changed, len(outcome.findings)
    data = new.encode("utf-8")
    return (UTF8_BOM + data if bom else data), changed, left, problems, lines, start


def stream_stdin(
    stream: IO[bytes],
    write: Callable[[bytes], None],
    resolver: Resolver,
    *,
    jobs: int = 1,
) -> FileResult | bytes:
    """Clean stdin (`stream`) to `write` in chunks when it is larger than the
    limit; otherwise return its bytes, read whole, for `process_source`.
    Never raises `ArcleanError`: a problem is the result's error (with
    nothing written when the first pass finds it)."""
    whole, size = limits()
    head = stream.read(whole + 1)
    if len(head) <= whole:
        return head
    import tempfile  # only for a stream to spool (it imports random, bz2, lzma)

    label = resolver.options.stdin_filename or "-"
    result = FileResult(label)
    tally = ProblemTally()
    try:
        cleaner = resolver.cleaner_for("-")
        first = FirstPass(label, cleaner, bool(resolver.options.jsonl_fields))
        with tempfile.TemporaryFile(prefix="arclean-stdin-") as spool:
            try:
                for chunk in line_chunks(_spool_blocks(head, stream, spool), size, first.records):
                    first.feed(chunk)
            except OSError as exc:
                raise InputError(f"{label}: cannot spool stdin: {exc.strerror}") from None
            del head
            problem = first.error(spool)
            if problem is not None:
                raise problem
            cleaned = _cleaned(spool, "-", cleaner, first, resolver, jobs, result, tally)
            if _strict(resolver):
                # nothing written unless every record was read and cleaned:
                # the output is held in a second temporary file until the end
                with tempfile.TemporaryFile(prefix="arclean-out-") as held:
                    for data, _, _ in cleaned:
                        held.write(data)
                    if len(tally):
                        _refuse(result, label, len(tally), "nothing written")
                    else:
                        for block in _file_blocks(held):
                            write(block)
            else:
                for data, _, _ in cleaned:
                    write(data)
    except ArcleanError as exc:
        from arclean.process import structure_message

        message = structure_message(exc)
        result.error = message if message.startswith(label + ":") else f"{label}: {message}"
    result.notes = tally.notes(label)
    return result


def large_file(name: str, resolver: Resolver) -> bool:
    """Is `name` a file larger than the limit that `stream_file` may fix in
    chunks (`streamable` with its settings)?"""
    whole, _ = limits()
    try:
        return os.path.getsize(name) > whole and streamable(resolver.cleaner_for(name), resolver)
    except (OSError, ArcleanError):
        return False  # reported by process_source


def stream_file(name: str, resolver: Resolver, *, jobs: int = 1) -> FileResult | None:
    """Fix the file `name` in place in chunks, as `stream_stdin` cleans
    stdin, when it is larger than the limit and can be (`streamable`).
    Nothing is written until a chunk changes; then the bytes before it,
    it and the chunks after go to a temporary file beside the file, which
    replaces it at the end (`replace_atomic`: the file is untouched when
    anything goes wrong; one that needs no change is never written, nor
    refused for being read-only).  None when it is not streamed, or when
    the first pass finds a problem (bad bytes, NUL bytes): `process_source`
    then reads it whole and reports it as for any file.  Raises
    `ArcleanError` for no problem: reading or writing, it is the result's
    error."""
    from arclean.io.read import Stamp
    from arclean.io.write import replace_atomic

    whole, size = limits()
    try:
        st = os.stat(name)
        if st.st_size <= whole:
            return None
        cleaner = resolver.cleaner_for(name)
        if not streamable(cleaner, resolver):
            return None
        first = FirstPass(name, cleaner, bool(resolver.options.jsonl_fields))
        with open(name, "rb") as source:
            for chunk in line_chunks(_file_blocks(source), size, first.records):
                first.feed(chunk)
        if first.binary is not None or first.bad:
            return None
    except (OSError, ArcleanError):
        return None  # reported by process_source
    result = FileResult(name, encoding="utf-8")
    tally = ProblemTally()

    try:
        with open(name, "rb") as source, open(name, "rb") as before:
            chunks = _cleaned(source, name, cleaner, first, resolver, jobs, result, tally)
            found = next(((d, s) for d, changed, s in chunks if changed), None)
            strict = _strict(resolver)
            if found is not None:

                def new_bytes() -> Iterator[bytes]:
                    data, start = found
                    while before.tell() < start:  # the bytes no chunk changed
                        yield before.read(min(BLOCK, start - before.tell()))
                    yield data
                    for data, _, _ in chunks:
                        yield data

                def produce(write: Callable[[bytes], None]) -> bool:
                    for data in _read(name, new_bytes()):
                        write(data)
                    return not (strict and len(tally))  # --strict: all or nothing

                result.written = replace_atomic(name, produce, expect=Stamp.of(st))
            if strict and len(tally):  # `chunks` is spent: every record was counted
                _refuse(result, name, len(tally), "file left unchanged")
    except OSError as exc:
        result.error = f"{name}: cannot read: {exc.strerror or exc}; left untouched"
    except ArcleanError as exc:
        from arclean.process import structure_message

        message = structure_message(exc)
        result.error = message if message.startswith(name + ":") else f"{name}: {message}"
    result.notes = tally.notes(name)
    return result


def _strict(resolver: Resolver) -> bool:
    """JSON Lines with ``--strict``: nothing written when a record is bad."""
    return bool(resolver.options.jsonl_fields and resolver.options.strict)


def _refuse(result: FileResult, label: str, count: int, written: str) -> None:
    """`result` refused by ``--strict``, as a file read whole is
    (`arclean.jsonl_notes.strict_refusal`)."""
    from arclean.jsonl_notes import strict_refusal

    result.error = f"{label}: {strict_refusal(count, False, written)}"
    result.changed = False


def _read(name: str, blocks: Iterator[bytes]) -> Iterator[bytes]:
    """`blocks`, with an error reading them said as one (not as an error
    writing what they become)."""
    try:
        yield from blocks
    except OSError as exc:
        raise InputError(f"{name}: cannot read: {exc.strerror or exc}; left untouched") from None


def _cleaned(
    source: IO[bytes],
    name: str,
    cleaner: Cleaner,
    first: FirstPass,
    resolver: Resolver,
    jobs: int,
    result: FileResult,
    tally: ProblemTally,
) -> Iterator[tuple[bytes, bool, int]]:
    """The bytes of `source` (read again from its start: the first pass
    has checked and counted them) cleaned chunk by chunk, in order, with
    ``-j`` in worker processes: each chunk's new bytes, whether they
    changed, and where the chunk began in `source`.  What they did goes to
    `result`, the records left as they were to `tally`."""
    global _CLEANER, _FIELDS
    _, size = limits()
    result.chunked = True
    decided = (first.convention(), first.mostly_other(), first.vowelled())
    _CLEANER = _with_convention(cleaner, *decided)
    _FIELDS = tuple(resolver.options.jsonl_fields)
    # Where round brackets may quote a verse, a chunk keeps their context whole.
    quoted = not first.records and not decided[2]
    chunks = line_chunks(_file_blocks(source), size, first.records, quoted=quoted)

    def work() -> Iterator[tuple[bytes, int, int]]:
        lines = start = 0  # line breaks and bytes before the chunk
        for chunk in chunks:
            yield chunk, lines, start
            lines += chunk.count(b"\n")
            start += len(chunk)

    from arclean.pool import ordered_map

    setup = (resolver.options, name, decided, resolver.worker_setup, os.getpid())
    # no more workers than chunks (-j 60 on 10 MB started 60 processes)
    jobs = max(1, min(jobs, -(-first.offset // size)))
    for data, changed, left, problems, offset, start in ordered_map(
        _clean_chunk, work(), jobs, _init_chunks, setup
    ):
        result.changed = result.changed or changed
        result.findings.extend([_LEFT] * left)
        for record in problems:
            tally.add(record, offset)
        if resolver.progress is not None:
            resolver.progress(min(source.tell(), first.offset), first.offset)
        yield data, changed, start


#: A stand-in for each finding left in a streamed chunk (only their number is reported).
_LEFT: Any = None
