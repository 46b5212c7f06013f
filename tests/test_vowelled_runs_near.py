"""`vowelled_runs` read only near AR205's matches finds what a whole read
finds there: every marked position inside a run (a mark, or the letter
that carries it: where AR205 matches) passes `may_be_in_run`, and the
runs around the positions given are the whole read's runs (random texts
of vowelled and bare words, particles, marks cut off, lines)."""

from __future__ import annotations

import random
import unicodedata

from arclean.text.quran import may_be_in_run, vowelled_runs

WORDS = [
    "قال",
    "كَتَبَ",
    "الوَلَدُ",
    "ما",
    "لي",
    "الدَّرْسَ",
    "مرحبا",
    "بِسْمِ",
    "اللَّهِ",
    "كتابٌ",
    "وفقًا",
    "ً",
    "\n",
    "،",
    "abc",
    "12",
    "ـ",
    "و",
    "«إِنَّمَا",
    "الْأَعْمَالُ»",
]


def test_runs_near_positions_are_the_whole_reads_runs() -> None:
    rng = random.Random(7)
    for _ in range(300):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(20, 300)))
        whole = vowelled_runs(text)
        for start, end in whole:
            assert all(may_be_in_run(text, p) for p in range(start, end) if _marked(text, p))
        near = [p for p in range(len(text)) if may_be_in_run(text, p)]
        if near:
            local = vowelled_runs(text, near)
            assert [r for r in whole if any(r[0] <= p < r[1] for p in near)] == [
                r for r in local if any(r[0] <= p < r[1] for p in near)
            ]


def _marked(text: str, p: int) -> bool:
    """A mark, or a letter with a mark right after it."""
    return any(unicodedata.category(ch) == "Mn" for ch in text[p : p + 2])
