"""A rule's matches in a short window, found by trying each of its positions
with `match` instead of one search that runs on to the end of the line
(`arclean.compiled`): after a window's last match, a search looks at every
position up to the line's end (news lines hold about 400 characters) to learn
that no other match starts inside the window.  Offsets are code points."""

from __future__ import annotations

import re

import regex

#: Positions left in a window are tried one by one when this many times as
#: many are left in its searched line: a failed `match` (with its timeout,
#: which reads the process clock) costs about as much as a search's look
#: at this many positions.
STEP_RATIO = 100

#: Flags under which a search may not give, at each position, what `match`
#: gives there: a reversed search, a best or enhanced fuzzy match, POSIX.
_SEARCH_FLAGS = regex.REVERSE | regex.BESTMATCH | regex.ENHANCEMATCH | regex.POSIX
#: A fuzzy constraint (``{e<=1}``, ``{i+d<2}``, ``{s}``): an error kind, a lone
#: letter e, i, d or s, inside braces (``\N{...}`` names are upper case).
_FUZZY = re.compile(r"\{[^{}]*(?<![A-Za-z])[eids](?![A-Za-z])[^{}]*\}")


def stepwise(pattern: regex.Pattern[str]) -> bool:
    """Does a search of `pattern` find its leftmost match the way trying each
    position in turn with `match` does?  Not with the flags of
    `_SEARCH_FLAGS`, a fuzzy constraint, or ``\\G`` (which holds at a search's
    start only); a doubt answers no."""
    source = pattern.pattern
    return not (pattern.flags & _SEARCH_FLAGS) and "\\G" not in source and not _FUZZY.search(source)


def window_matches(
    pattern: regex.Pattern[str], text: str, start: int, stop: int, end: int, timeout: float
) -> tuple[list[regex.Match[str]], int] | None:
    """The matches ``pattern.finditer(text, start, end)`` gives that start
    before `stop`, for a `stepwise` pattern, and where the text is known to
    hold no later match before (-1: not known).  Each is searched for, as
    the finditer does, except near `stop` (within ``1/STEP_RATIO`` of what
    is left of the line): there each position is tried with
    ``pattern.match(text, position, end)``, which sees the same text, and
    a search that would run on to `end` to find the next match past `stop`
    is not made.  None when a match is empty: the search's own rules for
    empty matches then apply (the caller searches).  `timeout`: seconds,
    for each call (`TimeoutError` past it, as the search raises)."""
    found = []
    position = start
    clear = -1
    while position < stop:
        if (stop - position) * STEP_RATIO < end - position:
            m = pattern.match(text, position, end, timeout=timeout)
            if m is None:
                position += 1
                continue
        else:
            m = pattern.search(text, position, end, timeout=timeout)
            if m is None:
                clear = end
                break
            if m.start() >= stop:
                clear = m.start()
                break
        if m.end() == m.start():
            return None
        found.append(m)
        position = m.end()
    return found, clear
