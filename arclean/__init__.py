"""arclean: clean and normalize Arabic text.

>>> from arclean import Cleaner
>>> Cleaner().fix("قال ، ثم").text
'قال، ثم'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Cleaner", "__version__"]

if TYPE_CHECKING:
    from arclean.api import Cleaner


def __getattr__(name: str) -> Any:
    # Lazy, so that `arclean --help` does not pay for compiling rules.
    if name == "Cleaner":
        from arclean.api import Cleaner

        return Cleaner
    raise AttributeError(name)
