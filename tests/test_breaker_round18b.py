"""Session 18 (b) of the breaker's reports: verses in round brackets close
together, an MDX ESM block with a blank line inside, and a thematic break
that a `...` line took for the start of front matter.  Each as the reported
input, more of the same, and the counter-examples that must stay as they
are."""

from __future__ import annotations

import pytest

from arclean import Cleaner
from arclean.formats.markdown_mdx import esm_end
from arclean.text.masks import quran_ranges, vowelled_parentheses


def fix(text: str, fmt: str = "plain") -> str:
    return Cleaner(format=fmt)(text)


# -- 1. Verses in round brackets close together --------------------------------

PROSE = "قرأ الإمام درساً مفيداً وكتب كتاباً جميلاً ونام نوماً عميقاً.\n"
VERSE_A = "إِنَّا أَنْزَلْنَاهُ قُرْآنًا عَرَبِيًّا لَعَلَّكُمْ تَعْقِلُونَ"
VERSE_B = "وَجَعَلْنَا فِيهَا فِجَاجًا سُبُلًا لَعَلَّهُمْ يَهْتَدُونَ"

TWO_VERSES = [
    # the reported input: two (…) verses on one line
    PROSE + f"وقال تعالى ({VERSE_A}) وقال أيضا ({VERSE_B}).\n",
    # a {…} verse on the line before a (…) one
    PROSE + f"وقال تعالى {{{VERSE_A}}}\nوقال أيضا ({VERSE_B}).\n",
    # an ornate ﴿…﴾ verse on the line before
    PROSE + f"وقال تعالى ﴿{VERSE_A}﴾\nوقال أيضا ({VERSE_B}).\n",
    # three (…) verses in a row
    PROSE + f"قال ({VERSE_A}) و({VERSE_B}) و({VERSE_A}).\n",
]


@pytest.mark.parametrize("text", TWO_VERSES)
def test_verses_close_together_keep_their_spelling(text: str) -> None:
    fixed = fix(text)
    assert VERSE_A in fixed or VERSE_A not in text
    assert VERSE_B in fixed or VERSE_B not in text
    assert fixed.count("ًا") == text.count("ًا")  # no tanween re-spelled


def test_every_round_bracket_verse_is_found() -> None:
    text = TWO_VERSES[3]
    spans = vowelled_parentheses(text)
    assert [text[a:b] for a, b in spans] == [f"({VERSE_A})", f"({VERSE_B})", f"({VERSE_A})"]


def test_a_braced_verse_counts_for_no_context() -> None:
    text = TWO_VERSES[1]
    start = text.index("{")
    braced = [(start, text.index("}") + 1)]
    assert vowelled_parentheses(text, braced) == [(text.index("("), text.index(")") + 1)]
    assert len(quran_ranges(text)) == 2


def test_a_vowelled_text_still_keeps_its_brackets_as_prose() -> None:
    # The text around the bracket is vowelled itself (a book): no quotation.
    book = "قَالَ الْإِمَامُ ذَلِكَ فِي كِتَابِهِ وَشَرَحَهُ لِطُلَّابِهِ. " * 3
    text = f"{book}({VERSE_B}) {book}"
    assert vowelled_parentheses(text) == []


# -- 2. MDX: an ESM block with a blank line inside ------------------------------

ESM = (
    "export function G() {\n"
    "  const a = 'مرحبا ، بكم'\n"
    "\n"
    "  const b = 'مع السلامة ، الآن'\n"
    "  return <p>{a}</p>\n"
    "}\n"
)


@pytest.mark.parametrize(
    "block",
    [
        ESM,
        # a template literal with a blank line inside
        "export const t = `\nمرحبا ، بكم\n\nمع السلامة ، الآن ${x}\n`\n",
        # a block comment with a blank line inside
        "export const c = 1 /*\n\nمع السلامة ، الآن\n*/\n",
        # an array over lines, a bracket in a string does not count
        "export const xs = [\n  'a ]',\n\n  'مع السلامة ، الآن',\n]\n",
        # an import over lines
        "import {\n  a,\n\n  b, // مع السلامة ، الآن\n} from './x'\n",
    ],
)
def test_esm_block_runs_until_its_code_is_complete(block: str) -> None:
    text = block + "\nنص ، هنا.\n"
    assert fix(text, "mdx") == block + "\nنص، هنا.\n"
    assert esm_end(text, 0) == len(block) - 1


def test_esm_block_without_a_blank_line_inside_ends_as_before() -> None:
    text = "export const a = 'x'\n\nنص ، هنا.\n\nexport default {}\n"
    assert esm_end(text, 0) == text.index("\n")
    assert fix(text, "mdx") == text.replace("نص ، هنا.", "نص، هنا.")


def test_unbalanced_esm_block_ends_at_the_first_blank_line() -> None:
    # An MDX error: the prose after the first blank line is fixed as before.
    text = "export function f() {\n  return 1\n\nنص ، هنا.\n"
    assert esm_end(text, 0) == text.index("\n\n")
    assert fix(text, "mdx") == text.replace("نص ، هنا.", "نص، هنا.")


# -- 3. `---` then `...`: front matter only when it reads as YAML ---------------


@pytest.mark.parametrize("fmt", ["markdown", "mdx"])
def test_a_thematic_break_before_dots_is_no_front_matter(fmt: str) -> None:
    text = "---\nقال محمد ، ثم\n...\nقال علي ، ثم\n"
    assert fix(text, fmt) == "---\nقال محمد، ثم\n...\nقال علي، ثم\n"


@pytest.mark.parametrize(
    "first",
    ["title: قال محمد ، ثم", "title:", "# تعليق ، هنا", '"عنوان": قال ، ثم', "العنوان: قال ، ثم"],
)
def test_yaml_closed_by_dots_is_front_matter(first: str) -> None:
    text = f"---\n\n{first}\n...\nقال علي ، ثم\n"
    assert fix(text, "markdown") == text.replace("قال علي ، ثم", "قال علي، ثم")


def test_dashes_block_is_front_matter_whatever_it_holds() -> None:
    text = "---\nقال محمد ، ثم\n---\nقال علي ، ثم\n"
    assert fix(text, "markdown") == "---\nقال محمد ، ثم\n---\nقال علي، ثم\n"


def test_an_unbalanced_esm_block_is_followed_only_so_far() -> None:
    from arclean.formats.markdown_mdx import ESM_MAX_REACH

    tail = "نص ، هنا.\n\n" * (ESM_MAX_REACH // 5) + "}\n\nنص ، هنا.\n"
    text = "export function f() {\n\n" + tail
    assert esm_end(text, 0) == text.index("\n\n")
