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
