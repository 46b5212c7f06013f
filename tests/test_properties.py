"""Properties that hold for any text: fixing twice is fixing once, and text
with no Arabic letter is never changed."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from arclean import Cleaner
from arclean.chars import has_arabic_letter

CLEANER = Cleaner()
SEARCH = Cleaner(profile="search")

# Characters where the rules act: Arabic letters, marks, tatweel, punctuation
# in both scripts, spaces of several kinds, digits, Latin, invisibles.
ALPHABET = st.sampled_from(
    list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآؤئىةٱیکپچژگە")
    + [chr(c) for c in range(0x064B, 0x0653)]
    + ["\u0654", "\u0655", "\u0653", "\u0670", "\u0640"]
    + list("،؛؟,;?!.:()[]«»“”\"'- \t\n\r")
    + ["\u00a0", "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\ufeff", "\u202e"]
    + list("0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹abcxyz")
)
TEXTS = st.text(ALPHABET, max_size=80)
NON_ARABIC = st.text(
    st.characters(
        blacklist_categories=("Cs",),
        blacklist_characters="".join(chr(c) for c in range(0x0600, 0x0700))
        + "".join(chr(c) for c in range(0x0750, 0x0780))
        + "".join(chr(c) for c in range(0x08A0, 0x0900))
        + "".join(chr(c) for c in range(0xFB50, 0xFE00))
        + "".join(chr(c) for c in range(0xFE70, 0xFF00)),
    ),
    max_size=80,
)
SETTINGS = settings(
    max_examples=400, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)


@SETTINGS
@given(TEXTS)
def test_fix_is_idempotent(text):
    once = CLEANER(text)
    assert CLEANER(once) == once


@SETTINGS
@given(TEXTS)
def test_search_profile_is_idempotent(text):
    once = SEARCH(text)
    assert SEARCH(once) == once


@SETTINGS
@given(NON_ARABIC)
def test_text_without_arabic_letters_is_never_changed(text):
    assert not has_arabic_letter(text)
    assert CLEANER(text) == text


@SETTINGS
@given(TEXTS)
def test_changes_replay_to_the_output(text):
    outcome = CLEANER.fix(text)
    rebuilt = text
    for change in sorted(outcome.changes, key=lambda c: c.start, reverse=True):
        assert text[change.start : change.end] == change.old
        rebuilt = rebuilt[: change.start] + change.new + rebuilt[change.end :]
    assert rebuilt == outcome.text
