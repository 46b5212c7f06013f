"""The first pass over a large stream (`arclean.stream`): its bytes checked
(strict UTF-8, no NUL byte) chunk by chunk, and what the whole text decides
counted (AR205's two tanween spellings, the letters of other languages of
the Arabic script, the harakat), so that every chunk is cleaned as the
whole text would be.  Nothing here prints or exits."""

from __future__ import annotations

from typing import IO, TYPE_CHECKING

from arclean.errors import ArcleanError, InputError
from arclean.io.encodings import UTF16_HINT, left_as_it_was
from arclean.io.read import UTF8_BOM, BinaryFile
from arclean.text.language import in_other_language, language_counts

if TYPE_CHECKING:
    from arclean.api import Cleaner


class FirstPass:
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
        self.length = self.harakat = 0  # characters and harakat, for `vowelled`

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
        from arclean.text.quran import harakat_count

        other, arabic = language_counts(text)
        self.other += other
        self.arabic += arabic
        self.length += len(text)
        self.harakat += harakat_count(text)
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

    def mostly_other(self) -> bool | None:
        """Is the whole stream in another language of the Arabic script
        (`arclean.text.language.in_other_language`)?  None for JSON Lines
        (each value decides)."""
        return None if self.records else in_other_language(self.other, self.arabic)

    def vowelled(self) -> bool | None:
        """Is the whole stream vowelled throughout (its round brackets are
        prose: `arclean.text.quran.vowelled_throughout`)?  None for JSON
        Lines (each value decides)."""
        from arclean.text.quran import vowelled_throughout

        return None if self.records else vowelled_throughout(self.length, self.harakat)

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
