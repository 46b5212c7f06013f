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

Streamed only: ``fix`` to stdout, plain text, UTF-8, without rule files of
one's own (a user's pattern may cross a line) or a rule that decides over
the whole text (`text-wide`: AR304, AR802), nothing listed (``--diff``, ``--show-changes``,
``--statistics`` need the whole text).  Nothing here prints or exits: the
chunks go to the `write` callback the command line gives.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from typing import IO, TYPE_CHECKING, Any

from arclean.errors import ArcleanError, InputError
from arclean.io.encodings import UTF16_HINT, left_as_it_was
from arclean.io.read import UTF8_BOM, BinaryFile
from arclean.process import FileResult
from arclean.text.language import in_other_language, language_counts
from arclean.text.masks import QURAN_MAX_LINE_BREAKS, pair_ornate

if TYPE_CHECKING:
    from arclean.api import Cleaner
    from arclean.resolver import Resolver

#: Stdin up to this many bytes is read whole (`ARCLEAN_STREAM_WHOLE` sets it:
#: for tests and for proving chunked output identical on small files).
WHOLE_LIMIT = 8 * 1024 * 1024
#: The size a chunk grows to before it is cut at the next line break.
CHUNK = 1024 * 1024
_BLOCK = 1024 * 1024


def _limits() -> tuple[int, int]:
    whole = int(os.environ.get("ARCLEAN_STREAM_WHOLE", WHOLE_LIMIT))
    chunk = int(os.environ.get("ARCLEAN_STREAM_CHUNK", CHUNK))
    return whole, max(1, chunk)


def streamable(cleaner: Cleaner, resolver: Resolver) -> bool:
    """Can stdin be cleaned in chunks with `cleaner` (see the module's doc)?"""
    opts = resolver.options
    return (
        cleaner.settings["format"] == "plain"
        and opts.encoding == "utf-8"
        and not opts.jsonl_fields
        and not cleaner.settings["rule_files"]
        and not any(rule.text_wide for rule in cleaner.rules)
    )


def line_chunks(blocks: Iterator[bytes], size: int) -> Iterator[bytes]:
    """The bytes of `blocks` again, cut into chunks of whole lines: each
    chunk ends at the first line break at or past `size` bytes where no
    rule's context crosses (`_cut_at`; the last chunk may be shorter).  A
    line is never cut, however long."""
    pending = bytearray()
    searched = 0  # no place to cut in `pending` before this offset
    for block in blocks:
        pending += block
        while len(pending) >= size:
            cut, searched = _cut_at(pending, max(size - 1, searched))
            if cut is None:
                break
            yield bytes(pending[:cut])
            del pending[:cut]
            searched = 0
    if pending:
        yield bytes(pending)


#: U+FD3E and U+FD3F (ornate parentheses) in UTF-8, and a paragraph break: as
#: `arclean.text.masks.quran_ranges` pairs them, on bytes.
_ORNATE = re.compile(rb"\xef\xb4[\xbe\xbf]")
_BREAK = re.compile(rb"\n[ \t\r]*\n")


def _cut_at(data: bytearray, start: int) -> tuple[int | None, int]:
    """Where to cut `data`: just after the first line break at or past
    `start` such that neither the line before it nor the line after holds
    two spaces in a row (AR502 compares a line's runs of spaces with the
    lines above and below: a table aligned with spaces), and no ornate
    parenthesis waits for its partner in the same paragraph (`quran_ranges`
    would pair it across the cut); and where to look again when there is
    none yet."""
    position = start
    while True:
        newline = data.find(b"\n", position)
        if newline == -1:
            return None, max(position, start)
        cut = newline + 1
        following = data.find(b"\n", cut)
        if following == -1:
            return None, newline  # the line after is not all here yet
        before = data.rfind(b"\n", 0, newline) + 1
        # AR502 reads the lines above and below for runs of spaces (columns).
        spaced = data.find(b"  ", before, newline) != -1 or data.find(b"  ", cut, following) != -1
        if (
            not spaced
            and (data.find(b"\xef\xb4", 0, cut) == -1 or _quotes_closed(data, cut))
            and not _bracket_open(data, cut)
        ):
            return cut, cut
        position = cut


def _bracket_open(data: bytearray, cut: int) -> bool:
    """Does a brace or round bracket opened on the lines a verse may wrap
    over (`QURAN_MAX_LINE_BREAKS` before `cut`) wait for its partner: a
    vowelled verse quoted in {…} or (…) may go on after the cut, and
    `quran_ranges` would not see it whole there.  Cutting a line later is
    always safe, so an unbalanced bracket in prose only moves the cut."""
    start = cut
    for _ in range(QURAN_MAX_LINE_BREAKS + 1):
        start = data.rfind(b"\n", 0, start - 1) + 1
        if start == 0:
            break
    lines = data[start:cut]
    return lines.count(b"{") > lines.count(b"}") or lines.count(b"(") > lines.count(b")")


def _quotes_closed(data: bytearray, cut: int) -> bool:
    """No ornate parenthesis before `cut` waits for a partner after it (the
    pairing of `arclean.text.masks.quran_ranges`, on bytes)."""
    marks = [m.start() for m in _ORNATE.finditer(data, 0, cut)]

    def apart(start: int, end: int) -> bool:
        return (
            data.count(b"\n", start, end) > QURAN_MAX_LINE_BREAKS
            or _BREAK.search(data, start, end) is not None
        )

    _, waiting = pair_ornate(marks, apart, lambda a, b: data.find(b"\n", a, b) == -1)
    return waiting >= len(marks) or apart(marks[waiting], cut)


def _spool_blocks(head: bytes, stream: IO[bytes], spool: IO[bytes]) -> Iterator[bytes]:
    """`head`, then the rest of `stream` in blocks, each written to `spool` too."""
    spool.write(head)
    yield head
    while True:
        block = stream.read(_BLOCK)
        if not block:
            return
        spool.write(block)
        yield block


def _file_blocks(spool: IO[bytes]) -> Iterator[bytes]:
    spool.seek(0)
    while True:
        block = spool.read(_BLOCK)
        if not block:
            return
        yield block


class _FirstPass:
    """Checks each chunk's bytes and counts AR205's two spellings."""

    def __init__(self, name: str, cleaner: Cleaner) -> None:
        self.name = name
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
                if not self.bad:
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


def _init_chunks(
    options: Any,
    convention: str | None,
    mostly_other: bool,
    setup: Callable[[int], None] | None,
    parent: int,
) -> None:
    """In a ``-j`` worker: the stream's cleaner, built once."""
    global _CLEANER
    from arclean.resolver import Resolver

    if setup is not None:
        setup(parent)
    _CLEANER = _with_convention(Resolver(options).cleaner_for("-"), convention, mostly_other)


def _clean_chunk(args: tuple[bytes, bool]) -> tuple[bytes, bool, int]:
    """One chunk cleaned: its bytes, whether it changed, findings left."""
    chunk, first = args
    cleaner = _CLEANER
    assert cleaner is not None
    bom = first and chunk.startswith(UTF8_BOM)
    text = chunk[len(UTF8_BOM) :].decode("utf-8") if bom else chunk.decode("utf-8")
    outcome = cleaner.fix(text, track=False)
    data = outcome.text.encode("utf-8")
    return (UTF8_BOM + data if bom else data), outcome.changed, len(outcome.findings)


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
    whole, size = _limits()
    head = stream.read(whole + 1)
    if len(head) <= whole:
        return head
    import tempfile  # only for a stream to spool (it imports random, bz2, lzma)

    label = resolver.options.stdin_filename or "-"
    result = FileResult(label)
    try:
        cleaner = resolver.cleaner_for("-")
        first = _FirstPass(label, cleaner)
        with tempfile.TemporaryFile(prefix="arclean-stdin-") as spool:
            try:
                for chunk in line_chunks(_spool_blocks(head, stream, spool), size):
                    first.feed(chunk)
            except OSError as exc:
                raise InputError(f"{label}: cannot spool stdin: {exc.strerror}") from None
            del head
            problem = first.error(spool)
            if problem is not None:
                raise problem
            global _CLEANER
            convention, other = first.convention(), first.mostly_other()
            _CLEANER = _with_convention(cleaner, convention, other)
            chunks = line_chunks(_file_blocks(spool), size)
            work = ((chunk, i == 0) for i, chunk in enumerate(chunks))
            from arclean.pool import ordered_map

            setup = (resolver.options, convention, other, resolver.worker_setup, os.getpid())
            # no more workers than chunks (-j 60 on 10 MB started 60 processes)
            jobs = max(1, min(jobs, -(-first.offset // size)))
            for data, changed, left in ordered_map(_clean_chunk, work, jobs, _init_chunks, setup):
                write(data)
                result.changed = result.changed or changed
                result.findings.extend([_LEFT] * left)
    except ArcleanError as exc:
        from arclean.process import structure_message

        message = structure_message(exc)
        result.error = message if message.startswith(label + ":") else f"{label}: {message}"
    return result


#: A stand-in for each finding left in a streamed chunk (only their number is reported).
_LEFT: Any = None
