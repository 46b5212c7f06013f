"""MDX: the code in a Markdown document that no rule may edit.

ESM blocks (an ``import`` or ``export`` at the start of a line) run to the
first blank line at which their JavaScript is complete: MDX's parser keeps
reading while a bracket, a template literal or a comment is open, so a
function with a blank line inside is code to its end.  JSX tags (their
attributes may hold {expressions} with spaces) and {expressions} are code
too, wherever markdown-it took them for text.  Offsets are code points.
"""

from __future__ import annotations

import regex

from arclean.chars import lazy_compile
from arclean.text.spans import Range, merge_ranges

_ESM_START_RE = lazy_compile(r"^(?:import|export)\b", regex.MULTILINE)
_JSX_RE = lazy_compile(
    r"""
      </?[A-Za-z][\w.:-]*(?:\s(?:[^<>{}]|\{(?:[^{}]|\{[^{}]*\})*\})*)?/?>
    | \{(?:[^{}]|\{[^{}]*\})*\}
    """,
    regex.VERBOSE,
)
#: How far past its first blank line an unbalanced ESM block is followed
#: (characters) before it is taken to end there: a bound on the work.
ESM_MAX_REACH = 20_000
#: The rest of a line is blank (spaces and tabs at most).
_BLANK_REST_RE = lazy_compile(r"[ \t]*(?:\n|\Z)")


def mdx_ranges(src: str) -> list[Range]:
    """Sorted, merged ``(start, end)`` of the ESM blocks (`esm_end`), JSX
    tags and {expressions} of an MDX document `src`."""
    found = [m.span() for m in _JSX_RE.finditer(src)]
    end = 0
    for m in _ESM_START_RE.finditer(src):
        if m.start() >= end:  # not inside the block before
            end = esm_end(src, m.start())
            found.append((m.start(), end))
    return merge_ranges(found)


def esm_end(src: str, start: int) -> int:
    """Where the ESM block starting at `start` ends: the line break before
    the first blank line at which its brackets ((), [], {}) are balanced and
    no template literal or block comment is open (brackets inside string
    literals and comments do not count; a simple scanner: a regular
    expression literal holding a quote or a bracket can mislead it).  When
    the code does not balance (an MDX error) by the end of `src`, or within
    `ESM_MAX_REACH` characters past its first blank line: that blank line
    (the end of `src` when there is none)."""
    stack: list[str] = []
    quote = ""
    first_blank = -1
    i, n = start, len(src)
    while i < n:
        ch = src[i]
        if ch == "\n":
            quote = ""  # a string literal does not run past its line
            if _BLANK_REST_RE.match(src, i + 1):
                if not stack:
                    return i
                first_blank = i if first_blank < 0 else first_blank
                if i - first_blank > ESM_MAX_REACH:
                    break
        elif quote:
            if ch == "\\":
                i += 1
            elif ch == quote:
                quote = ""
        elif stack and stack[-1] == "`":
            if ch == "\\":
                i += 1
            elif ch == "`":
                stack.pop()
            elif src.startswith("${", i):
                stack.append("{")
                i += 1
        elif ch in "'\"":
            quote = ch
        elif ch in "([{`":
            stack.append(ch)
        elif ch in ")]}":
            if stack:
                stack.pop()
        elif src.startswith("//", i):
            i = src.find("\n", i) - 1  # the line break is looked at next
            if i < 0:
                break
        elif src.startswith("/*", i):
            i = src.find("*/", i + 2) + 1
            if i <= 0:
                break
        i += 1
    return first_blank if first_blank >= 0 else n
