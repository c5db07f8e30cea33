"""Lambda packaging without Docker (issue 7 item 2).

Everything lands under `build/` (gitignored):

- `build/layers/core/python/hub`     the domain package, copied from layers/core/hub;
- `build/layers/deps/python/...`     the runtime dependencies from pyproject.toml, installed by
                                     pip for Lambda's platform (manylinux aarch64, CPython 3.13),
                                     without boto3/botocore/s3transfer (the runtime has them);
- `build/functions/<name>/functions` one directory per function: the package skeleton
                                     (`__init__.py`, the route and worker tables, the area
                                     package) and ONLY that function's module, plus the
                                     `functions.*` modules it imports. The openapi function also
                                     gets `functions/openapi.json`.

The deps layer takes ~10 s and needs PyPI, so it is cached by a stamp holding the hash of the
requirements and pip flags; `placeholder_deps_layer` stands in for it where only the template
matters (infra tests).
"""

from __future__ import annotations

import ast
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
CORE_SOURCE = REPO_ROOT / "layers" / "core" / "hub"
FUNCTIONS_SOURCE = REPO_ROOT / "functions"
DEFAULT_BUILD_ROOT = REPO_ROOT / "build"

LAMBDA_PYTHON_VERSION = "3.13"
LAMBDA_PLATFORMS = ("manylinux2014_aarch64", "manylinux_2_28_aarch64")
# The Lambda runtime ships these; the layer must not shadow them with other versions.
RUNTIME_PROVIDED = frozenset({"boto3", "botocore", "s3transfer"})
# Tables every function asset carries: the pipeline looks routes up at runtime.
TABLE_MODULES = ("functions.routes", "functions.workers")
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", "*.pyo", ".mypy_cache", ".pytest_cache")


class PackagingError(RuntimeError):
    """The code cannot be packaged as asked (missing module, pip failure...)."""


@dataclass(frozen=True)
class BuiltLayer:
    path: Path  # the asset directory (holds `python/`)
    placeholder: bool = False
    # When set, CDK uses it instead of fingerprinting every file (the deps layer has ~1,100).
    asset_hash: str | None = None


def canonical_name(requirement: str) -> str:
    """The PEP 503 name of a requirement: `aws_lambda_powertools[tracer]>=3` → `aws-lambda-powertools`."""
    name = re.split(r"[\s\[<>=!~;@(]", requirement.strip(), maxsplit=1)[0]
    return re.sub(r"[-_.]+", "-", name).lower()


# ---- the domain layer ----------------------------------------------------------------------


def build_core_layer(build_root: Path = DEFAULT_BUILD_ROOT) -> BuiltLayer:
    target = build_root / "layers" / "core"
    _fresh(target)
    shutil.copytree(CORE_SOURCE, target / "python" / "hub", ignore=IGNORED)
    return BuiltLayer(target)


# ---- the dependencies layer ----------------------------------------------------------------


def runtime_requirements(pyproject: Path = REPO_ROOT / "pyproject.toml") -> list[str]:
    """`[project].dependencies` minus what the Lambda runtime already provides."""
    dependencies = tomllib.loads(pyproject.read_text())["project"]["dependencies"]
    return sorted(req for req in dependencies if canonical_name(req) not in RUNTIME_PROVIDED)


def pip_command(requirements: list[str], target: Path) -> list[str]:
    platforms = [arg for platform in LAMBDA_PLATFORMS for arg in ("--platform", platform)]
    return [
        sys.executable,
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
        *platforms,
        "--only-binary=:all:",
        "--python-version",
        LAMBDA_PYTHON_VERSION,
        "--implementation",
        "cp",
        "--no-compile",
        "--upgrade",
        "--target",
        str(target),
        *requirements,
    ]


def requirements_hash(requirements: list[str]) -> str:
    recipe = {"requirements": requirements, "command": pip_command(requirements, Path("T"))[3:]}
    return hashlib.sha256(json.dumps(recipe, sort_keys=True).encode()).hexdigest()


def build_deps_layer(build_root: Path = DEFAULT_BUILD_ROOT, *, force: bool = False) -> BuiltLayer:
    """pip-install the runtime dependencies for Lambda arm64; skipped when the stamp matches.

    The stamp (outside the asset directory, so it never changes the asset) holds the recipe's
    hash and the content hash: the recipe plus every installed distribution's name and version.
    """
    requirements = runtime_requirements()
    target = build_root / "layers" / "deps"
    stamp = build_root / "layers" / "deps.stamp"
    digest = requirements_hash(requirements)
    if not force and stamp.exists() and (target / "python").is_dir():
        recorded = stamp.read_text().split()
        if len(recorded) == 2 and recorded[0] == digest:
            return BuiltLayer(target, asset_hash=recorded[1])
    _fresh(target)
    stamp.unlink(missing_ok=True)
    result = subprocess.run(pip_command(requirements, target / "python"), capture_output=True, text=True)
    if result.returncode != 0:
        raise PackagingError(f"pip could not build the dependencies layer:\n{result.stderr[-4000:]}")
    _remove_runtime_provided(target / "python")
    distributions = sorted(p.name for p in (target / "python").glob("*.dist-info"))
    content = hashlib.sha256("\n".join([digest, *distributions]).encode()).hexdigest()
    stamp.write_text(f"{digest}\n{content}\n")
    return BuiltLayer(target, asset_hash=content)


def placeholder_deps_layer(build_root: Path = DEFAULT_BUILD_ROOT) -> BuiltLayer:
    """An almost empty layer with the same shape, for template-only synths (never deploy it)."""
    target = build_root / "layers" / "deps-placeholder"
    _fresh(target)
    (target / "python").mkdir(parents=True)
    (target / "python" / "PLACEHOLDER.txt").write_text(
        "Placeholder for the dependencies layer (synthesized with skipDepsLayer). Do not deploy.\n"
    )
    return BuiltLayer(target, placeholder=True)


def _remove_runtime_provided(site: Path) -> None:
    for entry in site.iterdir():
        name = entry.name.split("-")[0] if entry.name.endswith((".dist-info", ".egg-info")) else entry.name
        if canonical_name(name) in RUNTIME_PROVIDED:
            shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
    shutil.rmtree(site / "bin", ignore_errors=True)


# ---- per-function assets -------------------------------------------------------------------


def module_file(module: str, root: Path = REPO_ROOT) -> Path:
    """`functions.system.health` → <root>/functions/system/health.py (or a package __init__)."""
    base = root.joinpath(*module.split("."))
    if base.with_suffix(".py").is_file():
        return base.with_suffix(".py")
    if (base / "__init__.py").is_file():
        return base / "__init__.py"
    raise PackagingError(
        f"module {module} not found under {root} (is it in the route/worker table by mistake?)"
    )


def _imported_modules(path: Path, module: str) -> set[str]:
    """The `functions.*` modules one file imports (absolute or relative)."""
    tree = ast.parse(path.read_text(), filename=str(path))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                parent = ".".join([*base, node.module] if node.module else base)
            else:
                parent = node.module or ""
            found.add(parent)
            # `from functions.area import helper` may name a submodule
            found.update(f"{parent}.{alias.name}" for alias in node.names)
    return {name for name in found if name == "functions" or name.startswith("functions.")}


def module_closure(modules: Iterable[str], root: Path = REPO_ROOT) -> set[str]:
    """The modules plus every `functions.*` module they import, transitively, with their packages."""
    pending = list(modules)
    seen: set[str] = set()
    while pending:
        name = pending.pop()
        if name in seen:
            continue
        try:
            path = module_file(name, root)
        except PackagingError:
            if name in modules:
                raise
            continue  # `from functions.area import name` where name is not a module
        seen.add(name)
        parts = name.split(".")
        pending.extend(".".join(parts[:i]) for i in range(1, len(parts)))  # parent packages
        pending.extend(_imported_modules(path, name) - seen)
    return seen


def build_function_asset(
    name: str,
    module: str,
    build_root: Path = DEFAULT_BUILD_ROOT,
    *,
    extra_files: dict[str, str] | None = None,
    root: Path = REPO_ROOT,
) -> Path:
    """Write `build/functions/<name>/` holding the package skeleton and that function's code only."""
    target = build_root / "functions" / name
    _fresh(target)
    for dependency in sorted(module_closure([module, *TABLE_MODULES], root)):
        source = module_file(dependency, root)
        destination = target / source.relative_to(root)
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, destination)
    for relative, content in (extra_files or {}).items():
        (target / relative).write_text(content)
    return target


def openapi_json() -> str:
    """The merged OpenAPI document, bundled into the openapi function at synth time."""
    from aws_lambda_powertools.event_handler.openapi.encoders import jsonable_encoder

    from hub.openapi import build_openapi

    # the merged document holds enums and models; Powertools' encoder makes it plain JSON
    return json.dumps(jsonable_encoder(build_openapi()), sort_keys=True, separators=(",", ":"))


# ---- helpers -------------------------------------------------------------------------------


def _fresh(path: Path) -> None:
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
