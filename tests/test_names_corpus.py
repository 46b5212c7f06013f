"""Checks on the shared corpus (skipped when it is absent)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from _eval import eval_module

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"

pytestmark = pytest.mark.skipif(not (CORPUS / "ner").is_dir(), reason="shared corpus absent")


def test_eval_runs_on_dev(tmp_path: Path) -> None:
    out = tmp_path / "dev.json"
    r = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "eval_names.py"), "--split", "dev", "--seeds",
         "1", "--json", str(out)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert out.exists() and "recall" in out.read_text(encoding="utf-8")


def test_dev_figures_stay_within_their_interval() -> None:
    """Pinned from `python scripts/eval_names.py --split dev --seeds 3`
    (docs/names.md): the point figures must stay inside the 95 % per-name
    bootstrap interval measured then."""
    ev = eval_module()
    from arclean.names.model import DEFAULT_SETTINGS

    pinned = {
        "aqmar": {"recall": (0.367, 0.682), "false_per_10k": (0.0, 4.552)},
        "pud": {"recall": (0.200, 0.567), "false_per_10k": (0.0, 0.0)},
    }
    for src, figures in pinned.items():
        res = ev.run("dev", [1, 2, 3], DEFAULT_SETTINGS, "auto", CORPUS, src)
        for key, (lo, hi) in figures.items():
            assert lo <= res[key] <= hi, (src, key, res[key])


def test_no_shipped_name_list_overlaps_the_test_split() -> None:
    """Every shipped gazetteer word comes from its CC0 source (Wikidata name
    tokens), every place token from Natural Earth's country names (public
    domain), and no gold name word of the test splits that its declared
    sources lack is in any shipped data file: nothing was written from the
    evaluation's examples."""
    import gzip

    ev = eval_module()
    data = ROOT / "arclean" / "names" / "data"
    assert sorted(p.name for p in data.iterdir() if p.suffix != ".md") == [
        "gazetteer.tsv.gz",
        "lexicon.tsv.gz",
        "places.tsv.gz",
    ]

    def keys(name: str) -> set[str]:
        with gzip.open(data / name, "rt", encoding="utf-8") as fh:
            return {line.split("\t", 1)[0] for line in fh if not line.startswith("#")}

    gaz, lex = keys("gazetteer.tsv.gz"), keys("lexicon.tsv.gz")
    places = keys("places.tsv.gz")
    from arclean.names.lexicon import strip_marks
    from arclean.names.tokens import words

    natural_earth = {
        strip_marks(w)
        for line in (ROOT / "tests" / "fixtures" / "natural_earth_admin0_name_ar.txt")
        .read_text(encoding="utf-8")
        .splitlines()
        for w in words(line)
    }
    assert places <= natural_earth

    wikidata = {
        strip_marks(line.rstrip("\n").split("\t")[1])
        for line in (CORPUS / "names" / "wikidata_en_ar_name_tokens.tsv")
        .read_text(encoding="utf-8")
        .splitlines()[1:]
    }
    assert gaz <= wikidata
    books = "".join(
        (CORPUS / "plain" / f"hindawi_{b}.txt").read_text(encoding="utf-8")
        for b in ("history", "novels", "translated")
    )
    for src in ("aqmar", "pud"):
        names = ev.load_split("test", CORPUS, src).names
        unsourced = {
            n for n in names if n not in wikidata and n not in books and n not in natural_earth
        }
        assert not unsourced & (gaz | lex | places), src
