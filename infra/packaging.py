"""Lambda packaging without Docker (issue 7 item 2).

Everything lands under `build/` (gitignored):

- `build/layers/core/python/hub`     the domain package, copied from layers/core/hub;
- `build/layers/deps/python/...`     the runtime dependencies from pyproject.toml, installed by
                                     pip for Lambda's platform (manylinux aarch64, CPython 3.13),
                                     without boto3, botocore and their dependencies (the runtime
                                     has them, and a layer copy would shadow them);
- `build/functions/<name>/functions` one directory per function: the package skeleton
                                     (`__init__.py`, the route and worker tables, the area
                                     package) and ONLY that function's module, plus the
                                     `functions.*` modules it imports. The openapi function also
                                     gets `functions/openapi.json`.

Every layer and asset ships bytecode compiled by a CPython 3.13 (Lambda's runtime): /opt and
/var/task are read-only on Lambda, so modules without a matching `__pycache__/*.cpython-313.pyc`
are compiled again on every cold start. The bytecode is "unchecked-hash": valid whatever the
files' modification times (zip and asset staging change them), never re-validated at import, and
deterministic, so asset hashes only change when the code does.

The deps layer takes ~10 s and needs PyPI, so it is cached by a stamp holding the hash of the
requirements and pip flags; `placeholder_deps_layer` stands in for it where only the template
matters (infra tests).
"""

from __future__ import annotations

import ast
import glob
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
CORE_SOURCE = REPO_ROOT / "layers" / "core" / "hub"
FUNCTIONS_SOURCE = REPO_ROOT / "functions"
DEFAULT_BUILD_ROOT = REPO_ROOT / "build"

LAMBDA_PYTHON_VERSION = "3.13"
LAMBDA_PLATFORMS = ("manylinux2014_aarch64", "manylinux_2_28_aarch64")
# The Lambda runtime ships boto3 with botocore's dependencies; the layer must not shadow them
# with other versions (the layer comes first on sys.path). Pin one on purpose by removing it here.
RUNTIME_PROVIDED = frozenset(
    {"boto3", "botocore", "s3transfer", "jmespath", "python-dateutil", "six", "urllib3"}
)
# Tables every function asset carries: the pipeline looks routes up at runtime.
TABLE_MODULES = ("functions.routes", "functions.workers")
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", "*.pyo", ".mypy_cache", ".pytest_cache")


class PackagingError(RuntimeError):
    """The code cannot be packaged as asked (missing module, pip failure...)."""


# ---- bytecode ------------------------------------------------------------------------------


def lambda_python() -> str:
    """A CPython of Lambda's version, to compile bytecode Lambda will use (`pyenv install 3.13`)."""
    candidates = [
        os.environ.get("LAMBDA_PYTHON", ""),
        shutil.which(f"python{LAMBDA_PYTHON_VERSION}") or "",
        *sorted(glob.glob(os.path.expanduser(f"~/.pyenv/versions/{LAMBDA_PYTHON_VERSION}*/bin/python3"))),
    ]
    for candidate in filter(None, candidates):
        if _python_version(candidate) == LAMBDA_PYTHON_VERSION:
            return candidate
    raise PackagingError(
        f"no Python {LAMBDA_PYTHON_VERSION} found to compile the layers' bytecode: install one "
        f"(e.g. `pyenv install {LAMBDA_PYTHON_VERSION}`) or set LAMBDA_PYTHON to its path"
    )


def _python_version(executable: str) -> str | None:
    try:
        result = subprocess.run(
            [executable, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
            capture_output=True, text=True, timeout=30, check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout.strip() if result.returncode == 0 else None


# Run by Lambda's Python: each directory's files are recorded under the path Lambda unpacks them
# to, so tracebacks name /var/task/... and the bytecode (hence the asset hash) does not depend
# on where the build ran. One worker, a fixed order: the same sources give the same bytes.
_COMPILE = """
import compileall, py_compile, sys
ok = all([compileall.compile_dir(d, quiet=1, stripdir=d, prependdir=sys.argv[1], workers=1,
          invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH) for d in sys.argv[2:]])
sys.exit(0 if ok else 1)
"""
FUNCTION_ROOT = "/var/task"
LAYER_ROOT = "/opt/python"


def compile_bytecode(directories: Iterable[Path], runtime_root: str) -> None:
    """Compile every module under the directories with Lambda's Python, in one process;
    `runtime_root` is where Lambda puts each directory's content (FUNCTION_ROOT, LAYER_ROOT)."""
    paths = sorted(str(path) for path in directories)
    if not paths:
        return
    result = subprocess.run(
        [lambda_python(), "-c", _COMPILE, runtime_root, *paths], capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise PackagingError(f"compiling bytecode failed:\n{(result.stdout + result.stderr)[-4000:]}")


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
    compile_bytecode([target / "python"], LAYER_ROOT)
    return BuiltLayer(target)


# ---- the dependencies layer ----------------------------------------------------------------


def runtime_requirements(pyproject: Path = REPO_ROOT / "pyproject.toml") -> list[str]:
    """`[project].dependencies` minus what the Lambda runtime already provides."""
    dependencies = tomllib.loads(pyproject.read_text())["project"]["dependencies"]
    return sorted(req for req in dependencies if canonical_name(req) not in RUNTIME_PROVIDED)


def pip_command(
    requirements: list[str], target: Path, platforms: Sequence[str] = LAMBDA_PLATFORMS
) -> list[str]:
    """pip for Lambda's Python; `platforms` other than Lambda's only for bench/lambda_imports.py."""
    platform_args = [arg for platform in platforms for arg in ("--platform", platform)]
    return [
        sys.executable,
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
        *platform_args,
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


def requirements_hash(requirements: list[str], platforms: Sequence[str] = LAMBDA_PLATFORMS) -> str:
    recipe = {
        "requirements": requirements,
        "command": pip_command(requirements, Path("T"), platforms)[3:],
        "removed": sorted(RUNTIME_PROVIDED),
        "bytecode": f"cpython-{LAMBDA_PYTHON_VERSION} unchecked-hash",
    }
    return hashlib.sha256(json.dumps(recipe, sort_keys=True).encode()).hexdigest()


def build_deps_layer(
    build_root: Path = DEFAULT_BUILD_ROOT,
    *,
    force: bool = False,
    platforms: Sequence[str] = LAMBDA_PLATFORMS,
) -> BuiltLayer:
    """pip-install the runtime dependencies for Lambda arm64; skipped when the stamp matches.

    The stamp (outside the asset directory, so it never changes the asset) holds the recipe's
    hash and the content hash: the recipe plus every installed distribution's name and version.
    """
    requirements = runtime_requirements()
    target = build_root / "layers" / "deps"
    stamp = build_root / "layers" / "deps.stamp"
    digest = requirements_hash(requirements, platforms)
    if not force and stamp.exists() and (target / "python").is_dir():
        recorded = stamp.read_text().split()
        if len(recorded) == 2 and recorded[0] == digest:
            return BuiltLayer(target, asset_hash=recorded[1])
    _fresh(target)
    stamp.unlink(missing_ok=True)
    result = subprocess.run(pip_command(requirements, target / "python", platforms), capture_output=True, text=True)
    if result.returncode != 0:
        raise PackagingError(f"pip could not build the dependencies layer:\n{result.stderr[-4000:]}")
    _remove_runtime_provided(target / "python")
    compile_bytecode([target / "python"], LAYER_ROOT)
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
    """Delete every file of the runtime-provided distributions, as their RECORD lists them."""
    for dist_info in list(site.glob("*.dist-info")):
        if canonical_name(dist_info.name.split("-")[0]) not in RUNTIME_PROVIDED:
            continue
        record = dist_info / "RECORD"
        files = [line.split(",")[0] for line in record.read_text().splitlines()] if record.exists() else []
        packages: set[Path] = set()
        for relative in filter(None, files):
            path = (site / relative).resolve()
            if site.resolve() not in path.parents:
                continue  # RECORD may name scripts outside the target (../../bin)
            packages.add(site / Path(relative).parts[0])
            path.unlink(missing_ok=True)
        for package in packages:
            if package.is_dir():
                shutil.rmtree(package)
        shutil.rmtree(dist_info, ignore_errors=True)
    for entry in site.iterdir():  # top-level modules a distribution without RECORD left behind
        if canonical_name(entry.name.removesuffix(".py")) in RUNTIME_PROVIDED:
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
