"""The domain package's import structure: no cycles, and no `from hub...` hidden inside a function
(a hidden import is how a cycle stays invisible). Imports under `if TYPE_CHECKING:` do not run
and are left out."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

HUB = Path(__file__).resolve().parents[2] / "layers" / "core" / "hub"

# Modules that may be imported inside a function, and why. Keep this short.
LAZY_ALLOWED = {
    "hub.vault": "only functions that touch credentials pay for the Encryption SDK set-up "
                 "(docs/architecture.md, Credential vault)",
    "hub.urlguard": "only functions that call out pay for the resolver/TLS set-up and httpx",
    "hub.http.idempotency": "only idempotent POSTs pay for Powertools' idempotency utility (cold starts)",
    "hub.http.openapi_bridge": "only the OpenAPI document pays for Powertools' event handler (cold starts)",
}


def _modules() -> dict[str, Path]:
    modules = {}
    for path in HUB.rglob("*.py"):
        parts = path.relative_to(HUB.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        modules[name] = path
    return modules


def _resolve(name: str, modules: dict[str, Path]) -> str | None:
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


def _imports(tree: ast.Module) -> Iterator[tuple[ast.Import | ast.ImportFrom, bool]]:
    """Every import that runs, with whether it sits inside a function."""

    def walk(node: ast.AST, in_function: bool) -> Iterator[tuple[ast.Import | ast.ImportFrom, bool]]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                yield from (item for n in child.orelse for item in walk_one(n, in_function))
                continue
            yield from walk_one(child, in_function)

    def walk_one(node: ast.AST, in_function: bool) -> Iterator[tuple[ast.Import | ast.ImportFrom, bool]]:
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node, in_function
        yield from walk(node, in_function or isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef))

    yield from walk(tree, False)


def _targets(node: ast.Import | ast.ImportFrom, modules: dict[str, Path]) -> list[str]:
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    elif node.module and node.level == 0:
        names = [f"{node.module}.{alias.name}" if f"{node.module}.{alias.name}" in modules else node.module
                 for alias in node.names]
    else:
        names = []
    return [t for n in names if (n == "hub" or n.startswith("hub.")) and (t := _resolve(n, modules))]


def _graph() -> tuple[dict[str, set[str]], list[str]]:
    modules = _modules()
    edges: dict[str, set[str]] = {name: set() for name in modules}
    hidden = []
    for name, path in modules.items():
        for node, in_function in _imports(ast.parse(path.read_text())):
            for target in _targets(node, modules):
                if target != name:
                    edges[name].add(target)
                if in_function and target not in LAZY_ALLOWED:
                    hidden.append(f"{path.relative_to(HUB.parent)}:{node.lineno} imports {target}")
    return edges, hidden


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(edges[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_the_domain_package_has_no_import_cycle() -> None:
    # Given every import that runs in the domain package (at module level or inside functions)
    edges, _hidden = _graph()
    # When its strongly connected components are computed
    cycles = _cycles(edges)
    # Then no two modules reach each other
    assert cycles == []


def test_no_module_hides_a_domain_import_inside_a_function() -> None:
    # Given the imports that sit inside functions
    _edges, hidden = _graph()
    # Then each one is of a module on the short allow-list (with its reason)
    assert hidden == []


def test_the_cycle_check_finds_a_cycle() -> None:
    # Given a graph in which a reaches b, b reaches c and c reaches a again
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    # Then the check reports exactly that cycle
    assert _cycles(edges) == [["a", "b", "c"]]


def test_no_connections_module_is_over_400_lines() -> None:
    # Given the connection core's modules
    sizes = {p.name: len(p.read_text().splitlines()) for p in (HUB / "connections").glob("*.py")}
    # Then each stays small enough to read in one sitting
    assert {name: size for name, size in sizes.items() if size > 400} == {}


# only the OpenAPI document may load Powertools' event handler, inside the functions that build it
# (hub/http/app.py says why the handlers do not: cold starts)
EVENT_HANDLER_ALLOWED = {"hub/openapi.py", "hub/http/openapi_bridge.py"}


def test_no_handler_path_imports_powertools_event_handler() -> None:
    # Given every module of the domain package and every handler module
    functions = HUB.parents[2] / "functions"
    found = []
    for path in [*HUB.rglob("*.py"), *functions.rglob("*.py")]:
        for node, in_function in _imports(ast.parse(path.read_text())):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            if not any(n.startswith("aws_lambda_powertools.event_handler") for n in names):
                continue
            relative = str(path.relative_to(HUB.parent if path.is_relative_to(HUB) else functions.parent))
            if not (in_function and relative in EVENT_HANDLER_ALLOWED):
                found.append(f"{relative}:{node.lineno}")
    # Then none imports it, but the document's builders inside their functions
    assert found == []


def test_every_domain_model_builds_its_validator_on_first_use() -> None:
    # Given every pydantic model class of the domain package
    import importlib
    import inspect
    import pkgutil

    from pydantic import BaseModel

    import hub

    eager = []
    for info in pkgutil.walk_packages(hub.__path__, "hub."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if inspect.isclass(value) and issubclass(value, BaseModel) and value.__module__ == info.name:
                if not value.model_config.get("defer_build"):
                    eager.append(f"{info.name}.{name}")
    # Then each defers its build (defer_build=True), so a handler importing a module of models
    # builds at its first request only those its route validates (bench/imports.py)
    assert eager == []


def test_no_module_of_domain_models_or_typed_dicts_postpones_its_annotations() -> None:
    # Given every module of the domain package that defines a pydantic model or a TypedDict
    import importlib
    import inspect
    import pkgutil
    import typing

    from pydantic import BaseModel

    import hub

    postponed = []
    for info in pkgutil.walk_packages(hub.__path__, "hub."):
        module = importlib.import_module(info.name)
        defines_one = any(inspect.isclass(value) and value.__module__ == info.name
                          and (issubclass(value, BaseModel) or typing.is_typeddict(value))
                          for value in vars(module).values())
        if defines_one and "annotations" in vars(module):  # `from __future__ import annotations`
            postponed.append(info.name)
    # Then none postpones its annotations: pydantic and TypedDict turn each string annotation
    # into a typing.ForwardRef, which compiles it, at every class definition of every cold start
    # (hub/connections/record.py's import: 2.0 -> 0.6 ms without them, bench/imports.py)
    assert postponed == []


_NOTHING_BUILT = """
import importlib, inspect, sys
from pydantic import BaseModel
from functions.routes import ROUTES
for route in ROUTES:
    importlib.import_module(route.module)
for name, module in list(sys.modules.items()):
    if name.split(".")[0] in ("hub", "functions"):
        for attribute, value in vars(module).items():
            if (inspect.isclass(value) and issubclass(value, BaseModel) and value.__module__ == name
                    and value.__dict__.get("__pydantic_complete__")):
                print(f"{name}.{attribute}")
"""


def test_importing_a_handler_builds_no_model() -> None:
    # Given a fresh process that imports every handler of the route table (as many cold starts)
    import os
    import subprocess
    import sys

    root = HUB.parents[2]
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(root), str(HUB.parent)])}
    run = subprocess.run([sys.executable, "-c", _NOTHING_BUILT], capture_output=True, text=True, env=environment,
                         check=True, cwd=root)
    # Then no domain model has built its validator: an instance made at import (a model as a
    # field's default, say) would build it, and its module's cold start would pay for it
    assert run.stdout.split() == []
