"""The engine's fifth pass takes shortcuts: a line's unpaired marks worked
out once per sequence of marks (AR190), a boilerplate line's normal form
computed only when its first character can start a listed line (AR951),
``www.`` in any case found without lowering the text.  Each must give
exactly what the straightforward way gives: here the old code is the
reference, on real text and on edge cases."""

from __future__ import annotations

import regex
from conftest import corpus_lines

from arclean.builtins import boilerplate, punct
from arclean.builtins._common import inch_marks, marks_per_line
from arclean.builtins.punct import _continued_quotations, _not_a_bracket, mark_finder
from arclean.chars import fold
from arclean.ruleset import load_builtin_rules
from arclean.text.edits import Finding
from arclean.text.masks import _www_finder
from arclean.text.spans import Span

SAMPLES = [
    "news/saudinewsnet_2015-08-09.txt",
    "plain/arcd_wikipedia_paragraphs.txt",
    "messy/arsarcasm_tweets.txt",
    "messy/arafix_ocr_raw_all.txt",
    "plain/hindawi_translated.txt",
    "ud/pud_ar_test.text_en.txt",
]
RULES = {rule.code: rule for rule in load_builtin_rules()}
EDGES = [
    "...", "- -", "  x  ", "\u2014", "\u2026", "|", ">", "* * *", "** شاركها **", ":", "«»",
    ". شاركها .", "\r", "a\rb", "\u2028x\u2028", "\x85", "-x-", "\ufdfa", "\ufdfa اقرأ",
    "- .", ". -", "-.-", "\u0640\u0640 شاركها", "\u064b شارك", "\ufe70 شارك", "إقرأ أيضاً:",
    "تابعونا على تويتر", "تابعونا على", "(: قال (", ":) نعم (1) ) أ)", "«قال “نعم” و”لا“",
]  # fmt: skip

_OLD_TRIM_RE = regex.compile(
    r"\A[\s\p{Pd}*•·|>]*|[\s.:!\N{ARABIC QUESTION MARK}\N{ARABIC COMMA}"
    r"\N{HORIZONTAL ELLIPSIS}\p{Pd}|>«»]*\Z"
)


_OLD_LINE_RE = regex.compile(r"^[^\n]*\S[^\n]*$", regex.VERSION1 | regex.MULTILINE)


def _old_normalize_line(line: str) -> str:
    return " ".join(fold(_OLD_TRIM_RE.sub("", line)).split())


def _old_boilerplate_lines(text: str, spans: list[Span], whole, prefixes) -> list[tuple[int, int]]:
    found = []
    for span in spans:
        for m in _OLD_LINE_RE.finditer(text, span.start, span.end):
            line = m.group()
            if len(line) > 80:
                continue
            normal = _old_normalize_line(line)
            if normal in whole or (normal.startswith(prefixes) and len(normal.split()) <= 8):
                found.append((m.start(), m.end()))
    return found


def _old_unbalanced_pairs(text: str, spans: list[Span], rule) -> list[Finding]:
    """`unbalanced_pairs` as it was: each line's marks paired one by one."""
    pairs = [str(p) for p in rule.option("pairs", ())]
    finder = mark_finder("".join(sorted(set("".join(pairs)))))
    symmetric = {pair[0] for pair in pairs if pair[0] == pair[1]}
    asymmetric = [pair for pair in pairs if pair[0] != pair[1]]
    found: list[tuple[int, str, str]] = []

    def line_of(position: int) -> int:
        return text.rfind("\n", 0, position) + 1

    def report(position: int, char: str, what: str) -> None:
        if not _not_a_bracket(text, position, char, line_of(position)):
            found.append((position, char, what))

    per_line: dict[int, list[tuple[int, str]]] = {}
    for span in spans:
        for m in finder.finditer(text, span.start, span.end):
            per_line.setdefault(line_of(m.start()), []).append((m.start(), m.group()))
    for marks in per_line.values():
        # since session 21: inch marks (شاشة 55 " بوصة) are no quotation marks
        inches = inch_marks(text, [p for p, c in marks if c == '"'])
        marks = [(p, c) for p, c in marks if p not in inches]
        openers = {p[0]: p[1] for p in asymmetric}
        same: set[str] = set()
        for pair in punct._CURLY_PAIRS:
            used = {c for _, c in marks if c in pair}
            if len(used) == 1 and pair in asymmetric and sum(c in pair for _, c in marks) > 1:
                same |= used
                continue
            first = next((c for _, c in marks if c in pair), None)
            if first == pair[1] and pair in asymmetric:
                del openers[pair[0]]
                openers[pair[1]] = pair[0]
        for char in same:
            openers.pop(char, None)
        closers = {closing: opening for opening, closing in openers.items() if closing not in same}
        stack: list[tuple[str, int]] = []
        counts: dict[str, list[int]] = {}
        for position, char in marks:
            if char in symmetric or char in same:
                counts.setdefault(char, []).append(position)
            elif char in openers:
                stack.append((char, position))
            elif stack and stack[-1][0] == closers[char]:
                stack.pop()
            elif any(opener == closers[char] for opener, _ in stack):
                while stack[-1][0] != closers[char]:
                    opener, where = stack.pop()
                    report(where, opener, "unclosed")
                stack.pop()
            else:
                report(position, char, "unopened")
        for opener, where in stack:
            report(where, opener, "unclosed")
        for char, positions in counts.items():
            if len(positions) % 2:
                report(positions[-1], char, "unpaired")
    found.sort()
    continued = _continued_quotations(text, found, asymmetric)
    return [
        Finding(position, position + 1, rule.code, f"{rule.message}: {what} {char}", rule.level)
        for position, char, what in found
        if position not in continued
    ]


def _texts(corpus) -> list[str]:
    sample = corpus_lines(corpus, SAMPLES, 2000)
    return [sample, "\n".join(EDGES), sample.replace("\n", " \n", 500)]


def _spans(text: str) -> list[list[Span]]:
    """All of the text, and spans that cut lines (markup between)."""
    cut = [Span(i, min(i + 97, len(text))) for i in range(0, len(text), 101)]
    return [[Span(0, len(text))], cut]


def test_a_normal_form_is_the_old_one(corpus):
    lines = [line for text in _texts(corpus) for line in text.split("\n")] + EDGES
    assert [boilerplate._normalize_line(line) for line in lines] == [
        _old_normalize_line(line) for line in lines
    ]


def test_boilerplate_lines_are_the_old_ones(corpus):
    rule = RULES["AR951"]
    whole, prefixes = boilerplate._boilerplate_list(rule)
    # the list as shipped, and one that lists a line of punctuation only
    # (its normal form is empty) and prefixes starting with a digit
    lists = [(whole, prefixes), (whole | {"", "1"}, (*prefixes, "2 "))]
    texts = [
        *_texts(corpus),
        "...\n- -\n1\n١\n٢ شارك هنا\n\ufdfa\n",
        "\x1c\n \n\t\x1f \n\r\nشاركها\r\n\n\n\u2028شارك\n\nشارك",
    ]
    for listed in lists:
        boilerplate._BOILERPLATE_CACHE.clear()
        boilerplate._boilerplate_list(rule)
        (key,) = boilerplate._BOILERPLATE_CACHE
        boilerplate._BOILERPLATE_CACHE[key] = (frozenset(listed[0]), tuple(listed[1]))
        try:
            for text in texts:
                for spans in _spans(text):
                    new = boilerplate._boilerplate_lines(text, spans, rule)
                    assert new == _old_boilerplate_lines(text, spans, *listed)
        finally:
            boilerplate._BOILERPLATE_CACHE.clear()
    # the second list finds the lines of punctuation, the digit and the prefix
    whole = [Span(0, len(texts[-2]))]
    assert len(_old_boilerplate_lines(texts[-2], whole, *lists[1])) == 5
    assert len(_old_boilerplate_lines(texts[-1], [Span(0, len(texts[-1]))], *lists[0])) == 3


def test_unbalanced_pairs_are_the_old_ones(corpus):
    rule = RULES["AR190"]
    found = 0
    for text in _texts(corpus):
        for spans in _spans(text):
            new = punct.unbalanced_pairs(text, spans, rule)
            assert new == _old_unbalanced_pairs(text, spans, rule)
            found += len(new)
    assert found > 20  # the sample holds unbalanced marks


def _old_www(text: str) -> list[int]:
    lower = text.lower() if "WWW." in text or "Www." in text else text
    found = []
    position = lower.find("www.")
    while position != -1:
        found.append(position)
        position = lower.find("www.", position + 1)
    return found


def _www(text: str) -> list[int]:
    find = _www_finder(text)
    found = []
    position = find(0)
    while position != -1:
        found.append(position)
        position = find(position + 1)
    return found


def test_www_in_any_case_is_found_as_in_the_lowered_text():
    texts = [
        "زر www.a.com أو WWW.B.COM و wWw.c.org وwwww.d.net w.ww.x Ww.y WWW.",
        "www.a.com فقط، wWw.b لا",  # no WWW. nor Www.: lower case only
        "İstanbul WWW.A.COM www.b.com",  # İ lowers to two characters
        "WWW.",
        "ww.WWW.www.",
        "Www.",
        "",
    ]
    for text in texts:
        assert _www(text) == _old_www(text)
    found = _www(texts[0])
    assert [texts[0][p : p + 4].lower() for p in found] == ["www."] * 5
    assert texts[0][found[3] - 1 : found[3] + 4] == "wwww."  # a w before it: one past


def _old_marks_per_line(text: str, spans: list[Span], finder) -> dict[int, list[tuple[int, str]]]:
    per_line: dict[int, list[tuple[int, str]]] = {}
    for span in spans:
        for m in finder.finditer(text, span.start, span.end):
            line_start = text.rfind("\n", 0, m.start()) + 1
            per_line.setdefault(line_start, []).append((m.start(), m.group()))
    return per_line


def test_marks_per_line_are_the_old_ones(corpus):
    finders = [punct._PAIR_CHARS_RE, regex.compile(r"[()\[\]\"“”«»]"), regex.compile(r"\n|[«»]")]
    for text in _texts(corpus):
        for spans in _spans(text):
            for finder in finders:
                new = marks_per_line(text, spans, finder)
                old = _old_marks_per_line(text, spans, finder)
                assert list(new.items()) == list(old.items())


def test_whole_spans_or_lines_first_give_the_same(corpus, monkeypatch):
    """A `whole_spans` built-in gets every span where it may act, or (past
    `FEW_LINKS` links) the lines holding its scan hits first: the same."""
    from arclean.api import Cleaner
    from arclean.builtins import BUILTINS

    whole = [name for name, builtin in BUILTINS.items() if builtin.whole_spans]
    assert {"unbalanced-pairs", "space-inside-pairs", "tanween-fatha-position"} <= set(whole)
    text = corpus_lines(corpus, [*SAMPLES, "diacritized/tashkeela_aliosm_test.txt"], 1500)
    outcomes = []
    for few in (1 << 40, -1):  # always cheap; never (lines first, as before)
        monkeypatch.setattr("arclean.guard.FEW_LINKS", few)
        outcomes.append(Cleaner().fix(text))
    assert outcomes[0] == outcomes[1]
    assert outcomes[0].changes and outcomes[0].findings
    found, changes = outcomes[0].findings, outcomes[0].changes
    codes = {f.code for f in found} | {code for change in changes for code in change.codes}
    assert {"AR190", "AR108", "AR205"} <= codes
