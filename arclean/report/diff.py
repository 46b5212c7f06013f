"""Unified diffs of a whole text, as `arclean fix --diff` prints them."""

from __future__ import annotations

import difflib
import os


def unified_diff(old: str, new: str, path: str, *, bom: bool = False) -> str:
    """A unified diff of `old` against `new` that ``patch -p1`` and
    ``git apply`` accept: headers ``a/PATH`` and ``b/PATH`` (`path` relative
    to the current folder when it is below it, ``<stdin>`` for ``-``; quoted
    as git quotes it, `header_name`), three
    lines of context, and the ``\\ No newline at end of file`` marker where
    it applies.  Lines end at ``\n`` only, as git and patch count them (a CR,
    U+2028 or U+0085 stays inside its line); with `bom`, the file's byte
    order mark starts the first line on both sides.  Empty when the texts
    are equal.  Raises nothing."""
    if bom:
        old, new = "\ufeff" + old, "\ufeff" + new
    old_lines = _lines(old)
    new_lines = _lines(new)
    display = diff_path(path)
    out: list[str] = []
    for line in difflib.unified_diff(
        old_lines,
        new_lines,
        fromfile=header_name("a/" + display),
        tofile=header_name("b/" + display),
        n=3,
    ):
        if line.startswith(("---", "+++")):
            out.append(line.rstrip("\n") + "\n")
            continue
        if line.endswith("\n"):
            out.append(line)
        else:
            out.append(line + "\n\\ No newline at end of file\n")
    return "".join(out)


#: The characters git writes as a C escape inside a quoted name.
_C_ESCAPES = {
    "\a": "\\a",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\v": "\\v",
    "\f": "\\f",
    "\r": "\\r",
    '"': '\\"',
    "\\": "\\\\",
}


def diff_bytes(diff: str, encoding: str | None = None) -> bytes:
    """One file's `unified_diff` as the bytes ``git apply`` and ``patch``
    compare with the file: its text lines in the file's `encoding` (when it
    writes ASCII as ASCII, as cp1256 and ISO 8859-6 do), the headers, hunk
    lines and markers in UTF-8 (a name that is not UTF-8 as its own bytes).
    UTF-16 and the like are written in UTF-8: no line-based tool applies a
    diff of them.  Raises nothing."""

    def utf8(line: str) -> bytes:
        try:
            return line.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:
            return line.encode("utf-8", "surrogatepass")

    if not encoding or not _ascii_compatible(encoding):
        return utf8(diff)
    out: list[bytes] = []
    for i, line in enumerate(diff.splitlines(keepends=True)):
        if i < 2 or line.startswith(("@", "\\")):
            out.append(utf8(line))
        else:
            try:
                out.append(line.encode(encoding))
            except UnicodeEncodeError:  # cannot happen for text read in it
                out.append(utf8(line))
    return b"".join(out)


def _ascii_compatible(encoding: str) -> bool:
    try:
        sample = "ab\n- +@"
        return sample.encode(encoding) == sample.encode("ascii")
    except (LookupError, UnicodeEncodeError):
        return False


def _needs_escape(ch: str) -> bool:
    return ch in _C_ESCAPES or ch < " " or ch == "\x7f"


def header_name(name: str) -> str:
    """`name` (``a/PATH`` or ``b/PATH``) as git writes it after ``---`` and
    ``+++`` (with ``core.quotePath=false``): in double quotes with C escapes
    (``\\t``, ``\\n``, ``\\"``, ``\\\\``, other control characters in octal:
    ``\\177``) when it holds a control character, a quote or a backslash,
    as is otherwise; followed by a tab when it holds a space, so that
    `patch` knows where the name ends.  Letters beyond ASCII stay as they
    are.  `git apply` and `patch` read both forms."""
    quoted = quoted_name(name)
    return quoted + "\t" if " " in name else quoted


def quoted_name(name: str) -> str:
    """`name` in double quotes with C escapes when it holds a control
    character, a quote or a backslash (as git quotes a path), else as it
    is: one line whatever the name holds."""
    if not any(_needs_escape(ch) for ch in name):
        return name
    body = "".join(
        _C_ESCAPES.get(ch, f"\\{ord(ch):03o}") if _needs_escape(ch) else ch for ch in name
    )
    return f'"{body}"'


def shown_name(name: str) -> str:
    """`quoted_name` for people (findings, listings, messages), with bidi
    controls and marks as ``<U+202E RIGHT-TO-LEFT OVERRIDE>`` tags
    (`escape_bidi`), so that a name cannot reorder the line it is on.  Patch
    headers keep `quoted_name`: `git apply` must find the file."""
    from arclean.text.display import escape_bidi

    return escape_bidi(quoted_name(name))


def _lines(text: str) -> list[str]:
    """`text` cut after each ``\n`` (and nowhere else)."""
    lines = text.split("\n")
    out = [line + "\n" for line in lines[:-1]]
    if lines[-1]:
        out.append(lines[-1])
    return out


def color_diff(diff: str) -> str:
    """`diff` with ANSI colours: removed lines red, added green, hunk headers cyan."""
    out = []
    for line in _lines(diff):
        body, end = (line[:-1], "\n") if line.endswith("\n") else (line, "")
        if line.startswith(("+++", "---")):
            out.append(f"\x1b[1m{body}\x1b[0m{end}")
        elif line.startswith("@@"):
            out.append(f"\x1b[36m{body}\x1b[0m{end}")
        elif line.startswith("+"):
            out.append(f"\x1b[32m{body}\x1b[0m{end}")
        elif line.startswith("-"):
            out.append(f"\x1b[31m{body}\x1b[0m{end}")
        else:
            out.append(line)
    return "".join(out)


def diff_path(path: str) -> str:
    """The path as the diff names it: relative to the current folder (with
    ``/`` separators) when the file is below it, so that `patch -p1` and
    `git apply` find it; otherwise `path` as given, normalised
    (``a/../b`` → ``b``), without its leading ``/``.  A path that leaves the
    current folder (``../notes.txt``) stays so: `git apply` and `patch`
    refuse it, and `outside_current_folder` tells the caller to say so."""
    if path == "-":
        return "<stdin>"
    absolute = os.path.abspath(path)
    here = os.getcwd()
    if absolute.startswith(here + os.sep):
        return os.path.relpath(absolute, here).replace(os.sep, "/")
    return os.path.normpath(path).lstrip("/").replace(os.sep, "/")


def outside_current_folder(path: str) -> bool:
    """Does the diff of `path` name a file outside the current folder, which
    `git apply` and `patch -p1` run here refuse or cannot find?"""
    if path == "-":
        return False
    return not os.path.abspath(path).startswith(os.getcwd() + os.sep)
