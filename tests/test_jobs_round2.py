"""`-j`, second round (issue 13, item 3): batches that shrink towards the
end, the lexicon's words looked up without building a set, and the names
pipeline left out of the letter rules' imports; the output of ``-j 2`` is
the output of ``-j 1``, in the same order."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from arclean import pool
from arclean.names.lexicon import WordList
from arclean.resolver import Resolver, RunOptions

ROOT = Path(__file__).resolve().parent.parent
DIRTY = "قال الوزير ، ثم, غادر\n"
FARSI = "كتب الطالب إلی المدرسة فی الصباح وقال: ماشاءالله\n"


def _lines(words: set[str]) -> bytes:
    return b"\n".join(sorted(w.encode("utf-8") for w in words))


def test_the_word_list_holds_exactly_its_words():
    words = {"ا", "اب", "ابن", "على", "علي", "عليه", "في", "ي", "ىى", "zz", "ع" * 30}
    probes = words | {"", "ب", "اا", "ابنا", "عل", "عليهم", "ف", "فيي", "zzz", "\x00", "\U0010ffff"}
    probes |= {w[:-1] for w in words} | {w + "ا" for w in words}
    listed = WordList(_lines(words))
    assert {p for p in probes if p in listed} == words
    assert listed.words() == frozenset(words)
    assert 5 not in listed  # not a string: never a word
    empty = WordList(b"")
    assert not any(p in empty for p in probes) and empty.words() == frozenset()
    single = WordList("على".encode())
    assert {p for p in probes if p in single} == {"على"}


def test_the_word_list_turns_into_a_set_after_many_lookups_with_the_same_answers():
    words = {f"كلمة{i}" for i in range(50)}
    listed = WordList(_lines(words))
    listed._left = 3  # the set is built at the fourth lookup
    probes = sorted(words | {w + "ة" for w in words})
    assert [p in listed for p in probes] == [p in words for p in probes]
    assert listed._set == frozenset(words)


def test_the_lexicon_is_looked_up_alike_from_the_sorted_cache_file(tmp_path, monkeypatch):
    import arclean.ruleset.cache as cache
    from arclean.names import lexicon

    monkeypatch.delenv("ARCLEAN_NO_CACHE", raising=False)
    monkeypatch.setattr(cache, "directory", str(tmp_path))
    lexicon.surface_word_list.cache_clear()
    try:
        built = lexicon.surface_word_list()  # written to the cache
        (written,) = tmp_path.glob("lexicon-sorted-*.txt")
        data = written.read_bytes()
        assert data.endswith(b"\n\x00")
        lines = data[:-2].split(b"\n")
        assert lines == sorted(lines) and len(set(lines)) == len(lines)
        lexicon.surface_word_list.cache_clear()
        read = lexicon.surface_word_list()  # read from it: no set built
        assert read._set is None
        words = sorted(built.words())
        sample = words[::97] + [w + "ي" for w in words[::89]] + [w[:-1] for w in words[::83]]
        assert [w in read for w in sample] == [w in built.words() for w in sample]
        assert read.words() == built.words()
        written.write_bytes(data[:1000])  # cut short: not used
        lexicon.surface_word_list.cache_clear()
        assert lexicon.surface_word_list().words() == built.words()
    finally:
        lexicon.surface_word_list.cache_clear()


def test_the_letter_rules_load_the_lexicon_without_the_names_pipeline():
    code = (
        "import sys\n"
        "from arclean import Cleaner\n"
        f"print(Cleaner().fix({FARSI!r}).text, end='')\n"
        "print('arclean.names.lexicon' in sys.modules, 'arclean.names.rewrite' in sys.modules)\n"
        "from arclean.names import Reconciler, scan\n"
        "print(Reconciler.__name__, scan.__name__)\n"
        "import arclean.names\n"
        "try:\n"
        "    arclean.names.nothing\n"
        "except AttributeError:\n"
        "    print('no such name')\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "ARCLEAN_NO_CACHE": "1"}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert "المدرسة في الصباح" in out[0]  # فی fixed
    assert out[1:] == ["True False", "Reconciler scan", "no such name"]


@pytest.mark.parametrize("count,workers", [(0, 2), (1, 2), (7, 2), (64, 2), (199, 2), (1000, 4)])
def test_batches_cover_every_file_once_in_order_and_shrink_to_one(count, workers):
    batches = pool.batches(count, workers)
    assert [i for batch in batches for i in batch] == list(range(count))
    sizes = [len(batch) for batch in batches]
    assert all(1 <= size <= pool.CHUNK for size in sizes)
    assert sizes == sorted(sizes, reverse=True)  # never a larger batch after a smaller one
    # One file at a time once fewer than 8 per worker are left.
    assert all(len(b) == 1 for b in batches if count - b.start < 8 * workers)
    ones = min(count, 8 * workers - pool.CHUNK)
    assert sizes[len(sizes) - ones :] == [1] * ones
    if count >= 4 * workers * pool.CHUNK:
        assert sizes[0] == pool.CHUNK


def _corpus(folder: Path, count: int) -> list[str]:
    """`count` small inputs of every kind: to fix, clean, with ی, binary,
    undecodable, missing; Markdown and subtitles among the text."""
    names = []
    for i in range(count):
        kind = i % 7
        path = folder / f"f{i:03d}.txt"
        if kind == 0:
            path.write_text("نص سليم\n", encoding="utf-8")
        elif kind == 1:
            path.write_text(DIRTY * (i + 1), encoding="utf-8")
        elif kind == 2:
            path.write_text(FARSI * (i % 5 + 1), encoding="utf-8")
        elif kind == 3:
            path = folder / f"f{i:03d}.md"
            path.write_text(f"# عنوان {i}\n\n{DIRTY}\n`كود ، هنا`\n", encoding="utf-8")
        elif kind == 4:
            path = folder / f"f{i:03d}.srt"
            path.write_text(f"1\n00:00:01,000 --> 00:00:02,000\n{DIRTY}\n", encoding="utf-8")
        elif kind == 5:
            path.write_bytes(b"\xff\xfe bad" if i % 2 else b"abc\x00def")
        else:
            path = folder / f"missing{i}.txt"  # never written
        names.append(str(path))
    return names


def fail_work_on(monkeypatch, name, fail):
    """Make the workers' `pool._work` call `fail()` on the batch that holds
    the file `name` (named as `pool._work`, so that it pickles by name)."""
    work = pool._work

    def failing(args):
        if name in args[0]:
            fail()
        return work(args)

    failing.__module__, failing.__qualname__ = pool.__name__, "_work"
    monkeypatch.setattr(pool, "_work", failing)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork start method")
@pytest.mark.parametrize(
    "mode,keep_text", [("preview", True), ("preview", False), ("check", False)]
)
def test_two_workers_give_the_results_of_one_in_the_same_order(tmp_path, mode, keep_text):
    names = _corpus(tmp_path, 75)  # several batch sizes, down to one file at a time
    resolver = Resolver(RunOptions(isolated=True))
    serial = list(pool.process_files(names, mode, resolver, keep_text=keep_text, jobs=1))
    parallel = list(pool.process_files(names, mode, resolver, keep_text=keep_text, jobs=2))
    assert [r.name for r in parallel] == names
    assert parallel == serial  # every field: findings, changes, texts, errors, warnings
    assert any(r.changed for r in serial) and any(r.error for r in serial)
    assert any(r.binary for r in serial) and any(not r.changed for r in serial)
    assert pool._INHERIT is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork start method")
def test_two_workers_stopped_early_leave_nothing_behind(tmp_path):
    names = _corpus(tmp_path, 60)
    resolver = Resolver(RunOptions(isolated=True))
    results = pool.process_files(names, "preview", resolver, keep_text=False, jobs=2)
    first = [next(results) for _ in range(5)]
    results.close()  # the pool shuts down: the tasks not started are cancelled
    assert [r.name for r in first] == names[:5]
    assert pool._INHERIT is None


def _arclean(*args: str, cwd: Path) -> tuple[int, bytes, bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "ARCLEAN_NO_CACHE": "1", "NO_COLOR": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "arclean", *args], cwd=cwd, env=env, capture_output=True
    )
    return done.returncode, done.stdout, done.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork start method")
def test_fix_diff_check_and_writing_are_byte_identical_with_two_workers(tmp_path):
    for jobs in ("1", "2"):
        folder = tmp_path / f"j{jobs}"
        folder.mkdir()
        _corpus(folder, 40)
    runs = {}
    for jobs in ("1", "2"):
        folder = f"j{jobs}"
        runs[jobs] = [
            _arclean("fix", "--diff", "--isolated", "-j", jobs, folder, cwd=tmp_path),
            _arclean("fix", "--check", "--isolated", "-j", jobs, folder, cwd=tmp_path),
            _arclean("check", "--isolated", "-j", jobs, folder, cwd=tmp_path),
            _arclean("fix", "--isolated", "--statistics", "-j", jobs, folder, cwd=tmp_path),
        ]
    one = [(c, o.replace(b"j1", b"jN"), e.replace(b"j1", b"jN")) for c, o, e in runs["1"]]
    two = [(c, o.replace(b"j2", b"jN"), e.replace(b"j2", b"jN")) for c, o, e in runs["2"]]
    assert two == one
    assert one[0][0] == 2 and b"+++ b/jN/f001.txt" in one[0][1]  # errors, and a diff
    written = [
        {p.name: p.read_bytes() for p in sorted((tmp_path / f"j{jobs}").iterdir())}
        for jobs in ("1", "2")
    ]
    assert written[0] == written[1]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork start method")
def test_a_worker_sends_back_the_diff_of_a_changed_file_not_its_texts(tmp_path):
    from arclean.process import process_source
    from arclean.report import unified_diff

    names = _corpus(tmp_path, 30)
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + DIRTY.encode())
    names.append(str(bom))
    resolver = Resolver(RunOptions(isolated=True))
    texts = list(pool.process_files(names, "preview", resolver, keep_text=True, jobs=1))
    for jobs in (1, 2):
        found = pool.process_files(
            names, "preview", resolver, keep_text=False, jobs=jobs, diff=True
        )
        diffs = list(found)
        assert [r.name for r in diffs] == names
        for full, short in zip(texts, diffs, strict=True):
            assert short.text is None and short.new_text is None and short.changes == []
            assert short.changed == full.changed and short.findings == full.findings
            assert (short.error, short.warning) == (full.error, full.warning)
            if full.changed:
                with_bom = full.name == str(bom)
                assert short.diff == unified_diff(full.text, full.new_text, full.name, bom=with_bom)
                assert short.diff.startswith("--- a/") and ("\ufeff" in short.diff) == with_bom
            else:
                assert short.diff is None
    kept = process_source(str(bom), "preview", resolver, keep_text=True, diff=True)
    assert kept.text is not None and kept.changes and kept.diff is not None
    # Stdin: its texts come back for the caller to diff (its BOM is in its bytes).
    piped = process_source("-", "preview", resolver, keep_text=False, diff=True, stdin=b"x ,y\n")
    assert piped.diff is None and piped.text == "x ,y\n" and piped.new_text is not None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork start method")
def test_a_worker_that_dies_is_an_error_not_a_hang_nor_missing_results(tmp_path, monkeypatch):
    from arclean.errors import WorkerError

    names = _corpus(tmp_path, 40)
    fail_work_on(monkeypatch, names[20], lambda: os._exit(9))  # killed by the system
    resolver = Resolver(RunOptions(isolated=True))
    got = []
    with pytest.raises(WorkerError, match="stopped unexpectedly"):
        for result in pool.process_files(names, "preview", resolver, keep_text=False, jobs=2):
            got.append(result.name)
    assert got == names[: len(got)] and len(got) < len(names)
    assert pool._INHERIT is None
