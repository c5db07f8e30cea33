"""The import ratios of bench/imports.py in a Lambda-like process: CPython 3.13 (Lambda's),
the function asset, the built layers and a runtime boto3 on sys.path in Lambda's order
(/var/task, /opt/python, the runtime's site-packages), and no writable bytecode cache
(PYTHONDONTWRITEBYTECODE, as /opt and /var/task are read-only). Dependencies are built for this
machine's platform (Lambda's is arm64) with infra/packaging.py, bytecode included, as deployed.
The first run needs PyPI (~1 minute); later runs reuse build/lambda-like/.

One more figure shows what shipping bytecode saves: the same imports from copies of the
layers without `__pycache__`, which Lambda has to compile on every cold start.
"""

from __future__ import annotations

import platform
import shutil
import subprocess
from pathlib import Path
from typing import Any

from bench.imports import ROOT, ROUNDS, figures, http_programs, measure, process_environment

BUILD = ROOT / "build" / "lambda-like"
HOST_PLATFORMS = (f"manylinux2014_{platform.machine()}", f"manylinux_2_28_{platform.machine()}")


def _runtime(packaging: Any) -> Path:
    """boto3 with its dependencies, as the Lambda runtime provides them (with bytecode)."""
    target = BUILD / "runtime"
    if not (target / ".built").exists():
        shutil.rmtree(target, ignore_errors=True)
        command = packaging.pip_command(["boto3"], target, HOST_PLATFORMS)
        subprocess.run(command, check=True, capture_output=True)  # noqa: S603 - pip from our venv
        packaging.compile_bytecode([target], packaging.LAYER_ROOT)
        (target / ".built").write_text("")
    return target


def _sources_only(directory: Path, name: str) -> Path:
    copy = BUILD / "no-bytecode" / name
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(directory, copy, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    return copy


def run(rounds: int = ROUNDS) -> dict[str, Any]:
    from infra import packaging

    python = packaging.lambda_python()
    deps = packaging.build_deps_layer(BUILD, platforms=HOST_PLATFORMS).path / "python"
    core = packaging.build_core_layer(BUILD).path / "python"
    runtime = _runtime(packaging)
    # one asset holding every handler: the handlers import only their own files from it
    task = BUILD / "task"
    shutil.rmtree(task, ignore_errors=True)
    shutil.copytree(ROOT / "functions", task / "functions", ignore=packaging.IGNORED)
    packaging.compile_bytecode([task], packaging.FUNCTION_ROOT)
    readonly = {"PYTHONDONTWRITEBYTECODE": "1", "PYTHONNOUSERSITE": "1"}
    # the repository last: only `bench._first_use` comes from it (the handlers and hub from the layers)
    environment = process_environment([task, core, deps, runtime, ROOT], readonly)
    programs = http_programs()
    out = figures(measure(python, programs, environment, rounds), label="3.13 ")
    # the same slowest import profile without shipped bytecode
    stripped = [_sources_only(path, name) for path, name in ((task, "task"), (core, "core"), (deps, "deps"))]
    sample = [max(programs, key=lambda p: (p.opens_vault, p.module))]
    cold = measure(python, sample, process_environment([*stripped, runtime], readonly), rounds)
    warm = measure(python, sample, environment, rounds)
    out[f"3.13 without bytecode: {sample[0].code}"] = (
        f"{cold['ratios'][sample[0]]:.2f}x boto3 (with bytecode {warm['ratios'][sample[0]]:.2f}x)"
    )
    return out
