"""Markdown inline alignment: markdown-it-py gives line ranges for blocks but
no offsets for inline tokens, so the text tokens are aligned back to the
source with a cursor that steps over every piece of markup in order (see the
notes, §4).  Any surprise raises `AlignError`, and the caller protects the
whole block: missing an edit is cheap, editing markup is not.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import regex

from arclean.chars import lazy_compile
from arclean.formats._common import Controls

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

# Container markers that may precede the first line of a block's inline text:
# block quote markers, list markers, footnote labels, then an ATX heading mark.
PREFIX_RE = lazy_compile(
    r"(?:[ \t>]|[-+*](?=[ \t\n])|\d{1,9}[.)](?=[ \t\n])|\[\^[^\]\n]+\]:)*"
    r"(?:#{1,6}(?=[ \t\n])[ \t]*)?"
)
_FOOTNOTE_REF_RE = lazy_compile(r"\[\^[^\]\s]*\]")
GAP = " \t\n>"
TABLE_GAP = " \t\n>|"

_MD: MarkdownIt | None = None


def parser() -> MarkdownIt:
    """The one configured parser (built on first use: markdown-it is slow to import)."""
    global _MD
    if _MD is None:
        from markdown_it import MarkdownIt
        from mdit_py_plugins.dollarmath import dollarmath_plugin
        from mdit_py_plugins.footnote import footnote_plugin

        md = MarkdownIt("commonmark", {"linkify": False})
        md.enable(["table", "strikethrough"])
        md.use(footnote_plugin)
        md.use(dollarmath_plugin, double_inline=True)
        # text_join would merge escapes and entities into text tokens.
        md.disable("text_join")
        _MD = md
    return _MD


class AlignError(Exception):
    """The tokens of a block could not be matched to its source."""


class Aligner:
    """Steps a cursor through the source of one inline token."""

    def __init__(self, md: MarkdownIt, env: dict[str, Any], src: str) -> None:
        self.md = md
        self.env = env
        self.src = src
        self._state: Any = None

    def _label_end(self, start: int, hi: int, nested: bool) -> int:
        """Offset of the `]` closing the `[` at `start`, as markdown-it finds it."""
        from markdown_it.rules_inline import StateInline

        if self._state is None or self._state.posMax != hi:
            self._state = StateInline(self.src, self.md, self.env, [])
            self._state.posMax = hi
        end = self.md.helpers.parseLinkLabel(self._state, start, not nested)
        if end < 0:
            raise AlignError("unclosed link label")
        return end

    def _expect(self, s: str, pos: int, hi: int, gap: str) -> int:
        """Skip gap characters, then require `s`; return the offset of `s`."""
        j = pos
        src = self.src
        while j < hi and src[j] in gap:
            j += 1
        if not s or not src.startswith(s, j, hi):
            raise AlignError(f"expected {s!r}")
        return j

    def _skip_ws(self, p: int, hi: int) -> int:
        while p < hi and self.src[p] in " \t\n":
            p += 1
        return p

    def _link_tail(self, pos: int, hi: int) -> tuple[int, str]:
        """Step over what follows a link's `]`: ``(dest "title")``, ``[label]``,
        ``[]`` or nothing.  Mirrors markdown-it's link rule."""
        from markdown_it.common.utils import normalizeReference

        src, md = self.src, self.md
        if pos < hi and src[pos] == "(":
            p = self._skip_ws(pos + 1, hi)
            res = md.helpers.parseLinkDestination(src, p, hi)
            if res.ok and md.validateLink(md.normalizeLink(res.str)):
                p = res.pos
            start = p
            p = self._skip_ws(p, hi)
            title = md.helpers.parseLinkTitle(src, p, hi)
            if p < hi and start != p and title.ok:
                p = self._skip_ws(title.pos, hi)
            if p < hi and src[p] == ")":
                return p + 1, "inline"
        if pos < hi and src[pos] == "[":
            end = self._label_end(pos, hi, nested=True)
            label = src[pos + 1 : end]
            if not label:
                return end + 1, "collapsed"
            if normalizeReference(label) in self.env.get("references", {}):
                return end + 1, "full"
        return pos, "shortcut"

    def align(
        self, children: list[Token], lo: int, hi: int, gap: str, controls: Controls
    ) -> tuple[list[tuple[int, int]], int]:
        """Prose ranges of one inline token whose source starts at `lo`; also the
        offset just past its last piece."""
        src = self.src
        pos = lo
        out: list[tuple[int, int]] = []
        links: list[tuple[int, int]] = []  # (len(out) at link_open, label end)
        in_autolink = False
        for c in children:
            t = c.type
            if t == "text":
                if in_autolink or not c.content:
                    continue
                j = src.find(c.content, pos, hi)
                if j < 0:
                    if "|" in c.content and "|" in gap:
                        pos = self._escaped_pipes(c.content, pos, hi, gap, out)
                        continue
                    raise AlignError(f"text {c.content!r} not found")
                if src[pos:j].strip(gap):
                    raise AlignError(f"text {c.content!r} found after markup")
                out.append((j, j + len(c.content)))
                pos = j + len(c.content)
            elif t == "text_special":
                pos = self._expect(c.markup, pos, hi, gap) + len(c.markup)
            elif t in ("softbreak", "hardbreak"):
                j = src.find("\n", pos, hi)
                if j < 0 or src[pos:j].strip(" \t\\") or src.count("\\", pos, j) > 1:
                    raise AlignError("line break not found")
                pos = j + 1
            elif t == "code_inline":
                j = self._expect(c.markup, pos, hi, gap) + len(c.markup)
                tick = regex.compile(r"(?<!`)" + c.markup + r"(?!`)")
                m = tick.search(src, j, hi)
                if m is None:
                    raise AlignError("code span not closed")
                pos = m.end()
            elif t in ("em_open", "em_close", "strong_open", "strong_close", "s_open", "s_close"):
                pos = self._expect(c.markup, pos, hi, gap) + len(c.markup)
            elif t == "link_open":
                if c.markup == "autolink":
                    j = self._expect("<", pos, hi, gap)
                    k = src.find(">", j, hi)
                    if k < 0:
                        raise AlignError("autolink not closed")
                    pos = k + 1
                    in_autolink = True
                else:
                    j = self._expect("[", pos, hi, gap)
                    links.append((len(out), self._label_end(j, hi, nested=False)))
                    pos = j + 1
            elif t == "link_close":
                if in_autolink:
                    in_autolink = False
                    continue
                if not links:
                    raise AlignError("unbalanced link")
                mark, end = links.pop()
                if end < pos or src[pos:end].strip(gap):
                    raise AlignError("link text misaligned")
                pos, kind = self._link_tail(end + 1, hi)
                if kind in ("collapsed", "shortcut"):
                    # The text of [text] and [text][] is the reference label.
                    del out[mark:]
            elif t == "image":
                j = self._expect("![", pos, hi, gap)
                end = self._label_end(j + 1, hi, nested=True)
                pos, _ = self._link_tail(end + 1, hi)
            elif t == "html_inline":
                j = self._expect(c.content, pos, hi, gap)
                pos = j + len(c.content)
                if "arclean-" in c.content:
                    controls.add(j, pos)
            elif t == "footnote_ref":
                j = self._skip_gap(pos, hi, gap)
                if src.startswith("^[", j, hi):
                    pos = self._label_end(j + 1, hi, nested=True) + 1
                else:
                    m = _FOOTNOTE_REF_RE.match(src, j, hi)
                    if m is None:
                        raise AlignError("footnote reference not found")
                    pos = m.end()
            elif t in ("math_inline", "math_inline_double"):
                j = self._expect(c.markup, pos, hi, gap) + len(c.markup)
                k = src.find(c.content, j, hi)
                if k < 0 or src[j:k].strip():
                    raise AlignError("math not found")
                pos = self._expect(c.markup, k + len(c.content), hi, " \t\n") + len(c.markup)
            else:
                raise AlignError(f"unexpected inline token {t}")
        if links or in_autolink:
            raise AlignError("unclosed link")
        return out, pos

    def _skip_gap(self, pos: int, hi: int, gap: str) -> int:
        while pos < hi and self.src[pos] in gap:
            pos += 1
        return pos

    def _escaped_pipes(
        self, content: str, pos: int, hi: int, gap: str, out: list[tuple[int, int]]
    ) -> int:
        """A table cell's text where ``\\|`` became ``|``: match it with the
        backslashes and keep them out of the prose."""
        pattern = r"\\?\|".join(regex.escape(p) for p in content.split("|"))
        m = regex.compile(pattern).search(self.src, pos, hi)
        if m is None or self.src[pos : m.start()].strip(gap):
            raise AlignError("table cell text not found")
        start = m.start()
        for k in range(m.start(), m.end()):
            if self.src[k] == "\\" and k + 1 < m.end() and self.src[k + 1] == "|":
                if k > start:
                    out.append((start, k))
                start = k + 1
        if m.end() > start:
            out.append((start, m.end()))
        return m.end()
