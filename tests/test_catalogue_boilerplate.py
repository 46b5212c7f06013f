"""Boilerplate is reported by default, removed only on request, and only
ever as a whole line."""

from __future__ import annotations

from conftest import SEEDS

from arclean.api import Cleaner


def test_seed_share_line_is_reported_not_removed():
    text = (SEEDS / "000_1e98b3542325010d.txt").read_text(encoding="utf-8")
    cleaner = Cleaner()
    outcome = cleaner.fix(text)
    assert outcome.text.rstrip().endswith("شاركها.")
    codes = [f for f in outcome.findings if f.code == "AR951"]
    assert len(codes) == 1
    assert outcome.text[codes[0].start : codes[0].end] == "شاركها."


def test_removal_is_opt_in_and_whole_line():
    remove = Cleaner(select=["AR952"], unsafe_fixes=True)
    text = "نص المقال.\nاقرأ أيضا:\nتابعونا على فيسبوك\nشاركها أصدقاؤها في الفرح.\nشاركها.\n"
    assert remove(text) == "نص المقال.\nشاركها أصدقاؤها في الفرح.\n"


def test_words_inside_a_sentence_are_never_boilerplate():
    cleaner = Cleaner(select=["AR951"])
    for line in ["قال: اقرأ أيضا ما كتبه غيره", "شاركها أصدقاؤها في الفرح.", "طباعة الكتب"]:
        assert not cleaner.check(line), line
