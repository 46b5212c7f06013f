"""What `arclean pipe names` rewrites in a text, for the names tests: one
home for the helper every round's tests use."""

from __future__ import annotations

from arclean.names import Reconciler
from arclean.names.model import DEFAULT_SETTINGS, Settings


def auto_rewrites(text: str, settings: Settings = DEFAULT_SETTINGS) -> list[tuple[str, str]]:
    """The (old, new) word pairs of the automatic tier's rewrite of `text`,
    reconciled on itself as `pipe names` runs it."""
    rec = Reconciler(fuzzy=True, tier="auto", settings=settings)
    rec.prepare([text])
    return [(r.old, r.new) for r in rec.rewrite(text)[1]]
