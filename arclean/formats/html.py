"""HTML: prose is text data outside code-like elements.

The standard library parser is used with ``convert_charrefs=False`` so that
every piece of text data is the literal source and entities arrive on their
own; `getpos()` plus a line-start table gives exact offsets.
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

from arclean.formats._common import (
    CONTROL_RE,
    Controls,
    NewlineMap,
    compare_frozen,
    line_starts,
    mask_ranges,
)
from arclean.formats.base import StructureChanged
from arclean.formats.html_elements import (
    BLOCK_ENDS,
    FROZEN_ELEMENTS,
    IMPLIED_ENDS,
    VOID_ELEMENTS,
)
from arclean.text.language import arabic_language, other_script_language
from arclean.text.spans import Span, subtract


class _Scanner(HTMLParser):
    """Collects text ranges and a skeleton of everything else."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.starts = line_starts(text)
        self.ranges: list[tuple[int, int]] = []
        self.skeleton: list[tuple[Any, ...]] = []
        self.controls = Controls(text)
        #: The elements open inside a frozen one, each with whether its
        #: content is frozen (empty: prose).
        self.frozen_stack: list[tuple[str, bool]] = []

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.starts[line - 1] + col

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.skeleton.append(("start", tag, tuple(attrs)))
        stack = self.frozen_stack
        for closer, closed in IMPLIED_ENDS:
            if tag in closer and any(t in closed for t, _ in stack):
                # an open p, li or cell ends where this starts, with what it holds
                while stack and stack.pop()[0] not in closed:
                    pass
        if tag in VOID_ELEMENTS:
            return  # no content to freeze (<img lang="fa" alt="…">)
        lang = next((v for k, v in attrs if k in ("lang", "xml:lang") and v), None)
        if tag in FROZEN_ELEMENTS or (lang is not None and other_script_language(lang)):
            # code, or text the author says is Persian, Urdu ... (lang="fa"),
            # whose spelling and digits no Arabic rule may touch
            stack.append((tag, True))
        elif stack:
            # inside: nested elements end before it does; one marked Arabic
            # (lang="ar") is prose again, the innermost statement winning
            arabic = lang is not None and arabic_language(lang)
            stack.append((tag, stack[-1][1] and not arabic))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # A self-closed element has no content to freeze.
        self.skeleton.append(("startend", tag, tuple(attrs)))

    def handle_endtag(self, tag: str) -> None:
        self.skeleton.append(("end", tag))
        stack = self.frozen_stack
        if any(t == tag for t, _ in stack):
            # Close up to the matching element; unclosed inner ones end with it.
            while stack and stack.pop()[0] != tag:
                pass
        elif stack and tag in BLOCK_ENDS:
            stack.clear()  # </p> ends the <span lang="fa"> it holds

    def handle_data(self, data: str) -> None:
        if self.frozen_stack and self.frozen_stack[-1][1]:
            self.skeleton.append(("frozen-data", data))
            return
        if data.isspace():
            return  # layout whitespace between tags: nothing for a rule there
        start = self._offset()
        end = start + len(data)
        if self.text[start:end] == data:
            self.ranges.append((start, end))
        else:  # never guess where text came from
            self.skeleton.append(("unaligned-data", data))

    def handle_entityref(self, name: str) -> None:
        self.skeleton.append(("entity", name))

    def handle_charref(self, name: str) -> None:
        self.skeleton.append(("charref", name))

    def handle_comment(self, data: str) -> None:
        self.skeleton.append(("comment", data))
        if "arclean-" in data:
            start = self._offset()
            m = CONTROL_RE.match(self.text, start)
            if m is not None:
                self.controls.add(m.start(), m.end())

    def handle_decl(self, decl: str) -> None:
        self.skeleton.append(("decl", decl))

    def handle_pi(self, data: str) -> None:
        self.skeleton.append(("pi", data))

    def unknown_decl(self, data: str) -> None:
        self.skeleton.append(("decl", data))


def analyse(text: str) -> tuple[list[Span], list[tuple[Any, ...]]]:
    """Prose spans and structure skeleton of an HTML text."""
    nl = NewlineMap(text)
    scanner = _Scanner(nl.text)
    try:
        scanner.feed(nl.text)
        scanner.close()
    except (AssertionError, ValueError):
        # Older parsers give up on some malformed declarations (``<![``):
        # then nothing is prose and any change at all is refused.
        return [], [("unparsable", text)]
    ranges = subtract(scanner.ranges, mask_ranges(nl.text))
    spans = scanner.controls.spans(ranges)
    if not nl.identity:
        spans = [Span(nl.to_original(s.start), nl.to_original(s.end), s.disabled) for s in spans]
    return spans, scanner.skeleton


class Html:
    """HTML documents and fragments."""

    name = "html"

    def prose_spans(self, text: str) -> list[Span]:
        return analyse(text)[0]

    def verify(self, before: str, after: str) -> None:
        if before == after:
            return
        b_spans, b_skel = analyse(before)
        a_spans, a_skel = analyse(after)
        for x, y in zip(b_skel, a_skel, strict=False):
            if x != y:
                raise StructureChanged(f"html: markup changed: {x!r} became {y!r}")
        if len(a_skel) != len(b_skel):
            raise StructureChanged(
                f"html: the number of tags, comments and entities changed "
                f"({len(b_skel)} -> {len(a_skel)})"
            )
        compare_frozen("html", before, b_spans, after, a_spans)
