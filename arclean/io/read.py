"""Reading files byte for byte and decoding them strictly.

A `Source` remembers what is needed to write the text back as it came: the
encoding and byte order mark; line endings (LF, CRLF or a mix) and a missing
final newline survive because the text is never translated.  It also holds
the file's `Stamp` (size, modification time, inode), so that the writer can
refuse a file that changed after it was read.  Only regular files are read:
FIFOs, devices, ``/dev/stdin`` and ``/proc`` files are refused by name or by
type, without blocking.  Nothing here prints or exits: problems are raised
as `arclean.errors.InputError`.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from arclean.errors import InputError
from arclean.io.encodings import (
    ENCODINGS,
    UTF8_BOM,
    UTF16_HINT,
    decode_as,
    encode_as,
    utf8_only,
)

__all__ = [
    "ENCODINGS",
    "UTF8_BOM",
    "BinaryFile",
    "Source",
    "Stamp",
    "check_utf8_file",
    "decode",
    "read_source",
]


class BinaryFile(InputError):
    """The input holds NUL bytes: not text (or UTF-16); callers skip it with a warning."""

    def piped(self, option: bool | str = True) -> str:
        """The message for text piped in, which is refused rather than
        skipped: nothing written, and how to read it if it is text
        (`option`: with ``--encoding``; a command without it says to
        convert it, `UTF8_ONLY`)."""
        message = str(self)
        if UTF16_HINT in message:
            use = "use --encoding utf-16, or convert it" if option is True else utf8_only(option)
            return message.replace(UTF16_HINT, "").replace(
                "; skipped",
                f"; nothing written. It looks like UTF-16: {use} (iconv -f UTF-16 -t UTF-8)",
            )
        name = "name its encoding with --encoding" if option is True else utf8_only(option)
        return message.replace("; skipped", f"; nothing written. If it is text, {name}")


@dataclass(frozen=True)
class Stamp:
    """What identifies one version of a file: if any of it differs, the file
    changed (or was replaced) since it was read."""

    size: int
    mtime_ns: int
    inode: int
    device: int

    @classmethod
    def of(cls, st: os.stat_result) -> Stamp:
        return cls(st.st_size, st.st_mtime_ns, st.st_ino, st.st_dev)


@dataclass(frozen=True)
class Source:
    """A decoded text and what is needed to write it back as it was.

    `name` labels messages (a path, or ``-``/the ``--stdin-filename`` for
    stdin); `text` is the whole document; `bom` is whether a byte order mark
    preceded it; `encoding` is ``utf-8``, ``cp1256``, ``utf-16-le`` or
    ``utf-16-be``; `stamp` identifies the file read (None for stdin).
    """

    name: str
    text: str
    bom: bool = False
    encoding: str = "utf-8"
    stamp: Stamp | None = None

    def encode(self, text: str) -> bytes:
        """`text` (this document, fixed) in the encoding it came in, with the
        BOM if it had one.  Raises `InputError` when a character cannot be
        written in that encoding (cp1256): the file is left untouched, and
        of text piped in (no `stamp`) nothing is written."""
        return encode_as(text, self.encoding, self.bom, self.name, piped=self.stamp is None)


def decode(data: bytes, name: str, encoding: str = "utf-8", option: bool | str = True) -> Source:
    """Decode the bytes of one document (`name` labels messages).

    `encoding` is one of `ENCODINGS`: ``utf-8`` (strict; the default),
    ``cp1256``, ``utf-16`` (byte order from the BOM), ``utf-16-le``,
    ``utf-16-be`` or ``auto`` (a BOM, else UTF-8, else cp1256 when the bytes
    are cp1256 Arabic).  Raises `BinaryFile` when UTF-8 or cp1256 `data`
    holds a NUL byte, and `InputError` for bytes invalid in the encoding,
    naming the first offsets and lines (`option`: the command reading them
    has ``--encoding``, which the message names: `decode_as`; a string
    names a command without it, which reads UTF-8 only).
    """
    text, actual, bom = decode_as(data, name, encoding, BinaryFile, option)
    return Source(name, text, bom, actual)


#: Folders whose entries are devices, processes or kernel state, never documents.
_SPECIAL_FOLDERS = ("/dev/", "/proc/", "/sys/")


def _special_path(path: str) -> bool:
    """Is `path`, or a symbolic link on the way to its file, under ``/dev``,
    ``/proc`` or ``/sys`` (``/dev/stdin`` → ``/proc/self/fd/0`` → a file)?"""
    current = os.path.abspath(path)
    for _ in range(40):
        if current.startswith(_SPECIAL_FOLDERS) or current in ("/dev", "/proc", "/sys"):
            return True
        if not os.path.islink(current):
            return False
        try:
            link = os.readlink(current)
        except OSError:
            return False
        current = os.path.normpath(os.path.join(os.path.dirname(current), link))
    return True  # a loop of links


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "is a directory"
    if stat.S_ISFIFO(mode):
        return "is a FIFO (named pipe), not a regular file; refused"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a regular file; refused"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a regular file; refused"
    return "is not a regular file; refused"


def read_source(path: str | Path, encoding: str = "utf-8", option: bool | str = True) -> Source:
    """Read and decode the regular file at `path` (see `decode`), with its `Stamp`.

    Raises `InputError` when it is missing, a folder, not a regular file (a
    FIFO is refused without waiting for a writer), under ``/dev``, ``/proc``
    or ``/sys``, unreadable or not in `encoding`, and `BinaryFile` when it
    holds NUL bytes.
    """
    name = str(path)
    if _special_path(name):
        raise InputError(f"{name}: is a device or process file, not a regular file; refused")
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(name, flags | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise InputError(f"{name}: no such file or directory") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read: {exc.strerror or exc}") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise InputError(f"{name}: {_kind(st.st_mode)}")
        chunks = []
        while True:
            chunk = os.read(fd, max(st.st_size + 1, 1 << 16))
            if not chunk:
                break
            chunks.append(chunk)
        data = b"".join(chunks)
    except MemoryError:
        raise InputError(f"{name}: too large to read into memory; left untouched") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    source = decode(data, name, encoding, option)
    return Source(source.name, source.text, source.bom, source.encoding, Stamp.of(st))


def check_utf8_file(path: str, option: bool | str = True, block: int = 1 << 20) -> None:
    """Raise what `read_source` would raise for the file at `path` in UTF-8
    (`InputError`, `BinaryFile`), reading it in line-aligned blocks of about
    `block` bytes: memory stays bounded for a good file of any size.  Only a
    bad file is read whole, for the message's offsets and lines."""
    try:
        with open(path, "rb") as fh:
            first = True
            while chunk := fh.read(block):
                chunk += fh.readline()  # a character never spans two lines
                if first and chunk.startswith(UTF8_BOM):
                    chunk = chunk[len(UTF8_BOM) :]
                first = False
                if b"\x00" in chunk:
                    break
                try:
                    chunk.decode("utf-8")
                except UnicodeDecodeError:
                    break
            else:
                return
    except OSError:
        pass  # read_source says what is wrong
    read_source(path, option=option)
