"""Corpus-wide cleaning and name reconciliation in two phases, in pieces
that run on one partition of texts each: what `arclean.dask` distributes,
and `clean_texts`, the same on one process.

1. Count the words of each partition (`count_partition`), add the counts up
   (`merge_counts`), and cluster once (`corpus_glossary`).  The clustering
   reads some lines again (the neighbours of the pairs that need context):
   a `Partitioned` asks each partition for just those lines
   (`lines_with`).  The result is the glossary of the ``auto`` tier.
2. Rewrite every partition with that glossary (`clean_partition`): AR801
   through the engine, with every other rule of the settings.

Phase 1 gives the clusters of `arclean.names.scan` over all the texts at
once (without context lines): counts add up, and the context pass sees the
same lines.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from arclean.names.counting import Counts

if TYPE_CHECKING:
    from arclean.api import Cleaner
    from arclean.names.glossary import Glossary

__all__ = [
    "Partitioned",
    "clean_partition",
    "clean_texts",
    "corpus_glossary",
    "count_partition",
    "lines_with",
    "merge_counts",
]

#: One partition's word counts: (surface word → count, number of tokens).
PartialCounts = tuple[Counter[str], int]


def count_partition(texts: Iterable[Any]) -> PartialCounts:
    """The word counts of one partition (items that are not strings, such as
    missing values, count nothing)."""
    counts = Counts()
    for text in texts:
        if isinstance(text, str):
            counts.add_text(text)
    return counts.surface, counts.tokens


def merge_counts(parts: Iterable[PartialCounts]) -> PartialCounts:
    """The counts of several partitions added up."""
    surface: Counter[str] = Counter()
    tokens = 0
    for part_surface, part_tokens in parts:
        surface.update(part_surface)
        tokens += part_tokens
    return surface, tokens


def lines_with(texts: Iterable[Any], hits: set[str]) -> list[str]:
    """The lines of `texts` that hold one of the (mark-stripped) words
    `hits`: the lines `arclean.names.context.neighbours` reads."""
    from arclean.names.context import _MARKS_RE
    from arclean.names.lexicon import strip_marks
    from arclean.names.tokens import words

    found = []
    for text in texts:
        if not isinstance(text, str):
            continue
        for line in text.splitlines():
            ws = words(line)
            if ws and (
                not hits.isdisjoint(ws)
                or (_MARKS_RE.search(line) and any(strip_marks(w) in hits for w in ws))
            ):
                found.append(line)
    return found


class Partitioned:
    """Texts that stay where they are: the clustering asks for the lines it
    needs through `lines_with`, answered by `fetch(hits)` (a distributed
    map over the partitions)."""

    def __init__(self, fetch: Callable[[set[str]], list[str]]) -> None:
        self.fetch = fetch

    def lines_with(self, hits: set[str]) -> list[str]:
        return self.fetch(hits)

    def __iter__(self) -> Any:
        raise TypeError("texts spread over partitions are read through lines_with only")


def corpus_glossary(
    counts: PartialCounts, texts: Iterable[str], glossaries: Sequence[Glossary] = ()
) -> Glossary:
    """The ``auto`` glossary of a corpus from its merged `counts`; `texts`
    is the corpus itself, or a `Partitioned` view of it."""
    from arclean.names.clustering import cluster
    from arclean.names.glossary import glossary_from_clusters, merge
    from arclean.names.model import DEFAULT_SETTINGS

    finished = Counts()
    finished.surface, finished.tokens = Counter(counts[0]), counts[1]
    finished.finish()
    clusters = cluster(texts, finished, merge(glossaries), DEFAULT_SETTINGS, False)
    return glossary_from_clusters(clusters, "auto")


def _jsonable(value: Any) -> Any:
    """A `Glossary` as ``{"toml": text}`` (`loaded_settings` reads it back);
    other sequences as lists."""
    return {"toml": value.dumps()} if hasattr(value, "dumps") else list(value)


def settings_key(settings: dict[str, Any]) -> str:
    """`Cleaner` settings as one hashable string (they travel with each task)."""
    return json.dumps(settings, sort_keys=True, ensure_ascii=False, default=_jsonable)


def loaded_settings(key: str) -> dict[str, Any]:
    """The settings of `key` (`settings_key`), glossaries built in memory
    loaded again.  Raises `GlossaryError` for one that does not validate."""
    settings: dict[str, Any] = json.loads(key)
    if any(isinstance(g, dict) for g in settings.get("glossaries", ())):
        from arclean.names.glossary import loads_glossary

        settings["glossaries"] = [
            loads_glossary(g["toml"]) if isinstance(g, dict) else g for g in settings["glossaries"]
        ]
    return settings


def given_glossaries(settings: dict[str, Any]) -> tuple[Glossary, ...]:
    """The glossaries of the `Cleaner` settings (paths or `Glossary`
    objects), loaded.  Raises `GlossaryError`."""
    from arclean.names.rules import glossary_sources, load_glossaries

    return load_glossaries(glossary_sources(settings.get("glossaries", ())))


@lru_cache(maxsize=8)
def cleaner_for(key: str, glossary_text: str = "") -> Cleaner:
    """The `Cleaner` of the settings `key` (`settings_key`), plus the
    glossary `glossary_text` (TOML) with AR801 on: built once per process."""
    from arclean.api import Cleaner

    settings = loaded_settings(key)
    if glossary_text:
        from arclean.names.glossary import loads_glossary

        # in memory: a worker on another machine cannot read the driver's files
        glossary = loads_glossary(glossary_text, "<corpus glossary>")
        settings["glossaries"] = [*settings.get("glossaries", ()), glossary]
        if settings.get("select") is not None:
            extend = settings.get("extend_select", ())
            extend = [extend] if isinstance(extend, str) else list(extend)
            settings["extend_select"] = [*extend, "AR801"]
    return Cleaner(**settings)


def clean_partition(texts: Iterable[Any], key: str, glossary_text: str = "") -> list[Any]:
    """Each text of one partition cleaned (other items, such as missing
    values, as they were)."""
    cleaner = cleaner_for(key, glossary_text)
    return [cleaner(t) if isinstance(t, str) else t for t in texts]


def clean_texts(texts: Sequence[Any], *, names: bool = False, **settings: Any) -> list[Any]:
    """`texts` cleaned on this process with the `Cleaner` `settings`; with
    `names`, after reconciling name spellings across all of them (the scan
    of `arclean.names.scan`, its ``auto`` tier as a glossary).  The
    reference for `arclean.dask`.  One str (or bytes) is refused with
    `TypeError`: iterated, it would be cleaned character by character."""
    if isinstance(texts, (str, bytes)):
        raise TypeError(
            f"clean_texts takes a sequence of texts, not one {type(texts).__name__}: "
            "pass [text], or call Cleaner()(text)"
        )
    glossary_text = ""
    if names:
        from arclean.names import scan
        from arclean.names.glossary import glossary_from_clusters

        strings = [t for t in texts if isinstance(t, str)]
        loaded = list(given_glossaries(settings))
        clusters = scan(strings, glossaries=loaded, kwic=False)
        glossary = glossary_from_clusters(clusters, "auto")
        glossary_text = glossary.dumps() if glossary.entries else ""
    return clean_partition(texts, settings_key(settings), glossary_text)
