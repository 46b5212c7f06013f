"""The rule data model: one validated rule (`Rule`), its examples, and the
`Literal` types of its kind, level, safety and languages.

A `Rule` is plain frozen data, built by the loader (`arclean.ruleset.loader`)
from a rule file; only its patterns are compiled, on first use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Literal, get_args

import regex

from arclean.chars import REGEX_FLAGS
from arclean.ruleset.patterns import (
    compile_rule_pattern,
    compile_scan,
    expand_macros,
    expand_trigger,
)

#: What a rule does: a table of replacements, a regex with a replacement, a
#: word list, a named built-in function, or a check that only reports.
Kind = Literal["map", "regex", "words", "builtin", "check"]
#: ``safe`` fixes keep meaning and run by default; ``unsafe`` ones are opt-in.
Safety = Literal["safe", "unsafe"]
#: How a finding is reported.
Level = Literal["error", "warning", "info"]
#: Where a rule acts, by line: "arabic-script" (the default: lines holding an
#: Arabic-script letter), "ar" (such lines that are Arabic, not Persian, Urdu
#: or Kurdish), or "any" (every line, Arabic or not).
Language = Literal["arabic-script", "ar", "any"]

KINDS: tuple[Kind, ...] = get_args(Kind)
SAFETY_LEVELS: tuple[Safety, ...] = get_args(Safety)
LEVELS: tuple[Level, ...] = get_args(Level)
LANGUAGES: tuple[Language, ...] = get_args(Language)


@dataclass(frozen=True)
class Example:
    """``input`` must become ``output``; for a check rule, ``output`` is None
    and ``input`` must raise a finding."""

    input: str
    output: str | None


@dataclass(frozen=True)
class Rule:
    """One validated rule.  Patterns are compiled on first use.

    `path` and `line` say where it was written (line 0: unknown).  Options
    of a built-in are ``(name, value)`` pairs, lists frozen as tuples.
    """

    code: str
    slug: str
    group: str
    kind: Kind
    message: str
    safety: Safety = "safe"
    default: bool = False
    profiles: tuple[str, ...] = ()
    off_in: tuple[str, ...] = ()
    level: Level = "warning"
    description: str = ""
    languages: tuple[Language, ...] = ()
    exceptions: tuple[str, ...] = ()
    examples: tuple[Example, ...] = ()
    keep: tuple[str, ...] = ()
    trigger: str | None = None
    #: Codes of rules this one must not run with (they undo each other).
    conflicts: tuple[str, ...] = ()
    #: Where a check looks: ``prose`` (the default: the format's prose spans,
    #: outside URLs) or ``text`` (the whole text: code, URLs, attributes,
    #: markup, for checks that guard what a reader sees, such as AR602).
    scope: str = "prose"
    #: The rule decides over the whole text (a majority, a word's spellings
    #: across it): a stream is then read whole, not cleaned in chunks.
    text_wide: bool = False
    #: Where the rule can match, for the engine: a pattern of Python's `re`
    #: (MULTILINE) whose matches ("hits") every match of the rule starts
    #: inside, or at most `reach` characters before or after.  The engine
    #: then runs the rule only on windows around the hits; None: everywhere
    #: (a map rule derives it from its keys).  `back`: characters a match
    #: may also hold before a hit (a window starts at the beginning of their
    #: run, so ``,`` with back ``" \t"`` covers ``[ \t]*,``).  Tested on
    #: real text.
    scan: str | None = None
    reach: int = 0
    back: str = ""
    # kind-specific
    pattern: str | None = None
    replace: str | None = None
    mapping: tuple[tuple[str, str], ...] = ()
    before: str | None = None
    after: str | None = None
    words: tuple[tuple[str, str], ...] = ()
    prefixes: tuple[str, ...] = ()
    check: str | None = None
    function: str | None = None
    options: tuple[tuple[str, Any], ...] = ()
    # provenance
    path: str = ""
    line: int = 0

    @property
    def fixes(self) -> bool:
        """True for a rule that changes text (every kind but ``check``)."""
        return self.kind != "check"

    @cached_property
    def trigger_chars(self) -> str | None:
        """Characters of which the text must hold at least one for the rule
        to find anything: the engine skips the rule on a text that has none.
        Declared with `trigger` (``X-Y`` is a range; a literal ``-`` goes
        first or last), or derived from the keys of a map or word list; None
        means "always run"."""
        if self.trigger:
            return expand_trigger(self.trigger)
        if self.kind == "map":
            return "".join(sorted({key[0] for key, _ in self.mapping}))
        if self.kind == "words":
            return "".join(sorted({word[0] for word, _ in self.words}))
        return None

    def option(self, name: str, default: Any = None) -> Any:
        """A built-in's option, as written in the rule file (lists as tuples)."""
        for key, value in self.options:
            if key == name:
                return value
        return default

    @property
    def location(self) -> str:
        """``path:line`` of the rule's ``[[rule]]`` table."""
        return f"{self.path}:{self.line}"

    def belongs_to_other_profile(self, profile: str) -> bool:
        """Is this a rule of another profile only (a search fold seen from the
        default profile)?  Broad selectors (``ALL``, a group, a prefix) leave
        such rules out."""
        return not self.default and bool(self.profiles) and profile not in self.profiles

    def enabled_in(self, profile: str) -> bool:
        """On in `profile`?  Every profile builds on the default one, except
        where a rule says it is `off-in` that profile."""
        if profile in self.off_in:
            return False
        return self.default or profile in self.profiles

    @cached_property
    def compiled(self) -> regex.Pattern[str] | None:
        """The pattern that finds what this rule changes or reports (None for
        a built-in).  Raises `regex.error` for an invalid pattern."""
        return compile_rule_pattern(self)

    @cached_property
    def compiled_scan(self) -> re.Pattern[str] | None:
        """The `scan` pattern compiled with `re` (fast for a class or a
        literal), derived from the keys of a map rule; None: no scan."""
        return compile_scan(self)

    @cached_property
    def compiled_exceptions(self) -> tuple[regex.Pattern[str], ...]:
        """The `exceptions` patterns, compiled: matches they overlap are kept."""
        return tuple(regex.compile(expand_macros(p), REGEX_FLAGS) for p in self.exceptions)


#: The profiles: ``default`` (what an editor accepts) and ``search`` (folds
#: hard for indexes and NLP).
Profile = Literal["default", "search"]
PROFILES: tuple[Profile, ...] = get_args(Profile)
#: The profiles whose output is a search index, not an edited text: their
#: unsafe fixes run by default, and every rule folds Quran quotations too
#: (an index must match an unvowelled query).
INDEX_PROFILES: frozenset[str] = frozenset({"search"})


def freeze(value: Any) -> Any:
    """`value` with lists as tuples and tables as ``(key, value)`` tuples,
    so that it can be hashed and stored in a frozen `Rule`."""
    if isinstance(value, list):
        return tuple(freeze(v) for v in value)
    if isinstance(value, dict):
        return tuple((k, freeze(v)) for k, v in value.items())
    return value
