"""Glossaries built in memory: `Cleaner(glossaries=[Glossary(...)])` applies
them as it applies a file, a cleaner holding one survives pickling (what
workers receive), and the corpus path (`clean_texts(names=True)`, which
`arclean.dask` distributes) ships its glossary in memory: it writes no
file anywhere, the temporary folder included."""

from __future__ import annotations

import os
import pickle
import tempfile

import pytest

from arclean.api import Cleaner
from arclean.corpus import clean_texts, loaded_settings, settings_key
from arclean.names.glossary import Entry, Glossary, GlossaryError

TEXT = "قال هاكان فيان إن المحادثات مستمرة."
FIXED = "قال هاكان فيدان إن المحادثات مستمرة."


def glossary() -> Glossary:
    return Glossary(entries=[Entry("فيدان", ["فيان"])])


def test_a_glossary_object_applies_as_a_file_does(tmp_path):
    path = tmp_path / "names.toml"
    glossary().save(path)
    assert Cleaner(glossaries=[path])(TEXT) == FIXED
    assert Cleaner(glossaries=[glossary()])(TEXT) == FIXED
    assert Cleaner()(TEXT) == TEXT  # no glossary: nothing to rewrite


def test_a_cleaner_with_a_glossary_object_survives_pickling():
    cleaner = pickle.loads(pickle.dumps(Cleaner(glossaries=[glossary()])))
    assert cleaner(TEXT) == FIXED


def test_settings_with_a_glossary_object_travel_as_a_key():
    settings = loaded_settings(settings_key({"glossaries": [glossary()]}))
    assert Cleaner(**settings)(TEXT) == FIXED


def test_a_contradictory_glossary_object_fails_when_the_cleaner_is_built():
    cycle = Glossary(entries=[Entry("فيدان", ["فيان"]), Entry("فيان", ["فيدان"])])
    with pytest.raises(GlossaryError):
        Cleaner(glossaries=[cycle])


def test_the_corpus_path_writes_no_glossary_file(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    texts = [
        "التقى وزير الخارجية التركي هاكان فيدان ولافروف في أنقرة.",
        "وقال فيدان خلال مؤتمر صحفي مشترك مع لافروف إن بلاده مستعدة.",
        "أضاف فيدان أن المبادرة الجديدة تهدف إلى إنهاء الحرب.",
        "وناقش هاكان فيان ولافروف محادثات السلام.",
    ]
    cleaned = clean_texts(texts, names=True)
    assert "فيان" not in cleaned[3] and "فيدان" in cleaned[3]
    assert os.listdir(tmp_path) == []


# --- a glossary under the search profile (its folds take the hamza away) ---

SEARCH_GLOSSARY = Glossary(entries=[Entry("أوباما", ["اوباما", "أوبما", "اوبامة"])])


@pytest.mark.parametrize(
    "text",
    [
        "قابل الرئيس اوباما في المدرسة",  # a variant the folds make the canonical
        "قابل الرئيس أوباما في المدرسة",  # the canonical itself
        "قابل الرئيس أوبما واوبامة",  # variants the folds alone do not mend
    ],
)
def test_the_search_profile_with_a_glossary_settles(text):
    searched = Cleaner(profile="search", glossaries=[SEARCH_GLOSSARY])(text)
    assert "اوباما" in searched and "أ" not in searched
    assert "أوبما" not in searched and "اوبامة" not in searched
    # the same folds without the glossary, apart from the name
    plain = Cleaner(profile="search")(text)
    assert plain.split()[:2] == searched.split()[:2]


def test_the_default_profile_still_writes_the_glossary_spelling():
    assert Cleaner(glossaries=[SEARCH_GLOSSARY])("قابل اوباما") == "قابل أوباما"


def test_the_corpus_path_with_names_and_the_search_profile_settles():
    texts = [
        "قال الرئيس الأمريكي باراك أوباما إن المحادثات مستمرة.",
        "وأضاف أوباما أن بلاده مستعدة للمساهمة في محادثات السلام.",
        "أكد أوباما في مؤتمر صحفي أن الحرب يجب أن تنتهي.",
        "وناقش باراك اوباما محادثات السلام.",
    ]
    cleaned = clean_texts(texts, names=True, profile="search")
    assert all("أ" not in t for t in cleaned)
    assert "اوباما" in cleaned[3]


# --- the seventh breaker: glossary objects checked as files are ---


@pytest.mark.parametrize(
    "entry",
    [
        Entry("أوباما", "أوبامه"),  # type: ignore[arg-type]  # a str where a list belongs
        Entry("كييف", ["كيف"], context_any="ا"),  # type: ignore[arg-type]
        Entry("", ["فيان"]),
    ],
)
def test_a_glossary_object_is_validated_as_a_file_is(entry):
    with pytest.raises(GlossaryError) as caught:
        Cleaner(glossaries=[Glossary(entries=[entry])])
    assert "built in memory" in str(caught.value)


def test_a_glossary_changed_after_the_cleaner_is_built_changes_neither_copy():
    g = glossary()
    cleaner = Cleaner(glossaries=[g])
    g.entries.append(Entry("لافروف", ["لافرف"]))
    copied = pickle.loads(pickle.dumps(cleaner))
    text = TEXT + " وقال لافرف"
    assert cleaner(text) == copied(text) == FIXED + " وقال لافرف"
