"""A breaker's findings on today's changes (session 18): punctuation glued
to a link through a closing bracket or quote, Wikipedia URLs with
parentheses, scheme-less links to localhost or an IPv4 address, and the
names step of `pipe` under a configuration that ignores names."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from arclean import Cleaner
from arclean.cli import cli
from arclean.text.masks import link_ranges


@pytest.mark.parametrize(
    "text",
    [
        # GFM autolinks take ، after `)` or `"` into the link
        "راجع (https://example.com/report) ، ثم\n",
        'راجع "https://example.com/report" ، ثم\n',
        "راجع «https://example.com/report» ، ثم\n",
        "راجع (https://ar.wikipedia.org/wiki/مصر_(توضيح)) ، ثم\n",
    ],
)
def test_no_punctuation_is_glued_to_a_link_through_a_closer(text: str) -> None:
    assert Cleaner()(text) == text


def test_a_closer_after_ordinary_words_still_takes_the_comma() -> None:
    assert Cleaner()("راجع (الرابط) ، ثم\n") == "راجع (الرابط)، ثم\n"


def test_a_url_keeps_the_parentheses_it_opened() -> None:
    text = "الرابط https://ar.wikipedia.org/wiki/مصر_(توضيح) ، هنا"
    start = text.index("https")
    assert link_ranges(text) == [(start, text.index(")") + 1)]
    assert Cleaner()(text + "\n") == text + "\n"
    assert not Cleaner().fix(text + "\n").findings  # no unopened ) reported


@pytest.mark.parametrize("host", ["localhost:8000", "192.168.1.1", "10.0.0.2:8080"])
def test_localhost_and_ipv4_links_without_a_scheme_are_links(host: str) -> None:
    text = f"انظر {host}/كتـــاب ، ثم\n"
    assert Cleaner()(text) == text


@pytest.mark.parametrize("text", ["في 12/5/2020 ، قال\n", "النسبة 1.5/كتـــاب\n"])
def test_dates_and_ratios_are_no_hosts(text: str) -> None:
    assert Cleaner()(text) != text


def test_pipe_names_obeys_the_configurations_ignore(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    text = "قال احمد. قال أحمد. قال أحمد.\n"
    assert CliRunner().invoke(cli, ["pipe", "names"], input=text).output == (
        "قال أحمد. قال أحمد. قال أحمد.\n"
    )
    (tmp_path / "pyproject.toml").write_text('[tool.arclean]\nignore = ["names"]\n')
    result = CliRunner().invoke(cli, ["pipe", "names"], input=text)
    assert result.exit_code == 2
    assert "selects no rule" in result.output
