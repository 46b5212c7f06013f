"""AR411 (opt-in): a definite word typed with a final ه that the books
write only with ة.  Its list is derived data: rebuilt here from the shipped
lexicon, it must be the shipped file."""

from __future__ import annotations

import importlib.util
import sys

import pytest

from arclean import Cleaner
from arclean.locations import builtin_rules_dir

ROOT = builtin_rules_dir().parent


def _fix(text: str) -> str:
    return Cleaner(select="AR411", unsafe_fixes=True)(text)


def test_the_shipped_list_is_what_the_script_builds():
    spec = importlib.util.spec_from_file_location(
        "build_tm", ROOT / "scripts" / "build_teh_marbuta.py"
    )
    if spec is None or spec.loader is None or not (ROOT / "scripts").is_dir():
        pytest.skip("the build script is not installed with the package")
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_tm"] = module
    spec.loader.exec_module(module)
    shipped = (builtin_rules_dir() / "teh_marbuta_lexicon.tsv").read_text(encoding="utf-8")
    assert shipped == module.HEADER + "".join(f"{row}\n" for row in module.build())
    assert "Hindawi" in shipped[:400] and "public domain" in shipped[:400]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("درست في الجامعه", "درست في الجامعة"),
        ("والحكومه وبالمدرسه وكالعاده", "والحكومة وبالمدرسة وكالعادة"),
        ("فللمدرسه الثانيه", "فللمدرسة الثانية"),
    ],
)
def test_definite_words_get_their_teh_marbuta(text, expected):
    assert _fix(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "زار جامعه وقرأ كتابه",  # no article: ه is the pronoun "his"
        "الوجه والفقه والله",  # words that end in ه
        "الموجه",  # guided (موجهات): not الموجة, the wave
        "التهمه الذئب",  # he devoured it, not التهمة, the charge
        "الحقه بالركب",  # ألحقه, he attached it
        "اتخذ داري مسرحا للهوه",  # لـ + لهوه, for his amusement
        "#الحكومه",  # a hashtag is a name
        "الكلمه‌ها",  # a ZWNJ continues the word
        "الحكومهُ",  # a mark after the ه: left as typed
    ],
)
def test_other_words_are_left_as_typed(text):
    assert _fix(text) == text


def test_it_is_opt_in():
    assert "AR411" not in {r.code for r in Cleaner().rules}
    assert Cleaner()("في الجامعه") == "في الجامعه"
