#!/usr/bin/env python3
"""Benchmark: `arclean.names.scan` over the Hindawi books (21 MB).

Reports wall time, peak RSS and the number of clusters by tier; streams the
files in line blocks (see `arclean.cli.names._Inputs`).

Usage: python bench/names_scan.py [--corpus ../shared/corpus] [--show 20]
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from arclean.cli.names import _Inputs  # noqa: E402
from arclean.names import scan  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--show", type=int, default=20, help="print this many auto clusters")
    args = ap.parse_args()
    files = sorted(str(p) for p in (args.corpus / "plain").glob("hindawi_*.txt"))
    if not files:
        print("corpus not found", file=sys.stderr)
        return 2
    size = sum(Path(f).stat().st_size for f in files)
    t0 = time.perf_counter()
    clusters = scan(_Inputs(files))
    wall = time.perf_counter() - t0
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    tiers = Counter(cl.tier for cl in clusters)
    print(f"{len(files)} files, {size / 1e6:.1f} MB: {wall:.1f} s, peak RSS {rss_mb:.0f} MB")
    print(f"clusters: {dict(tiers)}")
    for cl in [c for c in clusters if c.tier == "auto"][: args.show]:
        print(f"  {cl.canonical}: " + ", ".join(f"{m.form}×{m.count}" for m in cl.members))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
