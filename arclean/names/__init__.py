"""Reconciling inconsistent spellings of names (issue 4).

Public API: `scan`, `Reconciler`, `load_glossary`, `Glossary`, `Cluster`,
`Replacement`.  Heavy pieces (lexicon, gazetteer) load on first use.
"""

from __future__ import annotations

from arclean.names.glossary import Entry, Glossary, GlossaryError, load_glossary
from arclean.names.reconcile import (
    CODE_FUZZY,
    CODE_GLOSSARY,
    Cluster,
    Member,
    Reconciler,
    Replacement,
    Settings,
    scan,
)

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
