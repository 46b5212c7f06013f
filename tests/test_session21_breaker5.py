"""Session 21, breaker5's findings: Persian elements in Markdown and MDX,
cp1256 leave-outs, AR190 and inch marks, and the messages of `pipe` and
of JSON Lines on stdin."""

from __future__ import annotations

import pytest

from arclean.api import Cleaner

PERSIAN = "او و دوستش به خانه رفتند ، و در آنجا ماندند ."
ARABIC = "قال و هو يبتسم ، ثم  رحل."
ARABIC_FIXED = "قال وهو يبتسم، ثم رحل."


@pytest.mark.parametrize("fmt", ["markdown", "mdx"])
@pytest.mark.parametrize(
    ("start", "inner"),
    [
        ('<Box lang={"fa"}>', "<Box />"),
        ('<Box lang="fa">', "<Box />"),
        ('<Box lang={"fa"}>', '<Box lang={"ar"} />'),
        ('<div lang="fa">', '<div lang="fa" />'),
    ],
)
def test_a_self_closed_tag_of_the_same_name_closes_nothing(fmt: str, start: str, inner: str) -> None:
    """F3: `<Box />` inside `<Box lang="fa">` ended the Persian element."""
    end = "</" + start[1:].split()[0] + ">"
    doc = f"{start}\n\n{PERSIAN}\n\n{inner}\n\n{PERSIAN}\n\n{end}\n\n{ARABIC}\n"
    out = Cleaner(format=fmt)(doc)
    assert out.count(PERSIAN) == 2
    assert out.endswith(f"{ARABIC_FIXED}\n")  # the element still ends at its end tag


@pytest.mark.parametrize("fmt", ["markdown", "mdx"])
@pytest.mark.parametrize("value", ["{`fa`}", "{ `fa-IR` }", '{"fa"}'])
def test_a_jsx_template_string_names_the_language(fmt: str, value: str) -> None:
    """F4: `lang={`fa`}` (a JSX string in backticks) was not recognised:
    its backticks were read as a code span."""
    doc = f"<Box lang={value}>\n\n{PERSIAN}\n\n</Box>\n\n{ARABIC}\n"
    out = Cleaner(format=fmt)(doc)
    assert PERSIAN in out
    assert out.endswith(f"{ARABIC_FIXED}\n")


def test_a_tag_shown_in_a_code_span_still_shows_nothing() -> None:
    doc = f"Write ``<Box lang={{`fa`}}>`` or `<div lang=\"fa\">`:\n\n{ARABIC}\n"
    assert Cleaner(format="markdown")(doc).endswith(f"{ARABIC_FIXED}\n")


@pytest.mark.parametrize("front", ["---\nlang: fa\n---\n", '+++\nlanguage = "ur"\n+++\n'])
def test_an_arabic_element_in_a_persian_document_is_prose(front: str) -> None:
    """F10: front matter `lang: fa` froze `<div lang="ar">` inside too; the
    innermost statement wins, as for elements."""
    doc = f'{front}\n{ARABIC}\n\n<div lang="ar">\n\n{ARABIC}\n\n</div>\n\n{ARABIC}\n'
    out = Cleaner(format="markdown")(doc)
    assert out == doc.replace(f"\n\n{ARABIC}\n\n</div>", f"\n\n{ARABIC_FIXED}\n\n</div>")


def test_the_innermost_language_wins_at_every_depth() -> None:
    doc = (
        f'<div lang="fa">\n\n{PERSIAN}\n\n<div lang="ar">\n\n{ARABIC}\n\n'
        f'<div lang="fa">\n\n{PERSIAN}\n\n</div>\n\n{ARABIC}\n\n</div>\n\n{PERSIAN}\n\n</div>\n'
    )
    out = Cleaner(format="markdown")(doc)
    assert out.count(PERSIAN) == 3
    assert out.count(ARABIC_FIXED) == 2
