"""arclean: clean and normalize Arabic text.

>>> from arclean import Cleaner
>>> Cleaner().fix("قال ، ثم").text
'قال، ثم'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["Cleaner", "__version__"]

#: The installed distribution's version (pyproject.toml is its one home);
#: ``0+unknown`` when arclean runs from a checkout that is not installed.
__version__: str

if TYPE_CHECKING:
    from arclean.api import Cleaner


def __getattr__(name: str) -> Any:
    # Lazy, so that `arclean --help` pays neither for compiling rules nor for
    # reading the installed package's metadata.
    if name == "Cleaner":
        from arclean.api import Cleaner

        return Cleaner
    if name == "__version__":
        from arclean.version import version

        value = version()
        globals()["__version__"] = value
        return value
    raise AttributeError(name)
