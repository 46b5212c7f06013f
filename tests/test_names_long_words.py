"""A word glued over a whole line is no name: the names step neither counts
nor rewrites it, and never builds its one-letter deletions (memory in the
square of its length: 4.9 GB for a 70 KB word)."""

from __future__ import annotations

import pytest

from arclean.names import pairing
from arclean.names.rewrite import Reconciler
from arclean.names.tokens import MAX_WORD_LENGTH, iter_tokens, words


def test_long_words_are_no_tokens() -> None:
    long_word = "ابو" * 1000
    text = f"قال فيدان {long_word} ثم فيدان"
    assert long_word not in words(text)
    assert [t.text for t in iter_tokens(text)] == ["قال", "فيدان", "ثم", "فيدان"]
    assert "فيدان" in words("ب" * (MAX_WORD_LENGTH + 1) + " فيدان")


def test_no_blocking_keys_for_a_glued_line(monkeypatch: pytest.MonkeyPatch) -> None:
    lengths: list[int] = []
    real = pairing.blocking_keys

    def recording(folded: str) -> set[str]:
        lengths.append(len(folded))
        return real(folded)

    monkeypatch.setattr(pairing, "blocking_keys", recording)
    glued = "والحكومةالمصرية" * 400
    text = "قال فيدان إن. وأكد فيدان أن. وأضاف فيدان. وقال فيان.\n" + glued + "\n"
    rec = Reconciler(fuzzy=True, tier="auto")
    rec.prepare([text])
    new, _ = rec.rewrite(text)
    assert lengths and max(lengths) <= MAX_WORD_LENGTH
    assert glued in new
