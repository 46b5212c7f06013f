"""Text an author marks as another Arabic-script language, in every format
that can say so (session 20): Markdown's HTML, WebVTT language spans, and
ISO 639-2/3 codes beside the two-letter ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from arclean.api import Cleaner
from arclean.formats.lang_elements import other_language_elements
from arclean.text.language import other_script_language

PERSIAN = "این یک متن فارسی است ، با ۱۲۳ و كتاب"


@pytest.mark.parametrize("tag", ["fas", "per", "urd", "pus", "snd", "uig", "fas-IR", "URD"])
def test_three_letter_codes_name_other_languages(tag: str) -> None:
    assert other_script_language(tag)


@pytest.mark.parametrize("tag", ["ara", "arb", "arz", "ar-EG", "en", "eng", "fr"])
def test_arabic_and_latin_codes_do_not(tag: str) -> None:
    assert not other_script_language(tag)


def test_markdown_html_block_marked_persian_is_left_alone() -> None:
    doc = f'# عنوان\n\nنص عربي ، هنا.\n\n<div lang="fa">\n\n{PERSIAN}.\n\n</div>\n\nنص آخر ، هنا.\n'
    out = Cleaner(format="markdown")(doc)
    assert f"{PERSIAN}." in out
    assert "نص عربي، هنا." in out
    assert "نص آخر، هنا." in out  # the element ends at its end tag


def test_markdown_inline_element_and_nesting() -> None:
    doc = (
        '<span xml:lang="urd">یہ کتاب ہے ، اور</span> نص ، عربي.\n\n'
        '<div lang="fa"><div>عنوان ، فرعي</div>\n\nكتاب ، فارسى\n\n</div>\n\nقال ، ثم\n'
    )
    out = Cleaner(format="markdown")(doc)
    assert "یہ کتاب ہے ، اور" in out
    assert "نص، عربي." in out
    assert "كتاب ، فارسى" in out  # after the nested div's end, still inside
    assert "قال، ثم" in out


def test_markdown_void_or_self_closed_element_freezes_nothing() -> None:
    doc = 'نص <img lang="fa" alt="x"> عربي ، هنا <span lang="fa"/> ثم ، قال\n'
    want = 'نص <img lang="fa" alt="x"> عربي، هنا <span lang="fa"/> ثم، قال\n'
    assert Cleaner(format="markdown")(doc) == want


def test_markdown_arabic_or_english_lang_is_prose() -> None:
    doc = '<div lang="ar">\n\nنص ، عربي\n\n</div>\n'
    assert "نص، عربي" in Cleaner(format="markdown")(doc)


def test_webvtt_language_span() -> None:
    vtt = (
        "WEBVTT\n\n00:00.000 --> 00:01.000\n<lang fa>این متن ، فارسى</lang> ونص ، عربي\n\n"
        "00:01.000 --> 00:02.000\n<lang.loud ur>یہ ، اور\nسطر ، ثان\n\n"
        "00:02.000 --> 00:03.000\nنص ، عربي\n"
    )
    out = Cleaner(format="vtt")(vtt)
    assert "<lang fa>این متن ، فارسى</lang> ونص، عربي" in out
    assert "<lang.loud ur>یہ ، اور\nسطر ، ثان\n" in out  # open to the end of its cue
    assert out.endswith("نص، عربي\n")


def test_an_unclosed_element_ends_with_its_paragraph() -> None:
    """Session 20, second breaker: an unclosed element froze the rest of
    the document."""
    text = '<div lang="fa">\nا\n\nب\n'
    assert other_language_elements(text) == [(0, text.index("\n\n"))]
    for doc in (
        '<p lang="fa">\nتو و او\n\nذهب و عاد\n',
        'تو <span lang="fa">تو و او\n\nذهب و عاد\n',
    ):
        out = Cleaner(format="markdown")(doc)
        assert "تو و او" in out and out.endswith("ذهب وعاد\n")


@pytest.mark.parametrize(
    "shown",
    [
        '`<div lang="fa">`',
        '<!-- <div lang="fa"> -->',
        '\\<div lang="fa">',
        '\n\n```html\n<div lang="fa">\n```\n\n',
        '\n\n    <div lang="fa">\n\n',
    ],
)
def test_a_tag_shown_in_markdown_opens_nothing(shown: str) -> None:
    """A tutorial that shows the tag in code, a comment or escaped is still
    cleaned (session 20, second breaker)."""
    doc = f"ذهب و عاد {shown} ذهب و عاد\n\nذهب و عاد\n"
    out = Cleaner(format="markdown")(doc)
    assert "ذهب و عاد" not in out, out


def test_a_closing_tag_shown_in_code_closes_nothing() -> None:
    doc = '<div lang="fa">\n\n```html\n<p>سلام</p></div>\n```\n\n'
    doc += "او آمد و رفت `</div>` تو و او\n\n</div>\n"
    assert Cleaner(format="markdown")(doc) == doc


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_the_innermost_language_wins(fmt: str) -> None:
    doc = '<div lang="fa">\n\n<div lang="ar">\n\nذهب و عاد\n\n</div>\n\nتو و او\n\n</div>\n'
    out = Cleaner(format=fmt)(doc)
    assert "ذهب وعاد" in out and "تو و او" in out


@pytest.mark.parametrize(
    "page",
    [
        '<p><span lang="fa">تو و او</p>\n<p>ذهب و عاد</p>\n',
        '<ul><li lang="fa">تو و او<li>ذهب و عاد</ul>\n',
        '<table><tr><td lang="fa">تو و او<td>ذهب و عاد</table>\n',
    ],
)
def test_html_ends_an_element_where_html_does(page: str) -> None:
    out = Cleaner(format="html")(page)
    assert "تو و او" in out and "ذهب وعاد" in out


def test_markdown_front_matter_language_freezes_the_document() -> None:
    """Pandoc, Hugo and Jekyll documents say their language in front matter
    (session 19 breaker, B24)."""
    doc = '---\ntitle: "x"\nlang: fa\n---\n\nتو و او ؟\n'
    assert Cleaner(format="markdown")(doc) == doc
    doc = '+++\nlanguage = "ur"\n+++\n\nیہ ، اور\n'
    assert Cleaner(format="markdown")(doc) == doc
    assert Cleaner(format="markdown")("---\nlang: ar\n---\n\nقال ، ثم\n").endswith("قال، ثم\n")


def test_glossary_rule_alone_without_a_glossary_is_an_error(tmp_path: Path) -> None:
    """The arclean-names hook in a repository with no glossary checked
    nothing and passed (B13)."""
    from click.testing import CliRunner

    from arclean.cli.app import cli

    f = tmp_path / "a.txt"
    f.write_text("وصل فيان\n", encoding="utf-8")
    for command in ("fix", "check"):
        result = CliRunner().invoke(cli, [command, "--isolated", "--select", "AR801", str(f)])
        assert result.exit_code == 2, result.output
        assert "no glossary is given" in result.output
    g = tmp_path / "g.toml"
    entry = '[[entity]]\ncanonical = "فيدان"\nvariants = ["فيان"]\n'
    g.write_text('version = 1\nfold = "arclean-fold-v1"\n\n' + entry, encoding="utf-8")
    args = ["fix", "--isolated", "--select", "AR801", "--glossary", str(g), str(f)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert f.read_text(encoding="utf-8") == "وصل فيدان\n"


def test_search_spells_lillah_as_one_word() -> None:
    """لﷲ is ل + الله, written لله (B16); inside a name ﷲ is الله."""
    text = "الحمد لﷲ وﷲ ولﷲ الأمر فضلﷲ عبدﷲ #لﷲ\n"
    out = Cleaner(profile="search")(text)
    assert out == "الحمد لله والله ولله الامر فضلالله عبدالله #لﷲ\n"
    assert Cleaner()(text) == text  # the default profile keeps the ligature


@pytest.mark.parametrize("fmt", ["plain", "markdown", "mdx", "html"])
def test_search_folds_a_quran_quotation_in_every_format(fmt: str) -> None:
    """B14 (session 19): the formats dropped Quran quotations from the
    prose, so the search profile's folds never reached them there."""
    text = "قال ، ﴿ قُلْ ، هُوَ ٱللَّهُ أَحَدٌ ﴾ ، ثم\n"
    assert Cleaner(profile="search", format=fmt)(text) == "قال، ﴿ قل، هو الله احد ﴾، ثم\n"
    assert Cleaner(format=fmt)(text) == "قال، ﴿ قُلْ ، هُوَ ٱللَّهُ أَحَدٌ ﴾، ثم\n"


@pytest.mark.parametrize("prefix", ["AR49", "AR39", "AR79", "AR69"])
def test_a_prefix_of_folds_only_is_an_error_in_the_default_profile(prefix: str) -> None:
    """B2 (session 20 breaker): the prefix took the folds into a default fix."""
    from arclean.errors import SelectorError

    with pytest.raises(SelectorError, match="only folds of the search profile"):
        Cleaner(extend_select=[prefix], unsafe_fixes=True)
    # the search profile takes them; a fold named by its code is taken too
    assert Cleaner(profile="search", select=[prefix]).rules
    assert [r.code for r in Cleaner(select=["AR491"], unsafe_fixes=True).rules] == ["AR491"]
