"""Rule patterns: the macros (``{letter}``, ``{mark}`` ...), triggers, and
the one regex each rule compiles to.  Depends on `arclean.chars`,
`arclean.text.mentions` and `arclean.text.clauses` only."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

import regex

from arclean.chars import PATTERN_MACROS, REGEX_FLAGS, lazy_compile
from arclean.text.clauses import CLAUSE_MACROS
from arclean.text.mentions import MENTION_MACROS

if TYPE_CHECKING:
    from arclean.ruleset.model import Rule


def expand_trigger(trigger: str) -> str:
    """The characters a `trigger` names, ranges (``a-z`` or escaped code points) expanded,
    sorted and without repeats."""
    chars: set[str] = set()
    i = 0
    while i < len(trigger):
        if i + 2 < len(trigger) and trigger[i + 1] == "-":
            chars.update(chr(c) for c in range(ord(trigger[i]), ord(trigger[i + 2]) + 1))
            i += 3
        else:
            chars.add(trigger[i])
            i += 1
    return "".join(sorted(chars))


def expand_macros(pattern: str) -> str:
    """Replace ``{letter}``, ``{mark}`` ... by their classes.  Only these names
    are touched, so ``{2,}`` and other braces keep their regex meaning."""
    # The character classes and patterns of `arclean.chars`, then the cited
    # punctuation of `arclean.text.mentions` (``{named_mark}``), the words
    # of `arclean.text.clauses` that never end a sentence.
    for macros in (PATTERN_MACROS, MENTION_MACROS, CLAUSE_MACROS):
        for name, cls in macros.items():
            pattern = pattern.replace("{" + name + "}", cls)
    return pattern


def _alternation(strings: Iterable[str]) -> str:
    # Longest first, so that a longer key wins over its own prefix.
    return "|".join(regex.escape(s) for s in sorted(set(strings), key=lambda s: (-len(s), s)))


def compile_rule_pattern(rule: Rule) -> regex.Pattern[str] | None:
    """The pattern that finds what `rule` changes or reports: its own
    pattern for a regex rule (or a pattern check), an alternation of the
    keys for a map or words rule, None for a built-in.  Raises
    `regex.error` for an invalid pattern."""
    if rule.kind == "regex" or (rule.kind == "check" and rule.pattern):
        assert rule.pattern is not None
        return regex.compile(expand_macros(rule.pattern), REGEX_FLAGS)
    if rule.kind == "map":
        body = f"(?:{_alternation(k for k, _ in rule.mapping)})"
        before = f"(?<={expand_macros(rule.before)})" if rule.before else ""
        after = f"(?={expand_macros(rule.after)})" if rule.after else ""
        return regex.compile(before + body + after, REGEX_FLAGS)
    if rule.kind == "words":
        word = PATTERN_MACROS["word"]
        prefix = f"(?P<prefix>{_alternation(rule.prefixes)})?" if rule.prefixes else ""
        body = f"(?P<word>{_alternation(k for k, _ in rule.words)})"
        return regex.compile(f"(?<!{word}){prefix}{body}(?!{word})", REGEX_FLAGS)
    return None


#: One escape in a replacement template.
_ESCAPE_RE = lazy_compile(
    r"\\(?:g<(?P<group>[^>]*)>|(?P<open>g<[^>]*\Z)|(?P<number>\d+)|[\\nrtfvab]"
    r"|x(?P<x>[0-9a-fA-F]{2})|u(?P<u>[0-9a-fA-F]{4})|U(?P<U>[0-9a-fA-F]{8})|N\{[^}]+\}"
    r"|(?P<letter>[A-Za-z])|(?P<other>.)|(?P<end>\Z))",
    regex.DOTALL,
)
#: Recursion and group calls ((?R), (?0), (?1), (?&name), (?P>name)): they
#: can take unbounded memory on a short text.
RECURSION_RE = lazy_compile(r"\(\?(?:R|[+-]?\d+|&\w+|P>\w+)\)")


def template_syntax(template: str) -> str | None:
    """An error message if replacement `template` is malformed (a lone
    ``\\`` at the end, an unknown escape such as ``\\q``, an unclosed
    ``\\g<1``) or writes a NUL character (``\\0``, ``\\x00``), else None."""
    if "\0" in template:
        return "the replacement holds a NUL character, which would corrupt the output"
    for m in _ESCAPE_RE.finditer(template):
        if m.group("end") is not None:
            return "the replacement ends with a lone backslash (write \\\\ for a backslash)"
        if m.group("open") is not None:
            return f"'\\{m.group('open')}' in the replacement is not closed with '>'"
        if m.group("letter") is not None:
            return f"unknown escape '\\{m.group('letter')}' in the replacement"
        number = m.group("number")
        if number is not None and number.startswith("0"):
            return (
                f"'\\{number}' in the replacement writes a NUL or control character; "
                "groups are numbered from 1 (\\g<0> is the whole match)"
            )
        code = m.group("x") or m.group("u") or m.group("U")
        if code is not None and int(code, 16) == 0:
            return "the replacement writes a NUL character, which would corrupt the output"
    return None


def compile_scan(rule: Rule) -> re.Pattern[str] | None:
    """The `re` pattern of `rule`'s scan hits: its declared `scan`, or for a
    map rule its keys (every match is one);
    None when the rule declares none.  Raises `re.error` for an invalid one."""
    if rule.scan:
        return re.compile(rule.scan, re.MULTILINE)
    if rule.kind == "map" and rule.mapping:
        keys = sorted({key for key, _ in rule.mapping}, key=lambda k: (-len(k), k))
        if all(len(key) == 1 for key in keys):
            return re.compile("[" + "".join(re.escape(key) for key in keys) + "]")
        return re.compile("|".join(re.escape(key) for key in keys))
    return None


def check_template(pattern: regex.Pattern[str], template: str) -> str | None:
    """An error message if replacement `template` is malformed (see
    `template_syntax`) or refers to a group `pattern` lacks, else None."""
    problem = template_syntax(template)
    if problem:
        return problem
    for ref in regex.finditer(r"\\(\d+)|\\g<(\w+)>", template):
        number, name = ref.group(1), ref.group(2)
        if number is not None and int(number) > pattern.groups:
            return f"replacement refers to group {number}, the pattern has {pattern.groups}"
        if name is not None:
            if name.isdigit():
                if int(name) > pattern.groups:
                    return f"replacement refers to group {name}, the pattern has {pattern.groups}"
            elif name not in pattern.groupindex:
                return f"replacement refers to group <{name}>, which the pattern does not define"
    return None
