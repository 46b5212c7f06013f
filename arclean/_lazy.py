"""Lazy exports for a package's ``__init__``: a name is imported from the
module that holds it on first use, so importing the package costs nothing
(start-up time matters to hooks).  One home for the mechanism, used by
`arclean.ruleset` and `arclean.names`."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from typing import Any


def lazy_getattr(package: str, homes: Mapping[str, tuple[str, ...]]) -> Callable[[str], Any]:
    """A module ``__getattr__`` for `package` (its ``__name__``) that imports
    each name of `homes` (module → names it exports) on first use and keeps
    it in the package's namespace.  Raises `AttributeError` for any other
    name, as a module does."""
    exports = {name: module for module, names in homes.items() for name in names}

    def __getattr__(name: str) -> Any:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        vars(sys.modules[package])[name] = value
        return value

    return __getattr__
