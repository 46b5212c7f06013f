from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

# Test helpers (the scrambler) live next to the tests.
sys.path.insert(0, str(Path(__file__).resolve().parent))

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
SEEDS = REPO / "seeds"
SEED = SEEDS / "000_1e98b3542325010d.txt"

#: A glossary for the seed's name: its variant فيان is spelled فيدان.
SEED_GLOSSARY = """version = 1
fold = "arclean-fold-v1"

[[entity]]
canonical = "فيدان"
variants = ["فيان"]
type = "PER"
"""


def corpus_lines(corpus: Path, names: list[str], per_file: int) -> str:
    """The first `per_file` lines of each corpus file in `names` that exists,
    joined: a sample of real text for tests that compare two ways of doing
    the same work."""
    import itertools

    lines: list[str] = []
    for name in names:
        path = corpus / name
        if path.exists():
            with path.open(encoding="utf-8") as handle:
                lines.extend(itertools.islice(handle, per_file))
    return "".join(lines)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("the shared corpus (../shared/corpus) is not present")
    return CORPUS
