"""Large plain text from stdin in bounded memory (``arclean fix`` piped).

Stdin up to `whole_limit` bytes is read whole, as always.  Past it, the
stream is spooled to an unnamed temporary file in the system temp folder
while a first pass checks it (strict UTF-8, no NUL byte) and counts the two
spellings of tanween fatha that AR205's ``majority`` compares; nothing is
written when that pass finds a problem, so a bad byte late in the stream
gives the same error (exit 2, its offset and line) and no output, as the
whole text would.  The second pass cleans the spooled text in chunks cut
where a paragraph begins (after a blank line, before a line that is not
blank) and writes each chunk as it is cleaned, with ``-j`` in worker
processes, in order.  Every default rule keeps to its line, so a chunk
cleaned alone gives what the whole text gives; AR205 gets the convention
the whole stream's counts chose.

Streamed only: ``fix`` to stdout, UTF-8, nothing listed (``--diff``,
``--show-changes``, ``--statistics`` need the whole text), and either plain
text without rule files of one's own (a user's pattern may cross a line)
and without a rule that decides over the whole text (`text-wide`: AR304,
AR802), or JSON Lines (``--jsonl``) without ``--strict`` (which writes
nothing when any record is bad).  Each value of a record is a text of its
own, so JSON Lines are cut at any line break, with any format and rule,
and the records left as they were are counted as they come
(`arclean.jsonl_notes.ProblemTally`).  Nothing here prints or exits: the
chunks go to the `write` callback the command line gives.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import IO, TYPE_CHECKING, Any

from arclean.chunks import BLOCK, limits, line_chunks
from arclean.errors import ArcleanError, InputError
from arclean.io.encodings import UTF16_HINT, left_as_it_was
from arclean.io.read import UTF8_BOM, BinaryFile
from arclean.jsonl_notes import ProblemTally
from arclean.process import FileResult
from arclean.text.language import in_other_language, language_counts

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
        return not opts.strict
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


class _FirstPass:
    """Checks each chunk's bytes and counts AR205's two spellings."""

    def __init__(self, name: str, cleaner: Cleaner, records: bool = False) -> None:
        self.name = name
        self.records = records  # JSON Lines: each value decides for itself
        self.offset = 0  # of the chunk, in the stream
        self.lines = 0  # line breaks before the chunk
        self.before = self.on = 0
        self.head = b""
        self.bad: list[int] = []
        self.bad_count = 0
        self.binary: str | None = None
        self.first_line = 0
        self.tanween = next((r for r in cleaner.rules if r.code == "AR205"), None)
        self.other = self.arabic = 0  # `language_counts` over the stream

    def feed(self, chunk: bytes) -> None:
        start = 0
        if self.offset == 0:
            self.head = chunk[: 65536 + 3]
            start = len(UTF8_BOM) if chunk.startswith(UTF8_BOM) else 0
        if self.binary is None and b"\x00" in chunk:
            hint = ""
            if chunk[1::2].count(0) * 4 > len(chunk) or chunk[0::2].count(0) * 4 > len(chunk):
                hint = UTF16_HINT
            self.binary = f"{self.name}: contains NUL bytes, looks binary or UTF-16{hint}; skipped"
        if self.binary is None:
            try:
                text = chunk[start:].decode("utf-8")
            except UnicodeDecodeError:
                from arclean.io.encodings import _bad_offsets

                offsets, count = _bad_offsets(chunk[start:], "utf-8", self.offset + start)
                if not self.bad:
                    first = offsets[0] - self.offset
                    self.first_line = self.lines + chunk.count(b"\n", 0, first) + 1
                self.bad += offsets[: 5 - len(self.bad)]
                self.bad_count += count
            else:
                if not self.bad and not self.records:
                    self._count(text)
        self.lines += chunk.count(b"\n")
        self.offset += len(chunk)

    def _count(self, text: str) -> None:
        other, arabic = language_counts(text)
        self.other += other
        self.arabic += arabic
        if self.tanween is None or "\u064b" not in text:
            return
        from arclean.builtins.diacritics import tanween_counts
        from arclean.text.masks import protected_ranges
        from arclean.text.spans import Span, subtract_spans

        spans = subtract_spans([Span(0, len(text))], protected_ranges(text))
        before, on = tanween_counts(text, spans)
        self.before += before
        self.on += on

    def error(self, spool: IO[bytes]) -> ArcleanError | None:
        """The error the whole text would raise, if any."""
        if self.binary is not None:
            return BinaryFile(BinaryFile(self.binary).piped())
        if not self.bad:
            return None
        from arclean.io.encodings import cp1256_hint, looks_like_cp1256

        first = self.bad[0]
        spool.seek(first)
        shown = spool.read(4)
        listing = ""
        if len(self.bad) > 1:
            count = max(self.bad_count, len(self.bad))
            more = f" ({count} bad bytes in all)" if count > len(self.bad) else ""
            listing = f" Bad bytes at offsets {', '.join(str(o) for o in self.bad)}{more}."
        start = len(UTF8_BOM) if self.head.startswith(UTF8_BOM) else 0
        if looks_like_cp1256(self.head[start : start + 65536]):
            hint = cp1256_hint()
        else:
            hint = " It looks like damaged UTF-8: fix or remove the bytes at those offsets."
        return InputError(
            f"{self.name}: not valid UTF-8 at byte offset {first} (line {self.first_line}): "
            f"bytes {shown.hex(' ')}; {left_as_it_was(self.name)}.{listing}{hint}"
        )

    def mostly_other(self) -> bool:
        """Is the whole stream in another language of the Arabic script
        (`arclean.text.language.in_other_language`)?"""
        return in_other_language(self.other, self.arabic)

    def convention(self) -> str | None:
        """AR205's convention for the whole stream, when it takes the majority."""
        from arclean.builtins._common import option_choice

        if self.tanween is None:
            return None
        if option_choice(self.tanween, "tanween-fatha-position", "convention") != "majority":
            return None
        if not self.before or not self.on:
            return None  # one form only: the majority changes nothing
        return "on-alef" if self.on > self.before else "before-alef"


def _with_convention(cleaner: Cleaner, convention: str | None, mostly_other: bool) -> Cleaner:
    """`cleaner`, with AR205 set to `convention` when there is one, and the
    whole stream's language (`mostly_other`) decided for every chunk."""
    if convention is None and not mostly_other:
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
    )
    fixed._rebuildable = False
    return fixed


_CLEANER: Cleaner | None = None
#: The fields cleaned in each record (``--field``), or () for plain text.
_FIELDS: tuple[str, ...] = ()


def _init_chunks(
    options: Any,
    name: str,
    convention: str | None,
    mostly_other: bool,
    setup: Callable[[int], None] | None,
    parent: int,
) -> None:
    """In a ``-j`` worker: the stream's cleaner, built once."""
    global _CLEANER, _FIELDS
    from arclean.resolver import Resolver

    if setup is not None:
        setup(parent)
    _FIELDS = tuple(options.jsonl_fields)
    _CLEANER = _with_convention(Resolver(options).cleaner_for(name), convention, mostly_other)


def _clean_chunk(args: tuple[bytes, int]) -> tuple[bytes, bool, int, list[Problem], int]:
    """One chunk (and the line breaks before it) cleaned: its bytes, whether
    it changed, findings left, the JSON Lines records left as they were
    (lines counted in the chunk), and the line breaks before it again."""
    chunk, lines = args
    first = lines == 0
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
    return (UTF8_BOM + data if bom else data), changed, left, problems, lines


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
        first = _FirstPass(label, cleaner, bool(resolver.options.jsonl_fields))
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
            for data in _cleaned(spool, "-", cleaner, first, resolver, jobs, result, tally):
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
    stdin, when it is larger than the limit and can be (`streamable`): its
    new bytes go to a temporary file beside it, which replaces it at the
    end (`replace_atomic`: the file is untouched when nothing changed or
    anything goes wrong).  None when it is not streamed, or when the first
    pass finds a problem (bad bytes, NUL bytes): `process_source` then
    reads it whole and reports it as for any file.  Never raises
    `ArcleanError`: a problem writing is the result's error."""
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
        first = _FirstPass(name, cleaner, bool(resolver.options.jsonl_fields))
        with open(name, "rb") as source:
            for chunk in line_chunks(_file_blocks(source), size, first.records):
                first.feed(chunk)
        if first.binary is not None or first.bad:
            return None
    except (OSError, ArcleanError):
        return None  # reported by process_source
    result = FileResult(name, encoding="utf-8")
    tally = ProblemTally()

    def produce(write: Callable[[bytes], None]) -> bool:
        with open(name, "rb") as source:
            for data in _cleaned(source, name, cleaner, first, resolver, jobs, result, tally):
                write(data)
        return result.changed

    try:
        result.written = replace_atomic(name, produce, expect=Stamp.of(st))
    except OSError as exc:
        result.error = f"{name}: cannot read: {exc.strerror or exc}; left untouched"
    except ArcleanError as exc:
        from arclean.process import structure_message

        message = structure_message(exc)
        result.error = message if message.startswith(name + ":") else f"{name}: {message}"
    result.notes = tally.notes(name)
    return result


def _cleaned(
    source: IO[bytes],
    name: str,
    cleaner: Cleaner,
    first: _FirstPass,
    resolver: Resolver,
    jobs: int,
    result: FileResult,
    tally: ProblemTally,
) -> Iterator[bytes]:
    """The bytes of `source` (read again from its start: the first pass
    has checked and counted them) cleaned chunk by chunk, in order, with
    ``-j`` in worker processes; what they did goes to `result` and the
    records left as they were to `tally`."""
    global _CLEANER, _FIELDS
    _, size = limits()
    convention, other = first.convention(), (not first.records and first.mostly_other())
    _CLEANER = _with_convention(cleaner, convention, other)
    _FIELDS = tuple(resolver.options.jsonl_fields)
    chunks = line_chunks(_file_blocks(source), size, first.records)

    def work() -> Iterator[tuple[bytes, int]]:
        before = 0  # line breaks before the chunk
        for chunk in chunks:
            yield chunk, before
            before += chunk.count(b"\n")

    from arclean.pool import ordered_map

    setup = (resolver.options, name, convention, other, resolver.worker_setup, os.getpid())
    # no more workers than chunks (-j 60 on 10 MB started 60 processes)
    jobs = max(1, min(jobs, -(-first.offset // size)))
    for data, changed, left, problems, offset in ordered_map(
        _clean_chunk, work(), jobs, _init_chunks, setup
    ):
        yield data
        result.changed = result.changed or changed
        result.findings.extend([_LEFT] * left)
        for record in problems:
            tally.add(record, offset)
        if resolver.progress is not None:
            resolver.progress(min(source.tell(), first.offset), first.offset)


#: A stand-in for each finding left in a streamed chunk (only their number is reported).
_LEFT: Any = None
