"""The `arclean` command line: a thin shell over `arclean.api` and `arclean.runner`.

`app` holds the top-level group and the exit policy (`main`), `options` the
options that `fix` and `check` share, `output` what goes to stdout and
stderr; each command lives in its own module and is imported only when it
runs (or `--help` lists it), so start-up stays fast.
"""

from arclean.cli.app import cli, main

__all__ = ["cli", "main"]
