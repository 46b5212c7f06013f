"""On edited books the default profile changes punctuation, spacing, marks
and invisible characters only, apart from the rules whose job is to change
letters.  Uses the shared corpus; skipped when it is absent."""

from __future__ import annotations

import regex

from arclean.api import Cleaner

#: Rules that exist to change letters: presentation forms to letters,
#: decomposed hamza composed, Persian yeh and keheh in Arabic text.
LETTER_RULES = {"AR301", "AR402", "AR403", "AR404", "AR405"}
_NOT_LETTER = regex.compile(r"[^\p{L}]|\N{ARABIC TATWEEL}", regex.VERSION1)


def _sample(path, lines=400):
    with path.open(encoding="utf-8") as handle:
        picked = [line for i, line in enumerate(handle) if i % 50 == 0]
    return "".join(picked[:lines])


def test_default_profile_changes_no_letters_on_the_books(corpus):
    cleaner = Cleaner()
    offenders = []
    for name in ("hindawi_history.txt", "hindawi_novels.txt", "hindawi_translated.txt"):
        path = corpus / "plain" / name
        if not path.is_file():
            continue
        text = _sample(path)
        for change in cleaner.fix(text).changes:
            old = _NOT_LETTER.sub("", change.old)
            new = _NOT_LETTER.sub("", change.new)
            if old != new and not set(change.codes) <= LETTER_RULES:
                offenders.append((name, change.codes, change.old, change.new))
    assert not offenders, offenders[:10]


def test_default_profile_is_idempotent_on_messy_text(corpus):
    cleaner = Cleaner()
    for relative in ("messy/arsarcasm_tweets.txt", "messy/arafix_ocr_raw_all.txt"):
        path = corpus / relative
        if path.is_file():
            once = cleaner(_sample(path, 200))
            assert cleaner(once) == once, relative
