"""The characters of which every match of a `regex` pattern holds one, read
off the pattern (`required_chars`): a rule's exception that needs a
Persian letter (AR109's sentence-wide one) cannot match on a line without
one, so `arclean.text.linestart.lines_matches` passes such a line over
with one `re` class search instead of the pattern's own search (tweets,
678 lines: 12 ms).

The pattern is read with Python's `re` parser (`arclean.text.re_syntax`),
which reads a `regex` pattern alike only where it knows the syntax: a
pattern holding what `regex` reads otherwise or `re` does not know (a
nested set or a set operation, a fuzzy constraint, ``\\p{…}``, a case-
insensitive or verbose flag) gets no answer (None), and so does a shape not known
here.  Offsets are code points."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import regex

from arclean.chars import char_class
from arclean.text.re_syntax import parse

#: The widest set of characters taken as required (a larger one is left:
#: a search for it finds one almost everywhere).
_MAX_CHARS = 256
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


@cache
def required_chars(pattern: regex.Pattern[str]) -> re.Pattern[str] | None:
    """A `re` class search for the characters of which every match of
    `pattern` holds at least one (so no match is empty), or None when that
    cannot be read off the pattern."""
    source = pattern.pattern
    # Case-insensitive (full case folding only counts with it): a class
    # matches more than it lists.
    if pattern.flags & (regex.IGNORECASE | regex.VERBOSE) or not _plain_syntax(source):
        return None
    try:
        parsed = parse(source, re.MULTILINE)
        if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
            return None
    except (re.error, OverflowError, ValueError, AttributeError):
        return None
    chars = _required(list(parsed))
    if not chars:
        return None
    return re.compile(char_class(chars))


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


def _required(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """The fewest characters one of which a match of the parsed sequence
    `items` must hold (one item that must match at least once); None: no
    such item known."""
    best: frozenset[str] | None = None
    for op, value in items:
        chars = _item_chars(str(op), value)
        if chars and (best is None or len(chars) < len(best)):
            best = chars
    return best


def _item_chars(op: str, value: Any) -> frozenset[str] | None:
    """The characters one of which the parsed item ``(op, value)`` must
    match, when it consumes at least one character of a known set."""
    if op == "LITERAL":
        return frozenset(chr(value))
    if op == "IN":
        return _class_chars(value)
    if op in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        low, _high, sub = value
        return _required(list(sub)) if low >= 1 else None
    if op == "SUBPATTERN":
        _group, add_flags, del_flags, sub = value
        if add_flags or del_flags:
            return None
        return _required(list(sub))
    if op == "ATOMIC_GROUP":
        return _required(list(value))
    if op == "BRANCH":
        _none, branches = value
        found: set[str] = set()
        for branch in branches:
            chars = _required(list(branch))
            if not chars:
                return None
            found |= chars
        return frozenset(found) if len(found) <= _MAX_CHARS else None
    return None


def _class_chars(value: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """The characters of a parsed class of literals and ranges (no negation,
    no category such as ``\\d``), up to `_MAX_CHARS`."""
    chars: set[str] = set()
    for kind, item in value:
        name = str(kind)
        if name == "LITERAL":
            chars.add(chr(item))
        elif name == "RANGE" and item[1] - item[0] < _MAX_CHARS:
            chars.update(map(chr, range(item[0], item[1] + 1)))
        else:
            return None
        if len(chars) > _MAX_CHARS:
            return None
    return frozenset(chars)
