"""Issue 9, thirteenth round: words an automatic merge must leave alone,
each rebuilt from a wrong rewrite that the news audit showed while a rule
was being tried on the train split (docs/names.md, "Thirteenth round"):

- a consonant written twice, rewritten into a word the text writes more
  often (تخللت → تخلت, الغدد → الغد, المتتبع → المتبع: two words each);
- a past-tense verb after a naming noun taken for a place name
  («محافظة تحررت», the governorate was freed: تحرت → تحررت), which
  `weighing.cue_candidate` now refuses.
"""

from __future__ import annotations

import pytest
from _names import auto_rewrites as _rewrites

from arclean.names.counting import count_texts
from arclean.names.evidence import Judge
from arclean.names.glossary import Glossary
from arclean.names.model import DEFAULT_SETTINGS
from arclean.names.weighing import cue_candidate


def test_a_past_tense_verb_is_no_name_a_naming_noun_makes() -> None:
    judge = Judge(count_texts(["x"]), Glossary(), DEFAULT_SETTINGS)
    assert not cue_candidate("تحرت", "تحررت", judge)
    assert cue_candidate("كاتمندو", "كاتماندو", judge)  # a place, no verb


# (word that must stay, the word it was turned into while a rule was tried)
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
