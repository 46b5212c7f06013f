"""Elements an author marks as written in another Arabic-script language
(``<div lang="fa">`` in Markdown, ``<lang ur>`` in WebVTT): frozen, as the
HTML format freezes them (`arclean.formats.html`)."""

from __future__ import annotations

import regex

from arclean.chars import lazy_compile
from arclean.formats.html import VOID_ELEMENTS
from arclean.text.language import other_script_language
from arclean.text.spans import Range

#: A start tag that may carry a language: an HTML element in Markdown
#: (``<div lang="fa">``, ``<span xml:lang='ur'>``) or a WebVTT language span
#: (``<lang fa>``, ``<lang.loud fa>``).
_START_TAG_RE = lazy_compile(r"<([A-Za-z][A-Za-z0-9-]*)(?:\.[\w.-]*)?((?:[ \t\r\n][^<>]*)?)>")
_LANG_ATTR_RE = lazy_compile(
    r"""(?:^|\s)(?:xml:)?lang\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", regex.IGNORECASE
)
_BLANK_LINE_RE = lazy_compile(r"\n[ \t]*\r?\n")


def other_language_elements(text: str, unclosed_ends_cue: bool = False) -> list[Range]:
    """Elements whose author says they are in another Arabic-script language
    (`other_script_language`: Persian, Urdu ...), from the start tag to the
    matching end tag, as sorted code point ranges: their spelling and digits
    no Arabic rule may touch.  An element left open runs to the end of the
    text, or with `unclosed_ends_cue` (WebVTT, whose spans end with their
    cue) to the next blank line."""
    if "lang" not in text and "LANG" not in text and "Lang" not in text:
        return []
    found: list[Range] = []
    for m in _START_TAG_RE.finditer(text):
        if found and m.start() < found[-1][1]:
            continue  # inside an element already frozen
        tag, rest = m.group(1), m.group(2)
        if tag.lower() in VOID_ELEMENTS or rest.endswith("/"):
            continue  # no content (<img lang="fa" alt="…">, <span lang="fa"/>)
        if tag.lower() == "lang" and rest.strip():
            value = rest.split()[0]  # WebVTT: <lang fa>
        else:
            attr = _LANG_ATTR_RE.search(rest)
            if attr is None:
                continue
            value = next(g for g in attr.groups() if g is not None)
        if not other_script_language(value):
            continue
        found.append((m.start(), _element_end(text, tag, m.end(), unclosed_ends_cue)))
    return found


def _element_end(text: str, tag: str, pos: int, unclosed_ends_cue: bool) -> int:
    """Where the element `tag` opened before `pos` ends (after its end tag)."""
    depth = 1
    tags = regex.compile(rf"<(/?){regex.escape(tag)}(?=[\s>./])[^<>]*>", regex.IGNORECASE)
    for m in tags.finditer(text, pos):
        depth += -1 if m.group(1) else 1
        if depth == 0:
            return m.end()
    if unclosed_ends_cue:
        blank = _BLANK_LINE_RE.search(text, pos)
        if blank is not None:
            return blank.start()
    return len(text)
