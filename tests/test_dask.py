"""The Dask extra: cleaning bags and dataframe columns, and names reconciled
across a corpus in two phases, on a real local cluster of two worker
processes.  Skipped when dask is not installed (CI installs it: the README's
test command takes the ``dask`` extra)."""

from __future__ import annotations

import pytest

pytest.importorskip("dask")
pytest.importorskip("distributed")
pytest.importorskip("pyarrow")

import dask
import dask.bag as db
import dask.dataframe as dd
import pandas as pd
from conftest import SEEDS

from arclean.corpus import (
    Partitioned,
    clean_texts,
    corpus_glossary,
    count_partition,
    lines_with,
    merge_counts,
)
from arclean.dask import clean_bag, clean_column, names_glossary
from arclean.errors import SelectorError
from arclean.names import scan
from arclean.names.glossary import glossary_from_clusters

CANONICAL = [
    "التقى وزير الخارجية التركي هاكان فيدان ولافروف في أنقرة يوم الاثنين.",
    "وقال فيدان خلال مؤتمر صحفي مشترك مع لافروف ، إن بلاده مستعدة للمساهمة في محادثات السلام.",
    "أضاف فيدان أن المبادرة الجديدة تهدف إلى إنهاء الحرب من خلال المفاوضات.",
]
#: The variant, once per partition: no document alone can reconcile it.
VARIANT = "وناقش هاكان فيان ولافروف محادثات السلام المحتملة بين أوكرانيا وروسيا."
PARTITIONS = 4


def corpus() -> list[str]:
    texts = []
    for _ in range(PARTITIONS):
        texts += [CANONICAL[i % 3] for i in range(6)] + [VARIANT]
    return texts


def frame() -> pd.DataFrame:
    texts = corpus()
    return pd.DataFrame({"id": range(len(texts)), "text": texts, "score": [1.5] * len(texts)})


@pytest.fixture(scope="module")
def reference() -> list[str]:
    """The single-process result: scan all texts at once, rewrite each."""
    return clean_texts(corpus(), names=True)


def test_the_reference_reconciles_the_planted_variant(reference):
    assert not any("فيان" in t for t in reference)
    assert sum("هاكان فيدان ولافروف" in t for t in reference) == 2 * PARTITIONS + PARTITIONS
    assert all("،" in t and " ،" not in t for t in reference if "لافروف ،" in t or "، إن" in t)


def test_partitioned_clustering_is_the_scan(reference):
    """Counts added up and context lines fetched per partition give the
    glossary of one scan over everything, on the seeds too."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    for texts in (corpus(), seeds):
        parts = [texts[i::3] for i in range(3)]
        counts = merge_counts(count_partition(p) for p in parts)
        fetch = Partitioned(
            lambda hits, parts=parts: [x for p in parts for x in lines_with(p, hits)]
        )
        split = corpus_glossary(counts, fetch)
        whole = glossary_from_clusters(scan(texts, kwic=False), "auto")
        assert split.dumps() == whole.dumps()
    with pytest.raises(TypeError):
        iter(fetch)


def test_clean_bag_without_names_is_the_cleaner():
    bag = db.from_sequence(["قال ، ثم", None, "قال ؟"], npartitions=2)
    with dask.config.set(scheduler="sync"):
        assert clean_bag(bag).compute() == ["قال، ثم", None, "قال؟"]
        assert clean_bag(bag, select=["AR5"]).compute() == ["قال ، ثم", None, "قال ؟"]


def test_bad_settings_fail_at_once():
    with pytest.raises(SelectorError):
        clean_bag(db.from_sequence(["x"]), select=["AR9999"])


def test_one_partition_one_process_gives_the_reference(reference):
    with dask.config.set(scheduler="sync"):
        one = dd.from_pandas(frame(), npartitions=1)
        assert clean_column(one, "text", names=True).compute()["text"].tolist() == reference
        bag = db.from_sequence(corpus(), npartitions=PARTITIONS)
        assert clean_bag(bag, names=True).compute() == reference
        assert [e.canonical for e in names_glossary(bag).entries] == ["فيدان"]


def test_a_local_cluster_cleans_parquet_like_one_process(tmp_path, reference):
    from dask.distributed import Client, LocalCluster

    source, target = tmp_path / "in", tmp_path / "out"
    dd.from_pandas(frame(), npartitions=PARTITIONS).to_parquet(source)
    assert len(list(source.glob("*.parquet"))) == PARTITIONS
    with (
        LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        df = dd.read_parquet(source)
        assert df.npartitions == PARTITIONS
        clean_column(df, "text", names=True).to_parquet(target)
        # the work was done by the worker processes, not this one
        assert len(client.scheduler_info()["workers"]) == 2
    result = pd.read_parquet(target).sort_values("id")
    assert result["text"].tolist() == reference
    assert result["score"].tolist() == [1.5] * len(reference)
    assert result["id"].tolist() == list(range(len(reference)))


def test_the_readme_example_runs(tmp_path, monkeypatch):
    from conftest import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    (block,) = [b.split("```")[0] for b in readme.split("```py\n")[1:]]
    assert 'if __name__ == "__main__":' in block
    monkeypatch.chdir(tmp_path)
    with dask.config.set(scheduler="sync"):
        exec(compile(block, "README.md", "exec"), {"__name__": "__main__"})
    assert (tmp_path / "clean").is_dir()


def test_the_readme_example_runs_as_a_script(tmp_path):
    # Saved to a file and run with Dask's own scheduler (a process pool that
    # starts fresh interpreters): without the __main__ guard it fails.
    import os
    import subprocess
    import sys

    from conftest import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    (block,) = [b.split("```")[0] for b in readme.split("```py\n")[1:]]
    script = tmp_path / "example.py"
    script.write_text(block, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, str(script)], cwd=tmp_path, env=env, capture_output=True, timeout=300
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    assert (tmp_path / "clean").is_dir()
