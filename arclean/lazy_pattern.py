"""Patterns compiled on first use (`lazy_compile`): importing a module full
of patterns costs nothing until one of them is needed (start-up time
matters to hooks).  `arclean.chars` re-exports `lazy_compile`."""

from __future__ import annotations

import regex

#: The pattern methods a `LazyPattern` binds once compiled.
_BOUND = ("match", "search", "finditer", "findall", "fullmatch", "sub", "subn", "split")


class LazyPattern:
    """A pattern compiled on first use: importing a module full of patterns
    costs nothing until one of them is needed (start-up time matters to hooks)."""

    # Once compiled, the pattern's methods are bound into these slots: a
    # call on a hot path then costs a slot lookup, not a `__getattr__` call.
    __slots__ = ("_args", "_compiled", *_BOUND)

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._args = (pattern, flags)
        self._compiled: regex.Pattern[str] | None = None

    def __getattr__(self, name: str) -> object:
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = regex.compile(*self._args)
            for method in _BOUND:
                object.__setattr__(self, method, getattr(compiled, method))
        return getattr(compiled, name)


def lazy_compile(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    return LazyPattern(pattern, flags)  # type: ignore[return-value]
