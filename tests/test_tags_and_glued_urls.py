"""Hashtags and mentions are found (the names step never respells inside
them), and URLs glued into one run are masked in linear time."""

from __future__ import annotations

from typing import Any

import pytest

from arclean import Cleaner
from arclean.text import masks
from arclean.text.masks import tag_ranges


@pytest.mark.parametrize(
    ("text", "tags"),
    [
        ("#محبي_حازم_عبدالعظيم_ضد_الخونه و", ["#محبي_حازم_عبدالعظيم_ضد_الخونه"]),
        ("قال @وزارة_الصحة اليوم", ["@وزارة_الصحة"]),
        ("RT @user_1: نص #وسم١ و", ["@user_1", "#وسم١"]),
        ("# عنوان", []),  # a Markdown heading
        ("المركز #1 و", []),  # a number, not a tag
        ("a@b.com", []),  # an e-mail address (protected as one)
        ("&#1575;", []),  # an HTML entity
        ("نص#وسم", ["#وسم"]),  # glued to a word, as tweets write them
        ("#أمريكا#اوباما", ["#أمريكا", "#اوباما"]),  # a chain
        ("انتهى الخبر.#اوباما", ["#اوباما"]),
        ("و#اوباما", ["#اوباما"]),
        ("C# و", []),
        ("a@b @وزارة", ["@وزارة"]),
        ("#اﻷم_المثالية", ["#اﻷم_المثالية"]),
    ],
)
def test_tag_ranges(text: str, tags: list[str]) -> None:
    assert [text[a:b] for a, b in tag_ranges(text)] == tags


def test_spaces_before_a_url_are_still_collapsed() -> None:
    assert Cleaner()("في  https://x.com و") == "في https://x.com و"


class _Counting:
    def __init__(self, pattern: Any) -> None:
        self.pattern = pattern
        self.calls = 0

    def match(self, *args: Any) -> Any:
        self.calls += 1
        return self.pattern.match(*args)


@pytest.mark.parametrize("unit", ["http://x.com/(", "https://t.co/x", "www.b.com/"])
def test_glued_urls_are_matched_once(monkeypatch: pytest.MonkeyPatch, unit: str) -> None:
    counting = _Counting(masks._URL_RE)
    monkeypatch.setattr(masks, "_URL_RE", counting)
    text = "نص " + unit * 2000
    ranges = masks.link_ranges(text)
    assert ranges == [(3, len(text))]
    assert counting.calls <= 2  # once per run, not once per glued URL
