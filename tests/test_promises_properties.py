"""Properties over generated Arabic-heavy documents (marks, tatweel,
punctuation, digits, URLs, e-mail addresses, Markdown constructs, subtitle
cues, bidi controls), in every format: `fix` is idempotent, protected spans
come out byte-identical, text without Arabic letters comes out unchanged,
the output is valid in the input's encoding and the line count is unchanged
(issue 12, "Properties").  Time linearity is measured outside the suite:
``python scripts/linearity.py``."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from arclean import Cleaner
from arclean.errors import ArcleanError
from arclean.io import decode

LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآؤئىة"
MARKS = [chr(c) for c in range(0x064B, 0x0653)] + ["\N{ARABIC LETTER SUPERSCRIPT ALEF}"]
PUNCT = [*list('،؛؟,;?!.:()«»"-'), "...", " ،", " :"]
DIGITS = list("0123456789٠١٢٣٤٥٦٧٨٩")
BIDI = ["\N{RIGHT-TO-LEFT MARK}", "\N{RIGHT-TO-LEFT OVERRIDE}", "\N{RIGHT-TO-LEFT ISOLATE}"]
URLS = ["https://example.com/a_b?x=1,2", "www.موقع.com/ص", "http://x.org/،"]
EMAILS = ["name@example.com", "a.b@موقع.org"]

WORD = st.builds(
    lambda letters, marks, tatweel: (
        "".join(ch + (marks.pop() if marks else "") for ch in letters)
        + ("\N{ARABIC TATWEEL}" * tatweel)
    ),
    st.text(st.sampled_from(LETTERS), min_size=1, max_size=6),
    st.lists(st.sampled_from(MARKS), max_size=3),
    st.integers(0, 2),
)
TOKEN = st.one_of(
    WORD,
    WORD,
    WORD,
    st.sampled_from(PUNCT),
    st.text(st.sampled_from(DIGITS), min_size=1, max_size=4),
    st.sampled_from(BIDI),
    st.sampled_from(URLS),
    st.sampled_from(EMAILS),
)
SEPARATOR = st.sampled_from([" ", " ", "  ", "\t", "", "\N{NO-BREAK SPACE}"])


@st.composite
def lines(draw: st.DrawFn) -> str:
    tokens = draw(st.lists(TOKEN, min_size=1, max_size=8))
    return "".join(t + draw(SEPARATOR) for t in tokens)


@st.composite
def markdown(draw: st.DrawFn) -> str:
    out = []
    for line in draw(st.lists(lines(), min_size=1, max_size=5)):
        kind = draw(st.sampled_from(["p", "h", "li", "em", "code", "link", "fence"]))
        out.append(
            {
                "p": line,
                "h": f"# {line}",
                "li": f"- {line}",
                "em": f"**{line}**",
                "code": f"`{line}`",
                "link": f"[{line}](https://example.com/x)",
                "fence": f"```\n{line}\n```",
            }[kind]
        )
    return "\n\n".join(out) + "\n"


@st.composite
def subtitles(draw: st.DrawFn) -> str:
    cues = draw(st.lists(lines(), min_size=1, max_size=4))
    return "".join(
        f"{i}\n00:00:0{i},000 --> 00:00:0{i},900\n{cue}\n\n" for i, cue in enumerate(cues, 1)
    )


@st.composite
def plain(draw: st.DrawFn) -> str:
    return "\n".join(draw(st.lists(lines(), min_size=1, max_size=5))) + "\n"


DOCUMENTS = {"plain": plain(), "markdown": markdown(), "srt": subtitles()}
CLEANERS = {name: Cleaner(format=name) for name in DOCUMENTS}
SETTINGS = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


def fixed(fmt: str, text: str) -> str:
    try:
        return CLEANERS[fmt].fix(text, track=False).text
    except ArcleanError:  # a refused structure: nothing written, which is fine
        assume(False)
        raise


@pytest.mark.parametrize("fmt", sorted(DOCUMENTS))
def test_fix_is_idempotent_and_keeps_lines_urls_and_encoding(fmt):
    @SETTINGS
    @given(DOCUMENTS[fmt])
    def check(text: str) -> None:
        once = fixed(fmt, text)
        assert fixed(fmt, once) == once
        assert once.count("\n") == text.count("\n")
        for protected in URLS[:1] + EMAILS[:1]:
            assert once.count(protected) == text.count(protected)
        for bidi in BIDI[1:]:  # controls a reader cannot see are never dropped
            assert once.count(bidi) == text.count(bidi)
        source = decode(text.encode("utf-8"), "x")
        assert decode(source.encode(once), "x").text == once

    check()


@SETTINGS
@given(st.text(st.sampled_from([*list("abc xyz,.;:!?()-\"'0123456789\t\n"), "—"]), max_size=200))
def test_text_without_arabic_letters_is_unchanged(text):
    for cleaner in CLEANERS.values():
        with contextlib.suppress(ArcleanError):
            assert cleaner.fix(text, track=False).text == text
