"""The shape of the code: dependencies point one way, modules stay small, and
every concept (a character class, a file extension) has one home.

These tests read the source with `ast`; they import nothing from arclean.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "arclean"
#: "About 400 lines": a module past this is split.
MAX_LINES = 420


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(name: str, path: Path) -> set[str]:
    """arclean modules that `name` imports anywhere (functions included),
    except under ``if TYPE_CHECKING:``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            for alias in node.names:
                found.add(alias.name)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            found.add(module)
            for alias in node.names:
                found.add(f"{module}.{alias.name}")
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return {m for m in found if m in MODULES and m != name}


def _graph() -> dict[str, set[str]]:
    graph = {name: _imports(name, path) for name, path in MODULES.items()}
    # A package's __init__ that only re-exports is part of each submodule's
    # import (importing arclean.x.y runs arclean.x first); leave that edge out,
    # since Python resolves it without a circle of definitions.
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    result: list[list[str]] = []
    counter = [0]

    def strong(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                result.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            strong(v)
    return result


def test_the_import_graph_has_no_cycles():
    assert _cycles(_graph()) == []


def test_the_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_module_is_too_big_to_know(name):
    lines = MODULES[name].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{name} has {lines} lines; split it by concern"


# ---------------------------------------------------------------------------
# One home per concept.
# ---------------------------------------------------------------------------

#: Spellings of general character classes: only `arclean/chars.py` may hold them.
_CLASS_SPELLINGS = [
    r"\\p\{sc=Arabic\}",
    r"\\p\{Arabic\}",
    r"\\p\{Mn\}",
    r"\\p\{L\}\\p\{M\}",
    r"\\u064[bB]-",
    r"\\u0600-",
    r"\\ufb50-",
    r"0x064[bB]\b",
    r"ARABIC LETTER (?:PEH|TCHEH|JEH|GAF|KEHEH)\}",
    r"category\(\w+\)\s*[!=]=\s*[\"']Mn[\"']",
]
_CLASS_RE = re.compile("|".join(_CLASS_SPELLINGS))


def _offending(regex: re.Pattern[str], home: set[str]) -> list[str]:
    hits = []
    for name, path in MODULES.items():
        if name in home:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if regex.search(line):
                hits.append(f"{path.relative_to(PACKAGE.parent)}:{number}: {line.strip()}")
    return hits


def test_character_classes_are_defined_only_in_chars():
    assert _offending(_CLASS_RE, {"arclean.chars"}) == []


def test_the_class_check_catches_a_copy(tmp_path):
    assert _CLASS_RE.search(r'_LETTER = r"[\p{sc=Arabic}&&\p{L}]"')
    assert _CLASS_RE.search('if unicodedata.category(ch) == "Mn":')


_EXTENSION_RE = re.compile(r"""["']\.(?:txt|md|markdown|mdx|html?|srt|vtt)["']""")


def test_file_extensions_are_listed_only_in_the_format_table():
    assert _offending(_EXTENSION_RE, {"arclean.formats.base"}) == []


# ---------------------------------------------------------------------------
# A thin shell: nothing below the CLI prints, exits or changes process state.
# ---------------------------------------------------------------------------

#: Calls only the command line may make.
_SHELL_CALLS = {
    "print",
    "input",
    "exit",
    "quit",
    "sys.exit",
    "os._exit",
    "os.chdir",
    "os.umask",
    "os.putenv",
    "os.unsetenv",
    "os.environ.update",
    "os.environ.pop",
    "os.environ.setdefault",
    "sys.stdout.write",
    "sys.stderr.write",
    "sys.setrecursionlimit",
    "gc.disable",
    "gc.enable",
    "gc.freeze",
    "gc.set_threshold",
    "signal.signal",
    "locale.setlocale",
    "warnings.simplefilter",
    "warnings.filterwarnings",
    "faulthandler.enable",
}


def _dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return ""


def _shell_calls(source: str) -> list[str]:
    hits = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and _dotted(node.func) in _SHELL_CALLS:
            hits.append(f"{node.lineno}: {_dotted(node.func)}()")
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [a.name for a in node.names]
            module = getattr(node, "module", None) or ""
            if "click" in names or module == "click" or module.startswith("click."):
                hits.append(f"{node.lineno}: imports click")
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Subscript) and _dotted(target.value) == "os.environ":
                    hits.append(f"{node.lineno}: sets os.environ")
    return hits


def test_nothing_below_the_cli_prints_exits_or_changes_process_state():
    below = {
        name: path
        for name, path in MODULES.items()
        if not (
            name == "arclean.cli" or name.startswith("arclean.cli.") or name == "arclean.__main__"
        )
    }
    found = {name: hits for name, path in below.items() if (hits := _shell_calls(path.read_text()))}
    assert found == {}


def test_the_shell_check_catches_a_print_and_a_gc_switch():
    assert _shell_calls("import gc\ngc.disable()\nprint('x')\n") == [
        "2: gc.disable()",
        "3: print()",
    ]


def test_only_re_syntax_reaches_into_the_re_parser():
    """Python's pattern parser is private and moved in 3.11 (``sre_parse``
    became ``re._parser``): one module finds it for every Python the
    package supports (a session-23 review found ``re._constants`` imported
    at the top of a module, which stopped arclean on Python 3.10)."""
    import re

    private = re.compile(r"\bre\._|from re import _|\bsre_(?:parse|constants|compile)\b")
    users = sorted(
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if private.search(
            "\n".join(
                line
                for line in path.read_text(encoding="utf-8").splitlines()
                if line.lstrip().startswith(("import ", "from "))
            )
        )
    )
    assert users == ["text/re_syntax.py"]
