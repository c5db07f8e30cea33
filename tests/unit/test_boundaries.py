"""Import boundaries between the repository's parts."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
    return found


def _importers_of(package: str, directory: str) -> list[str]:
    return sorted(
        str(path.relative_to(ROOT))
        for path in (ROOT / directory).rglob("*.py")
        if any(name == package or name.startswith(f"{package}.") for name in _imports(path))
    )


def test_the_cdk_app_never_imports_the_local_stack() -> None:
    # Given infra/ (deployed) and local/ (the developer's stack, never deployed)
    # Then nothing in infra/ imports local/
    assert _importers_of("local", "infra") == []


def test_deployed_code_never_imports_the_local_stack_or_the_cdk_app() -> None:
    for directory in ("layers/core/hub", "functions"):
        assert _importers_of("local", directory) == []
        assert _importers_of("infra", directory) == []
