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
