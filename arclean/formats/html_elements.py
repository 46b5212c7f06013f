"""The HTML elements the formats treat apart: frozen (code-like), void, and
those whose start or end closes another.  A module of its own so that
Markdown and WebVTT read them without importing the HTML parser (about
2 ms of a hook's start-up)."""

from __future__ import annotations

#: Elements whose whole content is frozen: scripts, styles, code and what a
#: program reads or writes (``tt`` and the obsolete ``xmp``, ``listing`` and
#: ``plaintext`` set code too; ``var`` names a variable).  Markdown freezes
#: them in its inline HTML as well.
FROZEN_ELEMENTS = frozenset(
    {
        "script",
        "style",
        "pre",
        "code",
        "kbd",
        "samp",
        "tt",
        "var",
        "xmp",
        "listing",
        "plaintext",
        "textarea",
        "svg",
        "math",
    }
)


#: Elements that have no content (HTML's void elements).
VOID_ELEMENTS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param"}
    | {"source", "track", "wbr"}
)
#: Elements whose start ends an open paragraph (HTML's implied ``</p>``).
P_CLOSERS = frozenset(
    {"address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset"}
    | {"figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6"}
    | {"header", "hgroup", "hr", "main", "menu", "nav", "ol", "p", "pre", "section"}
    | {"table", "ul"}
)


#: Starts that end an open element (HTML's implied end tags): a block ends
#: a paragraph, an item the item before it, a cell or row the cell before.
IMPLIED_ENDS = (
    (P_CLOSERS, frozenset({"p"})),
    (frozenset({"li"}), frozenset({"li"})),
    (frozenset({"td", "th", "tr"}), frozenset({"td", "th"})),
    (frozenset({"tr"}), frozenset({"tr"})),
)
#: End tags of blocks: one that closes no frozen element ends an element
#: it holds that is left open (<p><span lang="fa">…</p>).
BLOCK_ENDS = P_CLOSERS | {"li", "td", "th", "tr", "body", "html"}
