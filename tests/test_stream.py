"""Large stdin cleaned in chunks of whole lines (`arclean.stream`): the
same bytes, exit code and messages as the whole text."""

from __future__ import annotations

import pytest

from arclean.chunks import line_chunks
from arclean.cli import cli

TEXT = (
    "قال ، المدير :  إن  الوضع    صعب ؟\n"
    "وكتب كتابًا جديدًا  .\n\n"
    "\n"
    "الفقرة الثانية ، فيها كتاباً ودفتراً وقلماً\n"
    "  \n"
    "وفيها سطر آخر?\n\n"
    "قال تعالى: ﴿إِنَّ اللَّهَ كَانَ\nعَلِيمًا حَكِيمًا﴾ وكان الأمر واضحاً ،\n"
    "سطر ﴾ وحيد\n\nفقرة ﴿ أخرى\nثم ﴾ هنا ،  \n"
    "الاسم  أحمد\nالعمر  ثلاثون\nقال  الوزير\n"
    "الأخيرة بلا سطر أخير ،"
)


def _run(runner, args, data, monkeypatch, chunk=None):
    monkeypatch.delenv("ARCLEAN_STREAM_WHOLE", raising=False)
    monkeypatch.delenv("ARCLEAN_STREAM_CHUNK", raising=False)
    if chunk is not None:
        monkeypatch.setenv("ARCLEAN_STREAM_WHOLE", "0")
        monkeypatch.setenv("ARCLEAN_STREAM_CHUNK", str(chunk))
    return runner.invoke(cli, [*args, "--isolated"], input=data)


@pytest.mark.parametrize("size", [1, 7, 40, 10_000])
def test_chunks_rejoin_and_are_whole_lines(size):
    data = TEXT.encode()
    blocks = [data[i : i + 5] for i in range(0, len(data), 5)]
    chunks = list(line_chunks(iter(blocks), size))
    assert b"".join(chunks) == data
    for chunk in chunks[:-1]:
        assert len(chunk) >= size
        assert chunk.endswith(b"\n")
    assert b"\xd9\x83\xd8\xa7\xd9\x86\n" not in [c[-7:] for c in chunks]  # not inside ﴿…﴾


@pytest.mark.parametrize("size", [1, 30, 100])
@pytest.mark.parametrize("args", [["fix"], ["fix", "--profile", "search"], ["fix", "-j", "2"]])
def test_streamed_output_is_the_whole_output(runner, monkeypatch, size, args):
    data = ("\ufeff" + TEXT).encode()
    whole = _run(runner, args, data, monkeypatch)
    chunked = _run(runner, args, data, monkeypatch, chunk=size)
    assert whole.exit_code == chunked.exit_code
    assert whole.stdout_bytes == chunked.stdout_bytes
    assert whole.stderr == chunked.stderr


def test_tanween_majority_is_the_whole_stream(runner, monkeypatch):
    # The first paragraph alone would keep before-alef; the stream's majority is on-alef.
    data = "كتابًا\n\nدفتراً وقلماً\n\nبيتاً\n".encode()
    whole = _run(runner, ["fix"], data, monkeypatch)
    chunked = _run(runner, ["fix"], data, monkeypatch, chunk=1)
    assert whole.stdout == chunked.stdout == "كتاباً\n\nدفتراً وقلماً\n\nبيتاً\n"


@pytest.mark.parametrize(
    "bad", [b"\xff", b"\xd8", b"\x00", b"\xc3\x28 \xa0\xa1"], ids=["ff", "cut", "nul", "two"]
)
def test_a_late_bad_byte_writes_nothing_and_says_where(runner, monkeypatch, bad):
    data = TEXT.encode() * 3 + b"\n\n" + "سطر ".encode() + bad + b"\n\n" + TEXT.encode()
    whole = _run(runner, ["fix"], data, monkeypatch)
    chunked = _run(runner, ["fix"], data, monkeypatch, chunk=20)
    assert whole.exit_code == chunked.exit_code == 2
    assert chunked.stdout_bytes == b""
    assert whole.stderr == chunked.stderr
    assert "nothing written" in chunked.stderr or "(line 54)" in chunked.stderr


def test_a_text_wide_rule_reads_the_stream_whole(runner, monkeypatch):
    """AR304 decides a word's hamza over the whole text: chunk by chunk,
    the chunk without الأطفال would keep الاطفال (a tester, session 19)."""
    data = ("لعب الأطفال في الحديقة.\n" * 3 + "\n" + "ثم عاد الاطفال إلى البيت.\n" * 3).encode()
    args = ["fix", "--extend-select", "AR304", "--unsafe-fixes"]
    whole = _run(runner, args, data, monkeypatch)
    chunked = _run(runner, args, data, monkeypatch, chunk=20)
    assert whole.exit_code == chunked.exit_code == 0
    assert "الاطفال" not in whole.stdout
    assert chunked.stdout == whole.stdout


def test_a_stream_is_never_cut_inside_a_wrapped_verse(runner, monkeypatch):
    """A vowelled verse in {…} or (…) wrapped over lines is one quotation:
    a cut inside it let the rules edit its second part (a tester, session
    19, at a 1 MB boundary of a 10 MB stream)."""
    verse = (
        "قال تعالى {قُلْ هُوَ ٱللَّهُ أَحَدٌ ، ٱللَّهُ\n"
        "ٱلصَّمَدُ ، لَمْ يَلِدْ وَلَمْ\n"
        "يُولَدْ} ، ثم قال الوزير ، ثم غادر\n"
        "وقال (قُلْ هُوَ ٱللَّهُ أَحَدٌ ، ٱللَّهُ\n"
        "ٱلصَّمَدُ ) ، ثم\n"
    )
    data = ("قال الوزير ، ثم غادر.\n" + verse).encode() * 5
    whole = _run(runner, ["fix"], data, monkeypatch)
    for size in (10, 40, 90):
        chunked = _run(runner, ["fix"], data, monkeypatch, chunk=size)
        assert chunked.stdout == whole.stdout
    assert "ٱلصَّمَدُ ، لَمْ" in whole.stdout


def test_a_persian_stream_is_persian_in_every_chunk(runner, monkeypatch):
    """The whole stream's language is decided in the first pass, as AR205's
    majority is: a chunk alone would decide for itself."""
    persian = "این کتاب را خریدم .\nاو آمد و رفت .\nتو و او ؟\n"
    data = (persian * 20 + "قال الرجل و هو في المدينة\n").encode()
    whole = _run(runner, ["fix"], data, monkeypatch)
    assert "او آمد و رفت" in whole.stdout and "الرجل وهو" in whole.stdout
    for size in (20, 200):
        assert _run(runner, ["fix"], data, monkeypatch, chunk=size).stdout == whole.stdout


#: JSON Lines with what a corpus holds: a BOM, CRLF, blank lines, records in
#: ASCII escapes, values with their own tanween majority and language, and
#: bad records (not JSON, a field missing or not a string) spread out.
RECORDS = (
    "\ufeff" + '{"id": 1, "text": "قال ، ثم", "title": "عن ، هذا"}\r\n'
    '{"id": 2.0, "text": "كتاباً وقلماً ودفترًا"}\n'
    "\n"
    "{oops\n"
    '{"id": 3, "text": "كتابًا وقلمًا ودفتراً", "n": 1e5}\n'
    '{"id": 4, "body": "لا نص"}\n'
    '{"id": 5, "text": "\\u0642\\u0627\\u0644 \\u060c \\u062b\\u0645"}\n'
    '{"id": 6, "text": 7}\n'
    '{"id": 7, "text": "در سال ۱۳۹۴ به تهران رفتم ، و"}\n'
    "[1, 2]\n"
    '{"id": 8, "body": "لا نص"}\n'
    '{"id": 9, "text": "وقال :  نعم  ."}\n'
    "{bad again\n"
    '{"id": 10, "body": "لا نص"}\n'
    '{"id": 11, "body": "لا نص"}\n'
    '{"id": 12, "text": "الأخير ، بلا سطر أخير"}'
)


@pytest.mark.parametrize("size", [1, 60, 250])
@pytest.mark.parametrize(
    "args",
    [
        ["fix", "--jsonl"],
        ["fix", "--jsonl", "--field", "text", "--field", "title"],
        ["fix", "--jsonl", "-j", "2"],
        ["fix", "--jsonl", "--profile", "search"],
        ["fix", "--jsonl", "--format", "markdown"],
        ["fix", "--jsonl", "--strict"],
    ],
)
def test_streamed_json_lines_are_the_whole_output(runner, monkeypatch, size, args):
    """A JSON Lines stream is cleaned in chunks of records: the same bytes,
    exit code and notes (the records left as they were, numbered in the
    whole stream, three of each kind and then their count) as read whole."""
    data = RECORDS.encode()
    whole = _run(runner, args, data, monkeypatch)
    chunked = _run(runner, args, data, monkeypatch, chunk=size)
    assert whole.exit_code == chunked.exit_code
    assert whole.stdout_bytes == chunked.stdout_bytes
    assert whole.stderr == chunked.stderr
    if "--strict" in args:
        assert chunked.exit_code == 2 and chunked.stdout_bytes == b""
    elif "title" not in args:
        assert "-:13: record is not valid JSON" in chunked.stderr
        assert "-:14: record has no field 'text'" in chunked.stderr
        assert "-: 1 more record with no field 'text' (4 in all) was left" in chunked.stderr
        assert "-:15:" not in chunked.stderr  # the fourth is counted, not shown
        assert '"text": "قال، ثم"' in chunked.stdout


def test_json_lines_are_streamed_unless_strict():
    from arclean.resolver import Resolver, RunOptions
    from arclean.stream import streamable

    for strict, expected in [(False, True), (True, False)]:
        resolver = Resolver(RunOptions(jsonl_fields=("text",), strict=strict, isolated=True))
        assert streamable(resolver.cleaner_for("-"), resolver) is expected
