"""The proxy against calling the provider directly, AWS calls per proxied request, and search
fan-out (docs/proxy.md).

The sandbox provider on loopback answers after `latency_ms` (50 ms, a typical provider API).
- overhead: the median of `calls` GETs of `/api/me` through the proxy handler (payload-v2 event,
  the whole pipeline: rate limit, budget, credentials, URL guard, activity line) over the median
  of the same GETs sent directly with httpx (a new connection each, as the hub makes them);
- AWS calls of one warm proxied request, counted at botocore (deterministic; the test
  tests/integration/test_proxy_budget.py asserts the same count);
- search: the median of a global search over 8 connected integrations over that of 1.
AWS is moto in its own process (bench/_env.py), as in the local stack: AWS's side of each call
runs on the other core, as it would run on AWS's machines.
"""

from __future__ import annotations

import statistics
import time
from typing import Any

LATENCY_MS = 50


def run(calls: int = 40, searches: int = 15) -> dict[str, Any]:
    from bench._env import moto_server, prepare

    prepare()
    with moto_server():
        return _measure(calls, searches)


def _api(method: str, path: str, *, role: str = "tenant_admin", tenant: str = "bench",
         body: str | None = None, query: dict[str, str] | None = None) -> dict[str, Any]:
    from local.apigw import invoke

    headers = {"content-type": "application/json"} if body is not None else None
    result = invoke(method, path, query=query, headers=headers, body=body,
                    claims={"sub": "ben", "tenant_id": tenant, "roles": [role]})
    if int(result["statusCode"]) >= 400:
        raise RuntimeError(f"{method} {path}: {result['statusCode']} {result.get('body', '')[:300]}")
    return result


def _connected_integration(provider: str, tenant: str = "bench") -> str:
    import json

    created = _api("POST", "/api/tenant/integrations", tenant=tenant,
                   body=json.dumps({"providerId": provider, "name": f"Bench {provider}",
                                    "providerQuota": {"requests": 100_000, "perSeconds": 60}}))
    integration_id = str(json.loads(created["body"])["id"])
    _api("POST", f"/api/tenant/integrations/{integration_id}/connect/api-key", tenant=tenant,
         body=json.dumps({"apiKey": "sbx_test_key_valid_0001"}))
    return integration_id


def _median_ms(action: Any, count: int) -> float:
    timings = []
    for _ in range(count):
        started = time.perf_counter()
        action()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def _measure(calls: int, searches: int) -> dict[str, Any]:
    import os

    import httpx

    from hub import aws
    from hub.settings import get_settings, reset_settings
    from local.aws_calls import recording_aws_calls
    from local.resources import create_resources
    from local.sandbox import start_sandbox
    from local.seed import seed_sandbox_providers

    aws.reset_clients()
    reset_settings()
    os.environ.update(create_resources(endpoint_url=get_settings().aws_endpoint_url, with_rules=False).environment())
    sandbox = start_sandbox(port=0)
    os.environ["HUB_SANDBOX_BASE_URL"] = sandbox.base_url
    reset_settings()
    try:
        seed_sandbox_providers()
        sandbox.provider.configure(api_latency_ms=LATENCY_MS, rate_limit=1_000_000)
        integration_id = _connected_integration("sandbox-apikey")
        proxied_path = f"/api/tenant/integrations/{integration_id}/proxy/api/me"
        _api("GET", proxied_path)  # warm: the function's first call reads and keeps what it may
        headers = {"X-API-Key": "sbx_test_key_valid_0001"}
        tls = httpx.create_ssl_context(trust_env=False)  # loaded once, as the hub does (hub/urlguard.py)

        def direct() -> None:
            # a new connection per request, like the hub's calls
            with httpx.Client(trust_env=False, verify=tls) as client:
                client.get(f"{sandbox.base_url}/api/me", headers=headers).raise_for_status()

        direct_ms = _median_ms(direct, calls)
        proxied_ms = _median_ms(lambda: _api("GET", proxied_path), calls)
        with recording_aws_calls() as recorded:
            _api("GET", proxied_path)
        fan_out = _search_fan_out(searches)
    finally:
        sandbox.stop()
        aws.reset_clients()
    return {
        "provider latency ms": LATENCY_MS,
        "direct ms (median)": round(direct_ms, 1),
        "proxied ms (median)": round(proxied_ms, 1),
        "ratio proxied / direct (goal <= 1.2)": round(proxied_ms / direct_ms, 2),
        "AWS calls per warm proxied request (goal <= 3)": len(recorded),
        "AWS calls by operation": dict(sorted(recorded.counts().items())),
        **fan_out,
    }


def _search_fan_out(searches: int) -> dict[str, Any]:
    import json

    admin_body = {"provider": "", "templateId": "sandbox-apikey"}
    one = "bench-one"
    _connected_integration("sandbox-apikey", tenant=one)
    eight = "bench-eight"
    for index in range(8):
        provider = f"sandbox-key-{index}"
        _api("POST", "/api/admin/integrations", role="super_admin", tenant="platform",
             body=json.dumps({**admin_body, "provider": provider}))
        _connected_integration(provider, tenant=eight)
    body = json.dumps({"query": "report"})

    def search(tenant: str) -> None:
        _api("POST", "/api/integrations/search", role="user", tenant=tenant, body=body)

    search(one)
    search(eight)
    single = _median_ms(lambda: search(one), searches)
    fanned = _median_ms(lambda: search(eight), searches)
    return {
        "search ms, 1 integration (median)": round(single, 1),
        "search ms, 8 integrations (median)": round(fanned, 1),
        "search ratio 8 / 1 (goal <= 1.2)": round(fanned / single, 2),
    }
