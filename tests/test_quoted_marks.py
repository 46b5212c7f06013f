"""{quoted_mark}: a Latin mark the text talks about (تكتب ? بدلا من ؟) is
left, with its Arabic counterpart; a stray Latin mark is still fixed."""

from __future__ import annotations

import pytest

from arclean import Cleaner


@pytest.mark.parametrize(
    "text",
    [
        "تكتب ? بدلا من ؟",
        "تكتب ? بدلاً من ؟ في العربية.",
        "لا تكتب , بل ،",
        "اكتب ، لا , في النص العربي.",
        "اكتب ؟ وليس ? في آخر السؤال.",
        "استخدم ; بدل ؛ في النص",
        "تكتب ? بدلا من علامة الاستفهام العربية",
        "لا تكتب , بل ،\nماذا تريد؟ قال",
        "اكتب ; بدلا من ؛",
        "تكتب ? عوضا عن علامة الاستفهام العربية",
        "في العربية تكتب ، وليس ,",
        # the first mark touching the contrast word
        "تكتب ?بدلا من ؟",
        "تكتب ?بدلا من علامة الاستفهام",
        "اكتب ،لا , في النص العربي.",
    ],
)
def test_a_mark_set_against_its_counterpart_is_left(text: str) -> None:
    assert Cleaner()(text) == text
    assert not {f.code for f in Cleaner().check(text)} & {"AR101", "AR102", "AR103", "AR104"}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("ماذا تريد ? قال", "ماذا تريد؟ قال"),
        ("ماذا تكتب ? قال", "ماذا تكتب؟ قال"),
        ("قال ? بدلا من ذلك", "قال؟ بدلا من ذلك"),
        ("هل ذهبت ? لا ، بل بقيت", "هل ذهبت؟ لا، بل بقيت"),
        ("صباح الأحد , ونقل لهم ، ثم", "صباح الأحد، ونقل لهم، ثم"),
        # not counterparts: a ? and a comma are not set against each other
        ("هل تكتب ? لا ، أقرأ", "هل تكتب؟ لا، أقرأ"),
        # prose: words between the contrast word and the Arabic mark
        ("هو ليس طبيبا , بل مهندس ، ويعمل في الرياض", "هو ليس طبيبا، بل مهندس، ويعمل في الرياض"),
        ("لم يذهب , بل بقي في البيت ، وقرأ كتابا", "لم يذهب، بل بقي في البيت، وقرأ كتابا"),
        ("أريد شايا , لا قهوة ، من فضلك", "أريد شايا، لا قهوة، من فضلك"),
        ("ليش ? لا تسألني ليش ؟", "ليش؟ لا تسألني ليش؟"),
        ("أين أنت ? بل أين كنت ؟", "أين أنت؟ بل أين كنت؟"),
        ("كيف ? ليس لدي فكرة ؟", "كيف؟ ليس لدي فكرة؟"),
        ("يا ترى متى ? بدل ما نستنى ؟", "يا ترى متى؟ بدل ما نستنى؟"),
        # a verb of writing, then بدلا من and no mark's name: a question
        ("ماذا تستخدم ? بدلا من السكر", "ماذا تستخدم؟ بدلا من السكر"),
        ("أنت تكتب ? بدلا من أن تتصل", "أنت تكتب؟ بدلا من أن تتصل"),
    ],
)
def test_a_stray_latin_mark_is_still_fixed(text: str, want: str) -> None:
    assert Cleaner()(text) == want


@pytest.mark.parametrize(
    "text",
    [
        # each form after a verb of writing, in one sentence
        "في الإنجليزية تكتب ? وفي العربية تكتب ؟",
        "في العربية تكتب ؟ وفي الإنجليزية تكتب ?",
        "في الإنجليزية نستخدم , أما في العربية فنستخدم ، دائما",
        "لا تكتب ; بل اكتب ؛ بين الجملتين.",
        # a mark right after a noun for a symbol, before a word
        "الرمز ? يسمى علامة الاستفهام",
        "الرمز ؟ يسمى علامة الاستفهام العربية.",
        "العلامة اللاتينية ; تختلف عن العربية.",
        "استخدم رمز , للفصل بين الأعداد.",
        "يكتب بالرمز « ? » في الإنجليزية.",
    ],
)
def test_a_mark_written_or_named_as_a_symbol_is_left(text: str) -> None:
    assert Cleaner()(text) == text
    assert not {f.code for f in Cleaner().check(text)} & {"AR101", "AR102", "AR103", "AR104"}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a question word before the verb: two questions
        ("ماذا تكتب ? ولماذا تكتب ؟", "ماذا تكتب؟ ولماذا تكتب؟"),
        ("متى تكتب ? ومتى تكتب ؟", "متى تكتب؟ ومتى تكتب؟"),
        # a verb of writing and one mark only
        ("ماذا تكتب ? قال", "ماذا تكتب؟ قال"),
        ("هل تكتب ? نعم", "هل تكتب؟ نعم"),
        # a symbol's name at the end of a question, or before a new clause
        ("فأين هذه العلامة ؟", "فأين هذه العلامة؟"),
        ("ما هو الرمز ?", "ما هو الرمز؟"),
        ("أدخل الرمز , ثم اضغط", "أدخل الرمز، ثم اضغط"),
        # touching a contrast word, but no counterpart right after it
        ("هل ذهبت ?لا ، بل بقيت", "هل ذهبت؟ لا، بل بقيت"),
        ("أين أنت ?بل أين كنت ؟", "أين أنت؟ بل أين كنت؟"),
    ],
)
def test_a_stray_mark_near_a_verb_of_writing_or_a_symbol_is_fixed(text: str, want: str) -> None:
    assert Cleaner()(text) == want
