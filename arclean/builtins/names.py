"""Built-ins of the names group: name spellings from glossaries
(``names-glossary``) and inferred from the text (``names-fuzzy``).  The
names machinery is imported only when a rule runs."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from arclean.ruleset.model import Rule
    from arclean.text.spans import Span


def names_glossary(text: str, spans: Sequence[Span], rule: Rule) -> list[Any]:
    """Spellings of names listed in the glossaries become the canonical one
    (proclitics kept: وفيان → وفيدان). A safe fix: a person wrote the list."""
    if not rule.option("glossaries"):
        return []  # nothing to do, and no need to load the names machinery
    from arclean.names.rules import glossary_rewrites

    return glossary_rewrites(text, spans, rule)


def names_fuzzy(text: str, spans: Sequence[Span], rule: Rule) -> list[Any]:
    """A rare spelling of a name that the same text spells otherwise, merged
    into the well-attested spelling when the evidence reaches the ``auto``
    tier. An unsafe fix: it is inferred, not listed."""
    from arclean.names.rules import fuzzy_rewrites

    return fuzzy_rewrites(text, spans, rule)
