"""What the tenant-scoped vault costs (HUB_VAULT_SCOPE=tenant, hub/vault/clients.py) next to the
default scope (the function's own role), for each vault backend: a connection's credential read
as the connection code does it (Secrets Manager: GetSecretValue + the Encryption SDK's KMS
Decrypt; table: the message is in the record in hand, so KMS Decrypt only).

AWS is moto server in its own process, as in the local stack: every call is a loopback round
trip (~3-5 ms here), so the ratios weigh the hub's own work (a session's botocore session and
clients, the Encryption SDK key provider) plus one more round trip for AssumeRole. Against real
AWS, AssumeRole is a regional STS call of the same order as the reads themselves.

Three moments, each the median of several samples, side by side for both scopes:
- cold: the first read of a fresh container (clients are made; tenant scope: also the STS client,
  AssumeRole and the tenant's session);
- new tenant: the first read for a tenant this warm container has not served yet (tenant scope:
  AssumeRole and a session; the default scope reuses its clients);
- warm: a read for a tenant served before (both scopes reuse everything).
The AWS calls of each moment are counted at botocore (deterministic).
"""

from __future__ import annotations

import os
import statistics
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

from bench._env import moto_server, prepare

BACKENDS = ("secretsmanager", "table")
SCOPES = ("function", "tenant")
ROLE_ARN = "arn:aws:iam::123456789012:role/hub-bench-vault-read-write"  # moto does not check it
COLD_SAMPLES = 7
TENANTS = 40  # new-tenant samples per scope
WARM_READS = 200
PAYLOAD = {"accessToken": "at-bench-5f1e2d3c4b5a", "refreshToken": "rt-bench-9a8b7c6d5e4f"}


def run() -> dict[str, Any]:
    prepare()
    with moto_server():
        _create_resources()
        figures: dict[str, Any] = {}
        for backend in BACKENDS:
            figures.update(_measure_backend(backend))
        return figures


def _create_resources() -> None:
    from hub import aws
    from hub.settings import get_settings, reset_settings
    from local.resources import create_resources

    aws.reset_clients()
    reset_settings()
    os.environ.update(create_resources(endpoint_url=get_settings().aws_endpoint_url, with_rules=False).environment())
    reset_settings()


def _measure_backend(backend: str) -> dict[str, Any]:
    os.environ["HUB_VAULT_BACKEND"] = backend
    _use_scope("function", fresh=True)
    # one credential per tenant, stored once; every sample reads a tenant of its own scope
    per_scope = COLD_SAMPLES + TENANTS
    tenants = {scope: [f"{backend}-{scope}-{n}" for n in range(per_scope)] for scope in SCOPES}
    reads = {tenant: _seed(backend, tenant) for names in tenants.values() for tenant in names}
    times: dict[str, dict[str, list[float]]] = {scope: {"cold": [], "new tenant": [], "warm": []} for scope in SCOPES}
    calls: dict[str, dict[str, Counter[str]]] = {scope: {} for scope in SCOPES}

    def sample(scope: str, moment: str, tenant: str, *, fresh: bool = False) -> None:
        # the scopes alternate sample by sample, so a busy machine slows both alike
        _use_scope(scope, fresh=fresh)
        elapsed, calls[scope][moment] = _timed(reads[tenant])
        times[scope][moment].append(elapsed)

    for n in range(COLD_SAMPLES):
        for scope in SCOPES:
            sample(scope, "cold", tenants[scope][n], fresh=True)  # a fresh container: nothing made or loaded
    for n in range(COLD_SAMPLES, per_scope):
        for scope in SCOPES:
            sample(scope, "new tenant", tenants[scope][n])
    for n in range(WARM_READS):
        for scope in SCOPES:
            sample(scope, "warm", tenants[scope][COLD_SAMPLES + n % TENANTS])
    _use_scope("function", fresh=True)
    figures: dict[str, Any] = {}
    for moment in ("cold", "new tenant", "warm"):
        base, scoped = (statistics.median(times[scope][moment]) * 1000 for scope in SCOPES)
        figures[f"{backend} read, {moment}: ms function / tenant (ratio)"] = (
            f"{base:.1f} / {scoped:.1f} ({scoped / base:.2f}x)")
        figures[f"{backend} read, {moment}: AWS calls function → tenant"] = (
            f"{_calls(calls['function'][moment])} → {_calls(calls['tenant'][moment])}")
    return figures


def _use_scope(scope: str, *, fresh: bool = False) -> None:
    """Switch the scope; `fresh` also forgets every client, session and loaded service model."""
    import boto3

    from hub import aws
    from hub.settings import reset_settings
    from hub.vault import clients, reset_crypto, set_vault

    os.environ["HUB_VAULT_SCOPE"] = scope
    os.environ["HUB_VAULT_ROLE_ARN"] = ROLE_ARN
    reset_settings()
    if fresh:
        aws.reset_clients()
        reset_crypto()  # also forgets every tenant session
        boto3.DEFAULT_SESSION = None  # and the service models they loaded
        clients._loader.clear()
    set_vault(None)


def _seed(backend: str, tenant: str) -> Callable[[], Any]:
    """Store one credential for `tenant`; return the read the connection code makes for it."""
    from hub.repository import Repository
    from hub.table import tenant_pk
    from hub.vault import SecretRef, read_credentials, vault_named

    key = (tenant_pk(tenant), "CONNECTION#int_bench#TENANT")
    Repository().put({"pk": key[0], "sk": key[1], "entity": "connection", "tenantId": tenant,
                      "integrationId": "int_bench", "connectionId": "conn_bench", "secretStored": True})
    ref = SecretRef(tenant, "int_bench", "conn_bench", record_key=key)
    vault_named(backend).store(ref, PAYLOAD)
    record = Repository().get(*key) or {}
    return lambda: read_credentials(ref, record)


def _timed(read: Callable[[], Any]) -> tuple[float, Counter[str]]:
    from local.aws_calls import recording_aws_calls

    with recording_aws_calls() as recorded:
        started = time.perf_counter()
        assert read() == PAYLOAD
        elapsed = time.perf_counter() - started
    return elapsed, recorded.counts()


def _calls(counted: Counter[str]) -> str:
    parts = [f"{name.split('.', 1)[1]}" + (f" x{n}" if n > 1 else "") for name, n in sorted(counted.items())]
    return f"{sum(counted.values())} ({' + '.join(parts) or 'none'})"
