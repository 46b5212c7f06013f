"""AR501 and a tab that ends a line: in a row of tab-separated columns it
ends the (empty) last field, and deleting it drops the column."""

from __future__ import annotations

import pytest

from arclean import Cleaner


@pytest.mark.parametrize(
    "text",
    [
        "كلمة\tنص\t\nكلمة\tنص\t\n",
        "مصر\t3\t\r\nالأردن\t4\t\r\n",
        # a two-column row with an empty last field, next to a full row
        "كلمة\t\nنص\tآخر\n",
        "نص\tآخر\nكلمة\t\n",
    ],
)
def test_a_tab_ending_a_row_of_columns_stays(text: str) -> None:
    assert Cleaner()(text) == text


def test_only_the_spaces_after_the_last_tab_go() -> None:
    assert Cleaner()("كلمة\tنص\t  \nكلمة\tنص\t\n") == "كلمة\tنص\t\nكلمة\tنص\t\n"
    # the space before the tab belongs to a field
    assert Cleaner()("كلمة\tنص \t\n") == "كلمة\tنص \t\n"


def test_a_tab_after_prose_still_goes() -> None:
    assert Cleaner()("قال الوزير.\t\nثم غادر.\n") == "قال الوزير.\nثم غادر.\n"
    assert Cleaner()("قال الوزير. \t \n") == "قال الوزير.\n"
