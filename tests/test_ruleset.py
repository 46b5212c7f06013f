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
    from arclean.ruleset import cache, load_builtin_rules

    monkeypatch.setattr(cache, "directory", tmp_path)
    monkeypatch.delenv("ARCLEAN_NO_CACHE", raising=False)
    fresh = load_builtin_rules(lazy=True)  # parses, validates, stores
    assert list(tmp_path.glob("rules-*.marshal"))
    cached = load_builtin_rules(lazy=True)  # from the cache
    assert cached == fresh == load_builtin_rules()
    # A damaged cache is ignored, not trusted.
    for path in tmp_path.glob("rules-*.marshal"):
        path.write_bytes(b"garbage")
    assert load_builtin_rules(lazy=True) == fresh


def test_library_calls_never_write_a_cache(tmp_path, monkeypatch):
    from arclean import Cleaner
    from arclean.ruleset import cache, load_builtin_rules

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path))
    assert cache.directory is None  # only the command line sets it
    load_builtin_rules(lazy=True)
    Cleaner()("قال ، ثم")
    assert not list(tmp_path.rglob("*"))


def test_no_cache_environment_variable(tmp_path, monkeypatch):
    from arclean.ruleset import cache, load_builtin_rules

    monkeypatch.setattr(cache, "directory", tmp_path)
    monkeypatch.setenv("ARCLEAN_NO_CACHE", "1")
    load_builtin_rules(lazy=True)
    assert not list(tmp_path.iterdir())


def test_cache_is_keyed_by_schema_and_stored_by_field_name(tmp_path, monkeypatch):
    import marshal

    from arclean.builtins import registry
    from arclean.locations import builtin_rules_dir
    from arclean.ruleset import cache, load_builtin_rules

    monkeypatch.setattr(cache, "directory", tmp_path)
    monkeypatch.delenv("ARCLEAN_NO_CACHE", raising=False)
    key = cache.key_for(builtin_rules_dir())
    fresh = load_builtin_rules(lazy=True)
    stored = tmp_path / f"rules-{key}.marshal"
    data = marshal.loads(stored.read_bytes())
    assert data["fields"][0] == "code" and len(data["rules"]) == len(fresh)
    # Values stored for other fields (a field renamed, added or moved) are not used.
    data["fields"] = [data["fields"][1], data["fields"][0], *data["fields"][2:]]
    stored.write_bytes(marshal.dumps(data))
    assert cache.load(key) is None
    assert load_builtin_rules(lazy=True) == fresh
    # A change to the built-ins' declared options is a new key.
    option = registry.BUILTINS["quote-style"].options["style"]
    changed = dict(registry.BUILTINS)
    changed["quote-style"] = registry.Builtin(
        "quote-style",
        "fix",
        "arclean.builtins.punct",
        "quote_style",
        {"style": option, "x": option},
    )
    monkeypatch.setattr(registry, "BUILTINS", changed)
    assert cache.key_for(builtin_rules_dir()) != key


def test_duplicate_codes_are_found_in_linear_time():
    from arclean.ruleset import Rule

    ruleset = RuleSet()
    for number in range(5000):
        ruleset.add(
            Rule(code=f"XX{number:04d}", slug=f"x{number}", group="g", kind="regex", message="m")
        )
    with pytest.raises(RuleFileError, match="XX0042 is already used"):
        ruleset.add(Rule(code="XX0042", slug="y", group="g", kind="regex", message="m"))
    with pytest.raises(RuleFileError, match="slug 'x42' is already used by XX0042"):
        ruleset.add(Rule(code="XX9999", slug="x42", group="g", kind="regex", message="m"))


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            '{ convention = "bogus" }',
            "option 'convention' of tanween-fatha-position must be one of",
        ),
        ("{ convention = 3 }", "option 'convention' of tanween-fatha-position must be one of"),
        ('{ nope = "x" }', "tanween-fatha-position has no option 'nope'"),
    ],
)
def test_builtin_options_are_checked_against_the_registry(options, message):
    text = (
        '[[rule]]\ncode = "XX201"\nslug = "t"\ngroup = "g"\nkind = "builtin"\n'
        f'function = "tanween-fatha-position"\noptions = {options}\nmessage = "m"\n'
    )
    with pytest.raises(RuleFileError, match=message) as info:
        parse_rule_text(text, "mine.toml")
    assert str(info.value).startswith("mine.toml:7 (rule XX201): ")


def test_pairs_must_be_two_characters():
    text = (
        '[[rule]]\ncode = "XX191"\nslug = "p"\ngroup = "g"\nkind = "check"\n'
        'check = "unbalanced-pairs"\noptions = { pairs = ["()", "[[]"] }\nmessage = "m"\n'
    )
    with pytest.raises(RuleFileError, match="must be a list of two-character strings"):
        parse_rule_text(text, "mine.toml")


def test_cache_key_follows_the_code_that_builds_the_rules(monkeypatch):
    from arclean.locations import builtin_rules_dir
    from arclean.ruleset import cache
    from arclean.version import version

    key = cache.key_for(builtin_rules_dir())
    assert b"def parse_rule_text(" in cache.code_fingerprint()  # the loader's source
    monkeypatch.setattr(cache, "CODE", (*cache.CODE, "version.py"))
    assert cache.key_for(builtin_rules_dir()) != key
    # Sources that cannot be read: the version stands for the code.
    monkeypatch.setattr(cache, "CODE", ("no-such-module.py",))
    assert cache.code_fingerprint() == version().encode()


def test_a_shipped_cache_is_read_first_and_nothing_is_stored(tmp_path, monkeypatch):
    from arclean.locations import builtin_rules_dir
    from arclean.ruleset import cache, load_builtin_rules

    home, wheel = tmp_path / "home", tmp_path / "wheel"
    monkeypatch.setattr(cache, "directory", home)
    monkeypatch.delenv("ARCLEAN_NO_CACHE", raising=False)
    fresh = load_builtin_rules(lazy=True, use_cache=False)
    key = cache.key_for(builtin_rules_dir())
    monkeypatch.setattr(cache, "shipped", lambda k: wheel / f"rules-{k}.marshal")
    cache.write(cache.shipped(key), fresh[:3])  # told apart from a parse by its length
    assert load_builtin_rules(lazy=True) == fresh[:3]
    assert not home.exists()
    # No shipped file (a checkout): the rules are parsed and stored in the home.
    monkeypatch.setattr(cache, "shipped", lambda k: wheel / "rules-other.marshal")
    assert load_builtin_rules(lazy=True) == fresh
    assert [p.name for p in home.iterdir()] == [f"rules-{key}.marshal"]
