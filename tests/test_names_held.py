"""Texts held in memory are split into lines and words once per scan
(`counting.HeldTexts`, issue 13): a scan of held texts must find exactly what
a scan of the same texts streamed (read again at each pass) finds."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from conftest import CORPUS, SEED, corpus_lines

from arclean.chars import fold
from arclean.names import Cluster, Reconciler, scan
from arclean.names.counting import HeldTexts, count_texts, prose_lines, reiterable
from arclean.names.similarity import blocking_keys, deletion_keys, phonetic_key
from arclean.names.tokens import unprotected, words

#: Marks, tatweel, a hashtag, a link, a compound split and joined, a word
#: longer than any name, a proclitic on a variant: the cases where a line's
#: words and its tokens part ways.
TRICKY = (
    "قال الرئيس دونالد ترامب إن ترامب سيزور المنطقة. وقال ترامب أيضا. والتقى بترمب الوزير.\n"
    "وقال عبد الملك إن عبد الملك سيعود، ثم قال عبدالملك إن الوفد وصل. وزار عبد الملك الوزارة.\n"
    "زار أردوغان أنقرة وقال أَرْدُوغَان إن الزيارة مهمة. واستقبل اردوغـــان الوفد #أردوغان\n"
    "رابط https://example.com/أردوغان و" + "ب" * 60 + " ثم قال زيلينسكي إن زيلنسكي سيحضر.\n"
    "\n"
    "وقال زيلينسكي  إن زيلينسكي، سيحضر؛ وقال زيلينسكي لاحقا.\n"
)


class Streamed:
    """Re-iterable texts that are not held: every pass reads them again."""

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts

    def __iter__(self) -> Iterator[str]:
        return iter(self.texts)


def _texts() -> list[str]:
    texts = [SEED.read_text(encoding="utf-8"), TRICKY]
    sample = corpus_lines(CORPUS / "news", ["saudinewsnet_2015-08-09.txt"], 400)
    return [*texts, sample] if sample else texts


def _shape(clusters: list[Cluster]) -> list[object]:
    return [
        (
            cl.canonical,
            cl.tier,
            cl.evidence,
            [(m.form, m.count, m.tier, m.cost, m.evidence, m.kwic) for m in cl.members],
        )
        for cl in clusters
    ]


def test_held_texts_are_held_and_streams_are_not() -> None:
    texts = ["قال ترامب", "وقال ترمب"]
    assert isinstance(reiterable(texts), HeldTexts)
    assert isinstance(reiterable(tuple(texts)), HeldTexts)
    assert isinstance(reiterable(iter(texts)), HeldTexts)
    streamed = Streamed(texts)
    assert reiterable(streamed) is streamed


def test_prose_lines_split_once_as_when_read_again() -> None:
    texts = _texts()
    expected = [(line, words(line)) for text in texts for line in unprotected(text).splitlines()]
    held = HeldTexts(texts)
    assert held.prose_lines() == expected
    assert held.prose_lines() is held.prose_lines()  # split once
    assert list(prose_lines(Streamed(texts))) == expected


@pytest.mark.parametrize("kwic", [True, False])
def test_scan_of_held_texts_equals_scan_of_streamed_texts(kwic: bool) -> None:
    texts = _texts()
    held = scan(texts, kwic=kwic)
    assert held  # the texts hold variants: the comparison is not of two empty lists
    assert _shape(held) == _shape(scan(Streamed(texts), kwic=kwic))


def test_prepared_rewrite_of_held_texts_equals_streamed() -> None:
    texts = _texts()
    one, other = Reconciler(), Reconciler()
    one.prepare(texts)
    other.prepare(Streamed(texts))
    for text in texts:
        assert one.rewrite(text) == other.rewrite(text)
    assert one.rewrite(TRICKY)[1]  # something was rewritten


def test_reanalysed_word_gets_its_new_core_fold() -> None:
    counts = count_texts(["والتقى بترمب الوزير وترامب وترامب ترمب"])
    assert counts.core_folds()["بترمب"] == fold(counts.analysis["بترمب"][1])
    counts.reanalyse("بترمب", "ب", "ترمب")
    assert counts.analysis["بترمب"] == ("ب", "ترمب")
    assert counts.core_folds()["بترمب"] == fold("ترمب")


@pytest.mark.parametrize("word", ["", "ا", "ترامب", "ترمب", "عاعا", "زيلينسكي", "الهيئه"])
def test_blocking_keys_are_deletions_and_phonetic_key(word: str) -> None:
    expected = {"d:" + k for k in deletion_keys(word)} | {"p:" + phonetic_key(word)}
    assert blocking_keys(word) == expected
