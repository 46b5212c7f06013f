"""A glossary written from a scan leaves out a bare-alef spelling that is
also an imperative (احمد beside أحمد: «احمد ربك», praise your Lord): a
glossary rewrites every text it is given, and AR801 is a safe fix.  The
text's own evidence (`pipe names`, AR802) still mends it where it is
the name."""

from __future__ import annotations

from click.testing import CliRunner

from arclean.api import Cleaner
from arclean.cli.names import names_group
from arclean.names.glossary import imperative_reading

NEWS = (
    "قال أحمد عباس إن المباراة صعبة. وأضاف أحمد عباس أن الفريق جاهز. "
    "وقال احمد عباس إن الجمهور رائع. وأكد أحمد أن التدريب مستمر.\n"
)


def test_imperative_reading():
    assert imperative_reading("احمد", "أحمد") and imperative_reading("اشرف", "أشرف")
    assert not imperative_reading("اسامة", "أسامة")  # no verb of that shape
    assert not imperative_reading("احمد", "محمد")
    assert not imperative_reading("ابراهيم", "إبراهيم")


def test_the_scan_mends_it_in_the_text_but_writes_no_glossary_entry(tmp_path):
    source = tmp_path / "news.txt"
    source.write_text(NEWS, encoding="utf-8")
    glossary = tmp_path / "g.toml"
    args = ["scan", "--tier", "auto", "--write-glossary", str(glossary), "--output-format", "table"]
    result = CliRunner().invoke(names_group, [*args, str(source)])
    assert result.exit_code == 0
    assert "احمد" in result.stdout  # listed, automatic in this text
    assert "left out of the glossary: احمد → أحمد" in result.stderr
    # احمد was the only automatic member: no glossary is written (session 26)
    assert not glossary.exists()
    assert "no automatic-tier spelling to write; file not written" in result.stderr
    # the verb, in a text the glossary is applied to, stays the verb
    written = tmp_path / "written.toml"
    written.write_text(
        'version = 1\n\n[[entity]]\ncanonical = "أحمد"\nvariants = ["احمد"]\n', encoding="utf-8"
    )
    # even a glossary a person wrote so keeps the verb (`names.imperatives`)
    assert Cleaner(glossaries=[written])("احمد ربك على نعمة الصحة") == "احمد ربك على نعمة الصحة"
    # the text's own evidence still mends the name
    fuzzy = Cleaner(extend_select=["AR802"], unsafe_fixes=True)(NEWS)
    assert "احمد" not in fuzzy and fuzzy.count("أحمد") == 4


def test_nothing_automatic_writes_no_glossary(tmp_path):
    source = tmp_path / "plain.txt"
    source.write_text("ذهب الولد إلى المدرسة صباحا وعاد مساء.\n", encoding="utf-8")
    glossary = tmp_path / "g.toml"
    result = CliRunner().invoke(
        names_group, ["scan", "--tier", "auto", "--write-glossary", str(glossary), str(source)]
    )
    assert result.exit_code == 0
    assert not glossary.exists()
    assert "file not written" in result.stderr
