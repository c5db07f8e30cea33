"""The project's own files say what they do: `make help` lists every Makefile target, the CDK
commands need no activated venv, and the LICENSE is the one pyproject.toml declares."""

from __future__ import annotations

import os
import re
import subprocess
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def makefile_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text()
    return set(re.findall(r"^([a-z][a-z0-9-]*):(?!=)", text, flags=re.MULTILINE))


def make(*args: str, path: str | None = None) -> str:
    env = {**os.environ, "PATH": path or os.environ["PATH"]}
    env.pop("VIRTUAL_ENV", None)
    return subprocess.run(["make", "-s", "-C", str(ROOT), *args], capture_output=True, text=True, check=True,
                          env=env).stdout


def test_make_help_lists_every_target() -> None:
    # Given the Makefile's targets
    targets = makefile_targets()
    assert {"run", "test", "lint", "synth", "deploy", "events", "invoke", "help"} <= targets
    # When `make help` runs
    listed = set(re.findall(r"^\s+make ([a-z0-9-]+)\s", make("help"), flags=re.MULTILINE))
    # Then it lists every one of them, and nothing else
    assert listed == targets


def test_deploy_runs_the_app_with_the_venvs_python_without_activating_it() -> None:
    # Given a shell whose PATH has no venv on it
    plain_path = os.pathsep.join(p for p in os.environ["PATH"].split(os.pathsep) if ".venv" not in p)
    # When `make deploy` and `make bootstrap` are dry-run
    for target in ("deploy", "bootstrap"):
        planned = make("-n", target, "CDK_ARGS=-c stage=prod", path=plain_path)
        # Then the CDK CLI is told to run the app with the venv's interpreter, not `python3` from PATH
        assert f'--app "{ROOT}/.venv/bin/python infra/app.py"' in planned
        assert "-c stage=prod" in planned


def test_the_license_file_is_the_license_pyproject_declares() -> None:
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["license"]
    text = (ROOT / "LICENSE").read_text()
    assert declared == "Apache-2.0"
    assert "Apache License" in text and "Version 2.0, January 2004" in text and "END OF TERMS AND CONDITIONS" in text
