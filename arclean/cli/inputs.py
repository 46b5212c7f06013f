"""Which inputs a command works on: no path, stdin, files the configuration
or their extension rule out."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING

import click

from arclean.cli.output import read_stdin_bytes

if TYPE_CHECKING:
    from arclean.runner import Resolver

STDIN_NAME = "-"


class StdinReader:
    """Stdin, read whole when called, or handed over as a stream (`stream`)
    for `arclean.stream`; `data` holds what was read already."""

    def __init__(self, data: bytes | None = None) -> None:
        self.data = data

    def __call__(self) -> bytes:
        if self.data is None:
            self.data = read_stdin_bytes()
        return self.data

    def stream(self) -> IO[bytes]:
        import io

        return io.BytesIO(self.data) if self.data is not None else sys.stdin.buffer


def _has_input(stream: object) -> StdinReader | None:
    """A reader of piped stdin when it holds anything, else None; looks at
    its first byte without reading it when it can (a pipe), so that a large
    stream is not read whole here."""
    buffer = getattr(stream, "buffer", None)
    peek = getattr(buffer, "peek", None)
    if peek is not None:
        return StdinReader() if peek(1) else None
    data = read_stdin_bytes()
    return StdinReader(data) if data else None


def resolve_inputs(
    paths: tuple[str, ...], *, folder_by_default: bool
) -> tuple[tuple[str, ...], StdinReader]:
    """The inputs to work on, and how to read stdin.

    Paths given are used as they are (``-`` is stdin).  With none, text piped
    in is read; on a terminal, or when what is piped in is empty, the current
    folder is checked when `folder_by_default` (``check``, ``fix --check``,
    ``fix --diff``: as ruff does), and otherwise there is nothing to do:
    `click.UsageError` (exit 2), as is ``-`` named twice (stdin is read
    once: the second would be empty for `fix`, a second copy for `check`).
    """

    if paths.count(STDIN_NAME) > 1:
        raise click.UsageError(
            f"`-` (stdin) is named {paths.count(STDIN_NAME)} times: stdin can be read "
            "only once; name it once"
        )
    if paths:
        return paths, StdinReader()
    stream = sys.stdin
    interactive = stream is None or bool(getattr(stream, "isatty", lambda: False)())
    reader = None if interactive else _has_input(stream)
    if reader is not None:
        return (STDIN_NAME,), reader
    if not interactive and not folder_by_default:
        return (STDIN_NAME,), StdinReader(b"")
    if folder_by_default:
        return (".",), StdinReader()
    raise click.UsageError(
        "nothing to fix: give a PATH (`.` for the current folder), or pipe text in "
        "(`-` reads stdin)"
    )


def refuse_unknown(paths: tuple[str, ...], resolver: Resolver) -> tuple[tuple[str, ...], list[str]]:
    """`paths` without the files named explicitly whose extension arclean does
    not know (``data.csv``, ``page.json``: not prose), unless ``--format``
    says what they are or the configuration's ``[formats]`` maps the
    extension; and the messages that refuse them.  Files without an
    extension are plain text; folders are walked for known extensions only."""
    from arclean.formats.base import EXTENSIONS

    if resolver.options.format_name or resolver.options.jsonl_fields:
        return paths, []
    kept: list[str] = []
    refused: list[str] = []
    names = [*paths]
    if paths == (STDIN_NAME,) and resolver.options.stdin_filename:
        names = [resolver.options.stdin_filename]
    for path, name in zip(paths, names, strict=True):
        suffix = Path(name).suffix.lower()
        if path != name or (path != STDIN_NAME and Path(path).is_file()):
            mapped = resolver.config_for(path).get("formats") or {}
            known = {*EXTENSIONS, *(k if k.startswith(".") else "." + k for k in mapped)}
            if suffix and suffix not in known:
                refused.append(
                    f"{name}: not a format arclean knows ({suffix}): arclean edits prose "
                    f"({', '.join(EXTENSIONS)}); pass --format plain (or another format) "
                    "to treat it as one"
                )
                continue
        kept.append(path)
    return tuple(kept), refused


def stdin_excluded(resolver: Resolver) -> bool:
    """With ``--force-exclude``, is stdin's ``--stdin-filename`` excluded (by
    the configuration, or ignored by git)?  Then it is passed through untouched."""
    from arclean.io.discover import _git_ignored

    name = resolver.options.stdin_filename
    if not (resolver.options.force_exclude and name):
        return False
    return resolver.is_excluded(name) or name in _git_ignored([name])


def jsonl_folders(paths: tuple[str, ...], resolver: Resolver) -> tuple[tuple[str, ...], list[str]]:
    """With ``--jsonl``, `paths` without folders (a folder is walked for
    prose files, never for JSON Lines), and the messages that refuse them."""
    import os

    if not resolver.options.jsonl_fields:
        return paths, []
    folders = [p for p in paths if p != "-" and os.path.isdir(p)]
    kept = tuple(p for p in paths if p not in folders)
    return kept, [f"{p}: --jsonl takes JSON Lines files, not folders (name them)" for p in folders]


def usable_inputs(
    paths: tuple[str, ...], resolver: Resolver, *, folder_by_default: bool
) -> tuple[tuple[str, ...], StdinReader, list[str]]:
    """The inputs `fix` and `check` work on: `paths` as `resolve_inputs`
    reads them, less what `refuse_unknown` and `jsonl_folders` refuse;
    returns them, the stdin reader and the refusals (messages), which the
    command reports."""
    paths, read_stdin = resolve_inputs(paths, folder_by_default=folder_by_default)
    paths, refused = refuse_unknown(paths, resolver)
    paths, folders = jsonl_folders(paths, resolver)
    return paths, read_stdin, refused + folders
