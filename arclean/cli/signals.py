"""Signals: SIGTERM and SIGHUP end a run as Ctrl-C does, so that no
temporary file is left behind; worker processes (``-j``) remove theirs and
die with their parent."""

from __future__ import annotations

import os
import signal
import sys
from types import FrameType
from typing import NoReturn


class Terminated(BaseException):
    """SIGTERM or SIGHUP arrived: unwind (removing temporary files), then exit."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _raise(signum: int, _frame: FrameType | None) -> None:
    raise Terminated(signum)


def install() -> None:
    """In the main process: SIGTERM and SIGHUP raise `Terminated` (SIGINT
    already raises KeyboardInterrupt)."""
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _raise)


def _die(signum: int, _frame: FrameType | None = None) -> None:
    from arclean.io.write import remove_pending

    remove_pending()
    os._exit(128 + signum)


def worker_exit(code: int) -> NoReturn:
    """Ends a ``-j`` worker forked by `arclean.pool` at once: it shares the
    parent's objects, open files and exit handlers, none of which are its
    to finish."""
    os._exit(code)


def worker_setup(parent: int) -> None:
    """In a ``-j`` worker: on SIGINT, SIGTERM or SIGHUP remove temporary
    files and exit at once; die when the parent `parent` dies (even by
    ``kill -9``): the kernel sends SIGTERM on Linux, a watcher thread polls
    elsewhere."""
    for name in ("SIGTERM", "SIGHUP", "SIGINT"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _die)
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    else:
        import threading
        import time

        def watch() -> None:
            while os.getppid() == parent:
                time.sleep(0.5)
            _die(signal.SIGTERM)

        threading.Thread(target=watch, daemon=True).start()
    if os.getppid() != parent:  # the parent died before the line above
        _die(signal.SIGTERM)
