"""The top-level `arclean` group and the exit policy.

Exit codes: 0 nothing to do or all fixed, 1 changes needed or findings
remain, 2 usage, configuration, rule-file, I/O, encoding or internal error
(130 when interrupted).  Only click is imported at start-up; each command's
module is imported when it runs or when `--help` lists it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import Any, ClassVar, NoReturn

import click

EXIT_OK, EXIT_CHANGES, EXIT_ERROR = 0, 1, 2
#: 128 + SIGPIPE (13): the output was cut short by its reader going away.
EXIT_BROKEN_PIPE = 141
#: 128 + SIGINT (2): Ctrl-C.
EXIT_INTERRUPTED = 130
CONTEXT_SETTINGS: dict[str, Any] = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def error(message: str) -> None:
    """Print ``arclean: error: MESSAGE`` on stderr (bidi controls named, as
    everywhere: a file name holding one cannot reorder the line)."""
    from arclean.text.display import escape_bidi

    click.echo(f"arclean: error: {escape_bidi(message)}", err=True)


def warn(message: str) -> None:
    """Print ``arclean: warning: MESSAGE`` on stderr (bidi controls named)."""
    from arclean.text.display import escape_bidi

    click.echo(f"arclean: warning: {escape_bidi(message)}", err=True)


def _cleanup() -> None:
    """Remove temporary files of writes cut short (by a signal)."""
    from arclean.io.write import remove_pending

    remove_pending()


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


class ArcleanGroup(click.Group):
    """The top-level group: owns exit codes, so that click's own errors (which
    it exits with 1) and arclean's errors all exit with 2, and no traceback
    ever reaches a user.  Commands are loaded from their modules on demand."""

    #: command name → (module, attribute); a command whose module is missing
    #: (a trimmed install) is left out.
    lazy_subcommands: ClassVar[dict[str, tuple[str, str]]] = {
        "check": ("arclean.cli.check", "check"),
        "config": ("arclean.cli.config", "config_group"),
        "fix": ("arclean.cli.fix", "fix"),
        "names": ("arclean.cli.names", "names_group"),
        "pipe": ("arclean.cli.pipe", "pipe"),
        "rules": ("arclean.cli.rules", "rules"),
    }

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *self._available_lazy()])

    def _available_lazy(self) -> list[str]:
        import importlib.util

        return [
            name
            for name, (module, _) in self.lazy_subcommands.items()
            if importlib.util.find_spec(module) is not None
        ]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy_subcommands and cmd_name not in self.commands:
            import importlib

            module_name, attr = self.lazy_subcommands[cmd_name]
            try:
                module = importlib.import_module(module_name)
            except ModuleNotFoundError:
                return None
            command: click.Command = getattr(module, attr)
            return command
        return super().get_command(ctx, cmd_name)

    def main(  # type: ignore[override]
        self, args: Sequence[str] | None = None, prog_name: str | None = None, **extra: Any
    ) -> NoReturn:
        """Run the command line and exit with arclean's exit code (never returns)."""
        from arclean.cli.signals import Terminated, install
        from arclean.errors import ArcleanError

        extra.pop("standalone_mode", None)
        install()
        try:
            try:
                code = super().main(args=args, prog_name=prog_name, standalone_mode=False, **extra)
            except SystemExit as exc:
                from click.utils import PacifyFlushWrapper

                pacified = isinstance(sys.stdout, PacifyFlushWrapper)  # type: ignore[arg-type]
                if exc.code == 1 and pacified:
                    # click's own answer to EPIPE (it exits 1, "changes needed")
                    raise BrokenPipeError from None
                raise
            sys.stdout.flush()  # a full disk shows here, not at exit
        except Terminated as exc:
            _cleanup()
            click.echo("arclean: terminated", err=True)
            sys.exit(128 + exc.signum)
        except click.exceptions.Abort:
            click.echo("arclean: aborted", err=True)
            sys.exit(EXIT_INTERRUPTED)
        except click.ClickException as exc:
            exc.show()
            sys.exit(EXIT_ERROR)
        except ArcleanError as exc:
            error(str(exc))
            sys.exit(EXIT_ERROR)
        except BrokenPipeError:
            # The reader went away (`arclean fix < big.txt | head`): not an
            # error of ours, so nothing on stderr, but the output is cut
            # short: the exit of a process SIGPIPE stopped (141), as grep's,
            # never 1 ("changes needed") under `set -o pipefail`.
            _silence_stdout()
            sys.exit(EXIT_BROKEN_PIPE)
        except KeyboardInterrupt:
            _cleanup()
            click.echo("arclean: interrupted", err=True)
            sys.exit(EXIT_INTERRUPTED)
        except MemoryError:
            error("out of memory: the input is too large for this machine; nothing was written")
            sys.exit(EXIT_ERROR)
        except OSError as exc:  # a full disk or a closed terminal: not a bug
            where = f" ({exc.filename})" if exc.filename else ""
            error(f"input/output error: {exc.strerror or exc}{where}; output may be incomplete")
            _silence_stdout()
            sys.exit(EXIT_ERROR)
        except Exception as exc:  # the last line of defence: no tracebacks for users
            if os.environ.get("ARCLEAN_DEBUG"):
                raise
            error(
                f"internal error: {type(exc).__name__}: {exc}. This is a bug in arclean; "
                "please report it with the command you ran (set ARCLEAN_DEBUG=1 for a traceback)."
            )
            sys.exit(EXIT_ERROR)
        sys.exit(code if isinstance(code, int) else EXIT_OK)


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    from arclean.version import version

    click.echo(f"arclean, version {version()}")
    ctx.exit()


@click.group(cls=ArcleanGroup, context_settings=CONTEXT_SETTINGS)
@click.option(
    "-V",
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_print_version,
    help="Show the version and exit.",
)
def cli() -> None:
    """Clean and normalize Arabic text: punctuation, spacing, diacritics,
    hamza forms and letters, with diffs that show what changed.

    \b
      cat article.txt | arclean fix > clean.txt
      arclean fix --diff docs/
      arclean check --output-format github docs/
      cat a.txt | arclean pipe punct alef > b.txt
    """


def main() -> NoReturn:
    """The console script: run `arclean` on ``sys.argv`` and exit."""
    from arclean.ruleset import cache

    cache.directory = cache.user_directory()  # the CLI, never the library, caches rules
    try:
        cli.main(prog_name="arclean")
    except SystemExit as exc:
        _exit_now(exc.code)
        raise


def _exit_now(code: object) -> None:
    """Ends the process with `code` at once when all is said (the output
    flushed, no other thread running): the interpreter's own shutdown frees
    every object one by one, 10-20 ms of CPU after a run that loaded the
    names lexicon, for nothing.  Returns (and the usual shutdown follows)
    when the code is not a number or the output cannot be flushed."""
    import threading

    if not (code is None or isinstance(code, int)) or threading.active_count() != 1:
        return
    if sys.getprofile() is not None or sys.gettrace() is not None:
        return  # a profiler or coverage writes its results at the usual shutdown
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:  # the reader went away before the last block
        _silence_stdout()
        os._exit(EXIT_BROKEN_PIPE)
    except (AttributeError, OSError, ValueError):  # no stdout, or a closed one
        return
    os._exit(code or 0)
