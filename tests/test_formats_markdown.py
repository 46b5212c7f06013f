"""Markdown prose spans: the CommonMark invariance test, the Arabic sample,
a fixture page with exact spans, and verify()."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from _scramble import scramble

from arclean.formats import StructureChanged, get_format
from arclean.formats.markdown import Markdown, analyse, parser
from arclean.text.spans import ALL_RULES, Span

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / ".." / "shared" / "corpus" / "markdown"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "formats"


def skeleton(text: str) -> tuple[list[tuple[Any, ...]], dict[str, tuple[str, str]]]:
    """Everything but prose, computed independently of the format module."""
    env: dict[str, Any] = {}
    out: list[tuple[Any, ...]] = []

    def walk(tokens: list[Any]) -> None:
        for t in tokens:
            content = "" if t.type in ("text", "inline") else t.content
            attrs = sorted((t.attrs or {}).items())
            out.append((t.type, t.tag, t.nesting, t.markup, t.info, attrs, content))
            walk(t.children or [])

    walk(parser().parse(text, env))
    refs = {k: (v["href"], v["title"]) for k, v in env.get("references", {}).items()}
    return out, refs


def texts(text: str, spans: list[Span]) -> list[str]:
    return [text[s.start : s.end] for s in spans]


def load_spec() -> list[dict[str, Any]]:
    path = CORPUS / "commonmark_spec_examples.json"
    if not path.is_file():
        pytest.skip("shared corpus not available")
    return json.loads(path.read_text(encoding="utf-8"))


def test_commonmark_spec_structure_is_invariant() -> None:
    examples = load_spec()
    fmt = Markdown()
    broken, fallback, changed = [], [], 0
    for ex in examples:
        src = ex["markdown"]
        result = analyse(src)
        if result.protected_blocks:
            fallback.append(ex["example"])
        out = scramble(src, result.spans)
        changed += out != src
        if skeleton(out) != skeleton(src):
            broken.append(ex["example"])
            continue
        fmt.verify(src, out)
    assert broken == []
    # The rewrite must really have hit the prose (most examples are Latin).
    assert changed > 400
    # Alignment fallback is allowed but should stay exceptional.
    assert len(fallback) <= 5, fallback
    print(f"\n{len(examples)} examples, {changed} rewritten, fallback in {fallback}")


def test_commonmark_spec_structural_edits_are_rejected() -> None:
    examples = load_spec()
    fmt = Markdown()
    tried = 0
    for ex in examples:
        src = ex["markdown"]
        spans = fmt.prose_spans(src)
        for old, new in (("](/url", "](/urk"), ("`foo`", "`fox`"), ("<div>", "<dib>")):
            at = src.find(old)
            # Only edits outside prose count: in some examples these are plain text.
            if at >= 0 and not any(s.start < at + len(old) and at < s.end for s in spans):
                tried += 1
                with pytest.raises(StructureChanged):
                    fmt.verify(src, src.replace(old, new, 1))
    assert tried > 20


def test_arabic_sample() -> None:
    path = CORPUS / "arabic_markdown_sample.md"
    if not path.is_file():
        pytest.skip("shared corpus not available")
    src = path.read_text(encoding="utf-8")
    result = analyse(src)
    assert result.protected_blocks == 0
    got = texts(src, result.spans)
    joined = "\n".join(got)
    out = scramble(src, result.spans)
    assert skeleton(out) == skeleton(src)
    Markdown().verify(src, out)
    # Prose that must be found.
    for expected in (
        "عنوان المقال , مع فاصلة",
        "نص الرابط , هنا",
        "داخل , الوسم",
        "عمود , أول",
        "خلية , هنا",
        "حاشية , هنا.",
        "قائمة داخل اقتباس , هنا",
        "كود مزاح , بأربع مسافات ; لا يُلمس",  # indented after a list item: a paragraph
    ):
        assert expected in got
    # Never prose: front matter, code, URLs, titles, alt text, HTML, templates, math.
    for frozen in (
        "مقال, تجريبي",
        "https://",
        "www.example.com",
        "{#intro}",
        "code, here",
        "a , b ; c",
        "tilde fence",
        "عنوان , الرابط",
        "نص بديل",
        "كتلة HTML",
        "تعليق",
        "page.title",
        "include",
        "a, b$",
        "x,y",
        "عنوان , مرجع",
        "&amp;",
        "&nbsp;",
        "\\*",
    ):
        assert frozen not in joined, frozen
    # The و glued to a URL is prose; the URL is not.
    assert any(t.endswith("و") for t in got)
    assert src[: src.index("\n---\n") + 5] == out[: src.index("\n---\n") + 5]


PAGE_SPANS = [
    ("مرحبا , بالعالم", set()),
    ("فقرة فيها ", set()),
    (" ورابط ", set()),
    ("نص الرابط , هنا", set()),
    (" ثم ", set()),
    ("تأكيد , مائل", set()),
    (".", set()),
    ("رابط مرجعي ", set()),
    ("نص , مرجعي", set()),
    (" واختصار ", set()),
    (" وكذلك ", set()),
    (" و", set()),
    ("وسم , مضمن", set()),
    (".", set()),
    ("رأس , أول", set()),
    ("رأس ; ثان", set()),
    ("خلية , هنا", set()),
    ("نص معطل , جزئيا وموقع و", {"AR101"}),
    (" هنا.", {"AR101"}),
    ("سطر معطل , كليا", {ALL_RULES}),
    ("سطر عادي , بعده", set()),
]


def test_fixture_page_exact_spans() -> None:
    src = (FIXTURES / "page.md").read_text(encoding="utf-8")
    spans = get_format("markdown").prose_spans(src)
    assert [(src[s.start : s.end], set(s.disabled)) for s in spans] == PAGE_SPANS


def test_fixture_page_with_crlf_maps_offsets() -> None:
    src = (FIXTURES / "page.md").read_text(encoding="utf-8").replace("\n", "\r\n")
    spans = get_format("markdown").prose_spans(src)
    assert [(src[s.start : s.end], set(s.disabled)) for s in spans] == PAGE_SPANS


def test_verify_rejects_and_names_the_change() -> None:
    src = (FIXTURES / "page.md").read_text(encoding="utf-8")
    fmt = Markdown()
    fmt.verify(src, src.replace("مرحبا , بالعالم", "مرحبا، بالعالم"))
    cases = {
        "https://example.com/a,b": ("https://example.com/a،b", "link destination"),
        "`code , here`": ("`code، here`", "code span"),
        'title: "عنوان , لا يلمس"': ('title: "عنوان، لا يلمس"', "front matter"),
        '"لا , تلمس"': ('"لا، تلمس"', "fenced code"),
        "كود مزاح , لا يلمس": ("كود مزاح، لا يلمس", "indented code"),
        '"مرجع , هنا"': ('"مرجع، هنا"', "link title"),
        "{#hello}": ("{#hallo}", "outside prose"),
        "*تأكيد , مائل*": ("*تأكيد , مائل", "markup"),
    }
    for old, (new, word) in cases.items():
        assert old in src
        with pytest.raises(StructureChanged, match=word):
            fmt.verify(src, src.replace(old, new))


def test_shortcut_and_collapsed_reference_text_is_frozen() -> None:
    src = "[نص] و[نص][] و[نص ثان][نص] و[نص](/u)\n\n[نص]: /x\n"
    assert texts(src, Markdown().prose_spans(src)) == [" و", " و", "نص ثان", " و", "نص"]


def test_templates_math_and_glued_urls() -> None:
    src = (
        'قالب {{< figure src="a_b*c*.png" >}} و{% raw %} ثم $x, y$ و$$a$$ '
        "وhttps://e.com/a,b، بريد a.b@example.com.\n"
    )
    got = texts(src, Markdown().prose_spans(src))
    joined = "".join(got)
    for frozen in ("figure", "raw", "x, y", "https", "e.com", "example.com"):
        assert frozen not in joined
    assert "، بريد " in got


def test_failed_alignment_protects_the_block() -> None:
    # An inline footnote is parsed away from its source: it gets no spans.
    src = "قبل ^[حاشية مضمنة] بعد\n"
    result = analyse(src)
    assert texts(src, result.spans) == ["قبل ", " بعد"]


def test_escapes_and_entities_split_spans() -> None:
    src = "أ \\* ب &amp; ج&#1604;د\n"
    assert texts(src, Markdown().prose_spans(src)) == ["أ ", " ب ", " ج", "د"]


def test_empty_and_plain() -> None:
    assert Markdown().prose_spans("") == []
    Markdown().verify("", "")


def test_inline_control_comments_and_comments_in_code() -> None:
    src = (
        "أول <!-- arclean-disable AR1,AR2 --> ثان <!-- arclean-enable AR2 --> ثالث\n\n"
        "```\n<!-- arclean-disable -->\n```\n\n"
        "`<!-- arclean-disable -->` رابع\n"
    )
    got = [(src[s.start : s.end], set(s.disabled)) for s in Markdown().prose_spans(src)]
    assert got == [
        ("أول ", set()),
        (" ثان ", {"AR1", "AR2"}),
        (" ثالث", {"AR1"}),
        (" رابع", {"AR1"}),
    ]


def test_large_document_is_fast() -> None:
    import time

    unit = (FIXTURES / "page.md").read_text(encoding="utf-8").split("---\n", 2)[2]
    text = unit * (200_000 // len(unit))
    Markdown().prose_spans("warm up the parser")
    start = time.perf_counter()
    spans = Markdown().prose_spans(text)
    elapsed = time.perf_counter() - start
    assert len(spans) > 1000
    assert elapsed < 2.0  # about 0.3 s on a 2-core machine; generous for CI
