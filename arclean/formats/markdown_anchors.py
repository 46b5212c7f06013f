"""Markdown headings that in-document links point to.

A renderer gives every heading an automatic anchor made from its text
(GitHub: lower case, punctuation dropped, spaces as ``-``), and a link
``[…](#anchor)`` or a reference definition ``[x]: #anchor`` in the same
document points to it.  A fix to such a heading changes its anchor and
breaks the link, so the formats leave the heading out of prose.  The
comparison is loose (letters, marks and digits only, in lower case, after
URL-decoding the fragment; a GitHub duplicate suffix ``-1`` may follow): it
also matches the anchors of other renderers, and freezing a heading too
many only misses a fix.  A heading with an explicit ``{#id}`` keeps that
anchor whatever its text says: it stays prose.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from arclean.chars import LETTERS_AND_MARKS, lazy_compile

if TYPE_CHECKING:
    from markdown_it.token import Token

_NOT_KEY_RE = lazy_compile(rf"[^{LETTERS_AND_MARKS}\p{{N}}]+")
_DUPLICATE_RE = lazy_compile(r"-\d+\Z")
#: An ``href`` pointing into the document in raw HTML (``<a href="#x">``).
_HTML_HREF_RE = lazy_compile(r"""href[ \t\n]*=[ \t\n]*["']?#([^"'\s>]*)""", flags=0)
#: An explicit anchor at a heading's end (``{#id}``, ``{#id .class}``).
_EXPLICIT_ID_RE = lazy_compile(r"\{#[\w:.-]+(?:[ \t][^{}\n]*)?\}[ \t]*\Z")


def _key(text: str) -> str:
    return _NOT_KEY_RE.sub("", text).casefold()


def _fragment_keys(fragment: str) -> set[str]:
    """The loose keys a URL fragment may name a heading by."""
    decoded = unquote(fragment)
    keys = {_key(decoded)}
    m = _DUPLICATE_RE.search(decoded)
    if m:
        keys.add(_key(decoded[: m.start()]))
    keys.discard("")
    return keys


def link_targets(tokens: list[Token], env: dict[str, Any]) -> set[str]:
    """The loose keys of every in-document fragment (``#…``) that a link, a
    reference definition or an HTML ``href`` in the document points to."""
    keys: set[str] = set()
    for tok in tokens:
        for child in [tok, *(tok.children or [])]:
            if child.type == "link_open":
                href = str(child.attrGet("href") or "")
                if href.startswith("#"):
                    keys |= _fragment_keys(href[1:])
            elif child.type in ("html_inline", "html_block") and "#" in child.content:
                for m in _HTML_HREF_RE.finditer(child.content):
                    keys |= _fragment_keys(m.group(1))
    for ref in env.get("references", {}).values():
        href = str(ref.get("href", ""))
        if href.startswith("#"):
            keys |= _fragment_keys(href[1:])
    return keys


def anchored_headings(tokens: list[Token], env: dict[str, Any]) -> set[int]:
    """Indices in `tokens` of the inline tokens of headings without an
    explicit ``{#id}`` whose automatic anchor a link in the document
    points to (`link_targets`)."""
    targets = link_targets(tokens, env)
    if not targets:
        return set()
    found: set[int] = set()
    for i in range(1, len(tokens)):
        tok = tokens[i]
        if tokens[i - 1].type != "heading_open" or tok.type != "inline":
            continue
        if _EXPLICIT_ID_RE.search(tok.content):
            continue
        text = "".join(
            c.content
            for c in tok.children or []
            if c.type in ("text", "code_inline", "text_special")
        )
        if _key(text) in targets:
            found.add(i)
    return found
