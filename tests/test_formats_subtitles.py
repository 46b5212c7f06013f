"""SRT and WebVTT prose spans and verify()."""

from __future__ import annotations

from pathlib import Path

import pytest

from arclean.formats import StructureChanged, get_format

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "formats"


def read(name: str) -> str:
    # newline="" keeps CRLF: the spans must point into the real bytes.
    with open(FIXTURES / name, encoding="utf-8", newline="") as f:
        return f.read()


def texts(fmt: str, text: str) -> list[str]:
    return [text[s.start : s.end] for s in get_format(fmt).prose_spans(text)]


def test_srt_exact_spans_with_crlf() -> None:
    text = read("sample.srt")
    assert "\r\n" in text
    assert texts("srt", text) == [
        "مرحبا , بكم",
        "نص مائل , هنا",
        "في الأعلى , هنا ",
        "نعم",
        "أحمر , اللون",
    ]
    for span in get_format("srt").prose_spans(text):
        assert "\r" not in text[span.start : span.end]
        assert "\n" not in text[span.start : span.end]


def test_srt_leading_direction_mark_stays_out() -> None:
    text = read("sample.srt")
    first = get_format("srt").prose_spans(text)[0]
    assert text[first.start - 1] == "\u202b"


def test_vtt_exact_spans() -> None:
    assert texts("vtt", read("sample.vtt")) == [
        "مرحبا , يا صديقي",
        "نص ",
        "ملون , هنا",
        " ",
        "ثم وقت",
    ]


def test_srt_verify() -> None:
    text = read("sample.srt")
    fmt = get_format("srt")
    fmt.verify(text, text.replace("مرحبا , بكم", "مرحبا، بكم"))
    for old, new in (
        ("00:00:01,000", "00:00:01.000"),
        ("\r\n2\r\n", "\r\n3\r\n"),
        ("\r\n", "\n"),
        ("<i>", "<b>"),
        ("{\\an8}", "{\\an2}"),
        ("&lrm;", "\u200e"),
        ("\u202b", ""),
    ):
        with pytest.raises(StructureChanged):
            fmt.verify(text, text.replace(old, new, 1))
    # Emptying a cue line changes the cue structure.
    with pytest.raises(StructureChanged):
        fmt.verify(text, text.replace("<i>نص مائل , هنا</i>\r\n", "\r\n"))


def test_vtt_verify() -> None:
    text = read("sample.vtt")
    fmt = get_format("vtt")
    fmt.verify(text, text.replace("ملون , هنا", "ملون، هنا"))
    for old, new in (
        ("عنوان , الملف", "عنوان، الملف"),
        ("ملاحظة , لا تلمس", "ملاحظة، لا تلمس"),
        ("align:start", "align:end"),
        ("<v أحمد>", "<v محمد>"),
        ("<00:06.000>", "<00:06.500>"),
        ("intro", "outro"),
    ):
        with pytest.raises(StructureChanged):
            fmt.verify(text, text.replace(old, new, 1))


def test_srt_without_blank_line_between_cues() -> None:
    text = "1\n00:00:01,000 --> 00:00:02,000\nأول , سطر\n2\n00:00:03,000 --> 00:00:04,000\nثان\n"
    assert texts("srt", text) == ["أول , سطر", "ثان"]
