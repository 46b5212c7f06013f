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
