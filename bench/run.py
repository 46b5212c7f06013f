"""Honest side-by-side benchmarks of arclean and its peers (issue 13, item 5).

One command (from the repository root)::

    python bench/run.py                 # everything, 5 runs each
    python bench/run.py --runs 3 --only throughput

What it does, so that the figures can be trusted:

- **Its own environments.**  arclean is built into a wheel (byte-compiled, as
  users get it) and installed with the peers into a virtual environment the
  benchmark makes (``--venv``, default ``~/.cache/arclean-bench/venv``):
  CAMeL Tools (``pip install --no-deps camel-tools`` plus ``docopt six
  emoji``: ``camel_arclean`` and the in-process dediac/normalize chain),
  PyArabic and pre-commit-hooks (``trailing-whitespace-fixer``).  araclean
  needs Python >= 3.12: it gets a second environment when such a Python is
  found (``python3.12``, ``python3.13``, pyenv), and is skipped with a note
  otherwise.
- **Every run is checked.**  The exit code must be the expected one and the
  output's SHA-256 must be the same in every run of a command: a crash or a
  changed output stops the benchmark instead of being timed as fast.
- **Cold and warm separately.**  *Cold*: a fresh, empty arclean cache folder
  (``XDG_CACHE_HOME``) for the run, and the OS page cache dropped first when
  ``--drop-caches`` is given and allowed (root).  *Warm*: one unmeasured run,
  then the measured ones, cache kept.
- **Min, median and spread** (max - min) of CPU time (user + system of the
  child, which a loaded machine disturbs less) and of wall time.
- **The machine and its load** (CPU model, cores, the load average before
  and after each block) head the report.

Prints a Markdown report (``--json FILE`` also writes the raw figures).  These
are benchmarks, never unit tests: nothing here runs in the test suite.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("ARCLEAN_CORPUS", REPO.parent / "shared" / "corpus"))
TEXTS = {
    "news": CORPUS / "news" / "saudinewsnet_2015-08-10.txt",
    "books": CORPUS / "plain" / "hindawi_history.txt",
    "tweets": CORPUS / "messy" / "arsarcasm_tweets.txt",
}
PEERS = ["camel-tools==1.6.0"]
PEER_DEPS = ["docopt", "six", "emoji", "pyarabic", "pre-commit-hooks"]
INPROCESS = Path(__file__).resolve().parent / "inprocess.py"

ARACLEAN_LIGHT = (
    "import sys, araclean\n"
    "sys.stdout.write(araclean.normalize(sys.stdin.read(), profile='light'))\n"
)


#: Start-up floor rows: (label, code run by the benchmark environment's python).
FLOOR = [
    ("python -c pass", "pass"),
    ("import regex, markdown_it", "import regex, markdown_it"),
    ("import click, regex, markdown_it", "import click, regex, markdown_it"),
]


class BenchError(RuntimeError):
    """A run failed, or its output changed between runs."""


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{model}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}"
    )


def run(cmd: list[str], **kwargs: object) -> None:
    subprocess.run(cmd, check=True, **kwargs)  # type: ignore[call-overload]


def find_python312() -> str | None:
    """A Python >= 3.12 for araclean, or None."""
    candidates = [shutil.which(n) for n in ("python3.13", "python3.12")]
    pyenv = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    if pyenv.is_dir():
        for version in sorted(pyenv.iterdir(), reverse=True):
            candidates.append(str(version / "bin" / "python"))
    for candidate in candidates:
        if not candidate or not Path(candidate).exists():
            continue
        out = subprocess.run(
            [candidate, "-c", "import sys; print(sys.version_info >= (3, 12))"],
            capture_output=True,
            text=True,
        )
        if out.returncode == 0 and out.stdout.strip() == "True":
            return candidate
    return None


def build_wheel(outdir: Path) -> Path:
    run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(outdir), str(REPO)],
        stdout=subprocess.DEVNULL,
    )
    return next(outdir.glob("arclean-*.whl"))


def prepare(venv: Path, wheel: Path, quiet: bool = True) -> Path:
    """The benchmark environment, with the peers and this arclean wheel."""
    bindir = venv / "bin"
    pip = [str(bindir / "python"), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    stamp = venv / ".peers"
    wanted = json.dumps([PEERS, PEER_DEPS])
    if not stamp.exists() or stamp.read_text() != wanted:
        run([sys.executable, "-m", "venv", "--clear", str(venv)])
        # --no-deps: camel_arclean is a character map; its dependencies pull PyTorch.
        run([*pip, "--no-deps", *PEERS])
        run([*pip, *PEER_DEPS])
        stamp.write_text(wanted)
    run([*pip, str(wheel)])  # arclean's own dependencies
    run([*pip, "--force-reinstall", "--no-deps", str(wheel)])
    return bindir


def prepare_araclean(venv: Path) -> Path | None:
    python = find_python312()
    if python is None:
        return None
    if not (venv / ".araclean").exists():
        run([python, "-m", "venv", "--clear", str(venv)])
        run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "araclean"])
        (venv / ".araclean").write_text("ok")
    return venv / "bin"


def drop_page_cache() -> bool:
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def timed_once(
    cmd: list[str], stdin: Path | None, env: dict[str, str], ok: tuple[int, ...]
) -> tuple[float, float, str]:
    """(cpu seconds, wall seconds, sha256 of stdout) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    handle = stdin.open("rb") if stdin else subprocess.DEVNULL
    start = time.perf_counter()
    try:
        result = subprocess.run(cmd, stdin=handle, capture_output=True, env=env)
    finally:
        if stdin:
            handle.close()  # type: ignore[union-attr]
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if result.returncode not in ok:
        raise BenchError(
            f"{' '.join(cmd)} exited {result.returncode}: {result.stderr.decode()[-500:]}"
        )
    return cpu, wall, hashlib.sha256(result.stdout).hexdigest()


def measure(
    cmd: list[str],
    runs: int,
    stdin: Path | None = None,
    ok: tuple[int, ...] = (0,),
    drop: bool = False,
    setup: object = None,
) -> dict[str, object]:
    """Cold and warm figures of `cmd`; every run checked."""
    base = dict(os.environ)
    base.pop("ARCLEAN_NO_CACHE", None)
    sums: set[str] = set()
    cold: list[tuple[float, float]] = []
    warm: list[tuple[float, float]] = []
    with tempfile.TemporaryDirectory() as warm_cache:
        env = {**base, "XDG_CACHE_HOME": warm_cache}
        for _ in range(runs):
            with tempfile.TemporaryDirectory() as fresh:
                if callable(setup):
                    setup()
                if drop:
                    drop_page_cache()
                cpu, wall, digest = timed_once(cmd, stdin, {**base, "XDG_CACHE_HOME": fresh}, ok)
                cold.append((cpu, wall))
                sums.add(digest)
        if callable(setup):
            setup()
        timed_once(cmd, stdin, env, ok)  # warm-up, unmeasured
        for _ in range(runs):
            if callable(setup):
                setup()
            cpu, wall, digest = timed_once(cmd, stdin, env, ok)
            warm.append((cpu, wall))
            sums.add(digest)
    if len(sums) != 1:
        raise BenchError(f"{' '.join(cmd)}: the output changed between runs ({len(sums)} sums)")
    return {"cold": summary(cold), "warm": summary(warm), "sha256": sums.pop()}


def summary(samples: list[tuple[float, float]]) -> dict[str, float]:
    cpu = [c for c, _ in samples]
    wall = [w for _, w in samples]
    return {
        "cpu_min": min(cpu),
        "cpu_median": statistics.median(cpu),
        "cpu_spread": max(cpu) - min(cpu),
        "wall_min": min(wall),
        "wall_median": statistics.median(wall),
        "wall_spread": max(wall) - min(wall),
    }


def fmt(fig: dict[str, float], size_mb: float | None = None) -> str:
    text = (
        f"{fig['cpu_median']:.3f} s CPU (min {fig['cpu_min']:.3f}, ±{fig['cpu_spread']:.3f}); "
        f"wall {fig['wall_median']:.3f} s"
    )
    if size_mb:
        text += f"; {size_mb / fig['cpu_median']:.1f} MB/s CPU"
    return text


def markdown_file(path: Path) -> None:
    """A 50-line Markdown file, as a hook sees on a commit."""
    lines = ["# عنوان التقرير", ""]
    body = [
        "قال الوزير في مؤتمر صحفي، إن الاجتماع سيعقد يوم الاثنين.",
        "- البند الأول من جدول الأعمال",
        "- البند الثاني: مراجعة الميزانية",
        "انظر [الموقع](https://example.com/ar) للمزيد من التفاصيل.",
        "",
        "## قسم فرعي",
        "",
    ]
    while len(lines) < 50:
        lines.extend(body)
    path.write_text("\n".join(lines[:50]) + "\n", encoding="utf-8")


def corpus_missing(blocks: list[str]) -> str | None:
    """Why the chosen blocks cannot run for want of the corpus, or None:
    the throughput and in-process blocks need at least one of `TEXTS`."""
    if not {"throughput", "inprocess"} & set(blocks):
        return None
    if any(path.exists() for path in TEXTS.values()):
        return None  # a missing one is a row of its own ("missing: PATH")
    looked = ", ".join(str(path.relative_to(CORPUS)) for path in TEXTS.values())
    return (
        f"the corpus is missing: looked in {CORPUS} for {looked}; set ARCLEAN_CORPUS "
        "to the corpus folder, or run only the start-up block (--only startup)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--venv", type=Path, default=Path.home() / ".cache" / "arclean-bench")
    parser.add_argument("--only", choices=["startup", "throughput", "inprocess"], action="append")
    parser.add_argument(
        "--drop-caches", action="store_true", help="drop the OS page cache before cold runs"
    )
    parser.add_argument("--json", type=Path, help="also write the raw figures here")
    args = parser.parse_args()
    blocks = args.only or ["startup", "throughput", "inprocess"]
    missing = corpus_missing(blocks)
    if missing:  # before the wheel and the environments are built
        print(f"bench: {missing}", file=sys.stderr)
        return 2
    report: dict[str, object] = {"machine": machine(), "runs": args.runs}
    out: list[str] = []
    say = out.append

    with tempfile.TemporaryDirectory() as tmp:
        wheel = build_wheel(Path(tmp))
        bindir = prepare(args.venv / "venv", wheel)
        ara_bin = prepare_araclean(args.venv / "venv-araclean")
    arclean = str(bindir / "arclean")
    say(f"Machine: {report['machine']}. Load average at start: {load()}.")
    say(f"{args.runs} runs of each; CPU = user + system of the child process.\n")

    if "startup" in blocks:
        say(f"### Start-up: a 50-line Markdown file (load {load()})\n")
        say("| command | cold cache | warm cache |")
        say("|---|---|---|")
        with tempfile.TemporaryDirectory() as tmp:
            md = Path(tmp) / "notes.md"
            fixer_md = Path(tmp) / "fixer.md"
            markdown_file(md)

            def refresh() -> None:  # the fixer rewrites its file: the same input each run
                shutil.copy(md, fixer_md)

            rows = [
                ("arclean fix --check", [arclean, "fix", "--check", "--isolated", str(md)], None),
                ("arclean check", [arclean, "check", "--isolated", str(md)], None),
                (
                    "trailing-whitespace-fixer",
                    [str(bindir / "trailing-whitespace-fixer"), str(fixer_md)],
                    refresh,
                ),
            ]
            figures = {}
            for label, cmd, setup in rows:
                fig = measure(cmd, args.runs, ok=(0, 1), drop=args.drop_caches, setup=setup)
                figures[label] = fig
                say(f"| `{label}` | {fmt(fig['cold'])} | {fmt(fig['warm'])} |")  # type: ignore[arg-type]
            # The floor: what the interpreter and arclean's dependencies cost
            # to import before arclean runs a line of its own.
            python = str(bindir / "python")
            for label, code in FLOOR:
                fig = measure([python, "-c", code], args.runs)
                figures[label] = fig
                say(f"| `{label}` | {fmt(fig['cold'])} | {fmt(fig['warm'])} |")  # type: ignore[arg-type]
            peer = figures["trailing-whitespace-fixer"]
            for label in ("arclean fix --check", "arclean check"):
                ours = figures[label]
                for kind in ("cold", "warm"):
                    ratio = ours[kind]["wall_median"] / peer[kind]["wall_median"]  # type: ignore[index]
                    # CPU too: on a loaded machine the fixer's short wall time
                    # stretches more than ours, which flatters the wall ratio.
                    cpu = ours[kind]["cpu_median"] / peer[kind]["cpu_median"]  # type: ignore[index]
                    say(
                        f"\n{label}, {kind}: {ratio:.2f}× the fixer's wall time, "
                        f"{cpu:.2f}× its CPU time (target ≤ 3×)"
                    )
            report["startup"] = figures
        say(f"\nLoad after: {load()}\n")

    if "throughput" in blocks:
        say(f"### Throughput, stdin → stdout (load {load()})\n")
        say("| text | command | cold cache | warm cache | sha256 |")
        say("|---|---|---|---|---|")
        through: dict[str, object] = {}
        for name, path in TEXTS.items():
            if not path.exists():
                say(f"| {name} | missing: {path} | | | |")
                continue
            size = path.stat().st_size / 1e6
            cmds = {
                "arclean fix": [arclean, "fix", "--isolated"],
                "arclean fix --profile search": [
                    arclean,
                    "fix",
                    "--isolated",
                    "--profile",
                    "search",
                ],
                "camel_arclean": [str(bindir / "camel_arclean")],
            }
            if ara_bin is not None:
                cmds["araclean light"] = [str(ara_bin / "python"), "-c", ARACLEAN_LIGHT]
            figs = {}
            for label, cmd in cmds.items():
                fig = measure(cmd, args.runs, stdin=path)
                figs[label] = fig
                label_text = f"{name} ({size:.1f} MB)"
                say(
                    f"| {label_text} | `{label}` | {fmt(fig['cold'], size)} | "  # type: ignore[arg-type]
                    f"{fmt(fig['warm'], size)} | {str(fig['sha256'])[:12]} |"  # type: ignore[arg-type]
                )
            ours = figs["arclean fix"]["warm"]["cpu_median"]  # type: ignore[index]
            for peer in ("camel_arclean", "araclean light"):
                if peer in figs:
                    theirs = figs[peer]["warm"]["cpu_median"]  # type: ignore[index]
                    target = "≥ 2×" if peer == "camel_arclean" else "≥ 10×"
                    say(
                        f"| {name} | ratio vs {peer} | {theirs / ours:.2f}× as fast "
                        f"(CPU, warm; target {target}) | | |"
                    )
            through[name] = figs
        if ara_bin is None:
            say("\naraclean: skipped, no Python >= 3.12 found.")
        report["throughput"] = through
        say(f"\nLoad after: {load()}\n")

    if "inprocess" in blocks:
        say(f"### In-process, one call on the whole text (load {load()})\n")
        result = subprocess.run(
            [
                str(bindir / "python"),
                str(INPROCESS),
                "--runs",
                str(args.runs),
                *[f"{k}={v}" for k, v in TEXTS.items() if v.exists()],
            ],
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            raise BenchError(f"in-process benchmark failed: {result.stderr[-800:]}")
        data = json.loads(result.stdout)
        say("| text | function | median CPU | min | MB/s | sha256 |")
        say("|---|---|---|---|---|---|")
        for row in data:
            say(
                f"| {row['text']} ({row['mb']:.1f} MB) | {row['name']} | {row['median']:.3f} s | "
                f"{row['min']:.3f} s | {row['mb'] / row['median']:.1f} | {row['sha256'][:12]} |"
            )
        report["inprocess"] = data
        say(f"\nLoad after: {load()}\n")

    print("\n".join(out))
    if args.json:
        args.json.write_text(json.dumps(report, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    try:
        raise SystemExit(main())
    except BenchError as error:
        print(f"bench: {error}", file=sys.stderr)
        raise SystemExit(2) from None
