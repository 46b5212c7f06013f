"""Issue 9, seventh round: defects a tester found on the tweets and the
Quran (foreign-sound letters, a full consonant edit on weak context,
compound phrases, dialect function words, hashtags and mentions)."""

from __future__ import annotations

from arclean.chars import fold
from arclean.names import Reconciler


def _rewrites(text: str) -> list[tuple[str, str]]:
    rec = Reconciler(fuzzy=True, tier="auto")
    rec.prepare([text])
    return [(r.old, r.new) for r in rec.rewrite(text)[1]]


_MARVIN = (
    "ريكي مارتن يعلن خطوبته\n"
    "المغني ريكي مارتن في الحفل\n"
    "ريكي مارتن قاي https://t.co/x\n"
    "الأساطير جوني كاش {} قاي و بوب ديلان\n"
)


def test_foreign_sound_letters_fold_to_their_arabic_counterparts():
    assert fold("مارڤن") == fold("مارفن")
    assert fold("پ چ گ ڨ ژ") == fold("ب ج ك ق ز")


def test_veh_is_compared_as_feh_marvin_is_not_martin():
    # arsarcasm tweets: «جوني كاش مارڤن قاي و بوب ديلان» (Marvin Gaye)
    assert _rewrites(_MARVIN.format("مارڤن")) == []
    assert _rewrites(_MARVIN.format("مارفن")) == []


def test_a_full_consonant_swap_needs_more_than_one_shared_neighbour():
    # an unknown spelling one consonant from مارتن, one shared neighbour
    # (قاي) and a name beside the variant alone (كاش): not enough
    assert _rewrites(_MARVIN.format("مارزن")) == []


def test_foreign_letter_spelling_is_never_rewritten_to_the_arabic_one():
    text = "غنى مارفن قاي. وقال مارفن قاي إن مارفن قاي مغن. وغنى مارڤن قاي."
    assert ("مارڤن", "مارفن") not in _rewrites(text)
