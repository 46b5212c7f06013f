"""The variants the issue names, in news-like text: the mechanism, not a list.

No shipped list holds these spellings as a hand-written entry (issue 9
removed `modern_names.tsv`, which did): the evidence is the text itself (the
same first name or cue beside both spellings) and the CC0 Wikidata name
tokens.  A place name that no CC0 source lists stays at review.
"""

from __future__ import annotations

import pytest

from arclean.names import Reconciler, scan

CASES = [
    # a long vowel dropped, both spellings after the same first name
    ("زيلينسكي", "زيلنسكي",
     "قال فولوديمير {c} إن. وأضاف فولوديمير {c} أن. وقال فولوديمير {v} إن. وأكد {c}."),
    # the Wikidata tokens know these names (cheap edit, hamza, final ى)
    ("ترامب", "ترمب",
     "قال الرئيس دونالد {c} إن. وأضاف {c} أن. وأكد {v} أن الاتفاق قريب. وقال {c}."),
    ("أردوغان", "اردوغان", "زار الرئيس رجب طيب {c} أنقرة. وقال {c} إن. وأضاف {v} أن. وأكد {c}."),
    ("موسى", "موسي",
     "قال عمرو {c} إن الاجتماع مهم. وأضاف {c} أن الحل قريب. ثم قال {v} إنه متفائل."),
]  # fmt: skip


@pytest.mark.parametrize(("canonical", "variant", "template"), CASES, ids=[c[1] for c in CASES])
def test_news_variant_is_reconciled(canonical: str, variant: str, template: str) -> None:
    text = template.format(c=canonical, v=variant)
    reconciler = Reconciler(fuzzy=True)
    reconciler.prepare([text])
    fixed, replacements = reconciler.rewrite(text)
    assert [(r.old, r.new) for r in replacements] == [(variant, canonical)]
    assert fixed == text.replace(variant, canonical)


def test_a_full_edit_into_a_name_no_source_lists_is_only_reviewed() -> None:
    # ش/س is a full edit; غوتيريش is in no CC0 list: review, not a rewrite
    text = "قال أنطونيو غوتيريش إن. وقال أنطونيو غوتيريش أن. وقال أنطونيو غوتيريس إن."
    reconciler = Reconciler(fuzzy=True)
    reconciler.prepare([text])
    assert reconciler.rewrite(text)[1] == []


def test_a_place_no_cc0_source_lists_is_only_reviewed() -> None:
    text = "وصل الوفد إلى إسطنبول أمس. وفي إسطنبول عقد لقاء. وغادر اسطنبول مساء."
    reconciler = Reconciler(fuzzy=True)
    reconciler.prepare([text])
    assert reconciler.rewrite(text)[1] == []
    tiers = {m.form: m.tier for cl in scan([text]) for m in cl.members}
    assert tiers.get("اسطنبول") == "review"


def test_places_do_not_swallow_common_words() -> None:
    text = "كيف وصل إلى كييف؟ لا أحد يعرف كيف. وفي كييف قال إن الأمر كيف يبدو."
    reconciler = Reconciler(fuzzy=True)
    reconciler.prepare([text])
    assert reconciler.rewrite(text)[1] == []
