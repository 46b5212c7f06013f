"""Large stdin cleaned in chunks of whole lines (`arclean.stream`): the
same bytes, exit code and messages as the whole text."""

from __future__ import annotations

import re

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


def unchunked(stderr: str) -> str:
    """`stderr` of a run in chunks as the whole text says it: the findings
    left were counted chunk by chunk, so the count says "about" (a
    quotation open across a cut may count on both sides)."""
    return re.sub(r"^about (\d+ findings? left)", r"\1", stderr, flags=re.M)


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
    assert whole.stderr == unchunked(chunked.stderr)


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
    assert whole.stderr == unchunked(chunked.stderr)
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
    assert whole.stderr == unchunked(chunked.stderr)
    if "--strict" in args:
        assert chunked.exit_code == 2 and chunked.stdout_bytes == b""
    elif "title" not in args:
        assert "-:13: record is not valid JSON" in chunked.stderr
        assert "-:14: record has no field 'text'" in chunked.stderr
        assert "-: 1 more record with no field 'text' (4 in all) was left" in chunked.stderr
        assert "-:15:" not in chunked.stderr  # the fourth is counted, not shown
        assert '"text": "قال، ثم"' in chunked.stdout


def test_json_lines_are_streamed_strict_or_not():
    from arclean.resolver import Resolver, RunOptions
    from arclean.stream import streamable

    for strict in (False, True):
        resolver = Resolver(RunOptions(jsonl_fields=("text",), strict=strict, isolated=True))
        assert streamable(resolver.cleaner_for("-"), resolver)


@pytest.mark.parametrize("size", [1, 60, 250])
def test_strict_good_records_are_written_as_read_whole(runner, monkeypatch, size):
    """--strict streamed: records that are all good are written (held in a
    temporary file until the last one is cleaned), the bytes of the whole
    read; one bad record, however late, and nothing is written."""
    good = "\n".join(
        line for line in RECORDS.split("\n") if '"text": "' in line and "body" not in line
    ).encode()
    args = ["fix", "--jsonl", "--strict"]
    whole = _run(runner, args, good, monkeypatch)
    chunked = _run(runner, args, good, monkeypatch, chunk=size)
    assert whole.exit_code == chunked.exit_code == 0
    assert whole.stdout_bytes == chunked.stdout_bytes != good
    late = _run(runner, args, good + b"\n{late", monkeypatch, chunk=size)
    assert late.exit_code == 2 and late.stdout_bytes == b""
    assert "1 record(s) left as they were (--strict: nothing written)" in late.stderr


def test_a_verse_in_brackets_keeps_its_context_across_a_cut(runner, monkeypatch):
    """Whether (…) quotes a verse depends on 400 characters each side: a
    cut just before it would hide the vowelled lines above, and the chunk
    would protect what the whole text edits (a breaker, session 23)."""
    vowelled = "قَالَ رَسُولُ اللَّهِ إِنَّمَا الْأَعْمَالُ بِالنِّيَّاتِ وَإِنَّمَا لِكُلِّ امْرِئٍ\n" * 8
    verse = "وقال في كلمته ( أُحِلَّ لَكُمْ صَيْدُ الْبَحْرِ ? وَطَعَامُهُ مَتَاعًا لَّكُمْ ) ثم تابع\n"
    prose = "وأضاف المتحدث أن الاجتماع سيعقد غداً رسمياً في مقر الوزارة بحضور المسؤولين.\n" * 8
    data = (vowelled + verse + prose).encode()
    whole = _run(runner, ["fix"], data, monkeypatch)
    for size in (len(vowelled.encode()) - 5, len(vowelled.encode()) + 10, 200):
        chunked = _run(runner, ["fix"], data, monkeypatch, chunk=size)
        assert chunked.stdout_bytes == whole.stdout_bytes


def test_the_streams_vowelling_decides_for_every_chunk(runner, monkeypatch, corpus):
    """A long text vowelled throughout has no quoted verse in brackets: the
    whole stream decides, not each chunk (the tail of a vowelled book and a
    news day quoting a verse: the chunk holding both looked vowelled
    throughout and edited the verse; a breaker, session 23)."""
    book = (corpus / "diacritized" / "tashkeela_aliosm_test.txt").read_text(encoding="utf-8")
    news = (corpus / "news" / "saudinewsnet_2015-08-09.txt").read_text(encoding="utf-8")
    verse = news.find("صَيْدُ الْبَحْرِ")
    assert verse != -1
    tail = book[-300_000:]
    text = tail[tail.find("\n") + 1 :] + news[: news.find("\n", verse + 50_000)] + "\n"
    data = text.encode()
    whole = _run(runner, ["fix"], data, monkeypatch)
    chunked = _run(runner, ["fix"], data, monkeypatch, chunk=50_000)
    assert chunked.stdout_bytes == whole.stdout_bytes


def test_a_reader_gone_away_is_no_internal_error(tmp_path):
    """`arclean fix < big.txt | head`: the stream in chunks ends as a whole
    text does, exit 141 and nothing on stderr (a new user, session 23: an
    "internal error" with exit 2)."""
    import os
    import subprocess
    import sys

    data = ("قال ، ثم\n" * 2000).encode()
    env = {**os.environ, "ARCLEAN_STREAM_WHOLE": "1000", "ARCLEAN_STREAM_CHUNK": "500"}
    for jobs in ("1", "2"):
        process = subprocess.Popen(
            [sys.executable, "-m", "arclean", "fix", "--isolated", "-j", jobs, "-"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        assert process.stdout is not None and process.stdin is not None
        process.stdin.write(data)  # read whole before anything is written
        process.stdin.close()
        process.stdout.read(10)
        process.stdout.close()  # the reader goes away
        assert process.stderr is not None
        err = process.stderr.read()
        process.wait(timeout=60)
        assert process.returncode == 141, err.decode()
        assert b"internal error" not in err


def test_a_nested_field_gets_a_hint(runner, monkeypatch):
    data = "".join('{"meta": {"text": "قال ، ثم"}}\n' for _ in range(5)).encode()
    result = _run(runner, ["fix", "--jsonl", "--field", "meta.text"], data, monkeypatch)
    assert result.exit_code == 0
    assert "a field nested in an object or a list cannot be named" in result.stderr
