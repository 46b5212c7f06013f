"""Finding the files to work on: folders are walked, named files kept.

Nothing here reads a file's contents, prints or exits; which paths the
configuration excludes is the caller's to say (`is_excluded`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

from arclean.formats.base import EXTENSIONS

#: The name that stands for standard input.
STDIN = "-"


def _git_files(folder: Path) -> list[Path] | None:
    """Files under `folder` that git does not ignore, or None outside a
    repository (or without git)."""
    import subprocess

    try:
        result = subprocess.run(
            [
                "git",
                "-C",
                str(folder),
                "ls-files",
                "-z",
                "--cached",
                "--others",
                "--exclude-standard",
                "--full-name",
                ".",
            ],
            capture_output=True,
            check=False,
        )
        top = subprocess.run(
            ["git", "-C", str(folder), "rev-parse", "--show-toplevel"],
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return None
    if result.returncode != 0 or top.returncode != 0:
        return None
    root = Path(top.stdout.strip())
    names = [n for n in result.stdout.decode("utf-8", "surrogateescape").split("\0") if n]
    return [root / n for n in names if (root / n).is_file()]


def _git_ignored(paths: Sequence[str]) -> set[str]:
    """Which of `paths` git ignores (empty outside a repository)."""
    import subprocess

    if not paths:
        return set()
    try:
        result = subprocess.run(
            ["git", "check-ignore", "--stdin", "-z"],
            input="\0".join(paths).encode("utf-8", "surrogateescape"),
            capture_output=True,
            check=False,
        )
    except OSError:
        return set()
    if result.returncode not in (0, 1):
        return set()
    return {n for n in result.stdout.decode("utf-8", "surrogateescape").split("\0") if n}


def _walk(target: Path) -> list[Path]:
    """Every file under the folder `target` outside hidden folders (and
    hidden files): inside a repository, of those git lists."""
    files = _git_files(target)
    if files is None:
        return [
            p
            for p in target.rglob("*")
            if p.is_file() and not any(part.startswith(".") for part in p.relative_to(target).parts)
        ]
    base = Path(os.path.abspath(target))
    inside = [Path(os.path.relpath(p, base)) for p in files]
    return [base / p for p in inside if not any(part.startswith(".") for part in p.parts)]


def discover(
    paths: Sequence[str],
    is_excluded: Callable[[str], bool],
    *,
    force_exclude: bool = False,
) -> list[tuple[str, str | None]]:
    """Every input as ``(name, problem)``, in a stable order.

    No `paths` means stdin, named ``-`` (as is ``-`` itself).  A folder is
    walked for files with a known extension (`EXTENSIONS`), leaving out what
    git ignores (inside a repository), hidden folders (outside one) and
    names for which `is_excluded(name)` is true; they are sorted, named under
    the folder as given.  Files named on the command line are taken as given,
    unless `force_exclude`, when git's ignores and `is_excluded` drop them too.
    A path that does not exist comes back with a problem message instead of
    raising.
    """
    if not paths:
        return [(STDIN, None)]
    found: list[tuple[str, str | None]] = []
    explicit: list[str] = []
    for path in paths:
        if path == STDIN:
            found.append((STDIN, None))
            continue
        target = Path(path)
        if target.is_dir():
            names = sorted(
                _display(p, target, path) for p in _walk(target) if p.suffix.lower() in EXTENSIONS
            )
            found.extend((n, None) for n in names if not is_excluded(n))
        elif target.exists() or target.is_symlink():
            explicit.append(path)
            found.append((path, None))
        else:
            found.append((path, f"{path}: no such file or directory"))
    if force_exclude and explicit:
        ignored = _git_ignored(explicit)
        drop = {n for n in explicit if n in ignored or is_excluded(n)}
        found = [(n, e) for n, e in found if n not in drop]
    return found


def _display(path: Path, folder: Path, given: str) -> str:
    """A walked file's name as the user would write it: under the folder
    they named."""
    try:
        relative = Path(os.path.abspath(path)).relative_to(Path(os.path.abspath(folder)))
    except ValueError:
        return str(path)
    return str(Path(given) / relative)
