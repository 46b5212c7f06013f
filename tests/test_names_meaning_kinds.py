"""Issue 9, second round: the wrong automatic rewrites the first round still
made on the two news days and the book (docs/names.md), rebuilt in small
texts that keep what decided them (counts, the shared neighbour, the
word's family in the text), run as `arclean pipe names` runs them.  Each
holds by a *kind* of evidence, not by the word:

- the variant is a word of its own: the lexicon has it (صفيا, النجر) or the
  text uses its stem as a noun (مصطافي beside المصطافين);
- the canonical is attested by the text alone: a letter the rewrite would add
  (جورجوس → جوريجوس) or a sound-group swap other than g (جوميس/جوميز: Gomis
  and Gomez) is left for review;
- a final ى/ي only with a well-attested spelling (أسلى/أسلي);
- a canonical barely more frequent and no shared name: two names (ميلس/ميليس).
"""

from __future__ import annotations

import pytest
from _names import auto_rewrites as _rewrites

# (word that must stay, the spelling it was turned into, text)
CASES = [
    (
        "مصطافي",
        "مصطفى",
        "قال الدكتور مصطفى إن المهرجان ناجح. وأكد مصطفى أن الزوار كثر. وقال مصطفى "
        "إنه سعيد. وارتاده أكثر من مليون زائر من أهالي الطائف ومن مصطافي المحافظة، "
        "واستقبلت الحدائق المصطافين طوال الأسبوع.",
    ),
    (
        "جورجوس",
        "جوريجوس",
        "قال مدرب الهلال اليوناني جوريجوس دونيس إن الفريق جاهز. وأكد جوريجوس دونيس "
        "أن المباراة صعبة. وقال جوريجوس إن اللاعبين مستعدون. ويخفي مدرب الهلال "
        "اليوناني جورجوس دونيس أرشيفا من التصورات.",
    ),
    (
        "جوميس",
        "جوميز",
        "وسجل بافيتيمبي جوميز هدفا. وقال بافيتيمبي جوميز إنه سعيد. وأكد جوميز أن "
        "الفريق قوي. وانتقل جوزيه جوميز إلى النادي. وقال جوميز إن. وأضاف جوميز. "
        "فيما تكفل بافيتيمبي جوميس بتسجيل هدف التعادل. وسجل بافيتيمبي جوميس مرة أخرى.",
    ),
    (
        "النجر",
        "النجار",
        "قال طلال النجار نائب الرئيس إن المشروع مستمر. وقال النجار إن العمل جار. "
        "وأكد طلال النجار أن الأمانة ملتزمة. وأزيلت مجسمات النجر والمبخرة والدلال، "
        "وطالب الأهالي بإعادة النجر إلى مكانه.",
    ),
    (
        "صفيا",
        "صوفيا",
        "زارت صوفيا المدينة. وقالت صوفيا إنها سعيدة. وعادت صوفيا إلى بيتها. "
        "وكان صهرا صفيا على بنته البكر.",
    ),
    (
        "أسلى",
        "أسلي",
        "وانتصر الجيش في واقعة أسلي. وكانت واقعة أسلي حاسمة. وبعد أسلي تغير كل شيء. "
        "ونصر الجنرال في واقعة أسلى رابع عشر هذا الشهر.",
    ),
    (
        "ميلس",
        "ميليس",
        "ولدته أمه على ضفة نهر ميليس في ضاحية أزمير. وكان نهر ميليس صغيرا. "
        "ومن هذين الكتابين استمد الخواجه ميلس في كتابه المسمى تاريخ الحروب.",
    ),
]


@pytest.mark.parametrize(("word", "other", "text"), CASES, ids=[c[0] for c in CASES])
def test_a_word_or_another_name_is_left_alone(word: str, other: str, text: str) -> None:
    assert other in text and word in text
    assert (word, other) not in _rewrites(text)


def test_g_sound_letters_still_merge_into_a_name_only_the_text_attests() -> None:
    # the kind the text-only rule keeps: ج/غ for a foreign g, next to one name
    text = (
        "قال المدرب أرسين فينجر إن الفريق جاهز. وأكد أرسين فينجر أن اللاعبين "
        "مستعدون. وقال فينجر إن المباراة صعبة. ومنح الفوز مدربه أرسين فينغر."
    )
    assert ("فينغر", "فينجر") in _rewrites(text)


def test_a_well_attested_final_ya_spelling_still_merges() -> None:
    text = "قال موسى إن الأمر محسوم. وأكد موسى أنه باق. وقال موسى إنه. ويعاونه كيندي موسي."
    assert ("موسي", "موسى") in _rewrites(text)
