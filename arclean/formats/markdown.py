"""Markdown: prose is the text of paragraphs, headings, list items, quotes,
table cells, emphasis and link text.

markdown-it-py gives line ranges for blocks but no offsets for inline tokens,
so the text tokens are aligned back to the source with a cursor that steps
over every piece of markup in order (see the notes, §4).  Any surprise during
the alignment of a block protects the whole block: missing an edit is cheap,
editing markup is not.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import regex

from arclean.chars import lazy_compile
from arclean.formats._common import (
    Controls,
    NewlineMap,
    compare_frozen,
    line_starts,
    mask_ranges,
)
from arclean.formats.base import StructureChanged
from arclean.formats.html_elements import FROZEN_ELEMENTS
from arclean.formats.lang_elements import (
    mentions_lang,
    other_language_elements,
    shown_not_markup,
)
from arclean.formats.markdown_align import (
    GAP,
    PREFIX_RE,
    TABLE_GAP,
    Aligner,
    AlignError,
    parser,
)
from arclean.formats.markdown_anchors import anchored_headings
from arclean.formats.markdown_mdx import mdx_ranges
from arclean.formats.markdown_tables import Columns
from arclean.text.language import other_script_language
from arclean.text.spans import Range, Span, subtract

if TYPE_CHECKING:
    from markdown_it.token import Token

#: Front matter: YAML between ``---`` lines (the closer may be ``...``, as
#: in a Pandoc metadata block and a YAML document end) or TOML between
#: ``+++`` lines.
FRONT_MATTER_RE = lazy_compile(
    r"\A(?:---[ \t]*\n(?:.*?\n)??(?:---|\.\.\.)|\+\+\+[ \t]*\n(?:.*?\n)??\+\+\+)[ \t]*(?:\n|\Z)",
    regex.DOTALL,
)
#: The first non-blank line of YAML: ``key:`` or ``key: value`` (a key of
#: one word, or quoted), a comment, a directive or a document marker.
_YAML_START_RE = lazy_compile(
    r"""\A\s*(?:(?:"[^"\n]*"|'[^'\n]*'|[^\s:#'"-][^\s:]*)[ \t]*:(?:[ \t]|$)|[#%]|---|\.\.\.)""",
    regex.MULTILINE,
)


def front_matter_end(text: str) -> int:
    """Where the front matter at the start of `text` ends (0 when there is
    none).  A ``---`` block closed by ``...`` is front matter only when it
    reads as YAML (`_YAML_START_RE`); otherwise the ``---`` is a thematic
    break and the lines after it are prose."""
    fm = FRONT_MATTER_RE.match(text)
    if fm is None:
        return 0
    block = fm.group()
    if block.startswith("---") and block.rstrip().endswith("..."):
        body = block[block.index("\n") + 1 : block.rstrip().rindex("\n") + 1]
        if not _YAML_START_RE.match(body):
            return 0
    return fm.end()


@dataclass
class Analysis:
    """What one pass over a Markdown document found."""

    spans: list[Span]
    front_matter: str
    #: Inline blocks left without spans because alignment failed.
    protected_blocks: int
    skeleton: list[tuple[Any, ...]] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    references: dict[str, tuple[str, str]] = field(default_factory=dict)


def _skeleton_entry(tok: Token) -> tuple[Any, ...]:
    """A token with its prose removed: what must survive a rewrite."""
    content = "" if tok.type in ("text", "inline") else tok.content
    attrs = tuple(sorted((k, str(v)) for k, v in (tok.attrs or {}).items()))
    meta = tuple(sorted((k, str(v)) for k, v in (tok.meta or {}).items()))
    return (tok.type, tok.tag, tok.nesting, tok.markup, tok.info, attrs, content, meta)


_FIELDS = ("token type", "tag", "nesting", "markup", "info string", "attributes", "content")
_ATTR_NAMES = {"href": "link destination", "src": "image source", "title": "link title"}
_CONTENT_NAMES = {
    "code_inline": "code span",
    "code_block": "indented code",
    "fence": "fenced code",
    "html_block": "HTML block",
    "html_inline": "inline HTML",
    "text_special": "escape or entity",
    "image": "image alt text",
}


def _describe(x: tuple[Any, ...], y: tuple[Any, ...]) -> str:
    """Name the first difference between two skeleton entries, for a user."""
    k = next(n for n in range(len(x)) if x[n] != y[n])
    if k == 5:
        old, new = dict(x[5]), dict(y[5])
        key = next(key for key in sorted(set(old) | set(new)) if old.get(key) != new.get(key))
        what = _ATTR_NAMES.get(key, f"attribute {key}")
        return f"{what} ({old.get(key)!r} became {new.get(key)!r})"
    if k == 6:
        what = _CONTENT_NAMES.get(x[0], f"{x[0]} content")
        return f"{what} content ({_clip(x[6])} became {_clip(y[6])})"
    if k == 0:
        return f"markup ({x[0]} became {y[0]})"
    what = _FIELDS[k] if k < len(_FIELDS) else "footnote data"
    return f"{what} of a {x[0]} ({x[k]!r} became {y[k]!r})"


def _clip(s: str, limit: int = 50) -> str:
    return repr(s if len(s) <= limit else s[: limit - 3] + "...")


# One-line scalar values of front-matter keys: YAML `key: value` (quoted or
# plain) and TOML `key = "value"`, without a comment after them (`lang: fa
# # Persian`).  Block scalars, lists and flow values are never prose.
_FRONT_KEY_RE = lazy_compile(
    r"""^(?P<key>[A-Za-z_][\w-]*)[ \t]*(?P<sep>:|=)[ \t]*
        (?: "(?P<dq>[^"\\\n]*)" | '(?P<sq>[^'\n]*)' | (?P<plain>[^\s"'\[\]{}>|&*!%@`#][^\n#]*?) )
        [ \t]* (?: (?<=[ \t]) \# [^\n]* )? $""",
    regex.MULTILINE | regex.VERBOSE,
)


#: A wikilink (Obsidian, Foam, MediaWiki syntax): ``[[page]]``,
#: ``[[page#heading|text]]``; its target names a page, so all of it is frozen.
_WIKILINK_RE = lazy_compile(r"\[\[[^\[\]\n]+\]\]")


#: Inline HTML code-like elements (`FROZEN_ELEMENTS`, as in HTML), from the
#: opening tag to the closing one within a paragraph (no blank line between).
_FROZEN_HTML_RE = lazy_compile(
    rf"<({'|'.join(sorted(FROZEN_ELEMENTS))})(?:[ \t\n][^<>]*)?>"
    r"(?:(?!\n[ \t]*\n).)*?</\1[ \t\n]*>",
    regex.DOTALL | regex.IGNORECASE,
)


def front_matter_values(front: str, keys: Sequence[str]) -> list[tuple[int, int]]:
    """Offsets of the one-line values of `keys` in a front-matter block."""
    return [(start, end) for _key, start, end, _plain in _front_values(front, keys)]


def _front_values(front: str, keys: Sequence[str]) -> list[tuple[str, int, int, bool]]:
    """(key, start, end, is a plain YAML scalar) for each one-line value of `keys`."""
    if not keys:
        return []
    found = []
    for m in _FRONT_KEY_RE.finditer(front):
        if m.group("key") not in keys:
            continue
        if front.startswith("+++") and m.group("sep") != "=":
            continue
        if front.startswith("---") and m.group("sep") != ":":
            continue
        group = next(g for g in ("dq", "sq", "plain") if m.group(g) is not None)
        if m.end(group) > m.start(group):
            plain = group == "plain" and front.startswith("---")
            found.append((m.group("key"), m.start(group), m.end(group), plain))
    return found


#: Rules switched off in a plain YAML value: they could write YAML syntax
#: into it (AR106 puts a space after a colon: ``a:b`` → ``a: b``, a mapping).
YAML_PLAIN_DISABLED = frozenset({"AR106"})
#: What a plain YAML scalar may not hold: a mapping indicator or a comment.
_YAML_SYNTAX_RE = lazy_compile(r":(?:[ \t]|$)| #")


def _yaml_breakers(front: str, keys: Sequence[str]) -> dict[str, int]:
    """For each key, how many YAML indicators (``: ``, a final ``:``, `` #``)
    its plain values hold."""
    counts: dict[str, int] = {}
    for key, start, end, plain in _front_values(front, keys):
        if plain:
            counts[key] = counts.get(key, 0) + len(_YAML_SYNTAX_RE.findall(front[start:end]))
    return counts


def _front_language_other(front: str) -> bool:
    """Does the front matter say the document is in another Arabic-script
    language (``lang: fa``, ``language = "ur"``: Pandoc, Hugo, Jekyll)?"""
    values = _front_values(front, ("lang", "language"))
    return any(other_script_language(front[a:b]) for _key, a, b, _plain in values)


def _mask_front_values(front: str, keys: Sequence[str]) -> str:
    """The front matter with the editable values blanked, for comparison."""
    for start, end in reversed(front_matter_values(front, keys)):
        front = front[:start] + "\0" + front[end:]
    return front


def _with_trailing_whitespace(
    src: str, starts: list[int], first: int, last: int, found: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """`found` (one block's prose ranges, lines `first` to `last - 1`) with
    each range that ends a line's text taking in the spaces and tabs after
    it, so that AR501 may remove them; after markup or code they stay.
    Never a hard line break (two spaces or more on a line the block goes on
    after), which is markup.  (A range grows rather than a new one being
    added: the structure check compares the text between ranges, and a
    range of whitespace alone would vanish with its whitespace.)"""
    grow: dict[int, int] = {}
    for line in range(first, last):
        stop = starts[min(line + 1, len(starts) - 1)]
        if stop > starts[line] and src[stop - 1 : stop] == "\n":
            stop -= 1
        cut = len(src[starts[line] : stop].rstrip(" \t")) + starts[line]
        if cut == stop or (line < last - 1 and src.count(" ", cut, stop) >= 2):
            continue  # nothing to remove, or a hard line break
        grow[cut] = stop
    return [(a, grow.get(b, b)) for a, b in found]


def analyse(
    text: str,
    with_skeleton: bool = False,
    front_matter_keys: Sequence[str] = (),
    mdx: bool = False,
) -> Analysis:
    """Find the prose spans (and optionally the structure) of a Markdown text.
    `front_matter_keys` names front-matter keys whose one-line values are
    prose (none by default: front matter is data)."""
    nl = NewlineMap(text)
    norm = nl.text.replace("\0", "\ufffd")
    base = front_matter_end(norm)
    front = norm[:base]
    src = norm[base:]
    md = parser()
    env: dict[str, Any] = {}
    tokens = md.parse(src, env)
    starts = line_starts(src)
    starts.append(len(src))
    controls = Controls(src)
    aligner = Aligner(md, env, src)
    ranges: list[tuple[int, int]] = []
    protected = 0
    table_cursor: dict[int, int | None] = {}
    in_table = 0
    anchored = anchored_headings(tokens, env)
    columns = Columns()
    for index, tok in enumerate(tokens):
        if in_table or tok.type == "table_open":
            columns.see(tok)
        if tok.type == "table_open":
            in_table += 1
        elif tok.type == "table_close":
            in_table -= 1
        elif tok.type == "html_block" and tok.map and "arclean-" in tok.content:
            controls.add_all_in(starts[tok.map[0]], starts[min(tok.map[1], len(starts) - 1)])
        if tok.type != "inline" or index in anchored:
            continue  # a heading a link points to: its anchor must stay
        if not tok.map:
            # Inline footnotes are re-parsed apart from the source: protect them.
            if tok.children:
                protected += 1
            continue
        first, last = tok.map
        lo, hi = starts[first], starts[min(last, len(starts) - 1)]
        if in_table:
            columns.cell(tok.content)  # a cell counts for its column, prose or not
            # Cells of a row share one line: each starts where the last one ended.
            cursor = table_cursor.get(first, lo)
            if cursor is None:
                protected += 1
                continue
            lo, gap = cursor, TABLE_GAP
        else:
            prefix = PREFIX_RE.match(src, lo, hi)
            assert prefix is not None  # the pattern matches the empty string
            lo, gap = prefix.end(), GAP
        try:
            found, end = aligner.align(tok.children or [], lo, hi, gap, controls)
        except AlignError:
            protected += 1
            if in_table:
                table_cursor[first] = None
            continue
        if in_table:
            table_cursor[first] = end
            columns.prose(found)
        else:
            found = _with_trailing_whitespace(src, starts, first, last, found)
        ranges.extend(found)
    ranges.sort()
    ranges = subtract(ranges, mask_ranges(src))
    other = bool(front) and _front_language_other(front)  # `lang: fa`: all of it
    if (other or mentions_lang(src)) and (lang := _language_elements(src, tokens, starts, other)):
        ranges = subtract(ranges, lang)  # <div lang="fa">…</div>, less <div lang="ar">
    if "[[" in src:
        ranges = subtract(ranges, [m.span() for m in _WIKILINK_RE.finditer(src)])
    if "</" in src:
        ranges = subtract(ranges, [m.span() for m in _FROZEN_HTML_RE.finditer(src)])
    if mdx:
        ranges = subtract(ranges, mdx_ranges(src))
    spans = columns.disable(controls.spans(ranges))
    if front and front_matter_keys and not other:
        values = [
            Span(a - base, b - base, YAML_PLAIN_DISABLED if plain else frozenset())
            for _key, a, b, plain in _front_values(front, front_matter_keys)
        ]
        spans = values + spans
    if base or not nl.identity:
        spans = [
            Span(nl.to_original(s.start + base), nl.to_original(s.end + base), s.disabled)
            for s in spans
        ]
    result = Analysis(spans, front, protected)
    if with_skeleton:
        _fill_skeleton(result, tokens, env)
    return result


def _language_elements(
    src: str, tokens: list[Token], starts: list[int], whole: bool
) -> list[Range]:
    """`other_language_elements` of real HTML only: not of tags shown in
    code, code spans, comments or escaped (`whole`: the document says it is
    in another language)."""
    code = [
        (starts[t.map[0]], starts[min(t.map[1], len(starts) - 1)])
        for t in tokens
        if t.type in ("fence", "code_block") and t.map
    ]
    return other_language_elements(shown_not_markup(src, code), whole)


def _fill_skeleton(result: Analysis, tokens: list[Token], env: dict[str, Any]) -> None:
    line = 0
    for tok in tokens:
        if tok.map:
            line = tok.map[0] + 1
        result.skeleton.append(_skeleton_entry(tok))
        result.lines.append(line)
        for child in tok.children or []:
            result.skeleton.append(_skeleton_entry(child))
            result.lines.append(line)
    result.references = {
        label: (ref.get("href", ""), ref.get("title", ""))
        for label, ref in env.get("references", {}).items()
    }
    footnotes = env.get("footnotes", {})
    for label in sorted(footnotes.get("refs", {})):
        result.references["^" + label] = ("footnote", "")


class Markdown:
    """CommonMark with tables, strikethrough, footnotes and dollar math.
    `front_matter_keys`: front-matter keys whose one-line values are prose."""

    name = "markdown"

    def __init__(self, front_matter_keys: Sequence[str] = (), mdx: bool = False) -> None:
        self.front_matter_keys = tuple(front_matter_keys)
        self.mdx = mdx
        if mdx:
            self.name = "mdx"

    def prose_spans(self, text: str) -> list[Span]:
        return analyse(text, front_matter_keys=self.front_matter_keys, mdx=self.mdx).spans

    def verify(self, before: str, after: str) -> None:
        if before == after:
            return
        keys = self.front_matter_keys
        b = analyse(before, with_skeleton=True, front_matter_keys=keys, mdx=self.mdx)
        a = analyse(after, with_skeleton=True, front_matter_keys=keys, mdx=self.mdx)
        line_offset = b.front_matter.count("\n")
        if _mask_front_values(a.front_matter, keys) != _mask_front_values(b.front_matter, keys):
            raise StructureChanged("markdown: the front matter changed")
        was = _yaml_breakers(b.front_matter, keys)
        for key, count in _yaml_breakers(a.front_matter, keys).items():
            if count > was.get(key, 0):
                raise StructureChanged(
                    f"markdown: front-matter key '{key}' would no longer be valid YAML "
                    "(': ' or ' #' in a plain value)"
                )
        for i, (x, y) in enumerate(zip(b.skeleton, a.skeleton, strict=False)):
            if x != y:
                raise StructureChanged(
                    f"markdown: {_describe(x, y)} changed near line {b.lines[i] + line_offset}"
                )
        if len(a.skeleton) != len(b.skeleton):
            raise StructureChanged(
                f"markdown: the document structure changed ({len(b.skeleton)} tokens "
                f"became {len(a.skeleton)}); a change created or removed markup"
            )
        if a.references != b.references:
            changed = sorted(set(a.references.items()) ^ set(b.references.items()))
            raise StructureChanged(f"markdown: link reference definition [{changed[0][0]}] changed")
        compare_frozen("markdown", before, b.spans, after, a.spans)
