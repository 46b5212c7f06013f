"""Elements an author marks as written in another Arabic-script language
(``<div lang="fa">`` in Markdown, ``<lang ur>`` in WebVTT): frozen, as the
HTML format freezes them (`arclean.formats.html`)."""

from __future__ import annotations

import regex

from arclean.chars import lazy_compile
from arclean.formats.html_elements import VOID_ELEMENTS
from arclean.text.language import arabic_language, other_script_language
from arclean.text.spans import Range, merge_ranges, subtract

#: A start tag that may carry a language: an HTML element in Markdown
#: (``<div lang="fa">``, ``<span xml:lang='ur'>``) or a WebVTT language span
#: (``<lang fa>``, ``<lang.loud fa>``).
_START_TAG = r"<([A-Za-z][A-Za-z0-9-]*)(?:\.[\w.-]*)?((?:[ \t\r\n][^<>]*)?)>"
_START_TAG_RE = lazy_compile(_START_TAG)
#: Its ``lang`` attribute: quoted, bare, or an MDX (JSX) expression holding
#: one string (``<Box lang={"fa"}>``, ``<Box lang={`fa`}>``).
_LANG_ATTR_RE = lazy_compile(
    r"""(?:^|\s)(?:xml:)?lang\s*=\s*(?:"([^"]*)"|'([^']*)'"""
    r"""|\{\s*(?:"([^"]*)"|'([^']*)'|`([^`$]*)`)\s*\}|([^\s"'>{]+))""",
    regex.IGNORECASE,
)
_BLANK_LINE_RE = lazy_compile(r"\n[ \t]*\r?\n")


#: What a tag found in Markdown text may be shown in rather than be: an
#: HTML comment, a code span (a run of backticks to the next run as long),
#: and a ``<`` escaped with a backslash; or a start tag, which is markup
#: (the first to start wins, as in CommonMark: the backticks of a tag's
#: ``lang={`fa`}`` start no code span).
#: A code span never crosses a paragraph's end (a blank line).
_NOT_MARKUP_RE = lazy_compile(
    rf"(?P<tag>{_START_TAG})|<!--.*?-->"
    r"|(?<!`)(?P<ticks>`+)(?!`)(?:(?!\n[ \t]*\n).)*?(?<!`)(?P=ticks)(?!`)|\\<",
    regex.DOTALL,
)
_NOT_NEWLINE_RE = lazy_compile(r"[^\n]")
_LANG_RE = lazy_compile(r"lang", regex.IGNORECASE)


def mentions_lang(text: str) -> bool:
    """Could `text` hold a language tag at all (``lang`` in any case)?"""
    return _LANG_RE.search(text) is not None


def shown_not_markup(text: str, code: list[Range]) -> str:
    """`text` with what only shows markup blanked (same length, line breaks
    kept): the ranges `code` (fenced and indented code), HTML comments, code
    spans and escaped ``<``, so that a ``<div lang="fa">`` written as an
    example neither opens nor closes anything."""
    holes = list(code)
    if "<!--" in text or "`" in text or "\\<" in text:
        holes += [m.span() for m in _NOT_MARKUP_RE.finditer(text) if m.group("tag") is None]
    if not holes:
        return text
    pieces, pos = [], 0
    for a, b in merge_ranges(holes):
        pieces += [text[pos:a], _NOT_NEWLINE_RE.sub(" ", text[a:b])]
        pos = b
    pieces.append(text[pos:])
    return "".join(pieces)


def other_language_elements(text: str, whole: bool = False) -> list[Range]:
    """Elements whose author says they are in another Arabic-script language
    (`other_script_language`: Persian, Urdu ...), from the start tag to the
    matching end tag, as sorted code point ranges, less the elements inside
    marked as Arabic, less the elements inside those marked as another
    language again ... (the innermost statement wins): their spelling and
    digits no Arabic rule may touch.  With `whole`, `text` as a whole is in
    another language (front matter ``lang: fa``): all of it, less the
    elements marked as Arabic ...  An element left open ends with its
    paragraph (the next blank line), as a WebVTT span ends with its cue and
    an HTML paragraph with the next block.  Pass Markdown text through
    `shown_not_markup` first."""
    found: list[Range] = [(0, len(text))] if whole and text else []
    if not mentions_lang(text):
        return found
    for m in _START_TAG_RE.finditer(text):
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
        # Elements are painted in the order they start, so that one inside
        # another (it starts later) wins over it.
        if other_script_language(value):
            found = merge_ranges([*found, (m.start(), _element_end(text, tag, m.end()))])
        elif found and m.start() < found[-1][1] and arabic_language(value):
            found = subtract(found, [(m.end(), _element_end(text, tag, m.end()))])  # lang="ar"
    return found


def _element_end(text: str, tag: str, pos: int) -> int:
    """Where the element `tag` opened before `pos` ends: after its end
    tag, or at the next blank line when it is left open.  A self-closed
    tag of the same name (``<Box />``) opens and closes nothing."""
    depth = 1
    tags = regex.compile(rf"<(/?){regex.escape(tag)}(?=[\s>./])[^<>]*?(/?)>", regex.IGNORECASE)
    for m in tags.finditer(text, pos):
        if m.group(2) and not m.group(1):
            continue  # <Box /> or <Box lang="ar" />: no content
        depth += -1 if m.group(1) else 1
        if depth == 0:
            return m.end()
    blank = _BLANK_LINE_RE.search(text, pos)
    return len(text) if blank is None else blank.start()
