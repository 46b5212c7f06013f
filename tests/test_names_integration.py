"""Names through the engine: glossary rewrites are a safe fix (AR801) that
`fix` always applies; inferred merges (AR802) need --unsafe-fixes."""

from __future__ import annotations

from conftest import SEED, SEED_GLOSSARY

from arclean.cli import cli


def test_fix_applies_the_glossary_from_the_command_line(runner, tmp_path):
    glossary = tmp_path / "names.toml"
    glossary.write_text(SEED_GLOSSARY, encoding="utf-8")
    text = "قال هاكان فيان إن وفيان وصل.\n"
    result = runner.invoke(
        cli, ["fix", "--isolated", "--glossary", str(glossary)], input=text.encode()
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "قال هاكان فيدان إن وفيدان وصل.\n"
    without = runner.invoke(cli, ["fix", "--isolated"], input=text.encode())
    assert without.stdout == text


def test_glossary_from_configuration_and_only_in_prose(runner, tmp_path, monkeypatch):
    (tmp_path / "names.toml").write_text(SEED_GLOSSARY, encoding="utf-8")
    (tmp_path / ".arclean.toml").write_text('glossaries = ["names.toml"]\n', encoding="utf-8")
    (tmp_path / "sub").mkdir()
    page = tmp_path / "sub" / "a.md"
    page.write_text("قال فيان `فيان` و[فيان](https://x.org/فيان)\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path / "sub")
    result = runner.invoke(cli, ["fix", "a.md"])
    assert result.exit_code == 0, result.stderr
    assert page.read_text(encoding="utf-8") == ("قال فيدان `فيان` و[فيدان](https://x.org/فيان)\n")


def test_seed_names_need_unsafe_fixes(runner):
    text = SEED.read_bytes()
    safe = runner.invoke(cli, ["fix", "--isolated", "--select", "names"], input=text)
    assert safe.stdout_bytes == text
    unsafe = runner.invoke(
        cli, ["fix", "--isolated", "--select", "names", "--unsafe-fixes"], input=text
    )
    assert unsafe.exit_code == 0
    original = text.decode()
    fixed = unsafe.stdout
    assert original.count("فيان") == 2 and "فيان" not in fixed
    assert fixed == original.replace("فيان", "فيدان")
    check = runner.invoke(cli, ["check", "--isolated", "--select", "AR802"], input=text)
    assert check.exit_code == 1
    # Unsafe: not marked [*] (fix does not apply it), counted as hidden fixes.
    assert check.stdout.count("AR802 ") == 2 and "[*]" not in check.stdout
    assert "2 hidden fixes can be enabled with `--unsafe-fixes`" in check.stderr


def test_pipe_names_step_on_the_seed(runner):
    text = SEED.read_text(encoding="utf-8")
    result = runner.invoke(cli, ["pipe", "names"], input=text.encode())
    assert result.exit_code == 0
    assert result.stdout == text.replace("فيان", "فيدان")


def test_names_review_accepts_and_writes_the_glossary(runner, tmp_path):
    from arclean.names import load_glossary

    glossary = tmp_path / "g.toml"
    result = runner.invoke(
        cli, ["names", "review", "--glossary", str(glossary), str(SEED)], input="a\n"
    )
    assert result.exit_code == 0, result.output
    assert "[a]ccept" in result.output  # the keys are shown, not eaten as markup
    (entry,) = load_glossary(glossary).entries
    assert entry.canonical == "فيدان" and list(entry.variants) == ["فيان"]
    # The saved glossary is what `fix` then applies, as a safe fix.
    fixed = runner.invoke(
        cli, ["fix", "--isolated", "--glossary", str(glossary)], input="وأضاف فيان".encode()
    )
    assert fixed.stdout == "وأضاف فيدان"


def test_names_review_reject_is_remembered(runner, tmp_path):
    from arclean.names import load_glossary

    glossary = tmp_path / "g.toml"
    runner.invoke(cli, ["names", "review", "--glossary", str(glossary), str(SEED)], input="r\n")
    assert not load_glossary(glossary).entries
    again = runner.invoke(
        cli, ["names", "review", "--glossary", str(glossary), str(SEED)], input="a\n"
    )
    assert again.exit_code == 0
    assert "فيان" not in again.output  # a rejected pair is not asked again


def test_ar802_is_off_by_default_and_still_selectable(runner):
    """Issue 9, item 5: `check` does not pay for clustering unless names are
    selected (AR802 is off by default); selected, the seed's فيان → فيدان
    still happens."""
    text = SEED.read_text(encoding="utf-8")
    plain = runner.invoke(cli, ["check", "--isolated"], input=text.encode())
    assert "AR802" not in plain.stdout
    fixed = runner.invoke(
        cli,
        ["fix", "--isolated", "--unsafe-fixes", "--extend-select", "AR802"],
        input=text.encode(),
    )
    assert "فيان" in text and "فيان" not in fixed.stdout and "فيدان" in fixed.stdout


def test_check_does_not_load_the_names_lexicon():
    import subprocess
    import sys

    code = (
        "import sys; from arclean import Cleaner; "
        f"Cleaner().check(open({str(SEED)!r}, encoding='utf-8').read()); "
        "print('arclean.names.lexicon' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
