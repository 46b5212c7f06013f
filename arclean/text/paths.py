"""File names, file paths and host names written in prose: literals no rule
may edit (session 26), found for the masker (`arclean.text.masks.protected_ranges`).

- a file name: the word glued to a known extension (`formats.base.FILE_EXTENSIONS`):
  «صورة_فيان.png», and in «تقرير فيدان.pdf» only «فيدان.pdf» (the word before
  the space is prose);
- a host name with a Latin top-level domain (`LATIN_TLDS`), its labels Arabic
  or Latin, with or without a path: «موقع.com», «موقع.com/فيان» (Latin hosts
  with a path are URLs, `masks.link_ranges`);
- a path: Unix («/home/فيان/ملف.txt», «~/ملفات/فيان», two segments at least,
  starting a word) or Windows («C:\\مستندات\\فيان», «\\\\server\\share»).

Plain `re` with a fast pre-check each (a dot before a Latin letter or digit,
a ``/`` or a ``:\\``): a text without them costs one search each.  Offsets
are code points.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from functools import cache

from arclean.chars import MARK_CATEGORY, TATWEEL, ZWJ, ZWNJ, has_arabic_letter
from arclean.text.spans import Range

__all__ = ["LATIN_TLDS", "path_ranges"]

#: Latin top-level domains a host written in prose may end with: the generic
#: ones in common use and the country codes of the Arab states and of the
#: largest others (a two-letter code that is an English word, in, is, it,
#: to, no, is left out: «…Log in.Then» is no host).
LATIN_TLDS = frozenset((
    "com", "net", "org", "edu", "gov", "mil", "int", "info", "biz", "io", "co", "app",
    "dev", "online", "site", "store", "tech", "blog", "news", "tv", "me", "ly", "sa", "eg",
    "ae", "ma", "dz", "tn", "jo", "lb", "kw", "qa", "bh", "om", "iq", "sy", "ye", "ps",
    "sd", "mr", "so", "dj", "km", "uk", "de", "fr", "ru", "tr", "cn", "jp", "ir", "pk",
    "ca", "au", "ch", "nl", "se", "es", "eu",
))  # fmt: skip

#: A full stop glued to a Latin word of up to ten letters or digits: an
#: extension or a top-level domain, asked of the two lists.
_DOT_WORD = re.compile(r"\.([A-Za-z0-9]{1,10})(?![A-Za-z0-9])")
#: A Unix path from its first ``/`` (found by the literal: fast): two
#: segments at least, none empty (not «/قنا/», an agency's tag, nor IPA
#: between slashes); what comes before it is asked apart (`_path_start`).
_UNIX_PATH = re.compile(r"""/[^\s/"'«»<>|]+(?:/[^\s/"'«»<>|]+)+/?""")
#: What may stand before a path's first ``/``: ``~``, ``.`` or ``..``.
_PATH_LEAD = ("..", ".", "~")
#: A path of one segment or more after such a lead (./فيان, ../ملف, ~/ملفات).
_LEAD_PATH = re.compile(r"""(?:\.\.?|~)/[^\s/"'«»<>|]+(?:/[^\s/"'«»<>|]+)*/?""")
#: What may stand before a path (or its lead): a space or an opener.
_PATH_BEFORE = frozenset(" \t\n\r\"'«([")
#: A UNC share's server, its backslash and the rest up to a space.
_UNC_SERVER = re.compile(r"""[\w.$-]+\\[^\s"'«»<>|]*""")
#: The rest of a Windows path after its drive or share.
_WINDOWS_REST = re.compile(r"""[^\s"'«»<>|]*""")
#: What a URL's or path's body ends with that is sentence punctuation.
_TRAILING = ".,;:!?\u060c\u061b\u061f)]}\u00bb\"'"
#: The body of a path after a host (موقع.com/فيان).
_HOST_PATH = re.compile(r"""/[^\s<>"'«»\u201c\u201d]*""")
#: The longest file or host name looked at, back from its dot.
_NAME_MAX = 255


#: What a file or host name holds besides letters, digits and marks.
_NAME_PUNCT = frozenset("_-." + TATWEEL + ZWNJ + ZWJ)


def _name_char(ch: str) -> bool:
    """A character of a file or host name: a letter or digit of any script,
    a mark, ``_``, ``-``, ``.``, tatweel or a joiner."""
    return ch.isalnum() or ch in _NAME_PUNCT or unicodedata.category(ch) == MARK_CATEGORY


def _name_start(text: str, dot: int) -> int:
    """Where the file or host name before the ``.`` at `dot` starts: back
    over `_name_char`, at most `_NAME_MAX`, and not past a change of
    script inside one label (موقع الصندوقetf.example.com: the Arabic word
    glued before the Latin host is prose)."""
    start, limit = dot, max(0, dot - _NAME_MAX)
    arabic: bool | None = None  # the script of the label's letters so far
    while start > limit:
        ch = text[start - 1]
        if not _name_char(ch):
            break
        if ch in "._-":
            arabic = None
        elif ch.isalpha():
            here = has_arabic_letter(ch)
            if arabic is not None and here != arabic:
                break
            arabic = here
        start -= 1
    return start


def _trimmed(text: str, start: int, end: int) -> int:
    """`end`, less the sentence punctuation that ends `text[start:end]`."""
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return end


@cache
def _extensions() -> frozenset[str]:
    """`formats.base.FILE_EXTENSIONS`, imported on first use: the formats
    import the masker."""
    from arclean.formats.base import FILE_EXTENSIONS

    return FILE_EXTENSIONS


def _dotted(text: str, links: Sequence[Range]) -> list[Range]:
    """File names and host names: a name glued to ``.ext`` or ``.tld``
    (not inside `links`)."""
    extensions = _extensions()
    found: list[Range] = []
    for m in _matches(_DOT_WORD, text, links):
        word = m.group(1).lower()
        file_name = word in extensions
        if not file_name and word not in LATIN_TLDS:
            continue
        dot = m.start()
        start = _name_start(text, dot)
        while start < dot and text[start] in ".-_":
            start += 1  # a name starts with a letter or digit
        if start == dot or not any(ch.isalpha() for ch in text[start:dot]):
            continue
        end = m.end()
        if not file_name and text.startswith("/", end):
            path = _HOST_PATH.match(text, end)
            if path:
                end = _trimmed(text, end, path.end())
        found.append((start, end))
    return found


def _path_start(text: str, slash: int) -> int | None:
    """Where a path whose first ``/`` is at `slash` starts (its lead,
    `_PATH_LEAD`, taken in), or None when it does not start a word."""
    for lead in ("", *_PATH_LEAD):
        start = slash - len(lead)
        if (
            start >= 0
            and text.startswith(lead, start)
            and (start == 0 or text[start - 1] in _PATH_BEFORE)
        ):
            return start
    return None


def _windows(text: str) -> list[Range]:
    """Windows paths: a drive (``C:`` and a backslash) after no Latin
    letter or digit, or a UNC share (two backslashes, a server, a
    backslash), and what follows up to a space.  Found from each
    backslash (one character: a fast search)."""
    found: list[Range] = []
    position = text.find("\\")
    while position != -1:
        after = position + 1
        start = position - 2
        if (
            start >= 0
            and text[position - 1] == ":"
            and text[start].isascii()
            and text[start].isalpha()
            and not (start and text[start - 1].isascii() and text[start - 1].isalnum())
        ):
            m = _WINDOWS_REST.match(text, after)
            end = _trimmed(text, start, m.end() if m else after)
            found.append((start, end))
            after = max(after, end)
        elif text.startswith("\\", after) and (not position or text[position - 1] != "\\"):
            m = _UNC_SERVER.match(text, after + 1)
            if m:
                end = _trimmed(text, position, m.end())
                if any(ch.isalpha() for ch in text[position:end]):
                    found.append((position, end))
                    after = max(after, end)
        position = text.find("\\", after)
    return found


def path_ranges(text: str, links: Sequence[Range] = ()) -> list[Range]:
    """Sorted ``(start, end)`` ranges (may overlap) of the file names, host
    names and paths of `text` (see the module's docstring); `links`,
    sorted ranges already protected (URLs), are not looked into again."""
    found: list[Range] = []
    if "." in text:
        found.extend(_dotted(text, links))
    if "/" in text:
        for m in _matches(_UNIX_PATH, text, links):
            start = _path_start(text, m.start())
            if start is None:
                continue
            end = _trimmed(text, start, m.end())
            if any(ch.isalpha() for ch in text[start:end]):
                found.append((start, end))
        if "./" in text or "~/" in text:
            for m in _matches(_LEAD_PATH, text, links):
                start = m.start()
                if start and text[start - 1] not in _PATH_BEFORE:
                    continue
                end = _trimmed(text, start, m.end())
                if any(ch.isalpha() for ch in text[start:end]):
                    found.append((start, end))
    if "\\" in text:
        found.extend(_windows(text))
    found.sort()
    return found


def _matches(
    pattern: re.Pattern[str], text: str, links: Sequence[Range]
) -> Iterator[re.Match[str]]:
    """`pattern`'s matches in `text` outside `links` (`_gaps`)."""
    for start, end in _gaps(len(text), links):
        yield from pattern.finditer(text, start, end)


def _gaps(size: int, links: Sequence[Range]) -> list[Range]:
    """The stretches of a text of `size` characters outside the sorted,
    merged `links`: searched alone (tweets hold thousands of links and a
    dot or a slash in each)."""
    if not links:
        return [(0, size)]
    out, last = [], 0
    for start, end in links:
        if start > last:
            out.append((last, start))
        last = max(last, end)
    if last < size:
        out.append((last, size))
    return out
