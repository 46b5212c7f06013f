"""The engine's eighth pass: each faster path must give exactly what the
path it replaces gives.  Scans found with `str.find` (`arclean.text.literal`)
or from line breaks (`LineEndScan`) against the `re` pattern; `merge_sorted`
taking the list as it is against the sort; a fold's guard that keeps its
cut spans against a guard made afresh; triggers tested with ``in`` against
the class search; marks, links, folds and exceptions against the old ways."""

from __future__ import annotations

import random
import re
from bisect import bisect_right

import pytest
from conftest import corpus_lines

from arclean import Cleaner
from arclean.ruleset import load_builtin_rules
from arclean.text import masks
from arclean.text.edits import Replacement, merge_sorted
from arclean.text.literal import LiteralScan, literal_scan
from arclean.text.windows import fast_scan


def _same_searches(scan, whole: re.Pattern[str], text: str, rng: random.Random) -> None:
    size = len(text)
    for _ in range(200):
        pos = rng.randrange(-2, size + 3)
        end = rng.choice([size, rng.randrange(-1, size + 3), None])
        expected = whole.search(text, pos, size if end is None else end)
        found = scan.search(text, pos) if end is None else scan.search(text, pos, end)
        assert (found and (found.span(), found.groups())) == (
            expected and (expected.span(), expected.groups())
        ), (whole.pattern, pos, end)
    for pos, end in [(0, size), (size // 3, size), (0, size // 2)]:
        assert [(m.span(), m.group()) for m in scan.finditer(text, pos, end)] == [
            (m.span(), m.group()) for m in whole.finditer(text, pos, end)
        ]


def _texts(corpus) -> list[str]:
    sample = corpus_lines(
        corpus, ["news/saudinewsnet_2015-08-10.txt", "messy/arsarcasm_tweets.txt"], 300
    )
    return [
        sample,
        "قال , ثم ; نعم ـــ و ی ، ,, ؟؟ ــ\n" * 5,
        "ـ" * 50 + "x" + "ـ",
        "بَبَّ ًً ٌٌ ـ ِِ\nََ",
        "",
        ",",
    ]


def test_literal_scan_is_the_pattern_search(corpus) -> None:
    rng = random.Random(8)
    patterns = [r"\u0640\u0640*", r"\u06cc", ",", ";", r"\?", r"\u00a0\u00a0*", "ـ(?:x)*?", "(?:ـ)"]
    for source in [*patterns, "ـ+?", "ـ\\b"]:
        whole = re.compile(source, re.MULTILINE)
        scan = literal_scan(whole)
        assert isinstance(scan, LiteralScan) == (source in patterns), source
        for text in _texts(corpus):
            _same_searches(scan, whole, text, rng)


def test_literal_scan_only_where_the_character_is_a_match() -> None:
    for source in ["  ", r"\.(?<=[ \t][.!:])", "،[«(]?[ا-ي]", "a|b", "a?", "[ab]", r"\r?$"]:
        assert not isinstance(literal_scan(re.compile(source)), LiteralScan), source
    assert not isinstance(literal_scan(re.compile("a", re.IGNORECASE)), LiteralScan)
    assert literal_scan("not a pattern") == "not a pattern"


def _sorted_merge(reps: list[Replacement]) -> list[Replacement]:
    """`merge_sorted` as it was: sort, then drop overlaps."""
    result: list[Replacement] = []
    for rep in sorted(reps, key=lambda r: (r.start, r.end)):
        if result and rep.start < result[-1].end:
            continue
        if result and rep.start == result[-1].end == rep.end == result[-1].start:
            continue
        result.append(rep)
    return result


def test_merge_sorted_in_order_is_the_sort() -> None:
    rng = random.Random(11)
    for _ in range(3000):
        reps = []
        position = rng.randrange(3)
        for _ in range(rng.randrange(6)):
            start = position + rng.choice([0, 0, 1, 2, -1])
            end = start + rng.choice([0, 0, 1, 2])
            reps.append(Replacement(max(start, 0), max(end, 0), rng.choice(["", "x"]), "T"))
            position = end if rng.random() < 0.8 else start
        assert merge_sorted(reps) == _sorted_merge(reps), reps
    two_insertions = [Replacement(3, 3, "a", "T"), Replacement(3, 3, "b", "T")]
    assert merge_sorted(two_insertions) == two_insertions[:1]


@pytest.mark.parametrize("profile", ["default", "search"])
def test_a_fold_keeps_the_cut_spans_a_fresh_guard_cuts(corpus, profile) -> None:
    from arclean.guard import Guard
    from arclean.text.masks import protected_ranges
    from arclean.text.spans import Span
    from arclean.text.windows import Shift

    text = corpus_lines(corpus, ["messy/arsarcasm_tweets.txt"], 400)
    text += "سلام https://t.co/x ی\nHello world only\nاین متن فارسی است که می‌نویسد\n"
    protected = protected_ranges(text)
    spans = [Span(0, len(text))]
    rules = Cleaner(profile=profile).engine.fixers
    guard = Guard(text, protected)
    for fixer in rules:
        guard.spans_for(fixer.rule, spans)
    moved = guard.moved(text, protected, Shift(()))
    fresh = Guard(text, protected)
    for fixer in rules:
        assert moved.spans_for(fixer.rule, spans) == fresh.spans_for(fixer.rule, spans)
    # Another list of the same spans is cut afresh, not taken for the first.
    assert moved.spans_for(rules[0].rule, list(spans)) == fresh.spans_for(rules[0].rule, spans)
    # Something moved: nothing kept.
    assert not guard.moved(text, protected, Shift([Replacement(0, 1, "", "T")]))._spans_cache


def test_triggers_tested_with_in_are_the_class_search(corpus) -> None:
    from arclean.chars import char_class

    texts = [*_texts(corpus), "٣", "\u0670", "%", "۹ x"]
    for profile in ("default", "search"):
        for fixer in Cleaner(profile=profile).engine.fixers:
            if fixer.trigger is None:
                continue
            cls = re.compile(char_class(fixer.trigger))
            for text in texts:
                assert fixer.may_match(text) == (cls.search(text) is not None), fixer.rule.code


def test_marks_found_with_find_are_the_class_matches(corpus) -> None:
    from arclean.builtins._common import marks_per_line
    from arclean.builtins.punct import mark_finder
    from arclean.text.spans import Span

    text = corpus_lines(corpus, ["news/saudinewsnet_2015-08-10.txt"], 300)
    text += '("«x»") [“a”] ((("' * 20
    rng = random.Random(12)
    for chars in ['()[]"“”«»', "«»", '"', "((", "x"]:
        finder = mark_finder(chars)
        for _ in range(40):
            cuts = sorted(rng.sample(range(len(text) + 1), rng.choice([2, 4, 40, 400])))
            spans = [Span(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=False)]
            if rng.random() < 0.2:
                spans = [*spans[1:], *spans[:1]]  # out of order: the class's own search
            found = marks_per_line(text, spans, finder)
            expected = marks_per_line(text, spans, finder.pattern)
            assert list(found.items()) == list(expected.items())


def _finditer_window(pattern, text: str, lo: int, hi: int, end: int) -> list[tuple[int, int]]:
    found = []
    for m in pattern.finditer(text, lo, end):
        if m.start() >= hi:
            break
        found.append(m.span())
    return found


def test_exceptions_matched_at_line_starts_are_the_search(corpus) -> None:
    import time

    import regex

    from arclean.chars import REGEX_FLAGS
    from arclean.text.linestart import line_anchored, lines_matches

    text = corpus_lines(corpus, ["news/saudinewsnet_2015-08-10.txt"], 300)
    text += "مصر,الأردن,سوريا\nأ,ب\nا,ب,ج,د\n\n,\nx,y,z" * 3
    patterns = [e for r in load_builtin_rules() for e in r.compiled_exceptions]
    made = [r"^", r"^x*", r"^(?<=\n\n)", r"(?<=ب\n)^ا", r"^[^\n,]*,", r"(?x) ^ a | b"]
    patterns += [regex.compile(source, REGEX_FLAGS) for source in made]
    assert sum(line_anchored(p) for p in patterns) >= 8
    rng = random.Random(13)
    size = len(text)
    for pattern in patterns:
        for _ in range(40):
            lo = rng.randrange(size)
            if rng.random() < 0.7:
                lo = text.rfind("\n", 0, lo) + 1  # whole lines, as the engine gives
            hi = min(size, lo + rng.choice([1, 30, 400, 3000]))
            end = min(size, hi + 64) if hi < size else hi
            found = lines_matches(pattern, text, [(lo, hi)], 64, time.monotonic() + 10)
            assert found == _finditer_window(pattern, text, lo, hi, end), (pattern.pattern, lo)


# `link_ranges` and `_url_end` as they were before the eighth pass (the
# scheme walked back a character at a time; the URL's text taken to count
# its parentheses), for `test_links_are_found_as_before`.
def _old_url_end(text: str, url: str, end: int) -> int:
    """`end`, past the closing parentheses that balance ones the URL opened
    (``…/wiki/مصر_(توضيح)``: Wikipedia's, which Markdown autolinks keep)."""
    opened = url.count("(") - url.count(")")
    while opened > 0 and text.startswith(")", end):
        end += 1
        opened -= 1
    return end


def _old_link_ranges(text: str) -> list[tuple[int, int]]:
    """Sorted, merged ``(start, end)`` ranges of the URLs (scheme URLs,
    ``www.`` hosts, host names with a path such as ``example.com/a``,
    ``mailto:``) and e-mail addresses in `text`."""
    found: list[tuple[int, int]] = []
    position = masks._find(text, "://", 0, 1)
    while position != -1:
        start = position
        while start > 0 and text[start - 1] in masks._SCHEME_CHARS:
            start -= 1
        while start < position and not text[start].isalpha():
            start += 1  # a scheme starts with a letter
        after = position + 3
        if start < position and not (start and masks._LATIN_OR_DIGIT.match(text, start - 1)):
            m = masks._URL_RE.match(text, start)
            if m:
                found.append((m.start(), _old_url_end(text, m.group(), m.end())))
                # A URL glued to the next one (…/xhttps://…) holds it: look
                # past it, or each glued URL would be matched to the end.
                after = max(after, m.end())
        position = text.find("://", after)  # a text with links: one scan at most
    find_www = masks._www_finder(text)
    position = find_www(0)
    while position != -1:
        if not (
            position
            and (masks._LATIN_OR_DIGIT.match(text, position - 1) or text[position - 1] in "/.")
        ):
            m = masks._URL_RE.match(text, position)
            if m:
                found.append((m.start(), _old_url_end(text, m.group(), m.end())))
                position = max(position, m.end() - 4)
        position = find_www(position + 4)
    # Host names with a path: a `/` inside a link found above is passed over.
    known = masks.merge_ranges(found)
    starts = [start for start, _end in known]
    position = text.find("/")
    while position != -1:
        i = bisect_right(starts, position) - 1
        if i >= 0 and position < known[i][1]:
            position = text.find("/", known[i][1])
            continue
        after = position + 1
        start = masks._host_start(text, position)
        while start < position and not text[start].isalnum():
            start += 1  # a host starts with a letter or digit
        if (
            start < position
            and not (
                start
                and (masks._LATIN_OR_DIGIT.match(text, start - 1) or text[start - 1] in "@/_\\%")
            )
            and masks._HOST_RE.match(text, start, after) is not None
        ):
            m = masks._URL_RE.match(text, start)
            if m:
                found.append((m.start(), _old_url_end(text, m.group(), m.end())))
                after = max(after, m.end())
        position = text.find("/", after)
    position = masks._find(text, "mailto:")
    while position != -1:
        m = masks._MAILTO_RE.match(text, position)
        if m:
            found.append((m.start(), m.end()))
        position = text.find("mailto:", position + 7)
    position = text.find("@")
    while position != -1:
        # A local part ends at the @: without one of its characters just
        # before it (a mention, `@` after a space), no search is needed.
        local = (
            masks._EMAIL_LOCAL.search(text, max(0, position - 64), position)
            if position and masks._EMAIL_LOCAL_END.match(text, position - 1, position)
            else None
        )
        if local:
            m = masks._EMAIL_RE.match(text, local.start())
            if m:
                found.append((m.start(), m.end()))
        position = text.find("@", position + 1)
    return masks.merge_ranges(found)


def test_links_are_found_as_before(corpus) -> None:
    from arclean.text.masks import link_ranges

    sample = corpus_lines(corpus, ["messy/arsarcasm_tweets.txt"], 2000)
    links = ["https://t.co/x1", "http://a.b/c_(d)", "ftp://x.y", "https://w/(a)(b)"]
    before = ["", " ", "\t", "\n", "و", "x", "1", "é", "-", ".", "xhttps://y ", "(", "\r"]
    texts = [sample, "https://a.b", "ttps://a.b s://a", "://x https"]
    texts += ["".join(b + link + " نص)" for b in before) for link in links]
    for text in texts:
        assert link_ranges(text) == _old_link_ranges(text), text[:80]


@pytest.mark.parametrize("few", [0, 10, 1 << 30])
def test_folds_place_by_place_are_the_folds_by_replace(corpus, monkeypatch, few) -> None:
    """A fold's few places written one by one (`FEW_PLACES`), or the text
    folded by `str.replace` (past it): the same text and changed ranges as
    the `re` runs of keys."""
    import itertools

    from arclean.text import folds
    from arclean.text.spans import Span

    sample = corpus_lines(corpus, ["news/saudinewsnet_2015-08-10.txt"], 500)
    tables = [
        {"ة": "ه"},
        {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"},
        {chr(0x660 + i): str(i) for i in range(10)},
    ]
    rng = random.Random(14)
    texts = [sample]
    for _ in range(60):
        keys = "".join(rng.choice(tables))
        density = rng.choice([0.001, 0.02, 0.3])
        size = rng.choice([0, 50, 3000])
        texts.append(
            "".join(rng.choice(keys) if rng.random() < density else "ب \n" for _ in range(size))
        )
    for text in texts:
        size = len(text)
        cuts = sorted(rng.sample(range(size + 1), min(size + 1, rng.randrange(0, 30))))
        bounds = [0, *cuts, size]
        spans = [Span(a, b) for a, b in itertools.pairwise(bounds) if rng.random() < 0.7]
        for table in tables:
            with monkeypatch.context() as patch:
                patch.setattr(folds, "FIND_KEYS", 0)  # the `re` runs of keys
                expected = folds.fold_chars(text, None, table, spans)
            monkeypatch.setattr(folds, "FEW_PLACES", few)
            assert folds.fold_chars(text, None, table, spans) == expected, (size, spans[:3])


def test_chars_scan_is_the_class_search(corpus, monkeypatch) -> None:
    from arclean.text import literal
    from arclean.text.literal import CharsScan

    rules = {r.code: r for r in load_builtin_rules()}
    sources = [rules[code].compiled_scan.pattern for code in ("AR210", "AR790", "AR190")]
    sources += ["[ab]+", "[ab]", "[a-c\u064b]+"]
    sample = corpus_lines(
        corpus, ["news/saudinewsnet_2015-08-10.txt", "diacritized/tashkeela_aliosm_test.txt"], 400
    )
    texts = [sample, "abcab ccba" * 9000 + "ًَُ" * 500, "x" * 70000]
    rng = random.Random(15)
    for few in (1 << 30, 50):  # places: all of them, or the rest left to `re`
        monkeypatch.setattr(literal, "MAX_PLACES", few)
        for source in sources:
            whole = re.compile(source, re.MULTILINE)
            scan = literal_scan(whole)
            assert isinstance(scan, CharsScan), source
            for text in texts:
                size = len(text)
                for _ in range(6):
                    pos = rng.choice([0, rng.randrange(-3, size + 3)])
                    end = rng.choice(
                        [None, size, rng.randrange(pos, size + 3) if pos < size else 0]
                    )
                    expected = whole.finditer(text, pos, size if end is None else end)
                    found = scan.finditer(text, pos, end)
                    assert [(m.span(), m.group()) for m in found] == [
                        (m.span(), m.group()) for m in expected
                    ], (source, pos, end)
    for source in [
        "[^ab]",
        r"[\w]",
        "[ab]*",
        "[ab]{2}",
        "[" + "".join(map(chr, range(100, 200))) + "]",
    ]:
        assert not isinstance(literal_scan(re.compile(source)), CharsScan), source


@pytest.mark.parametrize("short", [0, 1 << 30])
def test_line_end_scan_is_the_pattern_search(corpus, monkeypatch, short) -> None:
    """From the line breaks, or (lines found short) by the pattern itself."""
    from arclean.text import linestart
    from arclean.text.linestart import LineEndScan, line_end_scan

    monkeypatch.setattr(linestart, "SHORT_LINES", short)

    ar501 = next(r for r in load_builtin_rules() if r.code == "AR501").compiled_scan
    assert ar501 is not None
    assert isinstance(fast_scan(ar501), LineEndScan)
    sources = [ar501.pattern, r"a\r?$", r"(?:ab|c)$", r"[ab]{1,3}$", r"(?<=x)\w$", r"\s$"]
    sample = corpus_lines(corpus, ["news/saudinewsnet_2015-08-10.txt"], 300)
    texts = [
        sample,
        "a \nb\t\r\nc\u00a0\n \n\n  \r\n x",
        "ab\nxab\r\nabb\nc\n",
        "x a",
        "",
        " ",
    ]
    rng = random.Random(16)
    for source in sources:
        whole = re.compile(source, re.MULTILINE)
        scan = line_end_scan(whole)
        assert isinstance(scan, LineEndScan), source
        for text in texts:
            size = len(text)
            for _ in range(300):
                pos = rng.randrange(-2, size + 3)
                end = rng.choice([None, size, rng.randrange(-1, size + 3)])
                expected = whole.search(text, pos, size if end is None else end)
                found = scan.search(text, pos, end)
                assert (found and found.span()) == (expected and expected.span()), (source, pos)
            assert [m.span() for m in scan.finditer(text)] == [
                m.span() for m in whole.finditer(text)
            ]
    for source in [r"a$", r"a$|b", r"a*$", r"a\Z", r"a+$", r"$"]:
        pattern = re.compile(source, re.MULTILINE if source != r"a$" else 0)
        assert not isinstance(line_end_scan(pattern), LineEndScan), source
