"""Where arclean's shipped data is: one place that both the rule loader
(`arclean.ruleset`) and the built-in rules (`arclean.builtins`) read, so
that neither has to import the other to find the rules folder."""

from __future__ import annotations

from pathlib import Path


def builtin_rules_dir() -> Path:
    """Where the shipped rule files are: inside the installed package, or the
    top-level ``rules/`` folder of a source checkout."""
    installed = Path(__file__).resolve().parent / "rules"
    if installed.is_dir():
        return installed
    checkout = Path(__file__).resolve().parent.parent / "rules"
    if checkout.is_dir():
        return checkout
    # Installed in a form that is not a plain folder (a zip): ask importlib.
    from importlib import resources

    return Path(str(resources.files("arclean") / "rules"))


def names_data(name: str) -> Path:
    """The shipped names data file `name` (``lexicon.tsv.gz`` ...): found
    beside the package's modules, as `builtin_rules_dir` finds the rules
    (importlib.resources only for a package that is no plain folder: its
    import costs 6-8 ms, on every text holding ی or ک)."""
    path = Path(__file__).resolve().parent / "names" / "data" / name
    if path.is_file():
        return path
    from importlib import resources

    return Path(str(resources.files("arclean.names") / "data" / name))
