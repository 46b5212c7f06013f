"""The hand-written news articles of the names evaluation
(`tests/fixtures/names_articles`, `scripts/eval_names_articles.py`): every
file is read, every mark is balanced, and every split gets planted
variants."""

from __future__ import annotations

from pathlib import Path

import pytest
from _eval import eval_module

from arclean.names.tokens import iter_tokens

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "tests" / "fixtures" / "names_articles"
OPEN, CLOSE = "\u27e6", "\u27e7"


def test_every_file_is_an_article_of_one_split() -> None:
    ev = eval_module()
    import eval_names_articles as arts

    files = sorted(FOLDER.glob("*.txt"))
    assert len(files) == 30
    assert arts.files(FOLDER) == files  # every .txt is named NN_topic.txt
    splits = [arts.split_files(s, FOLDER) for s in ("train", "dev", "test")]
    assert [len(s) for s in splits] == [18, 6, 6]
    assert [f for s in splits for f in s] == files
    n = 0
    for split in ("train", "dev", "test"):
        sp = ev.load_split(split, ev.CORPUS, "articles")
        assert len(sp.sentences) == len(sp.gold) == len(arts.split_files(split, FOLDER))
        assert all(OPEN not in t and CLOSE not in t for t in sp.sentences)
        assert all(sp.gold) and sp.names
        n += len(sp.sentences)
    assert n == 30


@pytest.mark.parametrize("path", sorted(FOLDER.glob("*.txt")), ids=lambda p: p.name)
def test_marks_are_balanced(path: Path) -> None:
    eval_module()
    import eval_names_articles as arts

    marked = path.read_text(encoding="utf-8")
    assert marked.count(OPEN) == marked.count(CLOSE) > 0
    text, spans = arts.parse(marked)
    assert len(spans) == marked.count(OPEN)
    words = len(list(iter_tokens(text)))
    assert 110 <= words <= 420, words
    for a, b in spans:
        span = text[a:b]
        assert span == span.strip() and list(iter_tokens(span)), (path.name, span)


@pytest.mark.parametrize("bad", ["⟦ماكرون", "ماكرون⟧", "⟦⟦ماكرون⟧⟧", "⟦⟧ ماكرون"])
def test_unbalanced_marks_are_refused(bad: str) -> None:
    eval_module()
    import eval_names_articles as arts

    with pytest.raises(ValueError):
        arts.parse(bad)


def test_a_proclitic_outside_the_marks_belongs_to_the_token() -> None:
    eval_module()
    import eval_names_articles as arts

    text, spans = arts.parse("قال و⟦ماكرون⟧ إن")
    assert text == "قال وماكرون إن" and spans == [(5, 11)]


@pytest.mark.parametrize("split", ["train", "dev", "test"])
def test_planting_gives_every_split_variants(split: str) -> None:
    """Planted per article (a name the article writes at least three times),
    at least one variant per split; no figures are computed here."""
    ev = eval_module()
    for planted, sp in ev.prepare_split(split, [1], ev.CORPUS, "articles"):
        assert planted.planted
        for (si, start), (orig, new, _kind) in planted.planted.items():
            assert planted.sentences[si][start:].startswith(new)
            assert orig in sp.gold[si] or " " in orig
