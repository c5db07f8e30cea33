"""Local tooling: `make run` fails cleanly (a port in use is refused before anything starts, a
failure part-way stops what had started), and `python -m local invoke` acts on the running
stack, never on AWS."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import RunningStack

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.e2e


def moto_servers_of(parent_pid: int) -> list[int]:
    """Pids of `python -m local.moto_server <port> <parent_pid>` processes still alive."""
    alive = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            argv = cmdline.read_bytes().split(b"\0")
        except OSError:
            continue
        if b"local.moto_server" in argv and str(parent_pid).encode() in argv[argv.index(b"local.moto_server") + 2:]:
            alive.append(int(cmdline.parent.name))
    return alive


def run_local(*args: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "local", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout)


def test_a_port_in_use_is_refused_with_a_clear_message_and_nothing_left_running() -> None:
    # Given something already listening on the API port
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        # When `python -m local run` (what `make run` runs) is started on it
        process = subprocess.Popen([sys.executable, "-m", "local", "run", "--port", str(port), "--sandbox-port", "0",
                                    "--quiet"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        _, err = process.communicate(timeout=600)
    # Then it exits with an error that names the port, and no moto server of it is left behind
    assert process.returncode == 1
    assert f"port {port} (the API) is already in use" in err
    assert moto_servers_of(process.pid) == []


def test_a_failure_while_starting_stops_what_had_started(tmp_path: Path) -> None:
    # Given a stack whose last start step fails, after moto's process and the sandbox are up
    script = tmp_path / "failing_stack.py"
    script.write_text(textwrap.dedent("""
        import socket, sys
        from local.stack import LocalStack

        started = {}

        def fail(stack):
            started["moto"], started["sandbox"] = stack._moto, stack.sandbox_url
            raise RuntimeError("a start step failed")

        stack = LocalStack(port=0, quiet=True, extras=[fail])
        try:
            stack.start()
        except RuntimeError:
            # still in the same process: what start() began must already be stopped
            moto_stopped = started["moto"].poll() is not None
            try:
                socket.create_connection(("127.0.0.1", int(started["sandbox"].rsplit(":", 1)[1])), timeout=5).close()
                sandbox_closed = False
            except OSError:
                sandbox_closed = True
            print(f"moto_stopped={moto_stopped} sandbox_closed={sandbox_closed}")
            sys.exit(3)
    """))
    env_path = f"{ROOT}:{ROOT / 'layers' / 'core'}"
    # When it is started
    result = subprocess.run([sys.executable, str(script)], cwd=ROOT, capture_output=True, text=True, timeout=600,
                            env={"PYTHONPATH": env_path, "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    # Then the start failed, and before returning it had stopped moto's process and the sandbox
    assert result.returncode == 3, result.stderr
    assert result.stdout.split() == ["moto_stopped=True", "sandbox_closed=True"]


def invoke(stack: RunningStack, function: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HUB_LOCAL_STACK_FILE": str(stack.state_file)}
    for name in ("HUB_AWS_ENDPOINT_URL", "HUB_TABLE_NAME", "AWS_ENDPOINT_URL"):
        env.pop(name, None)
    return subprocess.run([sys.executable, "-m", "local", "invoke", function, f"events/{function}.json"], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=600)


def test_invoke_runs_functions_and_jobs_against_the_running_local_stack(local_stack: RunningStack) -> None:
    # Given an integration created over HTTP on the running stack (tenant acme, as in the sample events)
    with local_stack.client(tenant="acme") as admin:
        created = admin.post("/api/tenant/integrations", json={"providerId": "sandbox-apikey", "name": "invoke me"})
        assert created.status_code in (201, 409), created.text
    # When the sample list event is invoked
    listed = invoke(local_stack, "integrations-list")
    # Then the handler ran against that stack's table: it sees the integration
    assert listed.returncode == 0, listed.stderr
    assert "invoking against the local stack" in listed.stderr
    assert json.loads(json.loads(listed.stdout)["body"])["total"] >= 1
    assert "invoke me" in listed.stdout or created.status_code == 409
    # And a scheduled job (whose module reads settings at import) runs there too, not on AWS
    result = invoke(local_stack, "refresh-due-connections")
    assert result.returncode == 0 and "invoking against the local stack" in result.stderr, result.stderr


def succeeded(answer: Any) -> bool:
    """A 2xx answer (or a redirect that does not carry an error), or a worker result without
    failed queue records."""
    if not isinstance(answer, dict):
        return answer is not None
    status = answer.get("statusCode", 200)
    location = str((answer.get("headers") or {}).get("Location") or "")
    return status < 400 and "status=error" not in location and not answer.get("batchItemFailures")


def test_every_sample_event_succeeds_against_the_stack(local_stack: RunningStack) -> None:
    # Given every sample event `make events` wrote: one per route and worker
    names = sorted(path.stem for path in (ROOT / "events").glob("*.json"))
    assert len(names) >= 80
    failures = []
    for name in names:
        # When each is invoked against the running stack (invoke makes the records it names)
        result = invoke(local_stack, name)
        answer = json.loads(result.stdout) if result.returncode == 0 else None
        # Then it ran there and succeeded
        if not (answer is not None and "invoking against the local stack" in result.stderr and succeeded(answer)):
            failures.append(f"{name}: exit {result.returncode}\n{result.stdout[-1500:]}{result.stderr[-1500:]}")
    # a new route's event that fails here needs its sample request in local/sample_events.py
    # (SAMPLE_REQUESTS) and, when it names a new kind of record, a placeholder in local/samples.py
    assert failures == [], "\n".join(failures)


def test_an_event_that_deletes_its_record_can_be_invoked_again(local_stack: RunningStack) -> None:
    # Given the sample integration the delete event names was deleted by invoking it
    first = invoke(local_stack, "integrations-delete")
    assert first.returncode == 0 and json.loads(first.stdout)["statusCode"] == 204, first.stderr
    # When it is invoked again, Then invoke made the record again and the delete succeeds again
    again = invoke(local_stack, "integrations-delete")
    assert again.returncode == 0 and json.loads(again.stdout)["statusCode"] == 204, again.stderr
