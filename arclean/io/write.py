"""Writing: every byte or an error, and files replaced atomically with
their owner, permissions and extended attributes kept.

A reader of a file sees the old contents or the new ones, never a part; on
any error the original is left as it was and no temporary file stays
behind.  A file that changed since it was read, is read-only, has several
hard links, or whose owner or extended attributes cannot be kept, is
refused rather than changed in a way its owner did not ask for.  Temporary
files not yet renamed are listed in `PENDING`, so that a signal handler (the
command line's) can remove them with `remove_pending`.  Nothing here prints
or exits.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from arclean.errors import InputError

if TYPE_CHECKING:
    from arclean.io.read import Stamp

#: Temporary files created and not yet renamed or removed.
PENDING: set[str] = set()
_SUFFIX = ".arclean"


def remove_pending() -> None:
    """Remove every temporary file not yet renamed (safe in a signal handler)."""
    for name in list(PENDING):
        with contextlib.suppress(OSError):
            os.unlink(name)
        PENDING.discard(name)


def write_all(fd: int, data: bytes) -> None:
    """Write all of `data` to the file descriptor `fd`, looping over partial
    writes.  Raises `OSError` (``ENOSPC``, ``EPIPE``...) when it cannot."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        if written <= 0:
            raise OSError(errno.EIO, "the write wrote nothing")
        view = view[written:]


def temp_name(target: Path) -> str:
    """A fresh name for a temporary file beside `target`, hidden, that fits
    the folder's longest file name (NAME_MAX) however long `target`'s is."""
    try:
        name_max = os.pathconf(target.parent, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):
        name_max = 255
    import secrets  # hashlib, hmac, random: only when a file is written

    token = "." + secrets.token_hex(8) + _SUFFIX
    base = os.fsencode(target.name)[: max(1, name_max - 1 - len(token))]
    return str(target.parent / (os.fsdecode(b"." + base) + token))


def _same(before: os.stat_result, after: os.stat_result) -> bool:
    return (before.st_size, before.st_mtime_ns, before.st_ino, before.st_dev) == (
        after.st_size,
        after.st_mtime_ns,
        after.st_ino,
        after.st_dev,
    )


def _refusal(st: os.stat_result, target: Path, expect: Stamp | None) -> str | None:
    if not stat.S_ISREG(st.st_mode):
        return "is not a regular file; refused"
    if expect is not None and (st.st_size, st.st_mtime_ns, st.st_ino, st.st_dev) != (
        expect.size,
        expect.mtime_ns,
        expect.inode,
        expect.device,
    ):
        return "changed while it was being fixed; left as it is now (run arclean again)"
    if st.st_nlink > 1:
        return (
            f"has {st.st_nlink} hard links; replacing it would split them, so it was left "
            "untouched (to fix it in place, keeping its links: arclean fix --stdin-filename "
            "FILE - < FILE > FILE.new && cat FILE.new > FILE)"
        )
    if not st.st_mode & 0o222 or not os.access(target, os.W_OK):
        return "is read-only; left untouched (make it writable to fix it)"
    return None


def cannot_write(path: str | Path) -> str | None:
    """Why `write_atomic` would refuse to write `path` (``is read-only; ...``:
    the file, or the folder its temporary file goes in), or None: for a
    command that must know before it starts (`names review`)."""
    target = Path(os.path.realpath(path))
    try:
        st = os.stat(target)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        return f"cannot write: {exc.strerror or exc}"
    if st is not None and (not st.st_mode & 0o222 or not os.access(target, os.W_OK)):
        return "is read-only"
    if not os.access(target.parent, os.W_OK | os.X_OK):
        return f"cannot be written: its folder {target.parent} is read-only"
    return None


def _still_there(path: str | Path, target: Path, st: os.stat_result) -> None:
    """Raise `InputError` when `target` (named `path`) was deleted or
    changed since `st` was taken (while its new contents were made)."""
    try:
        now = os.stat(target)
    except FileNotFoundError:
        raise InputError(f"{path}: deleted while it was being fixed; nothing written") from None
    if not _same(st, now):
        raise InputError(
            f"{path}: changed while it was being fixed; left as it is now (run arclean again)"
        )


def _keep_owner(fd: int, st: os.stat_result) -> str | None:
    mine = os.fstat(fd)
    if (mine.st_uid, mine.st_gid) == (st.st_uid, st.st_gid):
        return None
    try:
        os.fchown(
            fd,
            st.st_uid if mine.st_uid != st.st_uid else -1,
            st.st_gid if mine.st_gid != st.st_gid else -1,
        )
    except OSError:
        return (
            f"is owned by user {st.st_uid}, group {st.st_gid}, which a rewritten file "
            "could not keep; left untouched"
        )
    return None


def _keep_xattrs(source: Path, fd: int) -> str | None:
    if not hasattr(os, "listxattr"):
        return None
    try:
        names = os.listxattr(source)
    except OSError as exc:
        if exc.errno in (errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS):
            return None
        return f"its extended attributes cannot be read ({exc.strerror}); left untouched"
    for attr in names:
        try:
            value = os.getxattr(source, attr)
            with contextlib.suppress(OSError):
                if os.getxattr(fd, attr) == value:
                    continue
            os.setxattr(fd, attr, value)
        except OSError as exc:
            return (
                f"has the extended attribute {attr!r}, which a rewritten file could not "
                f"keep ({exc.strerror}); left untouched"
            )
    return None


def write_atomic(
    path: str | Path, data: bytes, *, expect: Stamp | None = None, create: bool = False
) -> None:
    """Replace the contents of the regular file at `path` with the bytes
    `data`: `replace_atomic` with one write."""

    def produce(write: Callable[[bytes], None]) -> bool:
        write(data)
        return True

    replace_atomic(path, produce, expect=expect, create=create)


def replace_atomic(
    path: str | Path,
    produce: Callable[[Callable[[bytes], None]], bool],
    *,
    expect: Stamp | None = None,
    create: bool = False,
) -> bool:
    """Replace the contents of the regular file at `path` with what
    `produce` writes through the function it is given (chunk by chunk: a
    large file is never held whole), when it returns True; when it returns
    False the file is left as it was.  Returns whether it was replaced.

    All at once: a temporary file in the same folder, flushed to disk, then
    renamed over the original.  The original's owner, permissions and
    extended attributes are kept, and a symbolic link stays a link (its
    target is rewritten).  With `expect` (the `Stamp` taken when it was
    read), a file that changed since is refused, checked again just before
    the rename.  With `create`, a missing file is created (permissions from
    the umask).  Raises `InputError` when the file cannot or may not be
    written; the original is then untouched and no temporary file is left
    behind; so are they when `produce` raises, and its exception goes on.
    """
    target = Path(os.path.realpath(path))
    try:
        st: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        if not create:
            raise InputError(f"{path}: no such file; nothing written") from None
        st = None
        if not target.parent.is_dir():
            raise InputError(
                f"{path}: cannot write: the folder {target.parent} does not exist"
            ) from None
    except OSError as exc:
        raise InputError(f"{path}: cannot write: {exc.strerror or exc}") from None
    if st is not None:
        refusal = _refusal(st, target, expect)
        if refusal:
            raise InputError(f"{path}: {refusal}")
    tmp: str | None = None
    try:
        while tmp is None:
            tmp = temp_name(target)
            PENDING.add(tmp)  # before it exists: a signal may come at any moment
            try:
                fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600 if st else 0o666)
            except FileExistsError:
                PENDING.discard(tmp)
                tmp = None
        try:
            if not produce(lambda data: write_all(fd, data)):
                return False
            if st is not None:
                _still_there(path, target, st)
            os.fsync(fd)
            if st is not None:
                refusal = _keep_owner(fd, st)
                if refusal is None:
                    os.fchmod(fd, stat.S_IMODE(st.st_mode))
                    refusal = _keep_xattrs(target, fd)
                if refusal:
                    raise InputError(f"{path}: {refusal}")
        finally:
            os.close(fd)
        if st is not None and not _same(st, os.stat(target)):
            raise InputError(
                f"{path}: changed while it was being fixed; left as it is now (run arclean again)"
            )
        os.replace(tmp, target)
        PENDING.discard(tmp)
        tmp = None
        _sync_folder(target.parent)
        return True
    except MemoryError:
        raise InputError(f"{path}: out of memory while writing; left untouched") from None
    except OSError as exc:
        raise InputError(
            f"{path}: cannot write: {exc.strerror or exc}; the file was left untouched"
        ) from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            PENDING.discard(tmp)


def _sync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
