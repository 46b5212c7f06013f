"""A definite surname the books never use, typed once with its final ى for
ي (الدوسرى beside الدوسري ×4), is decided by the text's uses of it as a
name, as a bare one is; a hamza difference in such a word is not (the
alef rules' business: الاجهزة beside الأجهزة is a common word)."""

from __future__ import annotations

from arclean.names import scan


def _auto(text: str, form: str, canonical: str) -> bool:
    return any(
        cl.canonical == canonical and any(m.form == form and m.tier == "auto" for m in cl.variants)
        for cl in scan([text], kwic=False)
    )


def test_final_alef_maqsura_on_an_unknown_definite_surname_is_mended():
    text = (
        "قال اللاعب سالم الدوسري إن الفريق جاهز. وأضاف سالم الدوسري أن المدرب راض. "
        "وسجل الدوسري هدفا. وأكد سالم الدوسرى أن الجمهور رائع. وكان الدوسري نجم المباراة."
    )
    assert _auto(text, "الدوسرى", "الدوسري")


def test_the_same_with_a_title_before_the_usual_spelling():
    text = (
        "قال الرئيس عبد الفتاح السيسي إن مصر قوية. وأضاف السيسي أن الاقتصاد بخير. "
        "وأكد الرئيس السيسى أن الحوار مهم. والتقى السيسي الوفد."
    )
    assert _auto(text, "السيسى", "السيسي")


def test_a_common_words_hamza_is_not_a_final_letter():
    text = (
        "وصلت الأجهزة الجديدة. وقال أحمد إن الأجهزة تعمل. وتعطلت الاجهزة أمس. "
        "وأكد أحمد أن الأجهزة ستصلح."
    )
    assert not _auto(text, "الاجهزة", "الأجهزة")
