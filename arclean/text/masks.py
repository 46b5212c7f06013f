"""What no rule may edit, whatever the format: URLs and e-mail addresses
(not prose), and quotations of the Quran (`arclean.text.quran`: between
ornate parentheses ﴿…﴾ or, as Arabic websites and news quote it, a vowelled
verse between braces {…} or round brackets; a sacred text is quoted exactly
as written, with its own spelling).
Hashtags and mentions (`tag_ranges`) are found here too: the names step
never respells inside them (a respelt tag points to another tag), while the
typography rules still mend them (presentation forms: #ﺎرحل → #ارحل).

The one masker: the engine protects these ranges from every rule (built-ins
get spans without them, so they count for no text-wide decision either), and
the formats freeze them in their structure check.  Offsets are code points.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable

import regex

from arclean.chars import (
    LETTER,
    MENTION_PROCLITICS,
    REGEX_FLAGS,
    TAG_CHAR,
    lazy_compile,
)
from arclean.text.paths import path_ranges
from arclean.text.quran import (
    QURAN_MAX_LINE_BREAKS,
    QURAN_OPENERS,
    pair_ornate,
    quran_apart,
    quran_ranges,
    vowelled_parentheses,
)
from arclean.text.spans import Range, merge_ranges

__all__ = [
    "MENTION_PROCLITICS",
    "QURAN_MAX_LINE_BREAKS",
    "QURAN_OPENERS",
    "ends_with_link",
    "link_ranges",
    "pair_ornate",
    "protected_ranges",
    "quran_apart",
    "quran_ranges",
    "tag_ranges",
    "vowelled_parentheses",
]

# A URL may follow a proclitic (وhttps://...), so only Latin letters and digits
# may not precede it.  They are found from their anchors (://, www., /, @) with
# str.find, which is far faster than scanning every position with one pattern.
# A URL's body stops at white space, quotes and angle brackets, and its last
# character is not sentence punctuation (Latin or Arabic).
# A URL without a scheme is a host name (Latin labels and a top-level domain
# of letters: ar.wikipedia.org, example.com:8080; or localhost, or an IPv4
# address: 192.168.1.1) with a path: the `/` right
# after the host tells it from a word with a full stop (a version, ``a.m``,
# an abbreviation or a file name without a path stays prose).
_HOST = (
    r"(?:(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}"
    r"|localhost|(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d))"
    r"(?::\d{1,5})?/"
)
_URL_BODY = r"""[^\s<>"'«»\u201c\u201d]*[^\s<>"'«»\u201c\u201d.,;:!?،؛؟)\]]"""
_URL_RE = lazy_compile(
    rf"(?:[a-z][a-z0-9+.-]*://|www\.|(?={_HOST}))" + _URL_BODY, REGEX_FLAGS | regex.I
)
_HOST_RE = lazy_compile(_HOST, REGEX_FLAGS | regex.I)
_MAILTO_RE = lazy_compile(r"mailto:[^\s<>]+", REGEX_FLAGS)
_SCHEME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-")
#: Characters that are no Latin letter or digit (`_LATIN_OR_DIGIT` needs
#: not be asked): what usually comes before a URL.
_SPACES = frozenset(" \t\n\r")
#: What a host name is made of: a scheme's characters but `+`.
_HOST_CHARS = _SCHEME_CHARS - {"+"}
# An e-mail domain is Latin (example.com) or, internationalised, Arabic
# (الصحة.مصر): labels of one script, so a Latin address before an Arabic
# word (info@example.com.وقال) does not take the word in as its domain.
# The local part too is of one script: Latin, or Arabic letters (an
# internationalised address, فيسبوك@example.com), with digits and . _ % + -.
_EMAIL_LOCAL_CHARS = (r"[\p{Latin}\d._%+-]", rf"(?:{LETTER}|[\d._%+-])")
_EMAIL_LOCAL_PART = "(?:" + "+|".join(_EMAIL_LOCAL_CHARS) + "+)"
# A domain of Arabic labels may also end with a Latin top-level domain
# (محمد@مثال.com, session 26): each label of one script, the last Latin.
_EMAIL_RE = lazy_compile(
    _EMAIL_LOCAL_PART + r"@(?:[\p{Latin}\d.-]+\.\p{Latin}{2,}"
    rf"|(?:(?:{LETTER}|[\d-])+\.)+(?:[\p{{Latin}}\d-]+\.)*\p{{Latin}}{{2,}}(?![\p{{L}}\d])"
    rf"|(?:(?:{LETTER}|[\d-])+\.)+{LETTER}{{2,}})",
    REGEX_FLAGS,
)
_EMAIL_LOCAL = lazy_compile(_EMAIL_LOCAL_PART + r"\Z", REGEX_FLAGS)
#: One character of an e-mail address's local part (before the ``@``).
_EMAIL_LOCAL_END = lazy_compile("|".join(_EMAIL_LOCAL_CHARS), REGEX_FLAGS)
_LATIN_OR_DIGIT = lazy_compile(r"[\p{Latin}\d]", REGEX_FLAGS)
_TAG_RE = lazy_compile(f"{TAG_CHAR}+", REGEX_FLAGS)
_TAG_CHAR_RE = lazy_compile(TAG_CHAR, REGEX_FLAGS)
#: A blank line: where a paragraph, and so a quotation's pair, ends.


def protected_ranges(text: str, vowelled: bool | None = None) -> list[Range]:
    """Sorted, merged ``(start, end)`` ranges no rule may edit: URLs and
    e-mail addresses (`link_ranges`), file names, paths and host names
    without a path (`arclean.text.paths.path_ranges`) and Quranic quotations
    (`quran_ranges`; `vowelled`: whether a larger text `text` is part of
    is vowelled throughout, see `vowelled_parentheses`)."""
    links = link_ranges(text)
    literals = path_ranges(text, links)
    if literals:
        links = merge_ranges([*links, *literals])
    if not any(opener in text for opener in QURAN_OPENERS):
        return links
    return merge_ranges([*links, *quran_ranges(text, vowelled)])


def tag_ranges(text: str) -> list[Range]:
    """Sorted ``(start, end)`` ranges of the hashtags and mentions in `text`:
    ``#`` or ``@`` and a name of `TAG_CHAR` holding a letter.  A ``#`` may
    be glued to what comes before it (tweets chain tags, ``#مصر#اوباما``,
    and glue them to a word or a full stop, ``و#اوباما``, ``الخبر.#اوباما``),
    but not to ``&`` (an HTML entity, ``&#1575;``).  An ``@`` glued to a
    letter or digit is an e-mail address, not a mention, unless the word
    glued to it is a proclitic alone (`MENTION_PROCLITICS`: و@فيان).  A Markdown heading
    (``# title``), ``#1`` and ``C#`` are no tags."""
    found: list[Range] = []
    for mark in "#@":
        position = text.find(mark)
        while position != -1:
            end = position + 1
            before = position - 1
            if before < 0 or not (
                text[before] == "&"
                or (
                    mark == "@"
                    and _TAG_CHAR_RE.match(text, before)
                    and not _glued_proclitic(text, position)
                )
            ):
                m = _TAG_RE.match(text, end)
                if m and any(ch.isalpha() for ch in m.group()):
                    end = m.end()
                    found.append((position, end))
            position = text.find(mark, end)
    found.sort()
    return found


def _glued_proclitic(text: str, at: int) -> bool:
    """Is the word glued before the ``@`` at `at` a proclitic alone
    (`MENTION_PROCLITICS`, a word of its own before it)?"""
    start = at
    while start > 0 and at - start < 2 and text[start - 1] in "وفلبك":
        start -= 1
    if start > 0 and _TAG_CHAR_RE.match(text, start - 1):
        return False
    return text[start:at] in MENTION_PROCLITICS


#: The longest host name (DNS: 253 characters) and port a scheme-less URL
#: may have: the walk back from its `/` goes no further (a longer run of
#: host characters is no host, and is not matched over and over).
_HOST_MAX = 253 + 6


def _host_start(text: str, slash: int) -> int:
    """Where the host name a `/` at `slash` may close starts: back over
    Latin letters, digits, dots and hyphens, and over a port (``:8080``),
    at most `_HOST_MAX` characters."""
    limit = max(0, slash - _HOST_MAX)
    start = slash
    while start > limit and text[start - 1] in _HOST_CHARS:
        start -= 1
    if start > limit + 1 and text[start - 1] == ":" and text[start:slash].isdigit():
        start -= 1
        while start > limit and text[start - 1] in _HOST_CHARS:
            start -= 1
    return start


#: Candidates `_find` tries one by one before it hands over to `str.find`.
_PROBES = 32


def _find(text: str, needle: str, start: int = 0, key: int = 0) -> int:
    """``text.find(needle, start)``, found through the single character
    ``needle[key]`` (chosen rare in Arabic text): a search for one
    character runs 30 times faster than one for several (books, 4.5
    million characters: 0.07 ms against 2.3 ms when the needle is absent);
    each place it is found is tried, and past `_PROBES` of them `str.find`
    takes over from the last."""
    char = needle[key]
    position = text.find(char, start + key)
    for _ in range(_PROBES):
        if position == -1:
            return -1
        if text.startswith(needle, position - key):
            return position - key
        position = text.find(char, position + 1)
    return -1 if position == -1 else text.find(needle, position - key)


#: The first two letters of ``www.`` in each mix of cases.
_WW = frozenset(("ww", "wW", "Ww", "WW"))


def _www_finder(text: str) -> Callable[[int], int]:
    """``find(position)``: where ``www.`` is next found in `text` at or after
    `position` (-1: nowhere), in any case when the text writes ``WWW.`` or
    ``Www.``, else in lower case only.  Any case is looked for in the text
    itself (lowering a whole news text cost more than all of arclean's
    link search), except in a text holding İ, whose
    lower case is two characters: there the lowered text is searched, its
    offsets as they are."""
    if _find(text, "WWW.") == -1 and _find(text, "Www.") == -1:
        return lambda position: _find(text, "www.", position)
    if "\N{LATIN CAPITAL LETTER I WITH DOT ABOVE}" in text:
        lower = text.lower()
        return lambda position: lower.find("www.", position)
    from bisect import bisect_left

    found: set[int] = set()
    for end in ("w.", "W."):  # found by their last letter and dot: two searches
        position = text.find(end, 2)
        while position != -1:
            if text[position - 2 : position] in _WW:
                found.add(position - 2)
            position = text.find(end, position + 1)
    starts = sorted(found)

    def find(position: int) -> int:
        i = bisect_left(starts, position)
        return starts[i] if i < len(starts) else -1

    return find


def _url_end(text: str, start: int, end: int) -> int:
    """`end`, past the closing parentheses that balance ones the URL
    ``text[start:end]`` opened (``…/wiki/مصر_(توضيح)``: Wikipedia's, which
    Markdown autolinks keep)."""
    if text.find("(", start, end) == -1:
        return end  # nothing opened (most URLs): one search
    opened = text.count("(", start, end) - text.count(")", start, end)
    while opened > 0 and text.startswith(")", end):
        end += 1
        opened -= 1
    return end


def ends_with_link(text: str) -> bool:
    """Does `text` end with a URL or an e-mail address (`link_ranges`)?  A
    file name, path or bare host (`path_ranges`) is no link: the engine
    keeps apart from what follows only a link (`Guard.link_gap`)."""
    links = link_ranges(text)
    return bool(links) and links[-1][1] == len(text)


def link_ranges(text: str) -> list[Range]:
    """Sorted, merged ``(start, end)`` ranges of the URLs (scheme URLs,
    ``www.`` hosts, host names with a path such as ``example.com/a``,
    ``mailto:``) and e-mail addresses in `text`."""
    found: list[Range] = []
    position = _find(text, "://", 0, 1)
    while position != -1:
        start = position
        if position >= 5 and text.startswith("https", position - 5):
            start -= 5  # the usual scheme, passed over at once
        while start > 0 and text[start - 1] in _SCHEME_CHARS:
            start -= 1
        while start < position and not text[start].isalpha():
            start += 1  # a scheme starts with a letter
        after = position + 3
        if start < position and not (
            start and text[start - 1] not in _SPACES and _LATIN_OR_DIGIT.match(text, start - 1)
        ):
            m = _URL_RE.match(text, start)
            if m:
                found.append((m.start(), _url_end(text, m.start(), m.end())))
                # A URL glued to the next one (…/xhttps://…) holds it: look
                # past it, or each glued URL would be matched to the end.
                after = max(after, m.end())
        position = text.find("://", after)  # a text with links: one scan at most
    find_www = _www_finder(text)
    position = find_www(0)
    while position != -1:
        if not (
            position and (_LATIN_OR_DIGIT.match(text, position - 1) or text[position - 1] in "/.")
        ):
            m = _URL_RE.match(text, position)
            if m:
                found.append((m.start(), _url_end(text, m.start(), m.end())))
                position = max(position, m.end() - 4)
        position = find_www(position + 4)
    # Host names with a path: a `/` inside a link found above is passed over.
    known = merge_ranges(found)
    starts = [start for start, _end in known]
    position = text.find("/")
    while position != -1:
        i = bisect_right(starts, position) - 1
        if i >= 0 and position < known[i][1]:
            position = text.find("/", known[i][1])
            continue
        after = position + 1
        start = _host_start(text, position)
        while start < position and not text[start].isalnum():
            start += 1  # a host starts with a letter or digit
        if (
            start < position
            and not (
                start and (_LATIN_OR_DIGIT.match(text, start - 1) or text[start - 1] in "@/_\\%")
            )
            and _HOST_RE.match(text, start, after) is not None
        ):
            m = _URL_RE.match(text, start)
            if m:
                found.append((m.start(), _url_end(text, m.start(), m.end())))
                after = max(after, m.end())
        position = text.find("/", after)
    position = _find(text, "mailto:")
    while position != -1:
        m = _MAILTO_RE.match(text, position)
        if m:
            found.append((m.start(), m.end()))
        position = text.find("mailto:", position + 7)
    position = text.find("@")
    while position != -1:
        # A local part ends at the @: without one of its characters just
        # before it (a mention, `@` after a space), no search is needed.
        local = (
            _EMAIL_LOCAL.search(text, max(0, position - 64), position)
            if position
            and text[position - 1] not in _SPACES  # a mention's: asked of no pattern
            and _EMAIL_LOCAL_END.match(text, position - 1, position)
            else None
        )
        if local:
            m = _EMAIL_RE.match(text, local.start())
            if m:
                found.append((m.start(), m.end()))
        position = text.find("@", position + 1)
    return merge_ranges(found)
