"""Build the wheel, install it into a fresh virtual environment, and run the
installed `arclean` from outside the source tree: the rule files must ship
inside the package and be found there."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest
from conftest import REPO, SEEDS


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    if os.environ.get("ARCLEAN_SKIP_WHEEL"):
        pytest.skip("ARCLEAN_SKIP_WHEEL is set")
    work = tmp_path_factory.mktemp("wheel")
    build = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(work / "dist"), str(REPO)],
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    (wheel,) = (work / "dist").glob("arclean-*.whl")
    env_dir = work / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", str(wheel)],
        capture_output=True,
        text=True,
    )
    assert install.returncode == 0, install.stdout + install.stderr
    return env_dir / "bin"


def clean_env() -> dict[str, str]:
    """The environment without what would point Python at the checkout."""
    return {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}


def run(bin_dir: Path, args, cwd: Path, input: bytes | None = None):
    return subprocess.run(
        [str(bin_dir / "arclean"), *args],
        input=input,
        capture_output=True,
        cwd=cwd,
        env=clean_env(),
    )


def test_installed_wheel_runs_outside_the_source_tree(installed, tmp_path):
    where = subprocess.run(
        [
            str(installed / "python"),
            "-c",
            "import arclean, arclean.ruleset as r;"
            "print(arclean.__file__); print(r.builtin_rules_dir())",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=clean_env(),
    )
    package_file, rules_dir = where.stdout.split()
    assert "site-packages" in package_file and "site-packages" in rules_dir
    assert not package_file.startswith(str(REPO))

    # The version is the one pyproject.toml gives, read from the installed metadata.
    import re

    from arclean._toml import toml

    pyproject = toml().loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    version = run(installed, ["--version"], tmp_path)
    assert version.stdout.decode() == f"arclean, version {pyproject['project']['version']}\n"
    assert re.fullmatch(r"\d+\.\d+\.\d+\S*", pyproject["project"]["version"])

    listed = run(installed, ["rules", "list"], tmp_path)
    assert listed.returncode == 0 and b"AR101" in listed.stdout

    tested = run(installed, ["rules", "test"], tmp_path)
    assert tested.returncode == 0, tested.stdout
    assert tested.stdout.strip().endswith(b" passed, 0 failed")

    seed = SEEDS / "000_1e98b3542325010d.txt"
    fixed = run(installed, ["fix"], tmp_path, input=seed.read_bytes())
    assert fixed.returncode == 0
    assert fixed.stdout == (SEEDS / "000_1e98b3542325010d.clean.txt").read_bytes()

    copy = tmp_path / "seed.txt"
    copy.write_bytes(seed.read_bytes())
    check = run(installed, ["fix", "--check", str(copy)], tmp_path)
    assert check.returncode == 1
    assert copy.read_bytes() == seed.read_bytes()
    bad = run(installed, ["fix", "--select", "NOPE1"], tmp_path, input=b"x")
    assert bad.returncode == 2 and b"Traceback" not in bad.stderr


def test_the_wheel_ships_the_cache_of_its_rules(installed, tmp_path):
    """A first run (an empty cache folder) reads the rules' cache the wheel
    ships, found by its key: nothing is parsed, so nothing is stored."""
    cache_home = tmp_path / "cache"
    text = tmp_path / "a.txt"
    text.write_text("قال ، ثم\n", encoding="utf-8")
    env = {**clean_env(), "XDG_CACHE_HOME": str(cache_home)}
    env.pop("ARCLEAN_NO_CACHE", None)
    result = subprocess.run(
        [str(installed / "arclean"), "fix", "--check", "--isolated", str(text)],
        capture_output=True,
        cwd=tmp_path,
        env=env,
    )
    assert result.returncode == 1, result.stderr
    assert not (cache_home / "arclean").exists()
    found = subprocess.run(
        [
            str(installed / "python"),
            "-c",
            "from arclean.ruleset import cache; from arclean.locations import builtin_rules_dir;"
            "print(cache.shipped(cache.key_for(builtin_rules_dir())).is_file())",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=clean_env(),
    )
    assert found.stdout == "True\n", found.stderr
