"""Unified diffs of a whole text, as `arclean fix --diff` prints them."""

from __future__ import annotations

import difflib
import os


def unified_diff(old: str, new: str, path: str) -> str:
    """A unified diff of `old` against `new` that ``patch -p1`` and
    ``git apply`` accept: headers ``a/PATH`` and ``b/PATH`` (`path` relative
    to the current folder when it is below it, ``<stdin>`` for ``-``), three
    lines of context, and the ``\\ No newline at end of file`` marker where
    it applies.  Empty when the texts are equal.  Raises nothing."""
    old_lines = old.splitlines(keepends=True)
    new_lines = new.splitlines(keepends=True)
    display = diff_path(path)
    out: list[str] = []
    for line in difflib.unified_diff(
        old_lines, new_lines, fromfile=f"a/{display}", tofile=f"b/{display}", n=3
    ):
        if line.startswith(("---", "+++")):
            out.append(line.rstrip("\n") + "\n")
            continue
        if line.endswith("\n"):
            out.append(line)
        else:
            out.append(line + "\n\\ No newline at end of file\n")
    return "".join(out)


def diff_path(path: str) -> str:
    """The path as the diff names it: relative to the current folder (with
    ``/`` separators) when the file is below it, so that `patch -p1` and
    `git apply` find it; otherwise `path` without its leading ``/``."""
    if path == "-":
        return "<stdin>"
    absolute = os.path.abspath(path)
    here = os.getcwd()
    if absolute.startswith(here + os.sep):
        return os.path.relpath(absolute, here).replace(os.sep, "/")
    return path.lstrip("/").replace(os.sep, "/")
