"""Ordinary words that the names step took for slips of a name (session 19,
a breaker on OCR books and novels): a broken plural is not its singular
(المغارب in «رب المشارق والمغارب» is not المغرب), آ is not أ (سآمر, I
shall order, is not سأمر, I shall pass), and a letter swapped into a rare
definite noun of the books is another word (الأظعان, litters, is not
الإذعان, submission)."""

from __future__ import annotations

import pytest

from arclean.chars import fold
from arclean.names import Reconciler
from arclean.names.members import hamza_of_its_own
from arclean.names.similarity import alef_pattern


def _rewritten(text: str) -> str:
    rec = Reconciler(fuzzy=True, tier="auto")
    rec.prepare([text])
    return rec.rewrite(text)[0]


@pytest.mark.parametrize(
    ("plural", "singular"),
    [("المغارب", "المغرب"), ("المشارق", "المشرق"), ("مساجد", "مسجد"), ("جواهر", "جوهر")],
)
def test_a_broken_plural_is_another_word(plural: str, singular: str) -> None:
    assert alef_pattern(fold(plural), fold(singular))


@pytest.mark.parametrize(("short", "long"), [("ترمب", "ترامب"), ("برلن", "برلين")])
def test_a_transliteration_that_drops_an_alef_is_no_plural(short: str, long: str) -> None:
    assert not alef_pattern(fold(short), fold(long))


def test_a_plural_is_not_rewritten_into_a_country() -> None:
    text = "قال المتحدث إن المغرب يشهد تطورا كبيرا هذا العام.\n" * 9 + (
        "وسافر بين المغارب والمشارق زمنا طويلا.\n"
    )
    assert _rewritten(text) == text


def test_madda_is_not_a_hamza_seat() -> None:
    assert hamza_of_its_own("سآمر", "سأمر")
    assert hamza_of_its_own("آمن", "إمن")
    assert hamza_of_its_own("اندأ", "أندا")  # a hamza moved
    assert not hamza_of_its_own("اسامة", "أسامة")  # a hamza left out
    assert not hamza_of_its_own("أبراهيم", "إبراهيم")  # a seat written otherwise
    text = "قال ياسر: سأمر بك وقت العشاء.\n" * 3 + "وقال الملك: سآمر بإلقائها في النهر.\n"
    assert _rewritten(text) == text


def test_a_letter_swap_into_a_rare_definite_noun_is_left() -> None:
    text = "وقال إن الإذعان للحق فضيلة كبرى.\n" * 12 + "يا سائق الأظعان يطوي البيد طيا.\n"
    assert _rewritten(text) == text


def test_a_glossary_leaves_a_vowelled_word_alone(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A rewrite would drop the word's marks (فِيَانُ → فيدان): a vowelled
    word is left as written, by a glossary as by the names step."""
    from arclean.api import Cleaner

    glossary = tmp_path / "g.toml"
    glossary.write_text(
        'version = 1\nfold = "arclean-fold-v1"\n\n[[entity]]\ncanonical = "فيدان"\n'
        'variants = ["فيان"]\n',
        encoding="utf-8",
    )
    text = "قال فِيَانُ إن الأمر انتهى، وقال فيان ذلك، ورأى فيانٌ غيره.\n"
    out = Cleaner(glossaries=[glossary])(text)
    assert out == "قال فِيَانُ إن الأمر انتهى، وقال فيدان ذلك، ورأى فيانٌ غيره.\n"


@pytest.mark.parametrize(
    ("word", "slip"),
    [("يدها", "يددها"), ("سرها", "سررها")],
)
def test_a_short_word_with_a_pronoun_is_no_name(word: str, slip: str) -> None:
    """OCR doubles a letter it misreads (سريرها read سررها): a common stem
    of two letters with a pronoun (يد + ها, her hand) is no name to rewrite
    the slip into."""
    text = f"ورفعت {word} عاليا ثم وضعت {word} على الطاولة.\n" * 4 + f"وجاءت {slip} إلى الباب.\n"
    assert _rewritten(text) == text


def test_a_hamza_written_elsewhere_is_another_word() -> None:
    text = "وصل الفريق إلى جزيرة أندا صباحا.\n" * 4 + "اندأ بالكلام قبل الآخرين.\n"
    assert _rewritten(text) == text


def test_a_rewrite_never_drops_a_written_hamza() -> None:
    """OCR's ألسست (a slip of ألست, am I not) became الست, the text's usual
    spelling: the variant writes a hamza the usual spelling lacks (a second
    tester, session 19)."""
    text = (
        "الست بربكم قالوا بلى.\n"
        + "قال الست ذاهبا إلى السوق اليوم.\n" * 12
        + "ألست تعرف ذلك؟\n"
        + "وقالت الست إن الأمر انتهى.\n" * 10
        + "؟ ألسست قد مللتني\n"
    )
    assert "ألسست" in _rewritten(text)
