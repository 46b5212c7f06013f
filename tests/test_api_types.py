"""The Python API says what it takes when given something else."""

from __future__ import annotations

import pytest

from arclean import Cleaner


@pytest.mark.parametrize("method", ["__call__", "fix", "check"])
def test_bytes_are_refused_with_how_to_decode(method: str) -> None:
    cleaner = Cleaner()
    with pytest.raises(TypeError, match=r"not bytes: decode it first"):
        getattr(cleaner, method)("نص".encode())
    with pytest.raises(TypeError, match=r"not bytearray: decode it first"):
        getattr(cleaner, method)(bytearray("نص".encode()))


@pytest.mark.parametrize("value", [None, 3, ["نص"]])
def test_other_types_are_refused_by_name(value: object) -> None:
    with pytest.raises(TypeError, match=r"Cleaner takes text \(str\), not "):
        Cleaner()(value)  # type: ignore[arg-type]


def test_str_subclass_still_works() -> None:
    class Text(str):
        pass

    assert Cleaner()(Text("نص ، آخر")) == "نص، آخر"


def test_a_cleaner_shows_its_settings():
    """repr: the settings given (not the defaults) and how many rules run."""
    default = Cleaner()
    assert repr(default) == f"Cleaner(rules={len(default.rules)})"
    search = Cleaner(profile="search", ignore="AR210")
    assert repr(search).startswith("Cleaner(profile='search', ignore=('AR210',), rules=")
    assert "AR210" not in {r.code for r in search.rules}


def test_one_path_or_key_given_alone_is_one_item_not_its_characters(tmp_path) -> None:
    """``rule_files="house.toml"`` is one file (not "h", "o", …), and
    ``front_matter_keys="title"`` one key."""
    from arclean.errors import RuleFileError

    with pytest.raises(RuleFileError, match=r"house\.toml: no such rule file"):
        Cleaner(rule_files=str(tmp_path / "house.toml"))
    front = "---\ntitle: قال ، ثم\n---\n"
    assert Cleaner(format="markdown", front_matter_keys="title")(front) == front.replace(" ،", "،")


@pytest.mark.parametrize("name", ["ignore", "extend_select", "rule_files", "glossaries"])
def test_a_value_of_the_wrong_type_names_the_parameter(name: str) -> None:
    with pytest.raises(TypeError, match=rf"Cleaner\({name}=\.\.\.\) takes a list of .*, not int"):
        Cleaner(**{name: 5})


def test_none_is_no_selector_and_no_key() -> None:
    assert Cleaner(extend_select=None, ignore=None, front_matter_keys=None).rules == Cleaner().rules
