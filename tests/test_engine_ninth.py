"""The engine's ninth pass: each faster path must give exactly what the path
it replaces gives.  The characters every match of a pattern holds
(`required_pieces`) against the pattern's own matches, and `lines_matches`
passing over the lines without them against searching every line; the
rules' unseen ranges moved by walking the replacements against bisecting
them; the lines of another language
from one scan against the searches of `other_language_lines`; a scan
opening with a group of a class (AR202's) by its places, and a line start
scan's `finditer` by its searches, against `re`."""

from __future__ import annotations

import random
import re
import time
from bisect import bisect_left

import pytest
import regex
from conftest import corpus_lines

from arclean.chars import REGEX_FLAGS, char_class
from arclean.ruleset import load_builtin_rules
from arclean.text import dirty as dirty_module
from arclean.text import language, linestart
from arclean.text.dirty import _walked, coarsen, move_dirty
from arclean.text.edits import Replacement
from arclean.text.linestart import LineStartScan, line_start_scan, lines_matches
from arclean.text.literal import CharsScan, literal_scan
from arclean.text.required import required_pieces
from arclean.text.windows import Shift, changed_ranges

_PERSIAN = "\u06cc\u06a9\u067e\u0686\u0698\u06af"


def _sample(corpus) -> str:
    return corpus_lines(
        corpus,
        [
            "news/saudinewsnet_2015-08-10.txt",
            "messy/arsarcasm_tweets.txt",
            "plain/hindawi_history.txt",
        ],
        400,
    )


def _patterns() -> list[regex.Pattern[str]]:
    """Every shipped rule's exceptions and patterns."""
    found = []
    for rule in load_builtin_rules():
        found.extend(rule.compiled_exceptions)
        if rule.kind != "builtin" and rule.pattern:
            found.append(rule.compiled)
    return found


def _random_text(rng: random.Random, chars: str, size: int) -> str:
    return "".join(rng.choice(chars) for _ in range(size))


def test_every_match_holds_a_required_character(corpus) -> None:
    texts = [
        _sample(corpus),
        "كتب یک نامه. ثم و قال؟ ک\nالفقرة و من, ,a,b,c\n;x;y;z …...ـــ  \t\n",
    ]
    rng = random.Random(9)
    alphabet = "اب و،.؟!\n \t,;ـیکپ" + "\u064b\u064e\u0670" + "«»()\"'"
    texts += [_random_text(rng, alphabet, 400) for _ in range(30)]
    checked = 0
    for pattern in _patterns():
        needed = required_pieces(pattern)
        if needed is None:
            continue
        checked += 1
        for text in texts:
            for m in pattern.finditer(text):
                assert needed.search(m.group()), (pattern.pattern, m.group())
    assert checked >= 10  # AR109's four exceptions, AR102's, AR103's, the tags'...


def test_ar109_persian_exception_has_its_letters() -> None:
    rule = next(r for r in load_builtin_rules() if r.code == "AR109")
    sentence = next(p for p in rule.compiled_exceptions if "\\u06CC" in p.pattern)
    needed = required_pieces(sentence)
    assert needed is not None
    assert all(needed.search(ch) for ch in _PERSIAN)
    assert not needed.search("قال الوزير و الحرب. ثم عاد")


@pytest.mark.parametrize(
    ("source", "pieces"),
    [
        ("ab+c", {"a"}),
        ("x?y", {"y"}),
        ("(?:ab|cd)e?", {"ab", "cd"}),
        ("(?:[pq]r|s)+", {"r", "s"}),
        ("(?>t)u*", {"t"}),
        ("(?<![a-z])[\u06cc\u06a9]", {"\u06cc", "\u06a9"}),
        (
            r"(?<![\p{L}\p{M}])(?:حرف|حروف)[ \t]+و\p{Mn}*",
            {"حر"},
        ),  # re's parser takes the common start out
        (r"\p{L}+x\P{L}", {"x"}),
        (r"[\p{L}x]y", {"y"}),
        (r"a,(?:b|\p{L})", {"a,"}),
    ],
)
def test_required_pieces_of_known_shapes(source: str, pieces: set[str]) -> None:
    needed = required_pieces(regex.compile(source, REGEX_FLAGS))
    assert needed is not None
    if all(len(piece) == 1 for piece in pieces):
        assert needed.pattern == char_class(frozenset(pieces))
    else:
        assert needed.pattern == "|".join(sorted(pieces, key=lambda p: (-len(p), p)))


@pytest.mark.parametrize(
    "source",
    [
        r"[a[bc]]x",  # a nested set (VERSION1): re would read a literal `]`
        r"[[a-z]--[aeiou]]",
        r"[\w&&[^\d]]",
        r"(?:abc){e<=1}",  # fuzzy: re would read `{e<=1}` as text
        r"(?i)abc",
        r"(?x) a b c",
        r"(?#c)abc",
        r"\p{L}",
        r"[\p{L}a]+",
        r"\p{L}|a",
        r"a*",
        r"(?:a|)b?",
        r"[^a]",
        r"\d",
        r".",
        r"a\Kb",
        r"(?r)ab",
    ],
)
def test_required_pieces_leaves_what_it_cannot_read(source: str) -> None:
    assert required_pieces(regex.compile(source, REGEX_FLAGS)) is None


def test_a_nested_set_is_matched_without_its_brackets() -> None:
    # What the rejection above protects: `[a[bc]]x` matches "bx", no `]`.
    assert regex.compile(r"[a[bc]]x", REGEX_FLAGS).search("bx")


def _lines_of(text: str, every: int) -> list[tuple[int, int]]:
    lines = []
    start = 0
    for number, line in enumerate(text.split("\n")):
        end = start + len(line) + 1
        if number % every == 0:
            lines.append((start, min(end, len(text))))
        start = end
    return lines


@pytest.mark.parametrize("lookahead", [0, 64])
def test_lines_matches_passing_over_lines_is_the_same(corpus, monkeypatch, lookahead) -> None:
    rng = random.Random(10)
    text = _sample(corpus)
    # Persian words and sentences put in, some at a line's end (within the
    # lookahead of the line before), some alone.
    pieces = text.split("\n")
    for i in rng.sample(range(len(pieces)), 60):
        pieces[i] = rng.choice(["یک", "این کتاب.", "ک", "گ!"]) + pieces[i]
    for i in rng.sample(range(len(pieces)), 30):
        pieces[i] += " " + rng.choice(["یک", "پ", "چه"])
    text = "\n".join(pieces)
    deadline = time.monotonic() + 60
    patterns = [p for p in _patterns() if required_pieces(p) is not None]
    assert patterns
    for every in (1, 3):
        lines = _lines_of(text, every)
        fast = [lines_matches(p, text, lines, lookahead, deadline) for p in patterns]
        monkeypatch.setattr(linestart, "required_pieces", lambda _pattern: None)
        slow = [lines_matches(p, text, lines, lookahead, deadline) for p in patterns]
        monkeypatch.undo()
        assert fast == slow
        assert any(fast)


def _bisected(dirty, starts, deltas):
    moved = []
    for start, end in dirty:
        new_start = start + deltas[bisect_left(starts, start)]
        new_end = end + deltas[bisect_left(starts, end)]
        moved.append((new_start, new_end if new_end > new_start else new_start))
    return moved


def test_walked_moves_ranges_as_bisections_do() -> None:
    rng = random.Random(12)
    for _ in range(3000):
        size = rng.randrange(1, 400)
        points = sorted(rng.sample(range(size + 1), min(size + 1, 2 * rng.randrange(1, 20))))
        dirty = [(points[k], points[k + 1]) for k in range(0, len(points) - 1, 2)]
        if rng.random() < 0.2:  # empty ranges
            dirty = [(start, start) for start, _end in dirty]
        starts = sorted(rng.choices(range(size + 1), k=rng.randrange(1, 40)))
        deltas = [0]
        for _start in starts:
            deltas.append(deltas[-1] + rng.randrange(-3, 4))
        i = rng.randrange(0, len(dirty) + 1)
        j = rng.randrange(i, len(dirty) + 1)
        assert _walked(dirty, i, j, starts, deltas) == _bisected(dirty[i:j], starts, deltas)


def test_move_dirty_walking_or_bisecting_is_the_same(monkeypatch) -> None:
    rng = random.Random(13)
    for _ in range(500):
        size = 2000
        points = sorted(rng.sample(range(size), 2 * rng.randrange(1, 60)))
        dirty = coarsen([(points[k], points[k + 1]) for k in range(0, len(points), 2)])
        reps = []
        position = rng.randrange(0, 50)
        while position < size and len(reps) < rng.randrange(1, 200):
            end = min(size, position + rng.randrange(0, 4))
            reps.append(Replacement(position, end, "x" * rng.randrange(0, 4), "T"))
            position = end + rng.randrange(1, 60)
        shift = Shift(reps)
        changed = coarsen(changed_ranges(reps))
        new_size = size + shift.deltas[-1]
        walked = move_dirty(dirty, shift, changed, new_size)
        monkeypatch.setattr(dirty_module, "_WALK", 0)
        bisected = move_dirty(dirty, shift, changed, new_size)
        monkeypatch.undo()
        assert walked == bisected


def _decided_as_before(text: str) -> tuple[list[tuple[int, int]], bool]:
    if not any(language._patterns()[0].finditer(text)):
        return [], False
    mostly = language.text_in_other_language(text)
    return language.other_language_lines(text, mostly_other=mostly), mostly


def test_decided_other_lines_from_one_scan(corpus) -> None:
    rng = random.Random(14)
    texts = [
        _sample(corpus),
        (corpus / "plain/hindawi_history.txt").read_text(encoding="utf-8")[:400_000],
        "",
        "بسم الله",
        "این کتاب خوب است\nهذا كتاب\nپ",
    ]
    persian = ["این کتاب خوب است", "من به تهران رفتم ۱۳۹۴", "گفت", "ژ", "چه", "تو و او"]
    arabic = ["قال الوزير إن الحكومة", "مدرسة", "١٢٣", "ی ك", "hello", ""]
    for mix in (0.05, 0.5, 0.95):
        for _ in range(20):
            lines = [
                rng.choice(persian) if rng.random() < mix else rng.choice(arabic)
                for _ in range(rng.randrange(1, 80))
            ]
            texts.append("\n".join(lines) * rng.choice([1, 400]))  # long ones: the scan by str.find
    decided_both = set()
    for text in texts:
        found = language.decided_other_lines(text)
        assert found == _decided_as_before(text)
        decided_both.add(found[1])
    assert decided_both == {True, False}


@pytest.mark.parametrize(
    "source",
    [
        r"([\u064b-\u0652\u0670])\1",  # AR202's scan
        r"([ab])\1",
        r"([ab])(?<=xa)c?",
        r"([ab])(?=b)",
        r"([ab]|c)d",  # re's parser makes the branch a class
    ],
)
def test_a_group_opening_with_a_class_is_scanned_by_its_places(source: str) -> None:
    whole = re.compile(source, re.MULTILINE)
    scan = literal_scan(whole)
    assert isinstance(scan, CharsScan)
    assert not scan.every
    rng = random.Random(15)
    marks = "\u064b\u064c\u064e\u0650\u0670"
    for density in (0.001, 0.02, 0.3):
        for _ in range(4):
            size = rng.choice([50, 20_000, 120_000])
            text = "".join(
                rng.choice(marks + "abcx") if rng.random() < density else rng.choice("قال \n")
                for _ in range(size)
            )
            for pos, end in [(0, size), (rng.randrange(size), size), (0, rng.randrange(size))]:
                assert [m.span() for m in scan.finditer(text, pos, end)] == [
                    m.span() for m in whole.finditer(text, pos, end)
                ]


def test_a_group_opening_with_no_class_is_left() -> None:
    for source in [r"(a)\1", r"([ab])?c", r"(?i:([ab]))\1", r"([ab]c)+d", r"([^ab])\1"]:
        assert not isinstance(literal_scan(re.compile(source)), CharsScan)


def test_line_start_scan_finditer_is_the_pattern_finditer(corpus) -> None:
    scan = next(r for r in load_builtin_rules() if r.code == "AR192").compiled_scan
    assert scan is not None
    patterns = [
        line_start_scan(scan),
        line_start_scan(re.compile(r"^(a)\1|^$", re.MULTILINE)),  # empty matches
        line_start_scan(re.compile(r"^a*", re.MULTILINE)),
        line_start_scan(re.compile(r"^[.!]+(?=\n)", re.MULTILINE)),
    ]
    assert all(isinstance(pattern, LineStartScan) for pattern in patterns)
    texts = [
        corpus_lines(corpus, ["news/saudinewsnet_2015-08-10.txt"], 400),
        ". أول\n\u200f<b>. ثاني\n\n- . ثالث\r\n.",
        "aa\n\naab\na\n.!\n!!.x\n",
        "",
        "\n\n",
    ]
    rng = random.Random(16)
    for _ in range(20):
        texts.append("".join(rng.choice("a.!\n\n x") for _ in range(rng.randrange(0, 200))))
    for pattern in patterns:
        for text in texts:
            size = len(text)
            for _ in range(50):
                pos = rng.randrange(0, size + 1)
                end = rng.choice([size, rng.randrange(pos, size + 1)])
                assert [m.span() for m in pattern.finditer(text, pos, end)] == [
                    m.span() for m in pattern.whole.finditer(text, pos, end)
                ], (pattern.pattern, text, pos, end)
