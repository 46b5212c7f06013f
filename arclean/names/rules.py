"""Name reconciliation as rules of the engine (AR801, AR802), so that
selection, ``--unsafe-fixes``, spans, change tracking and reports work for
names as for every other rule.

- AR801 rewrites the variants listed in the glossaries (a safe fix).
- AR802 merges the variants the reconciler finds in the text itself at the
  ``auto`` tier (an unsafe fix: a guess, however well supported).

Glossaries reach the rules through the ``glossaries`` option, which the
configuration and ``--glossary`` fill in.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from os import PathLike
from typing import TYPE_CHECKING

from arclean.text.edits import Replacement

if TYPE_CHECKING:
    from arclean.names.glossary import Glossary
    from arclean.ruleset import Rule
    from arclean.text.spans import Span


#: Where a glossary comes from, as the ``glossaries`` option holds it: the
#: absolute path of a file, or ``("toml", text)`` for one built in memory
#: (the Dask path ships its glossary so, and writes no file).
GlossarySource = str | tuple[str, str]


def glossary_sources(
    glossaries: Sequence[str | PathLike[str] | Glossary],
) -> tuple[GlossarySource, ...]:
    """The ``glossaries`` option for `glossaries` (paths or `Glossary`
    objects): paths made absolute, glossaries as their TOML text."""
    import os

    return tuple(
        os.path.abspath(g) if isinstance(g, (str, PathLike)) else ("toml", g.dumps())
        for g in glossaries
    )


@lru_cache(maxsize=32)
def load_glossaries(sources: tuple[GlossarySource, ...]) -> tuple[Glossary, ...]:
    """The glossaries of `sources` (`glossary_sources`), loaded and validated
    once per process.  Raises `GlossaryError` for one that cannot be read or
    does not validate."""
    from arclean.names.glossary import IN_MEMORY, load_glossary, loads_glossary

    return tuple(
        load_glossary(source) if isinstance(source, str) else loads_glossary(source[1], IN_MEMORY)
        for source in sources
    )


def _inside(start: int, end: int, spans: Sequence[Span]) -> bool:
    return any(span.start <= start and end <= span.end for span in spans)


def _rewrites(text: str, spans: Sequence[Span], rule: Rule, fuzzy: bool) -> list[Replacement]:
    from arclean.names.model import CODE_FUZZY, CODE_GLOSSARY
    from arclean.names.rewrite import Reconciler

    glossaries = load_glossaries(tuple(rule.option("glossaries", ())))
    if not fuzzy and not glossaries:
        return []
    reconciler = Reconciler(glossaries=glossaries, fuzzy=fuzzy, tier="auto")
    if fuzzy:
        # Spellings are counted in prose only: a name inside a URL, code or
        # markup is no evidence for or against a spelling.
        reconciler.prepare(["\n".join(text[span.start : span.end] for span in spans)])
    wanted = CODE_FUZZY if fuzzy else CODE_GLOSSARY
    _, replacements = reconciler.rewrite(text)
    found = [r for r in replacements if r.code == wanted and _inside(r.start, r.end, spans)]
    if found:
        # a clause quoted in Persian, Urdu or Ottoman Turkish inside an
        # Arabic paragraph («بالتركية العثمانية: قوللى محمد على پاشا») keeps
        # its own spellings, as the letter rules leave it
        from arclean.text.foreign import foreign_ranges
        from arclean.text.spans import overlaps_any

        quoted = [r for span in spans for r in foreign_ranges(text, span.start, span.end)]
        found = [r for r in found if not overlaps_any(r.start, r.end, quoted)]
    return [Replacement(r.start, r.end, r.new, rule.code) for r in found]


def glossary_rewrites(text: str, spans: Sequence[Span], rule: Rule) -> list[Replacement]:
    """Variants listed in the glossaries become their canonical spelling."""
    return _rewrites(text, spans, rule, fuzzy=False)


def fuzzy_rewrites(text: str, spans: Sequence[Span], rule: Rule) -> list[Replacement]:
    """Rare spellings of a name the text spells otherwise become the
    well-attested spelling (auto tier only)."""
    return _rewrites(text, spans, rule, fuzzy=True)
