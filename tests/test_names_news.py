"""The variants the issue names, in news-like text: the rare spelling goes,
the ordinary words and the well-attested one stay."""

from __future__ import annotations

import pytest

from arclean.names import Reconciler

CASES = [
    (
        "ترامب",
        "ترمب",
        "قال الرئيس دونالد {c} إن. وأضاف {c} أن. وأكد {v} أن الاتفاق قريب. وقال {c}.",
    ),
    ("زيلينسكي", "زيلنسكي", "قال الرئيس فولوديمير {c} إن. وأضاف {c} أن. وقال {v} إن. وأكد {c}."),
    (
        "غوتيريش",
        "غوتيريس",
        "قال الأمين العام أنطونيو {c} إن. وأضاف {c} أن. ودعا {v} إلى. وقال {c}.",
    ),
    ("نتنياهو", "نتانياهو", "قال بنيامين {c} إن. وأضاف {c} أن. وأكد {v} أن. وقال {c}."),
    ("أردوغان", "اردوغان", "زار الرئيس رجب طيب {c} أنقرة. وقال {c} إن. وأضاف {v} أن. وأكد {c}."),
    ("إسطنبول", "اسطنبول", "وصل الوفد إلى {c} أمس. وفي {c} عقد لقاء. وغادر {v} مساء."),
    (
        "موسى",
        "موسي",
        "قال عمرو {c} إن الاجتماع مهم. وأضاف {c} أن الحل قريب. ثم قال {v} إنه متفائل.",
    ),
]


@pytest.mark.parametrize(("canonical", "variant", "template"), CASES, ids=[c[1] for c in CASES])
def test_news_variant_is_reconciled(canonical, variant, template):
    text = template.format(c=canonical, v=variant)
    reconciler = Reconciler(fuzzy=True)
    reconciler.prepare([text])
    fixed, replacements = reconciler.rewrite(text)
    assert [(r.old, r.new) for r in replacements] == [(variant, canonical)]
    assert fixed == text.replace(variant, canonical)


def test_listed_places_do_not_swallow_common_words():
    text = "كيف وصل إلى كييف؟ لا أحد يعرف كيف. وفي كييف قال إن الأمر كيف يبدو."
    reconciler = Reconciler(fuzzy=True)
    reconciler.prepare([text])
    assert reconciler.rewrite(text)[1] == []
