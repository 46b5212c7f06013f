"""The inputs of `arclean names scan|review` (`Inputs`: files, folders and
stdin read as `fix` reads them, re-iterable for the scan's passes), what
is said of those left out (`say_left_out`), the progress bar of a long
scan (`progress`), and the glossary files the commands will write, checked
before they start (`writable`)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from arclean.cli.app import error, warn
from arclean.errors import InputError

#: How the input errors name this command (it has no ``--encoding``).
_COMMAND = "arclean names"


class Inputs:
    """Re-iterable texts from files, folders (walked as `fix` walks them) and
    stdin (``-``): a scan reads them two or three times, streaming line
    blocks so memory stays bounded.  `progress(done, total)` is called with
    bytes read in the current pass; `read_stdin` reads stdin's bytes (by
    default all of ``sys.stdin``; `arclean.cli.inputs.StdinReader` when
    the command looked at stdin first)."""

    def __init__(self, paths: Sequence[str], read_stdin: Callable[[], bytes] | None = None) -> None:
        from arclean.io.discover import Skipped, discover

        found = discover(list(paths), lambda _name: False)
        #: Inputs left out, as ``fix`` leaves them out: errors (a missing
        #: path, bad bytes, NUL bytes in a file named on the command line)
        #: and warnings (NUL bytes in a file found by walking a folder, a
        #: link leading out of it).
        self.errors: list[str] = [str(p) for _n, p in found if p and not isinstance(p, Skipped)]
        self.warnings: list[str] = [str(p) for _n, p in found if isinstance(p, Skipped)]
        self.paths = list(dict.fromkeys(n for n, p in found if not p))  # stdin once: `- -`
        #: The paths as given, for the note when they hold no file to read.
        self.given = list(paths)
        self._stdin: str | None = None
        self._read_stdin = read_stdin or (lambda: sys.stdin.buffer.read())
        self.paths = [p for p in self.paths if self._readable(p, named=p in paths)]
        self.progress: Callable[[int, int], None] | None = None
        self.total = sum(Path(p).stat().st_size for p in self.paths if p != "-")

    def _readable(self, path: str, named: bool) -> bool:
        """Is `path` UTF-8 text (stdin: read now)?  Otherwise says why in
        `errors` or `warnings`."""
        from arclean.io.read import BinaryFile, check_utf8_file, decode

        try:
            if path == "-":
                data = self._read_stdin()
                try:
                    self._stdin = decode(data, "-", option=_COMMAND).text
                except BinaryFile as exc:
                    raise InputError(exc.piped(option=_COMMAND)) from None
            else:
                check_utf8_file(path, option=_COMMAND)
        except BinaryFile as exc:
            from arclean.io.encodings import UTF16_HINT

            if named:
                self.errors.append(
                    str(exc).replace(UTF16_HINT, "").replace("; skipped", "; not scanned")
                    + f". A file named on the command line must be text: {_COMMAND} reads "
                    "UTF-8 only, convert UTF-16 first (iconv -f UTF-16 -t UTF-8); leave a "
                    "binary file off the command line"
                )
            else:
                self.warnings.append(str(exc))
            return False
        except InputError as exc:
            self.errors.append(_not_scanned(str(exc)))
            return False
        return True

    def __iter__(self) -> Iterator[str]:
        done = 0
        for p in self.paths:
            if p == "-":
                yield self._stdin or ""
                continue
            try:
                with open(p, "rb") as fh:
                    block: list[bytes] = []
                    for line in fh:
                        block.append(line)
                        if len(block) >= 2000:
                            done += sum(map(len, block))
                            yield self._text(block, done)
                            block = []
                    if block:
                        done += sum(map(len, block))
                        yield self._text(block, done)
            except UnicodeDecodeError:
                raise InputError(f"{p}: not UTF-8 text") from None
            except OSError as exc:
                raise InputError(f"{p}: {exc.strerror or exc}") from None

    def _text(self, block: list[bytes], done: int) -> str:
        if self.progress is not None:
            self.progress(done, self.total)
        return b"".join(block).decode("utf-8")


@contextmanager
def progress(inputs: Inputs) -> Iterator[None]:
    """A progress bar on stderr for a long scan: only on a terminal, not
    under CI, and only for more than a megabyte."""
    from arclean.cli.progress import wanted

    if inputs.total < 1_000_000 or not wanted(quiet=False):
        yield
        return
    from arclean.cli.progress import bar as new_bar

    passes = {"n": 0, "last": -1}
    with new_bar(sys.stderr) as bar:
        task = bar.add_task("scanning", total=inputs.total)

        def update(done: int, total: int) -> None:
            if done < passes["last"]:
                passes["n"] += 1
            passes["last"] = done
            bar.update(task, completed=done, description=f"scanning, pass {passes['n'] + 1}")

        inputs.progress = update
        try:
            yield
        finally:
            inputs.progress = None


def say_left_out(inputs: Inputs, verb: str) -> None:
    """Say on stderr which inputs are left out and why; raises `InputError`
    when none is left because of an error.  Folders with no file to read
    (empty, or only skipped files) are a note, as for `fix` (exit 0)."""
    from arclean.cli.output import no_files

    for message in inputs.warnings:
        warn(message)
    for message in inputs.errors:
        error(message)
    if inputs.errors and not inputs.paths:
        raise InputError("no input could be scanned (see above)")
    if not inputs.paths:
        warn(
            no_files(verb, inputs.given)
            if not inputs.warnings
            else f"no files to {verb}: every one was skipped (see above)"
        )


def _not_scanned(message: str) -> str:
    """An input error's message, said of a scan (which writes nothing)."""
    for said in ("the file was left untouched", "nothing was written", "nothing written"):
        message = message.replace(said, "not scanned")
    return message.replace("; left untouched", "; not scanned")


def writable(path: str, option: str, *also: Path) -> None:
    """A file we are about to write (and the files in `also`, written beside
    it): its folder must exist, and neither it nor they be read-only (exit 2
    before a long scan or the first question, not after a decision)."""
    from arclean.io.write import cannot_write

    if Path(path).is_dir():
        raise InputError(
            f"{option} {path}: is a folder, not a file; name a glossary file "
            f"(as {Path(path, 'glossary.toml')})"
        )
    parent = Path(path).parent
    if not parent.is_dir():
        raise InputError(f"{option} {path}: folder {parent} does not exist")
    for file in (Path(path), *also):
        if why := cannot_write(file):
            raise InputError(
                f"{option} {path}: {file} {why}, so nothing could be saved; make it writable first"
            )
