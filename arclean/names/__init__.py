"""Reconciling inconsistent spellings of names (issue 4).

Public API: `scan`, `Reconciler`, `load_glossary`, `Glossary`, `Cluster`,
`Replacement`.  Heavy pieces (lexicon, gazetteer) load on first use.

The modules follow the pipeline (see docs/names.md): `model` (settings and
result types), `tokens`, `counting`, `evidence` (the word judge), `pairing`,
`context`, `scoring`, `clustering`, `scanning`; `rewrite` and `rules` on top;
`lexicon`, `similarity` and `glossary` are the data and measures they use.
"""

from __future__ import annotations

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
