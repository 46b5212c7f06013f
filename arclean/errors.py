"""The errors arclean reports to a user.  Every one of them exits with code 2
from the command line; none of them prints anything itself."""

from __future__ import annotations


class ArcleanError(Exception):
    """Base of every error meant for a user: the message says what went wrong,
    where, and how to fix it."""


class RuleFileError(ArcleanError):
    """A rule file cannot be read or does not validate."""

    def __init__(self, path: str, message: str, line: int | None = None, code: str | None = None):
        self.path = path
        self.line = line
        self.code = code
        where = f"{path}:{line}" if line else path
        rule = f" (rule {code})" if code else ""
        super().__init__(f"{where}{rule}: {message}")


class SelectorError(ArcleanError):
    """A --select/--ignore entry names no rule, prefix or group."""


class FoldsOnlySelector(SelectorError):
    """A broad selector (``AR49``) that matches only folds of the search
    profile, which it never takes into `profile`.  The message says how to
    choose the search profile in Python (``profile="search"``); `advice`
    says it for another setting (``--profile search``)."""

    def __init__(self, selector: str, folds: tuple[str, ...], profile: str) -> None:
        self.selector, self.folds, self.profile = selector, folds, profile
        super().__init__(self.advice('profile="search"'))

    def advice(self, choose: str) -> str:
        """The message, `choose` saying how to choose the search profile."""
        return (
            f"{self.selector!r} matches only folds of the search profile "
            f"({', '.join(self.folds)}), which a broad selector never takes into the "
            f"{self.profile} profile; choose the search profile ({choose}), or name each "
            "fold by its code"
        )


class ConfigError(ArcleanError):
    """A configuration file or value is invalid."""


class InputError(ArcleanError):
    """A file cannot be read or decoded."""


class Unencodable(ArcleanError):
    """A fix would write a character the output encoding (cp1256) has no
    byte for; the message names the encoding and the character."""


class ConvergenceError(ArcleanError):
    """Fixes kept changing the text: two rules undo each other."""


class OutputError(ArcleanError):
    """Standard output could not take all of the output (a full disk...)."""


class WorkerError(ArcleanError):
    """A worker process of ``-j`` died (killed, or out of memory)."""


class RuleTimeout(ArcleanError):
    """A rule's pattern ran past its time limit on a text."""


class GrowthError(ArcleanError):
    """A rule kept growing the text (a replacement that matches its own output)."""
