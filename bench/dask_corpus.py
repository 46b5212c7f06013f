#!/usr/bin/env python3
"""Benchmark: `arclean.dask.clean_column` (names across the corpus, then
every rule) on a local cluster of N worker processes, against one process
(`arclean.corpus.clean_texts`), over Parquet shards made from text files.

Each paragraph (non-empty line) of the inputs is one record; the records
are written as `--partitions` Parquet files to a temporary folder.  Prints
MB, seconds and MB/s for each run and whether the results are equal.

Usage: python bench/dask_corpus.py FILE... [--workers 2] [--partitions 8]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--partitions", type=int, default=8)
    ap.add_argument("--no-single", action="store_true", help="skip the one-process run")
    ap.add_argument("--no-names", action="store_true", help="every rule, no names phase")
    args = ap.parse_args()

    import dask.dataframe as dd
    import pandas as pd
    from dask.distributed import Client, LocalCluster

    from arclean.corpus import clean_texts
    from arclean.dask import clean_column

    texts = [
        line for f in args.files for line in f.read_text(encoding="utf-8").splitlines() if line
    ]
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"{len(texts)} records, {size:.1f} MB")
    with tempfile.TemporaryDirectory() as tmp:
        source, target = Path(tmp) / "in", Path(tmp) / "out"
        frame = pd.DataFrame({"id": range(len(texts)), "text": texts})
        dd.from_pandas(frame, npartitions=args.partitions).to_parquet(source)
        with (
            LocalCluster(
                n_workers=args.workers,
                processes=True,
                threads_per_worker=1,
                dashboard_address=None,
            ) as cluster,
            Client(cluster),
        ):
            started = time.perf_counter()
            cleaned = clean_column(dd.read_parquet(source), "text", names=not args.no_names)
            cleaned.to_parquet(target)
            took = time.perf_counter() - started
        print(f"dask, {args.workers} workers: {took:.1f} s, {size / took:.2f} MB/s")
        if args.no_single:
            return 0
        result = pd.read_parquet(target).sort_values("id")["text"].tolist()
        started = time.perf_counter()
        single = clean_texts(texts, names=not args.no_names)
        took1 = time.perf_counter() - started
        print(f"one process: {took1:.1f} s, {size / took1:.2f} MB/s")
        print(f"speed-up {took1 / took:.2f}x; results equal: {result == single}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
