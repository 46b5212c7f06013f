"""Issue 11, items 1-4 and 6: selectors, conflicting rules, fixability,
`check` with no path, and `pipe` as `fix` sees text."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import SEED, SEED_GLOSSARY

from arclean import Cleaner
from arclean.cli import cli
from arclean.errors import RuleFileError, SelectorError
from arclean.ruleset import RuleSet, parse_rule_text

SCHOOL = "المدرسة الكبيرة في مدينة على النهر"
SAMPLE = 'قال "نعم" عام 2020 و ٢٠٢١ ... هنا - هناك'


def invoke(args, data=b"", **kwargs):
    if isinstance(data, str):
        data = data.encode()
    return CliRunner().invoke(cli, args, input=data, **kwargs)


# -- 1: pipe GROUP --all adds opt-in fixes, never the search folds ----------


def test_pipe_letters_all_does_not_fold():
    result = invoke(["pipe", "--unsafe-fixes", "letters", "--all"], SCHOOL)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == SCHOOL
    # The opt-in fix of the group does run (AR410: فى → في).
    fixed = invoke(["pipe", "--unsafe-fixes", "letters", "--all"], "ذهب فى الصباح")
    assert fixed.stdout == "ذهب في الصباح"
    # The search profile is where folds live.
    folded = invoke(["pipe", "--profile", "search", "letters"], SCHOOL).stdout
    assert folded == "المدرسه الكبيره في مدينه علي النهر"


# -- 2: mutually exclusive rules ----------------------------------------------


def test_conflicts_are_declared_in_the_rule_files():
    rules = {r.code: r for r in RuleSet.load().rules}
    assert set(rules["AR703"].conflicts) == {"AR702", "AR790"}
    assert rules["AR390"].conflicts == ("AR303",)


@pytest.mark.parametrize(
    "args",
    [
        ["--extend-select", "AR7"],
        ["--extend-select", "digits"],
        ["--select", "ALL"],
        ["--select", "ALL", "--unsafe-fixes"],
        ["--select", "ALL", "--profile", "search"],
    ],
)
def test_broad_selectors_settle(args):
    result = invoke(["fix", "--isolated", *args], SAMPLE)
    assert result.exit_code == 0, result.stderr
    assert "did not settle" not in result.stderr


def test_all_on_the_issue_sample():
    result = invoke(["fix", "--isolated", "--select", "ALL"], SAMPLE)
    # Quotes, western digits (AR702 beats AR703), ellipsis, en dash.
    assert result.stdout == "قال «نعم» عام 2020 و 2021 … هنا – هناك"
    # ALL leaves out the search folds (AR390, AR492 ...).
    assert invoke(["fix", "--isolated", "--select", "ALL"], SCHOOL).stdout == SCHOOL
    check = invoke(["check", "--isolated", "--select", "ALL"], SAMPLE)
    assert check.exit_code == 1 and "Found 5 findings." in check.stderr


def test_naming_both_conflicting_rules_is_a_usage_error():
    result = invoke(["fix", "--isolated", "--extend-select", "AR702,AR703"], SAMPLE)
    assert result.exit_code == 2
    assert "AR702 (unify-digits) and AR703 (unify-digits-arabic-indic)" in result.stderr
    assert "Traceback" not in result.output
    check = invoke(["check", "--isolated", "--select", "AR702,AR703"], SAMPLE)
    assert check.exit_code == 2 and "Found 0" not in check.stderr


def test_a_named_rule_beats_a_swept_one():
    result = invoke(["fix", "--isolated", "--select", "AR7", "--extend-select", "AR703"], SAMPLE)
    assert "٢٠٢٠" in result.stdout
    search = RuleSet.load().select(profile="search", extend_select=["alef"])
    assert "AR390" in {r.code for r in search} and "AR303" not in {r.code for r in search}


def test_pipe_digits_and_alef_all_settle():
    news = "قال الوزير الى الصحفيين عام ٢٠٢١ إن إلى أن 2020"
    for step in ("digits", "alef"):
        result = invoke(["pipe", "--unsafe-fixes", step, "--all"], news)
        assert result.exit_code == 0, result.stderr


def test_conflicts_are_validated_at_load(tmp_path):
    bad = '[[rule]]\ncode = "XX101"\nslug = "x"\ngroup = "g"\nkind = "regex"\n'
    bad += 'pattern = "a"\nreplace = "b"\nmessage = "m"\nconflicts = ["XX101"]\n'
    with pytest.raises(RuleFileError, match="must be the code of another rule"):
        parse_rule_text(bad, "x.toml")
    unknown = tmp_path / "u.toml"
    unknown.write_text(bad.replace('["XX101"]', '["XX999"]'), encoding="utf-8")
    with pytest.raises(RuleFileError, match="XX999, which is not a known rule"):
        RuleSet.load([unknown])
    with pytest.raises(SelectorError):
        RuleSet.load().select(select=["AR702", "AR703"])


# -- 3: fixability --------------------------------------------------------------


def test_unsafe_findings_are_not_marked_and_are_counted_as_hidden():
    mojibake = "ÇáÚÑÈíÉ"
    result = invoke(["check", "--isolated", "--select", "AR902"], mojibake)
    assert result.exit_code == 1
    assert "AR902 " in result.stdout and "[*]" not in result.stdout
    assert "1 hidden fix can be enabled with `--unsafe-fixes`." in result.stderr
    assert "fixable with" not in result.stderr
    data = json.loads(
        invoke(
            ["check", "--isolated", "--select", "AR902", "--output-format", "json"], mojibake
        ).stdout
    )
    assert data[0]["fix"]["applicability"] == "unsafe"
    sarif = json.loads(
        invoke(
            ["check", "--isolated", "--select", "AR902", "--output-format", "sarif"], mojibake
        ).stdout
    )
    assert sarif["runs"][0]["results"][0]["properties"]["fixApplicability"] == "unsafe"
    unsafe = invoke(["check", "--isolated", "--select", "AR902", "--unsafe-fixes"], mojibake)
    assert "AR902 [*]" in unsafe.stdout
    # plain `arclean fix` would not apply it (opt-in, unsafe): the hint's command does
    assert (
        "[*] 1 fixable with `arclean fix --isolated --unsafe-fixes --extend-select AR902`."
        in unsafe.stderr
    )


def test_the_fixable_hint_names_a_command_that_applies_the_fixes(tmp_path):
    """fresh.md §6: `check --select AR802 --unsafe-fixes` ended "fixable with
    `arclean fix`", which changes nothing (AR802 is opt-in and unsafe).
    The hint repeats what the command line needed: --unsafe-fixes for an
    unsafe fix, --extend-select for a rule `fix` leaves out by default."""
    text = "قال... هذا\n"
    for args in (["--select", "AR111"], ["--extend-select", "ellipsis-character"]):
        r = invoke(["check", "--isolated", *args], text)
        assert "[*] 1 fixable with `arclean fix --isolated --extend-select AR111`." in r.stderr
    r = invoke(["check", "--isolated", "--select", "AR111,AR101"], text)  # AR101: default
    assert "`arclean fix --isolated --extend-select AR111`" in r.stderr
    r = invoke(["check", "--isolated"], "قال ،هذا\n")  # the defaults: plain fix
    assert "[*] 1 fixable with `arclean fix --isolated`." in r.stderr
    # the rule already selected by the configuration: no --extend-select
    (tmp_path / "arclean.toml").write_text('extend-select = ["AR111"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    r = invoke(["check", "--select", "AR111", str(tmp_path / "a.txt")])
    assert "[*] 1 fixable with `arclean fix`." in r.stderr
    # and the command given applies the fixes check marked
    seed = SEED.read_text(encoding="utf-8")
    r = invoke(["check", "--isolated", "--select", "AR802", "--unsafe-fixes", "-"], seed)
    command = "arclean fix --isolated --unsafe-fixes --extend-select AR802"
    assert f"[*] 2 fixable with `{command}`." in r.stderr
    fixed = invoke([*command.split()[1:], "-"], seed)
    assert "فيان" in seed and "فيان" not in fixed.stdout


def test_fix_says_which_selected_rules_need_unsafe_fixes():
    result = invoke(["fix", "--isolated", "--select", "AR902"], "ÇáÚÑÈíÉ")
    assert "AR902 (cp1256-read-as-latin1)" in result.stderr
    assert "--unsafe-fixes" in result.stderr


def test_safe_findings_keep_the_mark_and_json_says_safe():
    result = invoke(["check", "--isolated"], "قال ، ثم")
    assert "AR101 [*]" in result.stdout and "[*] 1 fixable" in result.stderr
    data = json.loads(invoke(["check", "--isolated", "--output-format", "json"], "قال ، ثم").stdout)
    assert data[0]["fix"]["applicability"] == "safe"


def test_no_found_line_after_an_error(tmp_path):
    result = invoke(["check", "--isolated", str(tmp_path / "missing.txt")])
    assert result.exit_code == 2 and "Found 0" not in result.stderr


# -- 4: no path -----------------------------------------------------------------


def test_check_without_a_path_and_empty_stdin_checks_the_folder(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("قال ، ثم\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = invoke(["check", "--isolated"], b"")
    assert result.exit_code == 1 and "a.txt:1:4: AR101" in result.stdout
    dry = invoke(["fix", "--isolated", "--check"], b"")
    assert dry.exit_code == 1 and "would fix a.txt" in dry.stderr
    # `-` is stdin, explicitly: an empty document.
    explicit = invoke(["check", "--isolated", "-"], b"")
    assert explicit.exit_code == 0 and "Found 0 findings." in explicit.stderr
    # Piped text is still read.
    assert invoke(["check", "--isolated"], "قال ، ثم").stdout.startswith("-:1:4: AR101")


def test_fix_without_a_path_on_a_terminal_is_a_usage_error(monkeypatch):
    import arclean.cli.inputs as output

    class Tty:
        def isatty(self):
            return True

    monkeypatch.setattr(output.sys, "stdin", Tty())
    with pytest.raises(Exception) as info:
        output.resolve_inputs((), folder_by_default=False)
    assert "nothing to fix" in str(info.value)
    assert output.resolve_inputs((), folder_by_default=True)[0] == (".",)


# -- 6: pipe takes the format and the configuration -----------------------------


def test_pipe_leaves_markdown_code_alone():
    text = "قال ، ثم `a ,b` و\n"
    plain = invoke(["pipe", "--isolated", "punct"], text)
    assert plain.stdout == text.replace(" ،", "،")
    fixed = "قال، ثم `a ,b` و\n"
    assert invoke(["pipe", "--stdin-filename", "x.md", "punct"], text).stdout == fixed
    assert invoke(["pipe", "--format", "markdown", "punct"], text).stdout == fixed


def test_pipe_honours_the_configuration(tmp_path, monkeypatch):
    (tmp_path / ".arclean.toml").write_text('ignore = ["AR101"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert invoke(["pipe", "punct"], "قال ، ثم").stdout == "قال ، ثم"
    assert invoke(["pipe", "--isolated", "punct"], "قال ، ثم").stdout == "قال، ثم"


def test_pipe_names_runs_through_the_engine(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    # The inferred merge (AR802) of the seed, as before.
    assert invoke(["pipe", "names"], text).stdout == text.replace("فيان", "فيدان")
    # URLs and Markdown code are not prose: names there are left alone.
    glossary = tmp_path / "g.toml"
    glossary.write_text(SEED_GLOSSARY, encoding="utf-8")
    doc = "قال فيان هنا\n\nانظر https://x.org/فيان و `فيان`\n\n```\nفيان\n```\n"
    args = ["pipe", "--isolated", "--stdin-filename", "x.md", "names", "--glossary", str(glossary)]
    result = invoke(args, doc)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == doc.replace("قال فيان", "قال فيدان")
    plain = invoke(["pipe", "--isolated", "names", "--glossary", str(glossary)], doc).stdout
    assert "https://x.org/فيان" in plain


def test_inferred_names_count_spellings_in_prose_only():
    """A name inside a URL or code is no evidence: the seed's merge still
    happens with more فيان outside prose, and those stay as written."""
    seed = SEED.read_text(encoding="utf-8")
    doc = seed + "\n\nانظر https://x.org/فيان و `فيان`\n\n```\nفيان\nفيان\n```\n"
    result = invoke(["pipe", "--isolated", "--stdin-filename", "x.md", "names"], doc)
    assert result.exit_code == 0, result.stderr
    expected = seed.replace("فيان", "فيدان") + doc[len(seed) :]
    assert result.stdout == expected


def test_cleaner_takes_a_string_selector():
    assert Cleaner(select="punct").rules == Cleaner(select=["punct"]).rules
    assert Cleaner(ignore="AR101,AR102").rules == Cleaner(ignore=["AR101", "AR102"]).rules
