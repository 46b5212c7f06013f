"""HTML prose spans and verify()."""

from __future__ import annotations

import pytest

from arclean.formats import StructureChanged, get_format
from arclean.text.spans import ALL_RULES

PAGE = """<!DOCTYPE html>
<html><head><title>عنوان , الصفحة</title>
<style>p::before { content: "ستايل , هنا" }</style>
<script>var s = "سكربت , هنا";</script></head>
<body>
<p title="سمة , هنا" data-x='أخرى , سمة'>فقرة , أولى &amp; ثانية&#1604;ثالثة</p>
<p><a href="https://e.com/a,b">رابط , هنا</a> وhttps://x.org/a,b .</p>
<pre>منسق , <b>عريض</b> هنا</pre><code>كود , هنا</code><kbd>مفتاح , هنا</kbd>
<samp>عينة , هنا</samp><textarea>حقل , هنا</textarea>
<svg><text>رسم , هنا</text></svg><math><mi>رياضيات , هنا</mi></math>
<!-- تعليق , هنا -->
<!-- arclean-disable AR101 AR2 -->
<p>معطل , جزئيا</p>
<!-- arclean-enable -->
<!-- arclean-disable-next-line -->
<p>سطر معطل , كليا</p>
<p>سطر عادي , بعده<br/>بعد الفاصل</p>
</body></html>
"""

EXPECTED = [
    ("عنوان , الصفحة", set()),
    ("فقرة , أولى ", set()),
    (" ثانية", set()),
    ("ثالثة", set()),
    ("رابط , هنا", set()),
    (" و", set()),
    (" .", set()),
    ("معطل , جزئيا", {"AR101", "AR2"}),
    ("سطر معطل , كليا", {ALL_RULES}),
    ("سطر عادي , بعده", set()),
    ("بعد الفاصل", set()),
]


def spans_of(text: str) -> list[tuple[str, set[str]]]:
    return [(text[s.start : s.end], set(s.disabled)) for s in get_format("html").prose_spans(text)]


def test_exact_spans() -> None:
    assert spans_of(PAGE) == EXPECTED


def test_crlf_offsets() -> None:
    assert spans_of(PAGE.replace("\n", "\r\n")) == EXPECTED


def test_frozen_never_in_spans() -> None:
    joined = "".join(t for t, _ in spans_of(PAGE))
    for frozen in ("ستايل", "سكربت", "سمة", "أخرى", "منسق", "عريض", "كود", "مفتاح", "عينة"):
        assert frozen not in joined
    for frozen in ("حقل", "رسم", "رياضيات", "تعليق", "&amp;", "&#1604;", "https", "href"):
        assert frozen not in joined


def test_verify() -> None:
    fmt = get_format("html")
    fmt.verify(PAGE, PAGE.replace("فقرة , أولى", "فقرة، أولى"))
    for old, new in (
        ("سمة , هنا", "سمة، هنا"),
        ("سكربت , هنا", "سكربت، هنا"),
        ("&amp;", "&"),
        ("a,b", "a،b"),
        ("<b>", "<i>"),
        ("تعليق , هنا", "تعليق، هنا"),
    ):
        with pytest.raises(StructureChanged):
            fmt.verify(PAGE, PAGE.replace(old, new))
    # Prose that grows into markup is refused too.
    with pytest.raises(StructureChanged):
        fmt.verify(PAGE, PAGE.replace("بعد الفاصل", "بعد <b>الفاصل"))


def test_malformed_declaration_protects_everything() -> None:
    text = "<p>نص</p><![ <!-- x -->"
    fmt = get_format("html")
    assert fmt.prose_spans(text) == [] or all(
        text[s.start : s.end] == "نص" for s in fmt.prose_spans(text)
    )
    fmt.verify(text, text)
