"""The pieces (characters, or strings) of which every match of a `regex`
pattern holds one, read off the pattern (`required_pieces`): a rule's
exception that needs a Persian letter (AR109's sentence-wide one) or a word
(حرف, فقرة) cannot match on a line without one, so
`arclean.text.linestart.lines_matches` passes such a line over with one
`re` search instead of the pattern's own (tweets, 678 lines: 12 ms).

The pattern is read with Python's `re` parser (`arclean.text.re_syntax`),
which reads a `regex` pattern alike only where it knows the syntax: a
pattern holding what `regex` reads otherwise or `re` does not know (a
nested set or a set operation, a fuzzy constraint, a case-insensitive or
verbose flag) gets no answer (None), and so does a shape not known here; a
property (``\\p{L}``) is read as an unknown character.  Offsets are code points."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import regex

from arclean.chars import char_class
from arclean.text.re_syntax import parse

#: The most pieces taken as required (more: a search for them finds one
#: almost everywhere, and costs more).
_MAX_PIECES = 256
#: What `regex` reads otherwise than `re`: a brace that opens no repeat (a
#: fuzzy constraint, ``{e<=1}``) and, inside a class, a nested set or a set
#: operation (VERSION1); escapes (``\\N{…}`` whole) are written as one
#: plain character before these are looked for.
_ESCAPE = re.compile(r"\\N\{[^}]*\}|\\.", re.DOTALL)
_REPEAT = re.compile(r"\{\d*(?:,\d*)?\}")
_SET_OPERATION = re.compile(r"\[|&&|--|\|\||~~")
#: Verbose (``x`` among a group's inline flags) or a comment: white space
#: and ``#`` in a class are read otherwise by the two; such patterns are left.
_VERBOSE = re.compile(r"\(\?[a-zA-Z-]*x|\(\?#")
#: A property (``\\p{L}``, ``\\P{Mn}``, ``\\pL``), which `re` does not
#: know, or another escape (passed over whole).
_PROPERTY = re.compile(r"\\[pP](?:\{[^}]*\}|[A-Za-z])|\\.", re.DOTALL)


@cache
def required_pieces(pattern: regex.Pattern[str]) -> re.Pattern[str] | None:
    """A `re` search for the pieces (characters, or strings of them) of which
    every match of `pattern` holds at least one (so no match is empty), or
    None when none can be read off the pattern.  A property such as
    ``\\p{L}`` stands for one character of a set not known here: it is read
    as a character the pattern does not hold, never taken as required."""
    source = pattern.pattern
    # Case-insensitive (full case folding only counts with it): a class
    # matches more than it lists.
    if pattern.flags & (regex.IGNORECASE | regex.VERBOSE):
        return None
    unknown = next(chr(code) for code in range(0xE000, 0xF900) if chr(code) not in source)
    source = _PROPERTY.sub(lambda m: unknown if m.group()[1] in "pP" else m.group(), source)
    if not _plain_syntax(source):
        return None
    try:
        parsed = parse(source, re.MULTILINE)
        if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
            return None
    except (re.error, OverflowError, ValueError, AttributeError):
        return None
    pieces = _Reader(ord(unknown)).sequence(list(parsed))
    if not pieces:
        return None
    if all(len(piece) == 1 for piece in pieces):
        return re.compile(char_class(pieces))
    longest_first = sorted(pieces, key=lambda piece: (-len(piece), piece))
    return re.compile("|".join(map(re.escape, longest_first)))


def _plain_syntax(source: str) -> bool:
    """Does `source` hold only syntax that `re` reads as `regex` does (as
    far as the characters a match must hold go)?"""
    bare = _ESCAPE.sub("e", source)
    if _VERBOSE.search(bare) or bare.count("{") != len(_REPEAT.findall(bare)):
        return False
    i = bare.find("[")
    while i != -1:
        end = _class_close(bare, i)
        if end == -1 or _SET_OPERATION.search(bare, i + 1, end):
            return False
        i = bare.find("[", end + 1)
    return True


def _class_close(bare: str, i: int) -> int:
    """Where the class opening at ``bare[i]`` closes (escapes dropped): the
    first ``]`` after its first character (a ``]`` first is a literal)."""
    j = i + 1
    if bare.startswith("^", j):
        j += 1
    return bare.find("]", j + 1)


def _better(pieces: frozenset[str], best: frozenset[str] | None) -> bool:
    """Are `pieces` a better test than `best`: a longer shortest piece (a
    rarer string), then fewer pieces?"""
    if best is None:
        return True
    shortest, fewest = min(map(len, pieces)), len(pieces)
    return (shortest, -fewest) > (min(map(len, best)), -len(best))


class _Reader:
    """Reads the required pieces off a parsed pattern; `unknown` is the code
    point standing for a property (a set not known here)."""

    def __init__(self, unknown: int) -> None:
        self.unknown = unknown

    def sequence(self, items: list[tuple[Any, Any]]) -> frozenset[str] | None:
        """The best pieces one of which a match of the parsed sequence
        `items` must hold: an item that must match at least once, or a run
        of literal characters (a string); None: none known."""
        best: frozenset[str] | None = None
        run: list[str] = []
        for op, value in [*items, (None, None)]:
            name = str(op)
            if name == "LITERAL" and value != self.unknown:
                run.append(chr(value))
                continue
            if run and _better(frozenset(["".join(run)]), best):
                best = frozenset(["".join(run)])
            run = []
            pieces = self.item(name, value) if op is not None else None
            if pieces and _better(pieces, best):
                best = pieces
        return best

    def item(self, op: str, value: Any) -> frozenset[str] | None:
        """The pieces one of which the parsed item ``(op, value)`` must
        match, when it consumes at least one character."""
        if op == "LITERAL":
            return frozenset(chr(value)) if value != self.unknown else None
        if op == "IN":
            return self.chars(value)
        if op in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            low, _high, sub = value
            return self.sequence(list(sub)) if low >= 1 else None
        if op == "SUBPATTERN":
            _group, add_flags, del_flags, sub = value
            return None if add_flags or del_flags else self.sequence(list(sub))
        if op == "ATOMIC_GROUP":
            return self.sequence(list(value))
        if op == "BRANCH":
            found: set[str] = set()
            for branch in value[1]:
                pieces = self.sequence(list(branch))
                if not pieces:
                    return None
                found |= pieces
            return frozenset(found) if len(found) <= _MAX_PIECES else None
        return None

    def chars(self, value: list[tuple[Any, Any]]) -> frozenset[str] | None:
        """The characters of a parsed class of literals and ranges (no
        negation, no category such as ``\\d``, no property), up to
        `_MAX_PIECES`."""
        chars: set[str] = set()
        for kind, item in value:
            name = str(kind)
            if name == "LITERAL" and item != self.unknown:
                chars.add(chr(item))
            elif name == "RANGE" and item[1] - item[0] < _MAX_PIECES:
                if item[0] <= self.unknown <= item[1]:
                    return None
                chars.update(map(chr, range(item[0], item[1] + 1)))
            else:
                return None
            if len(chars) > _MAX_PIECES:
                return None
        return frozenset(chars)
