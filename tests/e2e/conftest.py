"""Starts the real local stack (`python -m local run`) on free ports for the e2e tests."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from local.stack import free_port

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class RunningStack:
    api_url: str
    sandbox_url: str
    process: subprocess.Popen[str]
    state_file: Path  # HUB_LOCAL_STACK_FILE: where this stack writes its URLs

    @property
    def moto_url(self) -> str:
        return str(json.loads(self.state_file.read_text())["motoUrl"])

    def token(self, role: str = "tenant_admin", tenant: str = "acme", user: str = "alice") -> str:
        out = subprocess.run(
            [sys.executable, "-m", "local", "token", "--role", role, "--tenant", tenant, "--user", user],
            cwd=ROOT, capture_output=True, text=True, check=True,
        )
        return out.stdout.strip()

    def client(self, role: str | None = "tenant_admin", tenant: str = "acme", user: str = "alice") -> httpx.Client:
        headers = {"Authorization": f"Bearer {self.token(role, tenant, user)}"} if role else {}
        return httpx.Client(base_url=self.api_url, headers=headers, timeout=HTTP_TIMEOUT)


STARTUP_LIMIT_SECONDS = 300  # a hang guard, not a speed target: a loaded machine starts slowly
# every HTTP call to a local stack: a hang guard too (a first request imports its handler, which
# took over 10 s on a machine at load 45)
HTTP_TIMEOUT = 300.0


def start_local_stack(log: Path, extra_env: dict[str, str] | None = None) -> RunningStack:
    """`python -m local run` on free ports, its output in `log` (a pipe nobody reads could fill
    and block it); answers once /health does. Retries when a port was taken meanwhile."""
    for attempt in range(3):
        port, sandbox_port = free_port(), free_port()
        state_file = log.with_suffix(".json")
        env = {**os.environ, "PYTHONPATH": f"{ROOT}:{ROOT / 'layers' / 'core'}", "HUB_JOBS_INTERVAL_SECONDS": "2",
               "HUB_LOCAL_STACK_FILE": str(state_file), **(extra_env or {})}
        for name in ("HUB_TABLE_NAME", "HUB_KMS_KEY_ID", "HUB_EVENT_BUS_NAME", "HUB_AWS_ENDPOINT_URL"):
            env.pop(name, None)
        with log.open("w") as out:
            process = subprocess.Popen(
                [sys.executable, "-m", "local", "run", "--port", str(port), "--sandbox-port", str(sandbox_port),
                 "--quiet"],
                cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, text=True,
            )
        api_url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + STARTUP_LIMIT_SECONDS
        while time.monotonic() < deadline:
            if process.poll() is not None:
                break
            try:
                if httpx.get(f"{api_url}/health", timeout=HTTP_TIMEOUT).status_code == 200 and state_file.exists():
                    return RunningStack(api_url=api_url, sandbox_url=f"http://127.0.0.1:{sandbox_port}",
                                        process=process, state_file=state_file)
            except httpx.HTTPError:
                time.sleep(0.2)
        else:
            stop_local_stack(process)
            raise TimeoutError(f"local stack did not start within {STARTUP_LIMIT_SECONDS} s:\n{log.read_text()}")
        output = log.read_text()
        if "in use" not in output or attempt == 2:
            raise RuntimeError("local stack exited:\n" + output)
    raise AssertionError("unreachable")


def stop_local_stack(process: subprocess.Popen[str]) -> None:
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="session")
def local_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningStack]:
    stack = start_local_stack(tmp_path_factory.mktemp("stack") / "stack.log")
    yield stack
    stop_local_stack(stack.process)
