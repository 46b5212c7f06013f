"""Rules that a pattern cannot express, written once in Python and used from
rule files by name (``kind = "builtin"`` with ``function = NAME``, or
``kind = "check"`` with ``check = NAME``), with their settings in
``options``.  Each one is a small documented function: it gets the text, the
spans it may act in and the rule (for its options), and returns replacements
or findings.  Nothing here runs unless a rule file names it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import regex

from arclean.edits import Finding
from arclean.errors import RuleFileError

if TYPE_CHECKING:
    from arclean.formats import Span
    from arclean.ruleset import Rule


@dataclass(frozen=True)
class Builtin:
    """A named function a rule file may use.  `kind` is ``"fix"`` (returns
    replacements) or ``"check"`` (returns findings); `options` gives the type
    of each option it accepts."""

    name: str
    kind: str
    func: Callable[..., Any]
    options: dict[str, type]
    doc: str


BUILTINS: dict[str, Builtin] = {}


def builtin(
    name: str, kind: str, **options: type
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    def register(func: Callable[..., Any]) -> Callable[..., Any]:
        BUILTINS[name] = Builtin(name, kind, func, options, (func.__doc__ or "").strip())
        return func

    return register


_CURLY_PAIRS = (
    "\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}",
    "\N{LEFT SINGLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}",
)


@builtin("unbalanced-pairs", "check", pairs=list)
def unbalanced_pairs(text: str, spans: Sequence[Span], rule: Rule) -> list[Finding]:
    """Quotes and brackets must pair up within a paragraph (a line).  A mark
    whose opening and closing forms are the same (") must come an even number
    of times.  Curly quotes may open with either form, as right-to-left text
    often writes ”…“: the first one on the line decides."""
    pairs = [str(p) for p in rule.option("pairs", ())]
    for pair in pairs:
        if len(pair) != 2:
            raise RuleFileError(
                rule.path, f"pair {pair!r} must be two characters", rule.line, rule.code
            )
    chars = "".join(sorted(set("".join(pairs))))
    if not chars:
        return []
    finder = regex.compile("[" + regex.escape(chars) + "]")
    symmetric = {pair[0] for pair in pairs if pair[0] == pair[1]}
    asymmetric = [pair for pair in pairs if pair[0] != pair[1]]
    findings: list[Finding] = []

    def report(position: int, char: str, what: str) -> None:
        findings.append(
            Finding(position, position + 1, rule.code, f"{rule.message}: {what} {char}", rule.level)
        )

    # Collect the marks per line, so a pair may cross markup but not a paragraph.
    per_line: dict[int, list[tuple[int, str]]] = {}
    for span in spans:
        for m in finder.finditer(text, span.start, span.end):
            line_start = text.rfind("\n", 0, m.start()) + 1
            per_line.setdefault(line_start, []).append((m.start(), m.group()))
    for marks in per_line.values():
        openers = {p[0]: p[1] for p in asymmetric}
        for pair in _CURLY_PAIRS:
            first = next((c for _, c in marks if c in pair), None)
            if first == pair[1] and pair in asymmetric:
                del openers[pair[0]]
                openers[pair[1]] = pair[0]
        closers = {closing: opening for opening, closing in openers.items()}
        stack: list[tuple[str, int]] = []
        counts: dict[str, list[int]] = {}
        for position, char in marks:
            if char in symmetric:
                counts.setdefault(char, []).append(position)
            elif char in openers:
                stack.append((char, position))
            elif stack and stack[-1][0] == closers[char]:
                stack.pop()
            elif any(opener == closers[char] for opener, _ in stack):
                # Close the nearest matching opener; the ones above it are unclosed.
                while stack[-1][0] != closers[char]:
                    opener, where = stack.pop()
                    report(where, opener, "unclosed")
                stack.pop()
            else:
                report(position, char, "unopened")
        for opener, where in stack:
            report(where, opener, "unclosed")
        for char, positions in counts.items():
            if len(positions) % 2:
                report(positions[-1], char, "unpaired")
    findings.sort(key=lambda f: f.start)
    return findings
