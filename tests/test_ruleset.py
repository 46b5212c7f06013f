"""Rule files are validated on load; errors name the file, line and rule."""

from __future__ import annotations

import pytest

from arclean.errors import RuleFileError, SelectorError
from arclean.ruleset import RuleSet, load_rule_file, parse_rule_text

GOOD = """group = "house"

[[rule]]
code = "HS101"
slug = "no-foo"
kind = "regex"
message = "m"
pattern = 'foo'
replace = 'bar'
"""


def error_for(text: str) -> RuleFileError:
    with pytest.raises(RuleFileError) as info:
        parse_rule_text(text, "house.toml")
    return info.value


def test_unknown_key_names_file_line_and_code():
    err = error_for(GOOD + "colour = 'red'\n")
    assert (err.path, err.line, err.code) == ("house.toml", 10, "HS101")
    assert "unknown key 'colour'" in str(err)
    assert str(err).startswith("house.toml:10 (rule HS101):")


def test_bad_regex_is_reported_at_the_pattern_line():
    err = error_for(GOOD.replace("'foo'", "'fo(o'"))
    assert err.line == 8 and "invalid regular expression" in str(err)


def test_replacement_referring_to_missing_group():
    err = error_for(GOOD.replace("'bar'", r"'\2'"))
    assert err.line == 9 and "group 2" in str(err)


def test_toml_syntax_error_has_a_line():
    err = error_for(GOOD + "pattern = \n")
    assert err.line == 10 and "not valid TOML" in str(err)


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (('kind = "regex"', 'kind = "magic"'), "kind 'magic' is not one of"),
        (('code = "HS101"', 'code = "hs-1"'), "must be 2-4 capital letters"),
        (("safety", "safety"), None),
        (('message = "m"\n', ""), "missing required key 'message'"),
        (('slug = "no-foo"', 'slug = "No Foo"'), "lower-case words"),
    ],
)
def test_validation_messages(edit, message):
    text = GOOD.replace(*edit)
    if message is None:
        parse_rule_text(text, "house.toml")
        return
    assert message in str(error_for(text))


def test_duplicate_codes_are_refused(tmp_path):
    path = tmp_path / "dup.toml"
    path.write_text(GOOD.replace("HS101", "AR101").replace('"house"', '"punct"'), encoding="utf-8")
    with pytest.raises(RuleFileError, match="AR101 is already used"):
        RuleSet.load([path])


def test_words_file_next_to_the_rule_file(tmp_path):
    (tmp_path / "list.tsv").write_text("# from\tto\nإسم\tاسم\n", encoding="utf-8")
    rule_file = tmp_path / "w.toml"
    rule_file.write_text(
        'group = "alef"\n[[rule]]\ncode = "HS301"\nslug = "w"\nkind = "words"\n'
        'message = "m"\nwords-file = "list.tsv"\n',
        encoding="utf-8",
    )
    (rule,) = load_rule_file(rule_file)
    assert dict(rule.words) == {"إسم": "اسم"}


def test_missing_rule_file():
    with pytest.raises(RuleFileError, match="no such rule file"):
        load_rule_file("/nonexistent/rules.toml")


def test_selectors():
    ruleset = RuleSet.load()
    assert {r.code for r in ruleset.matching("AR1")} >= {"AR101", "AR102"}
    assert {r.group for r in ruleset.matching("punct")} == {"punct"}
    assert [r.code for r in ruleset.matching("ar101")] == ["AR101"]
    assert ruleset.matching("space-before-arabic-punctuation")[0].code == "AR101"
    with pytest.raises(SelectorError, match="selects no rule"):
        ruleset.matching("AR999")
    chosen = ruleset.select(select=["punct"], ignore=["AR102"])
    assert "AR102" not in {r.code for r in chosen} and "AR101" in {r.code for r in chosen}


def test_nothing_in_a_rule_file_is_executed(tmp_path):
    # A rule file is data: TOML cannot hold code, and no key is evaluated.
    text = GOOD.replace("replace = 'bar'", "replace = '__import__(\"os\")'")
    (rule,) = parse_rule_text(text, "x.toml")
    from arclean.engine import Engine

    assert Engine([rule]).fix("foo").text == "foo"  # not an Arabic line: untouched
    assert Engine([rule]).fix("foo ب").text == '__import__("os") ب'


def test_rule_cache_gives_the_same_rules(tmp_path, monkeypatch):
    from arclean.ruleset import load_builtin_rules

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    fresh = load_builtin_rules(lazy=True)  # parses, validates, stores
    assert list((tmp_path / "arclean").glob("rules-*.marshal"))
    cached = load_builtin_rules(lazy=True)  # from the cache
    assert cached == fresh == load_builtin_rules()
    # A damaged cache is ignored, not trusted.
    for path in (tmp_path / "arclean").glob("rules-*.marshal"):
        path.write_bytes(b"garbage")
    assert load_builtin_rules(lazy=True) == fresh
