"""Issue 9, eighth round: a first name that is also an ordinary word
(نزيهة, fair; شادية, singing; نهلة, a sip) is merged automatically only
when the text uses it as a name (`arclean.names.usage`)."""

from __future__ import annotations

from _names import auto_rewrites as _rewrites

from arclean.names import scan

#: arsarcasm tweets: نزيهة four times, always "fair" (elections), a
#: Wikidata first name; «انتخابات نزيهه» was made نزيهة by the names step.
_FAIR = (
    "هل سيجرى انتخابات اعادة نزيهة اما تطبيق القانون او مقاطعة\n"
    "ومين قال لك انها كانت نزيهة ده كان كمين\n"
    "الوعود المتكررة بانتخابات حرة نزيهة فى غياب الضمانات البديهية\n"
    "وصول السياسيون الى الحكم عن طريق انتخابات نزيهة عن ان يحكم\n"
    "دعم اليمين المتطرف من خلال انتخابات نزيهه ببرامج انتخابية\n"
)


def test_an_adjective_that_is_a_first_name_is_not_merged():
    assert _rewrites(_FAIR) == []


def test_the_member_is_left_for_review_with_the_reason():
    cl = next(c for c in scan([_FAIR], kwic=False) if c.canonical == "نزيهة")
    (m,) = cl.variants
    assert m.form == "نزيهه" and m.tier == "review"
    assert "never beside a name or title in its 5 uses here" in m.evidence[-1]


def test_more_feminine_adjectives_and_nouns_are_not_merged():
    # each a Wikidata first name, here an ordinary word three times and
    # written with ه once
    texts = [
        "طيور شادية في الصباح\nكانت البلابل شادية\nعصافير شادية فوق الشجر\nاصوات شاديه جميلة\n",
        "نفس سميحة طيبة\nكانت روح سميحة\nطبيعة سميحة هادئة\nشخصية سميحه جدا\n",
        "شرب نهلة من الماء\nاخذ نهلة صغيرة\nكل نهلة تروي\nنهله واحدة تكفي\n",
    ]
    for text in texts:
        assert _rewrites(text) == [], text


def test_one_name_beside_an_ordinary_word_is_not_enough():
    # نزيهة beside a first name once (نادين), an adjective five times, and
    # the text writes its masculine with the article (النزيه): an
    # ordinary word here; a share of name uses is needed
    text = _FAIR + "قالت نادين نزيهة جدا\nالقاضي النزيه لا يخاف\n"
    assert _rewrites(text) == []


def test_a_name_with_a_final_letter_slip_is_still_merged():
    text = (
        "قال أسامة كمال إن البرنامج مستمر\n"
        "وأضاف أسامة كمال أن الحلقة القادمة مهمة\n"
        "واستضاف أسامة كمال الوزير\n"
        "وسأل أسامه كمال الضيف\n"
    )
    assert _rewrites(text) == [("أسامه", "أسامة")]


def test_aisha_and_elbaradei_are_still_merged_beside_names_and_titles():
    text = (
        "قالت السيدة عائشة عبد الرحمن إن الكتاب مهم\n"
        "وكتبت عائشة عبد الرحمن عن الشعر\n"
        "وأضافت عائشة أن التفسير صعب\n"
        "ثم عادت عائشه الى الجامعة\n"
        "قال الدكتور محمد البرادعي إن الانتخابات مهمة\n"
        "وطالب محمد البرادعي بالحرية\n"
        "وأضاف البرادعي أن الشعب قادر\n"
        "ورد البرادعى على المنتقدين\n"
    )
    got = _rewrites(text)
    assert ("عائشه", "عائشة") in got
    assert ("البرادعى", "البرادعي") in got


def test_final_swap():
    from arclean.names.usage import final_swap

    assert final_swap("نزيهه", "نزيهة")
    assert final_swap("اسامه", "أسامة")
    assert final_swap("البرادعى", "البرادعي")
    assert not final_swap("اسامة", "أسامة")
    assert not final_swap("مارتن", "مارتي")
