"""A bare-alef spelling that is also an imperative (احمد: the name, or
"praise!") is rewritten into the name (أحمد) only where this occurrence is
the name: a title or person noun before it, a name after it, a list of
names; never before a name of God (session 26, `names.imperatives`).
Each verb case failed before: the text's other uses of the name made
every احمد of it أحمد."""

from __future__ import annotations

import pytest

from arclean.names import Reconciler
from arclean.names.glossary import Entry, Glossary
from arclean.names.imperatives import god, name_occurrence
from arclean.names.tokens import iter_tokens

#: Four uses of the name, so that the text's own evidence makes احمد → أحمد
#: automatic (as on the news days: 421 uses against 29).
NAME_USES = (
    "قال أحمد عباس إن المباراة صعبة. وأضاف أحمد عباس أن الفريق جاهز. "
    "وأكد أحمد أن التدريب مستمر. وقال أحمد إن الجمهور رائع.\n"
)

VERB = [
    "احمد الله على نعمة الصحة",
    "احمد ربك يا أخي",
    "فاحمد الله الذي هداك",
    "احمد الله الذي أنعم علينا",
    "قال الشيخ احمد الله أكبر",  # a title before, God after: the verb wins
    "احمد المولى على السلامة",
    "احمد ربنا على كل شيء",
    "احمد على كل حال",
    "اشكر ربك واحمد الله",
    "احمد اللّه على السلامة",  # a shadda on God's name
    "وقال احمد الله على السلامة",  # a speech verb, then God: the verb
]

NAME = [
    ("قال الشيخ احمد إن الدرس مهم", "الشيخ أحمد"),
    ("وقال احمد عباس إن الجمهور رائع", "أحمد عباس"),
    ("سجل اللاعب احمد هدفا", "اللاعب أحمد"),
    ("وكان المواطن احمد في السوق", "المواطن أحمد"),
    ("وتحدث الدكتور احمد عن الدواء", "الدكتور أحمد"),
    ("وشرح الأستاذ احمد الدرس", "الأستاذ أحمد"),
    ('ونقل طفلها "احمد" إلى المستشفى', 'طفلها "أحمد"'),
    ("وأصيب شقيقه احمد بجراح", "شقيقه أحمد"),
    ("احمد الناظري لاعب مؤثر", "أحمد الناظري"),
    ("وصل عبدالعزيز بن احمد هيجان", "بن أحمد"),
    ("وصل احمد بن سعيد", "أحمد بن"),
    ("وقال احمد إن الفريق جاهز", "وقال أحمد"),  # a speech verb: the subject
]


def _rewrite(line: str) -> str:
    text = NAME_USES + line + "\n"
    reconciler = Reconciler(fuzzy=True, tier="auto")
    reconciler.prepare([text])
    return reconciler.rewrite(text)[0].split("\n")[1]


@pytest.mark.parametrize("line", VERB)
def test_the_imperative_stays(line):
    assert _rewrite(line) == line


@pytest.mark.parametrize(("line", "expected"), NAME)
def test_the_name_is_mended(line, expected):
    assert expected in _rewrite(line)


def test_the_name_beside_the_verb_in_one_text():
    out = _rewrite("قال المدرب احمد عباس: احمد الله على الفوز")
    assert out == "قال المدرب أحمد عباس: احمد الله على الفوز"


@pytest.mark.parametrize("line", VERB)
def test_a_glossary_does_not_make_the_verb_a_name(line):
    glossary = Glossary(entries=[Entry("أحمد", ["احمد"])])
    out, _ = Reconciler([glossary], fuzzy=False).rewrite(line)
    assert out == line


def test_a_glossary_still_mends_the_name():
    glossary = Glossary(entries=[Entry("أحمد", ["احمد"])])
    out, _ = Reconciler([glossary], fuzzy=False).rewrite("وقال الدكتور احمد إن العلاج متاح")
    assert out == "وقال الدكتور أحمد إن العلاج متاح"


def test_other_imperative_shapes_follow_the_same_gate():
    glossary = Glossary(entries=[Entry("أشرف", ["اشرف"]), Entry("أكرم", ["اكرم"])])
    reconciler = Reconciler([glossary], fuzzy=False)
    assert reconciler.rewrite("اكرم ضيفك واشرف على العمل")[0] == "اكرم ضيفك واشرف على العمل"
    assert reconciler.rewrite("وقال المهندس اشرف إن")[0] == "وقال المهندس أشرف إن"


def test_a_list_of_names():
    text = "حضر محمد، احمد وعلي"
    tokens = list(iter_tokens(text))
    assert name_occurrence(text, tokens, 2, "")
    text = "احمد ومحمد في البيت"
    assert name_occurrence(text, list(iter_tokens(text)), 0, "")
    text = "وعبدالعزيز الضويحي واحمد بصاص"  # a surname before: news, 2015-08-10
    assert name_occurrence(text, list(iter_tokens(text)), 2, "و")
    text = "اشكر ربك واحمد الله"
    assert not name_occurrence(text, list(iter_tokens(text)), 2, "و")
    text = "احمد ربك وعلي"
    assert not name_occurrence(text, list(iter_tokens(text)), 0, "")


def test_names_of_god():
    assert god("الله") and god("فالله") and god("ربك") and god("اللّه") and god("المولى")
    assert not god("العلي") and not god("عباس")
