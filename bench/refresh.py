"""Refresh throughput, calls and cost: connections refreshed per second by the scheduled refresh
job, for each vault backend, with the AWS calls each refresh made and what they cost
(docs/cost.md is written from these counts by bench/_cost.py).

10,000 user connections of one sandbox integration are due; the sandbox's token endpoint adds
50 ms to every answer (`latency_ms`). The job runs as in Lambda (its handler's code path, one
invocation, `refresh_concurrency` refreshes in flight) and each refresh is the full path: lease
by conditional write (which is the read, with the sealed grant), provider spec, the grant
opened (Encryption SDK), token request over loopback HTTP, the new grant sealed, claimed in the
record and written to the secret (Secrets Manager) or the record (`table`), record updated,
`integration.refreshed` on the bus, activity record. AWS is in-process moto, so the hub's own work and moto's share one
interpreter (and its GIL) on this machine; the ideal is concurrency ÷ latency.

Seeding is not measured: tokens come from the sandbox's own authorization-code flow (its WSGI
app called in-process), secrets go through the vault (8 threads: moto's Secrets Manager is made
atomic by local/moto_atomic.py), records are batch-written.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from bench._cost import Measured, monthly_per_connection, total, write_cost_doc
from bench._env import prepare

ROOT = Path(__file__).resolve().parent.parent

CONNECTIONS = 10_000
LATENCY_MS = 50
# one invocation, as Lambda runs it: it stops starting refreshes `job_time_margin_ms` (20 s)
# before this timeout and hands what is left to the refresh queue
JOB_TIMEOUT_SECONDS = 120


def progress(message: str) -> None:
    print(f"  … {message}", file=sys.stderr, flush=True)


BACKENDS = ("secretsmanager", "table")


def run(connections: int = CONNECTIONS, latency_ms: int = LATENCY_MS) -> dict[str, Any]:
    """Both backends side by side; writes docs/cost.md from the counted calls."""
    figures: dict[str, Any] = {}
    measured: list[Measured] = []
    for backend in BACKENDS:
        progress(f"vault backend {backend}")
        result, counted = run_backend(backend, connections, latency_ms)
        measured.append(counted)
        figures.update({f"{backend}: {key}": value for key, value in result.items()})
    figures["docs/cost.md written from the counted calls"] = str(write_cost_doc(measured).relative_to(ROOT))
    return figures


def run_backend(backend: str, connections: int, latency_ms: int) -> tuple[dict[str, Any], Measured]:
    prepare()
    os.environ["POWERTOOLS_LOG_LEVEL"] = "ERROR"  # thousands of refreshes: only errors are news
    os.environ["HUB_VAULT_BACKEND"] = backend
    from hub.vault import set_vault
    from local.sandbox import start_sandbox
    from local.stack import free_port, wait_for_port

    set_vault(None)

    # moto in its own process, as in the local stack: AWS's side of each call runs on the other
    # core instead of competing with the job's threads for this interpreter
    port = free_port()
    moto = subprocess.Popen([sys.executable, "-m", "local.moto_server", str(port)], cwd=ROOT,  # noqa: S603
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_port(port)
        os.environ["HUB_AWS_ENDPOINT_URL"] = f"http://127.0.0.1:{port}"
        with start_sandbox(port=0) as sandbox:
            os.environ["HUB_SANDBOX_BASE_URL"] = sandbox.base_url
            integration = _prepare()
            sizes = _seed(sandbox, integration, connections)
            figures, job_calls, due = _measure(sandbox, latency_ms, moto.pid)
            operations, one_refresh = _operation_calls(integration)
            measured = _priced(backend, one_refresh, job_calls, due, sizes)
            figures.update(operations)
            figures["AWS calls per refresh (priced: one warm refresh + the job's own calls per due connection)"] = \
                round(sum(measured.calls_per_refresh.values()), 2)
            figures["$ per connection-month (10k connections, 1-hour tokens)"] = round(
                total(monthly_per_connection(measured, 10_000)), 4)
            return figures, measured
    finally:
        moto.terminate()
        moto.wait(10)


def _prepare() -> dict[str, Any]:
    from hub import aws
    from hub.integrations.models import IntegrationCreate
    from hub.integrations.service import create_integration
    from hub.principal import Principal
    from hub.settings import get_settings, reset_settings
    from local.resources import create_resources
    from local.seed import seed_sandbox_providers

    aws.reset_clients()
    reset_settings()
    os.environ.update(create_resources(endpoint_url=get_settings().aws_endpoint_url or None,
                                       with_rules=False).environment())
    reset_settings()
    seed_sandbox_providers()
    admin = Principal(user_id="bench-admin", tenant_id="bench", roles=frozenset({"tenant_admin"}))
    return create_integration(admin, IntegrationCreate(providerId="sandbox", name="bench sandbox", userScoped=True))


def _mint_tokens(sandbox: Any, count: int) -> list[dict[str, Any]]:
    """Access + refresh tokens from the sandbox's authorization-code flow (in-process WSGI)."""
    import base64
    from urllib.parse import parse_qsl, urlencode, urlsplit

    from werkzeug.test import Client

    from local.sandbox import CALLBACK_PATH, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET

    client = Client(sandbox.provider.wsgi_app)
    redirect = f"http://127.0.0.1:3000{CALLBACK_PATH}"
    basic = base64.b64encode(f"{DEFAULT_CLIENT_ID}:{DEFAULT_CLIENT_SECRET}".encode()).decode()
    tokens = []
    for n in range(count):
        query = urlencode({"client_id": DEFAULT_CLIENT_ID, "redirect_uri": redirect, "response_type": "code",
                           "scope": "profile items:read", "state": f"s{n}"})
        answer = client.get(f"/oauth/authorize?{query}")
        code = dict(parse_qsl(urlsplit(answer.headers["Location"]).query))["code"]
        answer = client.post("/oauth/token", data={"grant_type": "authorization_code", "code": code,
                                                   "redirect_uri": redirect},
                             headers={"Authorization": f"Basic {basic}"})
        tokens.append(answer.get_json())
    return tokens


def _seed(sandbox: Any, integration: dict[str, Any], count: int) -> tuple[int, int]:
    """The due connections; returns the stored sizes of a connection item and an activity line."""
    from hub import aws, clock
    from hub.connections.activity import activity_item
    from hub.connections.repository import ConnectionRepository, secret_ref_of
    from hub.ids import new_id
    from hub.jobs.due import REFRESH, connection_key
    from hub.repository import serialize
    from hub.settings import get_settings
    from hub.table import due_keys
    from hub.vault import BACKEND_FIELD, MESSAGE_FIELD, TABLE, credential_fields, get_vault

    started = time.perf_counter()
    tokens = _mint_tokens(sandbox, count)
    progress(f"{count:,} token grants from the sandbox in {time.perf_counter() - started:.0f} s")
    repository, vault = ConnectionRepository(), get_vault()
    now = clock.now()

    def seed_one(n: int) -> dict[str, Any]:
        token = tokens[n]
        record: dict[str, Any] = {
            "tenantId": integration["tenantId"], "integrationId": integration["id"], "userId": f"user-{n:05d}",
            "connectionId": new_id("conn"), "providerId": "sandbox", "templateId": "sandbox", "authType": "oauth2",
            "status": "active", "secretStored": True, "refreshMode": "refresh_token", "hasRefreshToken": True,
            "tokenType": "Bearer", "expiresAt": round(now + 900, 3), "refreshDueAt": round(now - 60, 3),
            "refreshFailures": 0, "refreshFailureDays": 0, "healthFailures": 0, "createdAt": clock.iso(now),
            "version": 1,
        }
        record.update(due_keys(REFRESH, connection_key(record), record["refreshDueAt"]))
        ref = secret_ref_of(record)
        payload = {"accessToken": token["access_token"], "refreshToken": token["refresh_token"], "tokenType": "Bearer"}
        # the sealed message goes in the item (`table`: the credential; Secrets Manager: the copy
        # a grant write leaves there, hub.vault.message_fields) and, with Secrets Manager, in the secret
        stored = credential_fields(ref, payload)
        if stored[BACKEND_FIELD] != TABLE:
            vault.store_message(ref, stored[MESSAGE_FIELD])
        return repository.item_of({**record, **stored})

    items = []
    with ThreadPoolExecutor(max_workers=8) as pool:
        for n, item in enumerate(pool.map(seed_one, range(count)), start=1):
            items.append(item)
            if n % 2500 == 0:
                progress(f"{n:,} secrets stored ({time.perf_counter() - started:.0f} s)")
    table = get_settings().table_name
    for start in range(0, len(items), 25):
        aws.client("dynamodb").batch_write_item(RequestItems={table: [
            {"PutRequest": {"Item": serialize(item)}} for item in items[start:start + 25]]})
    progress(f"{count:,} due connections seeded in {time.perf_counter() - started:.0f} s")
    activity = activity_item(integration["tenantId"], integration["id"], "refresh", "success", user_id="user-00000",
                             details={"connectionId": items[0]["connectionId"]})
    return _stored_bytes(items[0]), _stored_bytes(activity)


def _stored_bytes(item: dict[str, Any]) -> int:
    """DynamoDB's item size: attribute names plus values (strings as UTF-8, numbers ~ their digits)."""
    import json

    return sum(len(name.encode()) + len(json.dumps(value, default=str).encode()) for name, value in item.items())


def _cpu_seconds(pid: int) -> float:
    """CPU time (user + system) a process has used so far (Linux /proc; 0 elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


# the job's own calls, per due connection: reading the due index and handing work to the queue
JOB_CALLS = ("dynamodb.Query", "sqs.SendMessageBatch")


def _priced(backend: str, one_refresh: list[str], job_calls: Mapping[str, int], due: int,
            sizes: tuple[int, int]) -> Measured:
    """What docs/cost.md prices: the calls of one warm refresh, counted one by one (they do not
    depend on the machine), plus the job's own calls spread over the connections it found due.
    The invocation's total divided by what it refreshed would charge the per-invocation start
    (cache misses, a first read of each record) to the few refreshes a loaded machine fits in."""
    calls = {call: float(n) for call, n in Counter(one_refresh).items()}
    for call in JOB_CALLS:
        calls[call] = calls.get(call, 0.0) + job_calls.get(call, 0) / max(1, due)
    return Measured(backend, dict(sorted(calls.items())), *sizes)


def _measure(sandbox: Any, latency_ms: int, moto_pid: int) -> tuple[dict[str, Any], Mapping[str, int], int]:
    from hub.connections.refresh import refresh_connection
    from hub.jobs.refresh_due import refresh_due_connections
    from hub.jobs.runtime import TimeBudget
    from hub.settings import get_settings
    from local.apigw import LambdaContext
    from local.aws_calls import recording_aws_calls

    sandbox.provider.configure(latency_ms=latency_ms)
    settings = get_settings()
    window = {"first": 0.0, "last": 0.0}
    lock = threading.Lock()

    def timed_refresh(*args: Any, **kwargs: Any) -> Any:
        # the job's own refresher, with the first start and last end of a refresh recorded
        begun = time.perf_counter()
        with lock:
            window["first"] = window["first"] or begun
        try:
            return refresh_connection(*args, **kwargs)
        finally:
            with lock:
                window["last"] = time.perf_counter()

    done = threading.Event()

    def report_progress() -> None:
        while not done.wait(15):
            refreshed = sandbox.provider.stats()["token_requests"].get("refresh_token", 0)
            progress(f"{refreshed:,} refreshed so far")

    threading.Thread(target=report_progress, daemon=True).start()
    started = time.perf_counter()
    hub_cpu, moto_cpu = time.process_time(), _cpu_seconds(moto_pid)
    context = LambdaContext("refresh-due-connections", timeout_seconds=JOB_TIMEOUT_SECONDS)
    try:
        with recording_aws_calls() as calls:
            report = refresh_due_connections(owner=context.aws_request_id, refresher=timed_refresh,
                                             budget=TimeBudget(context, margin_ms=settings.job_time_margin_ms))
    finally:
        done.set()
    elapsed = time.perf_counter() - started
    hub_cpu, moto_cpu = time.process_time() - hub_cpu, _cpu_seconds(moto_pid) - moto_cpu
    refreshing = max(1e-9, window["last"] - window["first"])
    per_refresh_ms = 1000 * (hub_cpu + moto_cpu) / max(1, report.succeeded)
    rate = report.succeeded / refreshing
    ideal = settings.refresh_concurrency / (latency_ms / 1000)
    refreshed = max(1, report.succeeded)
    return {
        "due connections": report.due,
        "invocation timeout (s)": JOB_TIMEOUT_SECONDS,
        "refreshed by the invocation": report.succeeded,
        "failed": report.failed,
        "handed to the refresh queue": report.enqueued,
        "token requests seen by the sandbox": sandbox.provider.stats()["token_requests"].get("refresh_token", 0),
        "invocation wall time (s)": round(elapsed, 1),
        "refreshed per second": round(rate, 1),
        "ideal: concurrency / latency per second": f"{settings.refresh_concurrency} / {latency_ms} ms = {ideal:.0f}",
        "of ideal (%)": round(100 * rate / ideal, 1),
        "CPU per refresh: hub + sandbox / moto (ms)":
            f"{1000 * hub_cpu / max(1, report.succeeded):.0f} / {1000 * moto_cpu / max(1, report.succeeded):.0f}",
        f"CPU-bound ceiling on {os.cpu_count()} cores per second": round(
            1000 * (os.cpu_count() or 1) / per_refresh_ms, 1),
        "AWS calls of the invocation per refresh": round(sum(calls.counts().values()) / refreshed, 2),
    }, calls.counts(), report.due


def _operation_calls(integration: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The calls of one refresh, one forced refresh through the API and one GET connection, in
    a warm container, for one of the connections the job just refreshed (the same operations
    tests/integration/test_call_counts.py holds to local/aws_calls.CALL_BUDGETS)."""
    import json

    from hub.connections.refresh import refresh_connection
    from local.apigw import invoke
    from local.aws_calls import counted, recording_aws_calls

    tenant_id, integration_id, user = integration["tenantId"], integration["id"], "user-00001"
    claims = {"sub": user, "tenant_id": tenant_id, "roles": ["user"]}
    path = f"/api/user/integrations/{integration_id}/connection"
    with recording_aws_calls() as calls:
        invoke("GET", path, claims=claims)  # warm: this container has read the integration
        _, reading = counted(calls, lambda: invoke("GET", path, claims=claims))
        answer, forcing = counted(calls, lambda: invoke(
            "POST", f"{path}/refresh", claims=claims, body=json.dumps({"force": True}),
            headers={"content-type": "application/json"}))
        outcome, refreshing = counted(calls, lambda: refresh_connection(
            tenant_id, integration_id, "user-00002", force=True, owner="bench"))
    if int(answer["statusCode"]) != 200 or outcome.status != "refreshed":
        raise RuntimeError(f"the counted refreshes failed: {answer.get('body')} / {outcome.status}")
    return {
        "AWS calls: one refresh / forced refresh (API) / GET connection":
            f"{len(refreshing)} / {len(forcing)} / {len(reading)}",
    }, refreshing


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else CONNECTIONS
    for key, value in run(count).items():
        print(f"{key}: {value}")
