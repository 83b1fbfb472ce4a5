"""The shape of the package: no import cycles; ui/ and core/ never import the command line;
core/ never imports Qt. Imports inside functions and importlib calls count; imports under
`if TYPE_CHECKING:` do not (they never run)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "desktop_app"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def all_modules() -> dict[str, Path]:
    return {module_name(p): p for p in PACKAGE.rglob("*.py")}


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imported_names(path: Path, name: str) -> set[str]:
    """Every module name the file imports at run time (top level, in functions, importlib)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Call):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if called in ("import_module", "__import__") and node.args:
                arg = node.args[0]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found.add(arg.value)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            # A registry row naming a module ("desktop_app.core.importers.pdf") is an import.
            if node.value.startswith("desktop_app.") and " " not in node.value:
                found.add(node.value)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def graph() -> dict[str, set[str]]:
    modules = all_modules()
    edges: dict[str, set[str]] = {}
    for name, path in modules.items():
        targets = set()
        for imported in imported_names(path, name):
            # "from pkg import sub" names the submodule when it is one, else the package.
            while imported and imported not in modules:
                imported = imported.rpartition(".")[0]
            if imported and imported != name:
                targets.add(imported)
        edges[name] = targets
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []
    counter = [0]

    def strong(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(edges):
        if v not in index:
            strong(v)
    return out


def test_the_checker_sees_function_level_and_importlib_imports(tmp_path: Path) -> None:
    src = tmp_path / "m.py"
    src.write_text(
        "import importlib\nfrom typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from desktop_app.ui import hidden\n"
        "def f():\n    from desktop_app.core import library\n"
        "    importlib.import_module('desktop_app.cli.main')\n"
        "ROW = 'desktop_app.core.importers.pdf'\n",
        encoding="utf-8",
    )
    names = imported_names(src, "desktop_app.x")
    assert {"desktop_app.core.library", "desktop_app.cli.main"} <= names
    assert "desktop_app.core.importers.pdf" in names
    assert not any(n.startswith("desktop_app.ui") for n in names)
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_cycles() -> None:
    assert cycles(graph()) == []


def test_ui_and_core_never_import_the_command_line() -> None:
    edges = graph()
    offenders = {
        (m, t)
        for m, targets in edges.items()
        if m.startswith(("desktop_app.ui", "desktop_app.core"))
        for t in targets
        if t == "desktop_app.cli" or t.startswith("desktop_app.cli.")
    }
    assert offenders == set()


def test_core_imports_no_qt_and_nothing_outside_core_but_resources() -> None:
    modules = all_modules()
    for name, path in modules.items():
        if not name.startswith("desktop_app.core"):
            continue
        names = imported_names(path, name)
        assert not any(n.split(".")[0] in ("PySide6", "shiboken6") for n in names), name
        ours = {n for n in names if n.startswith("desktop_app.")}
        outside = {
            n for n in ours if not n.startswith(("desktop_app.core", "desktop_app.resources"))
        }
        assert outside == set(), (name, outside)


def test_no_argparse_namespace_outside_the_command_line() -> None:
    offenders = [
        name
        for name, path in all_modules().items()
        if not name.startswith("desktop_app.cli")
        and ("argparse" in path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_no_feature_is_switched_off_by_a_missing_module() -> None:
    offenders = [
        name
        for name, path in all_modules().items()
        if "ModuleNotFoundError" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_no_class_calls_another_objects_private_methods() -> None:
    """No obj._name(...) call or obj._name = ... on anything but self/cls/super() (private
    internals of third-party objects that the code relies on are listed and pinned)."""
    # Whoosh's table of contents and python-docx's part blob, pinned by the version pins;
    # Whoosh's posting-block reading and a prefix's terms (core/search/engine.py), pinned and
    # checked by tests/core/test_search_equivalence.py; the W3 postings writer's block state
    # (core/search/fastwrite.py), pinned and checked by the segment comparison in
    # tests/core/test_bulk_index.py.
    allowed = {"_read_toc", "_blob", "_read_data", "_goto", "_btexts"}
    allowed |= {"_write_block", "_maxweight", "_minlength", "_maxlength"}
    offenders = []
    for name, path in all_modules().items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        nodes = [n.func for n in ast.walk(tree) if isinstance(n, ast.Call)]
        for n in ast.walk(tree):
            if isinstance(n, ast.Assign | ast.AugAssign):
                targets = n.targets if isinstance(n, ast.Assign) else [n.target]
                nodes += targets
        for node in nodes:
            if (
                isinstance(node, ast.Attribute)
                and node.attr.startswith("_")
                and not node.attr.startswith("__")
                and node.attr not in allowed
                and not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"))
                and not (
                    isinstance(node.value, ast.Call)
                    and getattr(node.value.func, "id", "") == "super"
                )
            ):
                offenders.append(f"{name}:{node.lineno} {ast.unparse(node)}")
    assert offenders == []
