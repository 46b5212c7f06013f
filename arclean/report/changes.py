"""Change listings for people: where each change is, two words of context,
the old and the new text, and the names of the characters when the glyphs
alone would not tell what changed.

Rows are built once (`change_rows`) and rendered plain (`[-old-]{+new+}`, as
git's word diff) or as rich `Text` lines; nothing here prints.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import TYPE_CHECKING, TypedDict

import regex

from arclean.text.display import (
    arabic_char_name,
    buckwalter,
    char_name,
    escape_bidi,
    needs_names,
    visible,
)
from arclean.text.edits import Change, LineIndex

if TYPE_CHECKING:
    from rich.text import Text

_WORDS_BEFORE = regex.compile(r"(?:\S+[^\S\n]+){0,2}\S*\Z")
_WORDS_AFTER = regex.compile(r"\A\S*(?:[^\S\n]+\S+){0,2}")


class ChangeRow(TypedDict):
    """One change, ready to show."""

    #: ``path:line:col`` (1-based line, column in code points) of the change.
    location: str
    #: The codes of the rules that made it, comma-separated (``AR401,AR502``).
    codes: str
    #: Up to two words before and after it on its line, as they were before.
    before: str
    after: str
    #: The text replaced and the text that replaced it (either may be empty).
    old: str
    new: str
    #: ``- U+0640 ARABIC TATWEEL ×3 (تطويل)`` lines (see `name_lines`), or
    #: none when the glyphs tell the change by themselves.
    names: list[str]


def describe(old: str, new: str) -> str:
    """``old → new`` with invisible characters made visible and ``∅`` for an
    empty side."""
    return f"{visible(old) or '∅'} → {visible(new) or '∅'}"


def context(text: str, start: int, end: int) -> tuple[str, str]:
    """Up to two words on each side of ``text[start:end]`` (offsets in code
    points), on its line and within 80 characters of it: ``(before, after)``."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if line_end == -1:
        line_end = len(text)
    before_text = text[max(line_start, start - 80) : start]
    after_text = text[end : min(line_end, end + 80)].rstrip("\r")
    before = _WORDS_BEFORE.search(before_text)
    after = _WORDS_AFTER.search(after_text)
    return (before.group() if before else ""), (after.group() if after else "")


def _common_prefix(a: str, b: str) -> int:
    """How many characters `a` and `b` begin with in common."""
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def name_lines(old: str, new: str, *, arabic: bool = True) -> list[str]:
    """``- U+0640 ARABIC TATWEEL ×3 (تطويل)`` / ``+ ...`` lines: the
    characters removed and added, or every character of both sides when the
    change only reorders them (leaving out what both sides begin and end
    with).  Runs of the same character are shown once
    with a count; the Arabic name (`arclean.chars.arabic_char_name`) comes
    last, after the count, so that it cannot reorder the rest of the line.
    With ``arabic=False``, or for a character with no Arabic name, the line
    ends with the Unicode name (or the count)."""
    entries: list[tuple[str, str]]
    if sorted(old) == sorted(new):
        # Only the reordered middle: what both sides begin and end with stays.
        lead = _common_prefix(old, new)
        trail = _common_prefix(old[lead:][::-1], new[lead:][::-1])
        old, new = old[lead : len(old) - trail], new[lead : len(new) - trail]
        entries = [("-", c) for c in old] + [("+", c) for c in new]
    else:
        # Every removal first, then every addition, as a diff shows them
        # (`قال , و` → `قال، و` lists the comma and the space, then ،).
        matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
        removed: list[tuple[str, str]] = []
        added: list[tuple[str, str]] = []
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                continue
            removed.extend(("-", c) for c in old[i1:i2])
            added.extend(("+", c) for c in new[j1:j2])
        entries = removed + added
    lines: list[str] = []
    count = 0
    for i, (sign, ch) in enumerate(entries):
        count += 1
        if i + 1 < len(entries) and entries[i + 1] == (sign, ch):
            continue
        line = f"{sign} {char_name(ch)}"
        if count > 1:
            line += f" ×{count}"
        local = arabic_char_name(ch) if arabic else None
        if local:
            line += f" ({local})"
        lines.append(line)
        count = 0
    return lines


def change_names(old: str, new: str, *, arabic: bool = True) -> list[str]:
    """`name_lines` for a change that cannot be read off the glyphs
    (`arclean.chars.needs_names`), and no lines for one that can."""
    return name_lines(old, new, arabic=arabic) if needs_names(old, new) else []


def change_rows(
    path: str, text: str, changes: Sequence[Change], *, transliterate: bool = False
) -> list[ChangeRow]:
    """One `ChangeRow` per change of `text` (the text before the changes,
    whose code point offsets the changes carry), labelled with `path`
    (quoted as git quotes a name holding a control character, bidi controls
    named); bidi controls in the context are named too (`escape_bidi`).

    With `transliterate`, the context and both sides are given in Buckwalter
    transliteration (`arclean.chars.buckwalter`) and the name lines leave out
    the Arabic names: a view for terminals that cannot shape Arabic.
    """
    from arclean.report.diff import shown_name

    index = LineIndex(text)
    rows: list[ChangeRow] = []
    path = shown_name(path)  # one line whatever the name holds, as git quotes it
    for change in changes:
        line, col = index.line_col(change.start)
        before, after = context(text, change.start, change.end)
        old, new = change.old, change.new
        names = change_names(old, new, arabic=not transliterate)
        if transliterate:
            before, old, new, after = map(buckwalter, (before, old, new, after))
        # A bidi control in the context would reorder the listing line.
        before, after = escape_bidi(before), escape_bidi(after)
        rows.append(
            {
                "location": f"{path}:{line}:{col}",
                "codes": ",".join(change.codes),
                "before": before,
                "old": old,
                "new": new,
                "after": after,
                "names": names,
            }
        )
    return rows


def render_changes_plain(rows: Sequence[ChangeRow]) -> str:
    """The listing without escape codes, one change a line
    (``path:line:col CODES  before[-old-]{+new+}after``) followed by its
    name lines indented by four spaces.  Text is never reordered for
    display."""
    out: list[str] = []
    for row in rows:
        body = f"{row['before']}[-{visible(row['old'])}-]{{+{visible(row['new'])}+}}{row['after']}"
        out.append(f"{row['location']} {row['codes']}  {body}")
        out.extend(f"    {name}" for name in row["names"])
    return "".join(line + "\n" for line in out)


def render_changes_rich(rows: Sequence[ChangeRow]) -> list[Text]:
    """The same listing as rich `Text` lines, one per printed line: old
    struck through in red, new underlined in green (still marked without
    colour), name lines red for removed and green for added characters."""
    from rich.text import Text

    lines: list[Text] = []
    for row in rows:
        text = Text()
        text.append(row["location"], style="bold")
        text.append(" ")
        text.append(row["codes"], style="cyan")
        text.append("  ")
        text.append(row["before"])
        text.append(visible(row["old"]) or "∅", style="red strike")
        text.append(visible(row["new"]) or "∅", style="green underline")
        text.append(row["after"])
        lines.append(text)
        for name in row["names"]:
            lines.append(Text("    " + name, style="red" if name.startswith("-") else "green"))
    return lines
