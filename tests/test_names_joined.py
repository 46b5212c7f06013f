"""Two-word names written as one word (ريد بول / ريدبول, نيودلهي / نيو
دلهي), beyond the compound heads (issue 9, session 21): the text's usual
spelling is offered for review, never rewritten automatically (a name may
be two names joined: ماريلين, روزماري); common words' spellings (لا بد /
لابد) and words of the lexicon are left alone."""

from __future__ import annotations

from _names import auto_rewrites as _rewrites

from arclean.names import Reconciler

SPLIT_USUAL = (
    "وصل فريق ريد بول إلى الحلبة. وقال مدير ريد بول إن الفريق جاهز. "
    "وأكد فريق ريدبول أن السيارة سريعة."
)
JOINED_USUAL = "فاز فريق ريدبول أمس. وقال مدير ريدبول إن الفوز مستحق. ثم احتفل ريد بول مساء."


def _review(text: str) -> list[tuple[str, str]]:
    rec = Reconciler(fuzzy=True, tier="review")
    rec.prepare([text])
    return [(r.old, r.new) for r in rec.rewrite(text)[1]]


def test_a_joined_name_is_split_only_at_review():
    assert _rewrites(SPLIT_USUAL) == []
    assert _review(SPLIT_USUAL) == [("ريدبول", "ريد بول")]


def test_a_name_that_is_two_names_joined_is_never_split_automatically():
    # breaker5: Marilyn Monroe is no Mary Lynn; rosemary, the herb, is no
    # actress Rose Marie
    marilyn = (
        "فازت الكاتبة ماري لين بالجائزة هذا العام، وقالت ماري لين إنها تهدي الفوز لوالدتها.\n"
        "وكانت الجائزة قد منحت سابقا لممثلين كبار مثل ماريلين مونرو."
    )
    rosemary = (
        "مثلت روز ماري في الفيلم، وقالت روز ماري إنها سعيدة.\nثم يضاف غصن روزماري طازج إلى الطبق."
    )
    assert _rewrites(marilyn) == []
    assert _rewrites(rosemary) == []


def test_a_split_name_is_joined_only_at_review():
    assert _rewrites(JOINED_USUAL) == []
    assert _review(JOINED_USUAL) == [("ريد بول", "ريدبول")]


def test_a_thin_majority_is_not_enough():
    text = "وصل فريق ريد بول إلى الحلبة. وأكد فريق ريدبول أن السيارة سريعة."
    assert _rewrites(text) == []
    assert _review(text) == []


def test_common_words_spelled_joined_or_split_are_left_to_other_rules():
    # لا بد / لابد, ما بين / مابين: parts under three letters, no names
    text = "لا بد من الحل. ولا بد من الصبر. لا بد أن نعمل. ولابد من ذلك. ما بين وما بين ومابين."
    assert _rewrites(text) == []
    assert _review(text) == []


def test_a_word_of_the_lexicon_is_never_split():
    # مستقبل is a word, whatever the text writes as two words (a made-up
    # repetition: مست قبل)
    text = "في مست قبل ذلك. وفي مست قبل الأمر. وقال إن المستقبل مستقبل واعد."
    assert ("مستقبل", "مست قبل") not in _rewrites(text)


def test_a_word_is_never_split_into_a_name_and_a_word():
    # جانحين (delinquents), seen on a translated book beside جان حين (Jean,
    # when): a word of the lexicon, and حين is an ordinary word
    text = "قال جان حين وصل. وضحك جان حين رآه. وكان الأطفال جانحين."
    assert _rewrites(text) == []


def test_a_missing_space_beside_an_ordinary_word_is_left_to_other_rules():
    # حفاظا على, وزير الشؤون: spacing slips, not names' spellings
    text = "حفاظا على الأمن. وحفاظا على النظام، حفاظا على الهدوء. قالوا حفاظاعلى الود."
    assert _rewrites(text) == []


def test_two_words_that_are_no_names_are_not_joined_or_split():
    # neither part is a name of the reference data
    text = "كتب سطر طويل. ثم كتب سطر آخر. وقيل كتبسطر مرة."
    assert _rewrites(text) == []
    assert _review(text) == []


def test_an_e_mail_address_with_an_arabic_local_part_is_never_rewritten():
    # breaker5: the compound step turned عبدالعزيز@example.com into
    # عبد العزيز@example.com
    from click.testing import CliRunner

    from arclean.cli import cli

    text = "قال عبد العزيز إن. وأكد عبد العزيز أن. راسلوا عبدالعزيز@example.com اليوم.\n"
    result = CliRunner().invoke(cli, ["pipe", "names"], input=text)
    assert result.exit_code == 0
    assert "عبدالعزيز@example.com" in result.output


def test_the_evidence_quotes_the_text_s_own_spelling_of_a_neighbour():
    # trial 3: "beside شركه", a folded spelling the text never writes
    from click.testing import CliRunner

    from arclean.cli import cli

    text = "وقعت شركة سوناطراك اتفاقا. وقالت شركة سوناطراك إن. وأضافت سوناتراك أن.\n"
    result = CliRunner().invoke(cli, ["names", "scan", "--tier", "all", "-"], input=text)
    assert result.exit_code == 0
    assert "beside شركة" in result.output
    assert "شركه" not in result.output
