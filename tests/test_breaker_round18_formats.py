"""Session 18 of the breaker's reports on the formats (Markdown, MDX, HTML,
subtitles) and two punctuation rules: each fault as a kind (the reported
input and more of the same), and the counter-examples that must stay as
they are."""

from __future__ import annotations

import pytest

from arclean import Cleaner
from arclean.text.masks import link_ranges


def fix(text: str, fmt: str = "plain", **settings: object) -> str:
    return Cleaner(format=fmt, **settings)(text)


# -- 1. Markdown front matter closed with `...` (Pandoc, YAML document end) ----

PANDOC = (
    "---\ntitle: دليل\nnote: ملاحظة:يرجى الانتباه\nsummary: قال الوزير , ثم\n...\n\nنص , هنا.\n"
)


def test_front_matter_closed_with_dots_is_never_touched() -> None:
    fixed = fix(PANDOC, "markdown")
    assert fixed == PANDOC.replace("نص , هنا.", "نص، هنا.")


@pytest.mark.parametrize("fmt", ["markdown", "mdx"])
@pytest.mark.parametrize("closer", ["...", "---", "...  "])
def test_front_matter_closers(fmt: str, closer: str) -> None:
    text = f"---\nsummary: قال الوزير , ثم\n{closer}\nنص , هنا.\n"
    assert fix(text, fmt) == text.replace("نص , هنا.", "نص، هنا.")


def test_front_matter_keys_work_with_a_dots_closer() -> None:
    text = "---\ntitle: قال الوزير , ثم\nother: قال الوزير , ثم\n...\n"
    fixed = fix(text, "markdown", front_matter_keys=["title"])
    assert fixed == "---\ntitle: قال الوزير، ثم\nother: قال الوزير , ثم\n...\n"


def test_toml_front_matter_does_not_close_with_dots() -> None:
    # `+++` opens TOML, which only `+++` closes: the rest is Markdown.
    text = "+++\n...\nقال , ثم\n"
    assert fix(text, "markdown") == "+++\n...\nقال، ثم\n"


# -- 3. URLs without a scheme: a host name with a path -------------------------

BARE_URLS = [
    ("انظر ar.wikipedia.org/wiki/تصنيف:مصر للمزيد.", "ar.wikipedia.org/wiki/تصنيف:مصر"),
    ("انظر example.com/قال?ثم غادر.", "example.com/قال?ثم"),
    ("انظر example.com/الحرب,السلام ثم.", "example.com/الحرب,السلام"),
    ("انظر ar.wikipedia.org/wiki/مصـر ثم.", "ar.wikipedia.org/wiki/مصـر"),
    ("وexample.com/a/b.", "example.com/a/b"),
    ("انظر Example.COM:8080/x ثم", "Example.COM:8080/x"),
    ("انظر sub-1.example.co.uk/ ثم", "sub-1.example.co.uk/"),
    ("see:example.com/x", "example.com/x"),
]


@pytest.mark.parametrize(("text", "url"), BARE_URLS)
def test_host_with_path_is_a_url(text: str, url: str) -> None:
    start = text.index(url)
    assert (start, start + len(url)) in link_ranges(text)
    for fmt in ("plain", "markdown"):
        assert url in fix(text, fmt)


#: No host with a path: a top-level domain of letters, and a `/` right after.
NOT_URLS = [
    "12/5/2020",
    "a.m/p.m",
    "Ph.D/x",
    "U.S./x",
    "file.txt",
    "example.com",
    "الصحة.مصر/صفحة",
    "a/b.co/x",
    "x.com:/y",
    "v1.2/3",
    "example.c0m/x",
]


@pytest.mark.parametrize("text", NOT_URLS)
def test_no_host_no_url(text: str) -> None:
    assert link_ranges(text) == []


def test_bare_url_after_an_email_is_the_email() -> None:
    text = "x@example.com/a"
    assert link_ranges(text) == [(0, len("x@example.com"))]


def test_prose_around_a_bare_url_is_still_fixed() -> None:
    assert fix("قال , ثم example.com/a ثم قال , ثم") == "قال، ثم example.com/a ثم قال، ثم"


# -- 2. Headings that in-document links point to keep their anchors -----------

ANCHORS = (
    "# الحرب و السلام\n\nانظر [هنا](#الحرب-و-السلام) و[ب](#نتائج-الحـرب).\n\n## نتائج الحـرب\n"
)


def test_a_linked_heading_keeps_its_anchor() -> None:
    fixed = fix(ANCHORS, "markdown")
    assert "# الحرب و السلام\n" in fixed
    assert "## نتائج الحـرب\n" in fixed


@pytest.mark.parametrize(
    "link",
    [
        "[هنا](#الحرب-و-السلام)",
        "[هنا](#%D8%A7%D9%84%D8%AD%D8%B1%D8%A8-%D9%88-%D8%A7%D9%84%D8%B3%D9%84%D8%A7%D9%85)",
        "[هنا][r]\n\n[r]: #الحرب-و-السلام",
        "[هنا]\n\n[هنا]: <#الحرب-و-السلام>",
        '<a href="#الحرب-و-السلام">هنا</a>',
        "[هنا](#الحرب-و-السلام-1)",
        "[هنا](#الحرب_و_السلام)",
    ],
)
def test_every_kind_of_in_document_link_holds_the_heading(link: str) -> None:
    text = f"## الحرب و السلام\n\nانظر {link}\n"
    assert fix(text, "markdown").startswith("## الحرب و السلام\n")


@pytest.mark.parametrize("fmt", ["markdown", "mdx"])
def test_setext_and_emphasised_headings_are_held_too(fmt: str) -> None:
    text = "نتائج الحـرب *الأولى*\n===\n\n[هنا](#نتائج-الحـرب-الأولى)\n"
    assert fix(text, fmt) == text


def test_headings_no_link_points_to_are_still_fixed() -> None:
    text = "# الحرب و السلام\n\n## قال , ثم\n\n[هنا](#أخرى) و[ب](https://example.com/#قال-ثم)\n"
    fixed = fix(text, "markdown")
    assert fixed.startswith("# الحرب والسلام\n\n## قال، ثم\n")


def test_a_heading_with_an_explicit_id_stays_prose() -> None:
    text = "## الحرب و السلام {#war}\n\n[هنا](#الحرب-و-السلام) [ب](#war)\n"
    assert fix(text, "markdown").startswith("## الحرب والسلام {#war}\n")


def test_other_prose_of_a_linked_document_is_fixed() -> None:
    fixed = fix(ANCHORS + "\nقال , ثم\n", "markdown")
    assert fixed.endswith("\nقال، ثم\n")


# -- 5. Subtitles: spaces after a tag, an entity or a URL at a line end -------

SRT_CUE = "1\n00:00:01,000 --> 00:00:02,000\n{line}\n\n2\n00:00:03,000 --> 00:00:04,000\nنعم\n"
VTT_CUE = "WEBVTT\n\n00:01.000 --> 00:02.000\n{line}\nنعم\n"


@pytest.mark.parametrize(
    ("line", "fixed"),
    [
        ("<i>قال الوزير</i>  ", "<i>قال الوزير</i>"),
        ("قال الوزير&rlm; ", "قال الوزير&rlm;"),
        ("قال الوزير{\\an8}\t", "قال الوزير{\\an8}"),
        ("قال https://example.com/a  ", "قال https://example.com/a"),
        ("<b>قال</b> <i>الوزير</i> ", "<b>قال</b> <i>الوزير</i>"),
    ],
)
@pytest.mark.parametrize(("fmt", "cue"), [("srt", SRT_CUE), ("vtt", VTT_CUE)])
def test_trailing_spaces_after_markup_go(fmt: str, cue: str, line: str, fixed: str) -> None:
    cleaner = Cleaner(format=fmt)
    outcome = cleaner.fix(cue.format(line=line))
    assert outcome.text == cue.format(line=fixed)
    assert cleaner.check(outcome.text) == []


@pytest.mark.parametrize("line", ["<i>قال الوزير</i>", "قال الوزير&rlm;", "<i>قال , ثم</i>"])
def test_lines_ending_in_markup_keep_it(line: str) -> None:
    text = SRT_CUE.format(line=line)
    assert fix(text, "srt") == text.replace("قال , ثم", "قال، ثم")


# -- 6. MDX: an ESM block runs to the next blank line ------------------------

ESM = (
    "export const items = [\n  'قال , ثم',\n  \"الحرب و السلام\",\n]\n"
    "export const t =\n  'عنوان , المقال ?'\n\nنص , هنا.\n"
)


def test_a_multi_line_export_is_code() -> None:
    assert fix(ESM, "mdx") == ESM.replace("نص , هنا.", "نص، هنا.")


def test_a_multi_line_import_is_code_and_the_blank_line_ends_it() -> None:
    text = "import {\n  قال , ثم\n} from './x'\n\nقال , ثم\n"
    assert fix(text, "mdx") == "import {\n  قال , ثم\n} from './x'\n\nقال، ثم\n"


def test_markdown_is_no_mdx() -> None:
    text = "export const t =\n  'قال , ثم'\n"
    assert fix(text, "markdown") == "export const t =\n  'قال، ثم'\n"


# -- 7. Wikilinks are frozen in Markdown ---------------------------------------

WIKILINKS = [
    "انظر [[الحرب و السلام]] هنا.\n",
    "انظر [[صفحة#الحرب و السلام|قال , ثم]] هنا.\n",
    "انظر ![[صورة , ما]] هنا.\n",
    "- [[قال  ثم]]\n",
    "> انظر [[مصـر]]\n",
]


@pytest.mark.parametrize("fmt", ["markdown", "mdx"])
@pytest.mark.parametrize("text", WIKILINKS)
def test_wikilinks_are_frozen(fmt: str, text: str) -> None:
    assert fix(text, fmt) == text


def test_prose_beside_a_wikilink_is_fixed() -> None:
    text = "قال , ثم [[الحرب و السلام]] قال , ثم [و , ي]\n"
    assert fix(text, "markdown") == "قال، ثم [[الحرب و السلام]] قال، ثم [و، ي]\n"


# -- 9. HTML code-like elements: tt, var, xmp, kbd, samp -----------------------

CODE_LIKE = ["tt", "var", "xmp", "kbd", "samp", "code", "listing"]


@pytest.mark.parametrize("tag", CODE_LIKE)
def test_code_like_elements_are_frozen_in_html(tag: str) -> None:
    text = f"<p><{tag}>قال  ,  ثم</{tag}> قال , ثم</p>\n"
    assert fix(text, "html") == f"<p><{tag}>قال  ,  ثم</{tag}> قال، ثم</p>\n"


@pytest.mark.parametrize("tag", CODE_LIKE)
def test_code_like_elements_are_frozen_in_markdown_inline_html(tag: str) -> None:
    text = f'اضغط <{tag} class="k">قال  ,  ثم</{tag.upper()}> هنا , ثم <b>قال , ثم</b>\n'
    expected = text.replace("هنا , ثم", "هنا، ثم").replace("<b>قال , ثم", "<b>قال، ثم")
    assert fix(text, "markdown") == expected


def test_an_unclosed_code_like_element_in_markdown_freezes_no_paragraph_after() -> None:
    text = "<kbd>قال , ثم\n\nقال , ثم</kbd>\n"
    assert fix(text, "markdown").count("قال، ثم") == 2


# -- 8. AR109: و that labels a clause -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "تنص الفقرة و من المادة الخامسة على ذلك.",
        "وفق البند و في الملحق الأول",
        "انظر الملحق و أدناه",
        "للفقرة و من المادة",
        "بالبند و المذكور أعلاه",
        "تنص فقرة و على ذلك",
        "المادة و من القانون",
    ],
)
def test_a_clause_label_is_not_joined(text: str) -> None:
    assert fix(text, select="AR109") == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("الفقرة و المادة", "الفقرة والمادة"),
        ("ذكرنا ذلك في الفقرة و من ثم انتقلنا", "ذكرنا ذلك في الفقرة ومن ثم انتقلنا"),
        ("الحقيبة و من فيها", "الحقيبة ومن فيها"),
    ],
)
def test_the_conjunction_after_such_words_is_still_joined(text: str, expected: str) -> None:
    assert fix(text, select="AR109") == expected


# -- 10. AR101: no space removed after a colon -----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "RT @iAl7ob: ،وأخيراً تحديث كامل لبرنامج",
        "قال الوزير: ، ثم ذهب إلى البيت",
        "قال الوزير:\t؛ ثم ذهب إلى البيت",
        "هل قال الوزير: ؟",
    ],
)
def test_the_space_after_a_colon_stays(text: str) -> None:
    assert fix(text, select="AR101") == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قال الوزير ، ثم", "قال الوزير، ثم"),
        ("(انظر أعلاه) ، ثم", "(انظر أعلاه)، ثم"),
        ("قبل” ، أضاف", "قبل”، أضاف"),
        ("على انطلاقته « ، مشيراً", "على انطلاقته «، مشيراً"),
        ("عام 2015 ، ثم", "عام 2015، ثم"),
        # A dash closing an aside, an abbreviation's full stop, a run of marks.
        ("العهد - حفظهم الله - ، في", "العهد - حفظهم الله -، في"),
        ("الباحث C. N. ، أميركا", "الباحث C. N.، أميركا"),
        ("قال الوزير ؟ ؟", "قال الوزير؟؟"),
    ],
)
def test_the_space_after_a_word_or_another_mark_goes(text: str, expected: str) -> None:
    assert fix(text, select="AR101") == expected


def test_the_reported_subtitle_line() -> None:
    text = "1\n00:00:01,000 --> 00:00:02,000\nRT @iAl7ob: ،وأخيراً تحديث كامل لبرنامج\n"
    assert fix(text, "srt") == text


# -- 4. A Persian column of an Arabic-Persian table keeps its spelling ------------

GLOSSARY = (
    "| العربية | فارسی |\n|---|---|\n"
    "| الحرب و السلام في البيت | جنگ و صلح , اینجا |\n"
    "| قرأت الکتاب و القلم في البيت | کتاب خوب است و من و تو |\n"
)


def test_a_persian_column_keeps_its_letters_and_its_waw() -> None:
    fixed = fix(GLOSSARY, "markdown")
    assert "| فارسی |" in fixed
    assert "| کتاب خوب است و من و تو |" in fixed
    assert "| جنگ و صلح، اینجا |" in fixed  # punctuation is mended as before
    # The Arabic column is fixed as ever (AR109 leaves و apart on a row that
    # holds Persian letters, as it did before: it reads the whole line).
    assert "| قرأت الكتاب و القلم في البيت |" in fixed


@pytest.mark.parametrize("header", ["فارسی", "الفارسية", "Persian", "کوردی", "اردو"])
def test_a_header_naming_the_language_makes_a_persian_column(header: str) -> None:
    text = f"| عربي | {header} |\n|---|---|\n| قرأت الكتاب في البيت | قرأت الکتاب في البيت |\n"
    assert "| قرأت الکتاب في البيت |" in fix(text, "markdown")


def test_an_arabic_table_is_fixed_as_ever() -> None:
    text = "| عربي | معنى |\n|---|---|\n| قرأت الکتاب في البيت | قرأت الکتاب في البيت |\n"
    assert fix(text, "markdown").count("قرأت الكتاب في البيت") == 2


def test_the_walk_back_to_a_host_is_bounded() -> None:
    from arclean.text.masks import _HOST_MAX, _host_start

    text = "a." * 5000 + "/"
    assert _host_start(text, len(text) - 1) == len(text) - 1 - _HOST_MAX
    assert link_ranges(text) == []
    host = "a." * 100 + "bc"
    assert link_ranges(f"x {host}/p") == [(2, 2 + len(host) + 2)]
