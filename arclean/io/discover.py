"""Finding the files to work on: folders are walked, named files kept.

Nothing here reads a file's contents, prints or exits; which paths the
configuration excludes is the caller's to say (`is_excluded`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from arclean.formats.registry import known_path

#: The name that stands for standard input.
STDIN = "-"


#: git run so that no command a repository configures can run: not the
#: fsmonitor hook, not hooks, not a pager (its configuration may come from an
#: untrusted repository's ``.git/config``).
_GIT = (
    "git",
    "-c",
    "core.fsmonitor=false",
    "-c",
    "core.hooksPath=/dev/null",
    "-c",
    "core.pager=cat",
    "-c",
    "core.untrackedCache=false",
    "--no-pager",
)
_GIT_ENV = {"GIT_OPTIONAL_LOCKS": "0", "GIT_TERMINAL_PROMPT": "0", "GIT_PAGER": "cat"}


def _run_git(args: list[str], **kwargs: Any) -> Any:
    import subprocess

    env = {**os.environ, **_GIT_ENV}
    env.pop("GIT_EXTERNAL_DIFF", None)
    return subprocess.run([*_GIT, *args], capture_output=True, check=False, env=env, **kwargs)


def _git_files(folder: Path) -> list[Path] | None:
    """Paths under `folder` that git does not ignore (files, and symbolic
    links, which may lead to folders), or None outside a repository (or
    without git).  git is run hardened (`_GIT`)."""
    try:
        result = _run_git(
            [
                "-C",
                str(folder),
                "ls-files",
                "-z",
                "--cached",
                "--others",
                "--exclude-standard",
                "--full-name",
                ".",
            ]
        )
        top = _run_git(["-C", str(folder), "rev-parse", "--show-toplevel"])
    except OSError:
        return None
    if result.returncode != 0 or top.returncode != 0:
        return None
    root = Path(os.fsdecode(top.stdout.strip()))
    names = [n for n in result.stdout.decode("utf-8", "surrogateescape").split("\0") if n]
    return [root / n for n in names]


def in_git_repository(path: str) -> bool:
    """True when the folder `path` (or the folder of the file `path`) is
    inside a git working tree (False without git)."""
    folder = path if os.path.isdir(path) else os.path.dirname(path) or "."
    try:
        result = _run_git(["-C", folder, "rev-parse", "--is-inside-work-tree"])
    except OSError:
        return False
    return bool(result.returncode == 0 and result.stdout.strip() == b"true")


def _git_ignored(paths: Sequence[str]) -> set[str]:
    """Which of `paths` git ignores (empty outside a repository)."""
    if not paths:
        return set()
    try:
        result = _run_git(
            ["check-ignore", "--stdin", "-z"],
            input="\0".join(paths).encode("utf-8", "surrogateescape"),
        )
    except OSError:
        return set()
    if result.returncode not in (0, 1):
        return set()
    return {n for n in result.stdout.decode("utf-8", "surrogateescape").split("\0") if n}


class Skipped(str):
    """A problem with a walked path that is a warning, not an error (a
    symbolic link leading out of the folder given)."""

    __slots__ = ()


def _os_walk(
    target: Path, problems: list[str], follow_links: bool = False, walked: set[str] | None = None
) -> list[Path]:
    """Every file under `target` outside hidden folders; folders that cannot
    be read are `problems`.  A symbolic link to a folder is walked into only
    with `follow_links`, and never twice into one folder: `walked` holds the
    real paths of the folders walked so far (a link back to one of them, a
    loop, is left with a `Skipped` note)."""

    def report(exc: OSError) -> None:
        problems.append(f"{exc.filename}: cannot read this folder: {exc.strerror or exc}")

    if walked is None:
        walked = set()
    found: list[Path] = []
    for folder, dirs, files in os.walk(target, onerror=report, followlinks=follow_links):
        base = Path(folder)
        kept = sorted(d for d in dirs if not d.startswith("."))
        if follow_links:
            real = os.path.realpath(base)
            if real in walked:  # reached again through another link
                dirs[:] = []
                continue
            walked.add(real)
            loops = [d for d in kept if _loops(base / d, walked)]
            problems.extend(_loop_note(base / d) for d in loops)
            kept = [d for d in kept if d not in loops]
        dirs[:] = kept
        found.extend(base / f for f in files if not f.startswith(".") and (base / f).is_file())
    return found


def _loops(path: Path, walked: set[str]) -> bool:
    """Is `path` a symbolic link to a folder already walked?"""
    return path.is_symlink() and os.path.realpath(path) in walked


def _loop_note(link: Path) -> Skipped:
    return Skipped(
        f"{link}: a symbolic link to a folder already walked ({os.path.realpath(link)}); "
        "not followed again"
    )


def _inside(path: Path, root: str) -> bool:
    real = os.path.realpath(path)
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def _walk(target: Path, follow_links: bool = False) -> tuple[list[Path], list[str]]:
    """Every file under the folder `target`: what git lists inside a
    repository, else every file outside hidden folders; and the problems met
    (unreadable folders are errors, links leading out of `target` are
    `Skipped` unless `follow_links`).  With `follow_links`, links to folders
    are walked into too, each folder once (a loop is a `Skipped` note)."""
    problems: list[str] = []
    listed = _git_files(target)
    if listed is None:
        files = _os_walk(target, problems, follow_links)
    else:
        # Hidden folders and files are left out inside a repository too.
        base = Path(os.path.abspath(target))
        inside = [Path(os.path.relpath(p, base)) for p in listed]
        paths = [base / p for p in inside if not any(part.startswith(".") for part in p.parts)]
        files = [p for p in paths if p.is_file()]
        if follow_links:
            # git lists a link to a folder as one entry: walk into it.
            # A link into the repository leads to files git lists already.
            root = os.path.realpath(target)
            walked = {root}
            for link in (p for p in paths if p.is_symlink() and p.is_dir()):
                if _loops(link, walked):
                    problems.append(_loop_note(link))
                elif not _inside(link, root):
                    files.extend(_os_walk(link, problems, True, walked))
    if follow_links:
        return files, problems
    root = os.path.realpath(target)
    kept = []
    for path in files:
        if _inside(path, root):
            kept.append(path)
        else:
            problems.append(
                Skipped(
                    f"{path}: a symbolic link to outside {target}; skipped "
                    "(--follow-links to fix it anyway)"
                )
            )
    return kept, problems


def discover(
    paths: Sequence[str],
    is_excluded: Callable[[str], bool],
    *,
    force_exclude: bool = False,
    follow_links: bool = False,
    is_known: Callable[[str], bool] | None = None,
) -> list[tuple[str, str | None]]:
    """Every input as ``(name, problem)``, in a stable order.

    No `paths` means stdin, named ``-`` (as is ``-`` itself).  A folder is
    walked for files with a known extension (`is_known(name)`; by default
    the extensions of `EXTENSIONS`), leaving out what
    git ignores (inside a repository), hidden folders (outside one) and
    names for which `is_excluded(name)` is true; they are sorted, named under
    the folder as given.  Files named on the command line are taken as given,
    unless `force_exclude`, when git's ignores and `is_excluded` drop them too.
    A path that does not exist, and a folder that cannot be read, come back
    with a problem message instead of raising; a symbolic link leading out
    of a folder given is not followed (unless `follow_links`): it comes
    back with a `Skipped` problem, a warning.
    """
    if not paths:
        return [(STDIN, None)]
    found: list[tuple[str, str | None]] = []
    explicit: list[str] = []
    seen: set[str] = set()  # a file named twice is worked on once

    def first_time(name: str) -> bool:
        real = os.path.realpath(name)
        if real in seen:
            return False
        seen.add(real)
        return True

    for path in paths:
        if path == STDIN:
            found.append((STDIN, None))
            continue
        target = Path(path)
        if target.is_dir():
            walked, problems = _walk(target, follow_links)
            shown = (_display(p, target, path) for p in walked)
            names = sorted(n for n in shown if (is_known or known_path)(n))
            found.extend((n, None) for n in names if not is_excluded(n) and first_time(n))
            found.extend(("", problem) for problem in problems)
        elif target.exists() or target.is_symlink():
            if first_time(path):
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
