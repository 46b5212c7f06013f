"""Short texts (session 23): the engine's trigger tests for a short text
(`arclean.triggers`), its turns taken together, and JSON Lines values
encoded whole or spliced, must give exactly what the long way gives."""

from __future__ import annotations

import json
import random
import re

import pytest
from conftest import corpus_lines

from arclean import Cleaner, engine
from arclean.jsonl import fix_document
from arclean.jsonl_literal import Literal
from arclean.text.edits import Change

PROFILES = ("default", "search")
#: Characters that rules trigger on, or that rules write, with plain ones.
ALPHABET = list(" .،,:;?!؟«»()[]\"'\u200b\u202b\ufeff\xa0ـًٌَُِّْٰکیۀە۱٢ﻻﺍﷲ") + list(
    "قال ثم في وأإآىةhttps://x.org/a b@c.de#و\n"
)


def _texts(rnd: random.Random, count: int) -> list[str]:
    return ["".join(rnd.choice(ALPHABET) for _ in range(rnd.randint(0, 24))) for _ in range(count)]


@pytest.mark.parametrize("profile", PROFILES)
def test_triggers_answer_as_may_match(profile: str) -> None:
    cleaner = Cleaner(profile=profile)
    eng = cleaner.engine
    for rules, triggers in ((eng.fixers, eng._triggers), (eng.reporters, eng._report_triggers)):
        for text in [*_texts(random.Random(5), 400), "", "x", "hello world", "قال ، ثم"]:
            held = triggers.held(text)
            absent = triggers.absent(held)
            for index, rule in enumerate(rules):
                expected = rule.may_match(text)
                assert triggers.may_match(index, rule, text, held) == expected, (rule.rule.code,)
                assert triggers.may_match(index, rule, text, None) == expected
                if absent[index]:
                    assert not expected


def _lines(corpus, per_file: int = 400) -> list[str]:
    names = ["messy/arsarcasm_tweets.txt", "news/saudinewsnet_2015-08-09.txt"]
    return corpus_lines(corpus, names, per_file).splitlines()


@pytest.mark.parametrize("profile", PROFILES)
def test_short_way_equals_long_way(profile: str, corpus, monkeypatch) -> None:
    """Each line cleaned as a short text and as a long one (every rule's
    own search, every turn taken): the same text, changes and findings."""
    rnd = random.Random(11)
    texts = _lines(corpus) + _texts(rnd, 300)
    cleaner = Cleaner(profile=profile)
    short = [cleaner.fix(t) for t in texts] + [cleaner.fix(t, track=False) for t in texts]
    monkeypatch.setattr(engine, "SHORT_TEXT", -1)
    long = [cleaner.fix(t) for t in texts] + [cleaner.fix(t, track=False) for t in texts]
    assert short == long


def _old_escapes(raw: str) -> tuple[list[int], list[int], int]:
    """`Literal`'s map of escapes, as the loop before session 23 made it."""
    escape = re.compile(
        r"\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|\\u[0-9a-fA-F]{4}|\\.", re.S
    )
    at, extras = [], []
    decoded = extra = cursor = 0
    for m in escape.finditer(raw):
        decoded += m.start() - cursor
        extra += len(m.group()) - 1
        at.append(decoded)
        extras.append(extra)
        decoded += 1
        cursor = m.end()
    return at, extras, decoded + len(raw) - cursor


def test_literal_map_and_whole_encoding() -> None:
    rnd = random.Random(3)
    alphabet = ["a", "ب", '"', "\\", "/", "\n", "\x7f", "é", "😀", "ﻻ", " ", "u", "\u2028"]
    canonical = 0
    for _ in range(3000):
        value = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 10)))
        raw = json.dumps(value, ensure_ascii=rnd.random() < 0.5)[1:-1]
        if rnd.random() < 0.3:
            raw = raw.replace("/", "\\/")
        if rnd.random() < 0.3:
            raw = raw.replace("\\u00e9", "\\u00E9")
        value = json.loads('"' + raw + '"')
        literal = Literal(raw, value, rnd.random() < 0.5)
        at, extra, size = _old_escapes(raw)
        assert literal.maps == (size == len(value))
        for offset in range(len(value) + 1):
            before = sum(1 for a in at if a < offset)
            assert literal.position(offset) == offset + (extra[before - 1] if before else 0)
        new = list(value)
        if new:
            new[rnd.randrange(len(new))] = rnd.choice(alphabet)
        new_value = "".join(new)
        if literal.canonical(value) and new_value != value:
            canonical += 1
            changes = [
                Change(i, i + 1, value[i], new_value[i], ("X",))
                for i in range(len(value))
                if value[i] != new_value[i]
            ]
            spliced = literal.splice(changes, new_value)
            assert spliced is not None
            assert spliced == literal.encode(new_value)
    assert canonical > 500


@pytest.mark.parametrize("profile", PROFILES)
def test_jsonl_untracked_equals_tracked(profile: str, corpus) -> None:
    """Values encoded whole (no changes tracked) and spliced change by
    change give the same document, in every literal style."""
    lines = _lines(corpus, 150)
    records = []
    for i, line in enumerate(lines):
        style = i % 4
        record = json.dumps({"id": i, "text": line}, ensure_ascii=style != 1)
        if style == 2:  # upper-case escapes
            record = re.sub(r"\\u([0-9a-f]{4})", lambda m: "\\u" + m.group(1).upper(), record)
        elif style == 3:  # an escape json.dumps does not write
            record = record.replace("/", "\\/")
        records.append(record)
    text = "\n".join(records) + "\n"
    cleaner = Cleaner(profile=profile)
    tracked = fix_document(text, ("text",), cleaner, track=True)
    untracked = fix_document(text, ("text",), cleaner, track=False)
    assert untracked.text == tracked.text
    assert untracked.findings == tracked.findings
    assert tracked.changed
