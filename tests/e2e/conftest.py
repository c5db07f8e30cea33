"""Starts the real local stack (`python -m local run`) on free ports for the e2e tests."""

from __future__ import annotations

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

    def token(self, role: str = "tenant_admin", tenant: str = "acme", user: str = "alice") -> str:
        out = subprocess.run(
            [sys.executable, "-m", "local", "token", "--role", role, "--tenant", tenant, "--user", user],
            cwd=ROOT, capture_output=True, text=True, check=True,
        )
        return out.stdout.strip()

    def client(self, role: str | None = "tenant_admin", tenant: str = "acme", user: str = "alice") -> httpx.Client:
        headers = {"Authorization": f"Bearer {self.token(role, tenant, user)}"} if role else {}
        return httpx.Client(base_url=self.api_url, headers=headers, timeout=30)


@pytest.fixture(scope="session")
def local_stack() -> Iterator[RunningStack]:
    port, sandbox_port = free_port(), free_port()
    env = {**os.environ, "PYTHONPATH": f"{ROOT}:{ROOT / 'layers' / 'core'}", "HUB_JOBS_INTERVAL_SECONDS": "2"}
    for name in ("HUB_TABLE_NAME", "HUB_KMS_KEY_ID", "HUB_EVENT_BUS_NAME", "HUB_AWS_ENDPOINT_URL"):
        env.pop(name, None)
    process = subprocess.Popen(
        [sys.executable, "-m", "local", "run", "--port", str(port), "--sandbox-port", str(sandbox_port), "--quiet"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    api_url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("local stack exited:\n" + (process.stdout.read() if process.stdout else ""))
        try:
            if httpx.get(f"{api_url}/health", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.2)
    else:
        process.kill()
        raise TimeoutError("local stack did not start within 60 s")
    stack = RunningStack(api_url=api_url, sandbox_url=f"http://127.0.0.1:{sandbox_port}", process=process)
    yield stack
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
