"""Cleaning corpora with Dask: ``pip install 'arclean[dask]'``.

>>> import dask.bag as db
>>> from arclean.dask import clean_bag
>>> clean_bag(db.from_sequence(["قال ، ثم"], npartitions=1)).compute()
['قال، ثم']

- `clean_bag(bag, **settings)` cleans a `dask.bag` of strings;
  `clean_column(df, column, **settings)` a text column of a
  `dask.dataframe` (Parquet in, Parquet out).  `settings` are those of
  `arclean.Cleaner` (``profile``, ``select``, ``format``...); each worker
  process builds the cleaner once and reuses it for every partition.
- With ``names=True`` name spellings are reconciled across the whole
  corpus first, in two phases (`arclean.corpus`): word counts per
  partition, added up; one clustering on the client, which asks the
  partitions for the few context lines it needs; then the ``auto`` tier's
  glossary travels with every task and each partition is rewritten through
  the engine (AR801).  `names_glossary` returns that glossary, to review.

Missing values (None, NaN) pass through.  The computation runs on the
current scheduler: a `dask.distributed.Client` when one is active.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from arclean.corpus import (
    Partitioned,
    clean_partition,
    corpus_glossary,
    count_partition,
    given_glossaries,
    lines_with,
    merge_counts,
    settings_key,
)

if TYPE_CHECKING:
    import dask.bag as db
    import dask.dataframe as dd

    from arclean.names.glossary import Glossary

__all__ = ["clean_bag", "clean_column", "names_glossary"]


def _check_settings(settings: dict[str, Any]) -> str:
    """Fail here, not on every worker, when the settings are wrong."""
    from arclean.corpus import cleaner_for

    key = settings_key(settings)
    cleaner_for(key)
    return key


def names_glossary(bag: db.Bag, glossaries: Sequence[str | Glossary] = ()) -> Glossary:
    """The ``auto`` glossary of name spellings over all the texts of `bag`
    (computed now), as `arclean names scan` would find it over them at once;
    `glossaries` (paths of glossary files, or `Glossary` objects) are
    decisions it respects.  Raises `GlossaryError` for a glossary that
    cannot be read or does not validate."""
    counts = bag.reduction(count_partition, merge_counts).compute()

    def fetch(hits: set[str]) -> list[str]:
        return list(bag.map_partitions(lines_with, hits).compute())

    loaded = list(given_glossaries({"glossaries": glossaries}))
    return corpus_glossary(counts, Partitioned(fetch), loaded)


def _glossary_text(bag: db.Bag, settings: dict[str, Any]) -> str:
    glossary = names_glossary(bag, tuple(settings.get("glossaries", ())))
    return glossary.dumps() if glossary.entries else ""


def clean_bag(bag: db.Bag, *, names: bool = False, **settings: Any) -> db.Bag:
    """`bag` (of strings) cleaned with the `Cleaner` `settings`, lazily;
    with `names`, name spellings are reconciled across all of it first
    (that phase is computed now)."""
    key = _check_settings(settings)
    glossary = _glossary_text(bag, settings) if names else ""
    return bag.map_partitions(clean_partition, key, glossary)


def _clean_series(series: Any, key: str, glossary: str) -> Any:
    import pandas as pd

    values = clean_partition(series.tolist(), key, glossary)
    return pd.Series(values, index=series.index, name=series.name, dtype=series.dtype)


def clean_column(
    df: dd.DataFrame, column: str, *, names: bool = False, **settings: Any
) -> dd.DataFrame:
    """`df` with its text `column` cleaned with the `Cleaner` `settings`,
    lazily; with `names`, name spellings are reconciled across the whole
    column first (that phase is computed now)."""
    key = _check_settings(settings)
    glossary = _glossary_text(df[column].to_bag(), settings) if names else ""
    cleaned = df[column].map_partitions(_clean_series, key, glossary, meta=df[column]._meta)
    return df.assign(**{column: cleaned})
