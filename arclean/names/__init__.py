"""Reconciling inconsistent spellings of names (issue 4).

Public API: `scan`, `Reconciler`, `load_glossary`, `Glossary`, `Cluster`,
`Replacement`.  Heavy pieces (lexicon, gazetteer) load on first use.

The modules follow the pipeline (see docs/names.md): `model` (settings and
result types), `tokens`, `counting`, `evidence` (the word judge), `pairing`,
`context`, `scoring`, `clustering`, `scanning`; `rewrite` and `rules` on top;
`lexicon`, `similarity` and `glossary` are the data and measures they use.

The names below are imported from their modules on first use, so that
``arclean.names.lexicon`` (which the letter rules read for a text holding
ی or ک) loads without the whole pipeline.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from arclean._lazy import lazy_getattr

if TYPE_CHECKING:
    from arclean.names.glossary import Entry, Glossary, GlossaryError, load_glossary
    from arclean.names.model import (
        CODE_FUZZY,
        CODE_GLOSSARY,
        Cluster,
        Member,
        Replacement,
        Settings,
    )
    from arclean.names.rewrite import Reconciler
    from arclean.names.scanning import scan

__all__ = [
    "CODE_FUZZY",
    "CODE_GLOSSARY",
    "Cluster",
    "Entry",
    "Glossary",
    "GlossaryError",
    "Member",
    "Reconciler",
    "Replacement",
    "Settings",
    "load_glossary",
    "scan",
]

#: Where each name of `__all__` lives.
_HOMES: dict[str, tuple[str, ...]] = {
    "arclean.names.glossary": ("Entry", "Glossary", "GlossaryError", "load_glossary"),
    "arclean.names.model": (
        "CODE_FUZZY",
        "CODE_GLOSSARY",
        "Cluster",
        "Member",
        "Replacement",
        "Settings",
    ),
    "arclean.names.rewrite": ("Reconciler",),
    "arclean.names.scanning": ("scan",),
}
__getattr__ = lazy_getattr(__name__, _HOMES)
