"""The scan entry point: count, then cluster, over all the texts together."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from arclean.names.clustering import cluster
from arclean.names.counting import Counts, count_texts, reiterable
from arclean.names.glossary import Glossary, merge
from arclean.names.model import DEFAULT_SETTINGS, Cluster, Settings


def scan(
    texts: Iterable[str],
    *,
    glossaries: Sequence[Glossary] = (),
    corpus_counts: Counts | None = None,
    settings: Settings = DEFAULT_SETTINGS,
    kwic: bool = True,
) -> list[Cluster]:
    """Clusters of spellings of the same name across all `texts` together,
    auto clusters first, then by total count.

    `texts` is read several times (counting; the neighbours of the pairs
    that need them, compound spellings, the name uses of the words an
    automatic merge needs them for; KWIC lines):
    a one-shot iterator is buffered in memory, a re-iterable (a list, or
    `cli.names_inputs.Inputs` streaming files) is not.  `corpus_counts` (from
    `count_texts`) adds evidence from a larger corpus: its words attest
    proclitic splits and count towards frequencies.  With `kwic`, each
    member carries one line of context.

    A scan builds millions of small acyclic objects; a caller scanning a large
    corpus may pause the cyclic garbage collector around it (the CLI does).
    """
    texts = reiterable(texts)
    counts = count_texts(texts, corpus_counts, track_lines=kwic)
    return cluster(texts, counts, merge(glossaries), settings, kwic)
