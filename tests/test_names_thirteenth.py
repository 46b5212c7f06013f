"""Issue 9, thirteenth round: two more kinds of automatic merge, and the
words they must leave alone (each trap rebuilt from a rewrite the news
audit showed while the rule was being tried).

- a consonant written twice (ترركيا) into a word the text uses as a name,
  though no reference list calls it one (`members.LETTER_TWICE`,
  `usage.require_name_use`);
- a letter of one sound group (زليمان) into a gazetteer name, when the
  spelling is no word at all (`similarity.sound_swap`).
"""

from __future__ import annotations

import pytest

from arclean.names import Reconciler
from arclean.names.similarity import sound_swap


def _rewrites(text: str) -> list[tuple[str, str]]:
    rec = Reconciler(fuzzy=True, tier="auto")
    rec.prepare([text])
    return [(r.old, r.new) for r in rec.rewrite(text)[1]]


def test_sound_swap_is_one_letter_of_one_group() -> None:
    assert sound_swap("زليمان", "سليمان")
    assert sound_swap("طيمور", "تيمور")
    assert not sound_swap("شليمان", "سليمان")  # ش/س: no group
    assert not sound_swap("زليمن", "سليمان")  # not the same length
    assert not sound_swap("زليمام", "سليمان")  # two letters


def test_a_doubled_letter_into_a_name_of_the_text_is_rewritten() -> None:
    text = (
        "قال رئيس تركيا أردوغان إن الوضع صعب. وأكد رئيس تركيا أردوغان أن الحل "
        "قريب. وقال رئيس تركيا أردوغان إنه متفائل. ثم قال الوزير إن ترركيا لن تتراجع."
    )
    assert ("ترركيا", "تركيا") in _rewrites(text)


# (word that must stay, the word it was turned into while the rule was tried)
CASES = [
    ("تخللت", "تخلت",
     "قال الكاتب إن الحكومة تخلت عن الخطة. وأكد أن الشركة تخلت عن المشروع. "
     "وقال إن الدولة تخلت عن دعمها. وقال إن الضعف الذي تخللت كتابته زال."),
    ("الغدد", "الغد",
     "قال الطبيب إن موعد الغد قريب. وأكد أن مباراة الغد صعبة. وقال إن اجتماع "
     "الغد مهم. وقال إن انتفاخا في الغدد اللعابية سيؤدي إلى غيابه."),
    ("المتتبع", "المتبع",
     "قال الوزير إن النظام المتبع قديم. وأكد أن الأسلوب المتبع خاطئ. وقال إن "
     "الإجراء المتبع واضح. وقال الشيخ إن المتتبع لكلام العلماء يعرف ذلك."),
    ("تحرت", "تحررت",
     "قال المحافظ إن محافظة تحررت من الحصار. وأكد أن محافظة تحررت أمس. وقال إن "
     "محافظة تحررت بالكامل. ومهما تحرت الدراسات المصداقية فإنها تخطئ."),
]  # fmt: skip


@pytest.mark.parametrize(("word", "other", "text"), CASES, ids=[c[0] for c in CASES])
def test_a_word_is_not_turned_into_another_word(word: str, other: str, text: str) -> None:
    assert word in text and other in text
    assert [(o, n) for o, n in _rewrites(text) if word in o] == []
