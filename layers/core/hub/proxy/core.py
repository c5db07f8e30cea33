"""The one way the hub calls a provider's API (docs/architecture.md, "Calling providers").

The proxy routes, search, widget data and sync all come here: the connection's quota budget is
spent (the same write reads the connection), credentials are made usable (refreshed when due)
and injected by auth mode, the URL is built on the provider's own base URL and goes through the
URL guard, failures are retried with backoff honouring Retry-After, a 401 refreshes the token
once, and one deadline bounds it all. Network failures become HubErrors that never carry the
URL (its query may hold an API key) or the provider's answer.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from hub import clock
from hub.cache import TtlCache
from hub.connections.access import require_usable
from hub.connections.eligibility import spec_of
from hub.connections.record import ConnectionRecord, is_refreshable
from hub.connections.refresh import refresh_connection
from hub.connections.spec import ProviderSpec
from hub.connections.use import read_secret, usable_credentials, wait_for_other_refresh
from hub.errors import ConnectionFailed, PayloadTooLarge, RateLimitExceeded, RefreshFailed, ValidationError
from hub.ids import new_id
from hub.providers.templates import api_base_url
from hub.proxy import auth, budget, paths, retry, scrub
from hub.proxy.models import ProviderAnswer, ProviderCall, QuotaLimits
from hub.settings import get_settings
from hub.urlguard import safe_request


def _cache_seconds() -> float:
    return float(get_settings().proxy_cache_seconds)


# a warm function reuses what it read for a connection (docs/proxy.md, "AWS calls per request"):
# the integration and provider (keyed by tenant, so isolation holds) and the decrypted
# credentials of one record version (a refresh or reconnect writes a new version)
_specs: TtlCache[tuple[dict[str, Any], ProviderSpec]] = TtlCache(_cache_seconds)
_secrets: TtlCache[dict[str, Any]] = TtlCache(_cache_seconds)


def forget_cached() -> None:
    """Test seam: the next call reads everything again."""
    _specs.clear()
    _secrets.clear()
    auth.forget_assumed_roles()
    budget.forget_leases()


def integration_and_spec(record: Mapping[str, Any]) -> tuple[dict[str, Any], ProviderSpec]:
    """The connection's integration and provider spec, reused for `proxy_cache_seconds` (the
    proxy's warm path; a change to the integration or provider reaches it within that time)."""
    tenant_id, integration_id = str(record["tenantId"]), str(record["integrationId"])
    return _specs.get((tenant_id, integration_id), lambda: spec_of(record))


def _credentials(record: ConnectionRecord, spec: ProviderSpec) -> tuple[ConnectionRecord, dict[str, Any]]:
    expires_at = record.get("expiresAt")
    if isinstance(expires_at, int | float) and expires_at - spec.refresh_buffer_seconds <= clock.now():
        return usable_credentials(record, spec)
    require_usable(record)
    if record.get("pendingWrite"):
        return record, read_secret(record)
    key = (record.get("tenantId"), record.get("integrationId"), record.get("userId"), record.get("connectionId"),
           record.get("version"), record.get("expiresAt"))
    return record, _secrets.get(key, lambda: read_secret(record))


def _refreshed(record: ConnectionRecord, spec: ProviderSpec) -> tuple[ConnectionRecord, dict[str, Any]]:
    """After a 401: refresh now (or wait for whoever is), and the credentials that came of it."""
    outcome = refresh_connection(record["tenantId"], record["integrationId"], record.get("userId"), force=True,
                                 owner=f"request:{new_id()}")
    current = record
    if outcome.status == "refreshed" and outcome.record is not None:
        current = outcome.record
    elif outcome.status == "lease_taken":
        current = wait_for_other_refresh(record)
    else:
        raise RefreshFailed(outcome.detail or "The provider refused the token and it could not be refreshed",
                            details={"integrationId": record.get("integrationId")})
    return current, read_secret(current)


@dataclass
class _Attempt:
    """What one try sends: the URL and headers with credentials in them, and those credentials
    (masked in the answer, hub/proxy/scrub.py)."""

    url: str
    headers: dict[str, str]
    secrets: tuple[str, ...]


def _prepare(call: ProviderCall, record: ConnectionRecord, spec: ProviderSpec, payload: Mapping[str, Any]) -> _Attempt:
    headers = {"accept": "application/json", **call.headers}
    if call.aws is not None:
        url = paths.join(auth.aws_base_url(call.aws), call.path, call.query)
        credentials = auth.aws_credentials(spec, payload, tenant_id=str(record["tenantId"]),
                                           connection_id=str(record.get("connectionId") or record["integrationId"]))
        signed = auth.sign_aws(call.method, url, headers, call.body, call.aws, credentials)
        return _Attempt(url, signed, scrub.sent_secrets({**payload, "session": credentials}))
    template = spec.template
    if template is None:
        raise ConnectionFailed("The hub has no HTTP API definition for this provider", code="PROVIDER_MISCONFIGURED",
                               details={"providerId": spec.provider_id})
    injected = auth.api_auth(spec, payload)
    base = api_base_url(template, dict(spec.config), record.get("tokenFields"))
    # a caller's header or query parameter of an injected name (in any case) is dropped, never
    # sent beside the connection's own
    taken_headers = {name.lower() for name in injected.headers}
    taken_query = {name.lower() for name in injected.query}
    url = paths.join(base, call.path, [*((name, value) for name, value in call.query
                                         if name.lower() not in taken_query), *injected.query.items()])
    kept = {name: value for name, value in headers.items() if name.lower() not in taken_headers}
    secrets = scrub.sent_secrets(payload, auth_value=injected.headers.get(template.api.auth_header),
                                 query=injected.query)
    return _Attempt(url, {**kept, **injected.headers}, secrets)


def _send(call: ProviderCall, attempt: _Attempt, time_left: float) -> Any:
    import httpx

    limit = get_settings().proxy_max_payload_bytes
    try:
        return safe_request(call.method, attempt.url, headers=attempt.headers, content=call.body,
                            timeout=clock.io_timeout(time_left), purpose="provider-api", max_response_bytes=limit)
    except httpx.TimeoutException:
        raise ConnectionFailed("The provider did not answer in time", code="PROVIDER_TIMEOUT") from None
    except httpx.HTTPError:
        raise ConnectionFailed() from None  # the exception text names the URL
    except ConnectionFailed as error:
        if "limit" in (error.details if isinstance(error.details, dict) else {}):
            raise PayloadTooLarge("The provider's answer is larger than the hub can return",
                                  code="RESPONSE_TOO_LARGE", details={"maxBytes": limit}) from None
        raise


def call_provider_api(record: Mapping[str, Any], call: ProviderCall, *,
                      integration: Mapping[str, Any] | None = None, spec: ProviderSpec | None = None,
                      timeout: float | None = None) -> ProviderAnswer:
    """Make `call` through the connection `record` and return the provider's answer as it is
    (any status). Raises HubError: 429 PROVIDER_RATE_LIMITED (the budget), 502/504 (network),
    401/400 (the connection cannot be used), 400 (path, URL guard)."""
    if integration is None or spec is None:
        integration, spec = spec_of(record)
    if auth.is_aws(spec) != (call.aws is not None):
        raise ValidationError("Only AWS connections take an AWS service (X-Hub-Aws-Service), and they need one",
                              details={"field": "X-Hub-Aws-Service"})
    deadline = clock.monotonic() + (timeout or get_settings().proxy_timeout_seconds)
    limits = budget.limits_for(integration, spec)
    leased = budget.spend(record, limits, deadline=deadline)
    current, payload = _credentials(leased, spec)
    if current is not leased:
        budget.remember(current)  # refreshed on the way: later calls use the new token
    attempt = _prepare(call, current, spec, payload)
    # a busy connection's next budget write runs beside this provider call, and is waited for
    # before answering (hub/proxy/budget.py, "Refilling ahead")
    refill = budget.refill_ahead(current, limits)
    try:
        return _exchange(call, attempt, current, spec, payload, limits, deadline)
    finally:
        if refill is not None:
            refill.join()


def _exchange(call: ProviderCall, attempt: _Attempt, current: ConnectionRecord, spec: ProviderSpec,
              payload: dict[str, Any], limits: QuotaLimits, deadline: float) -> ProviderAnswer:
    """The tries of one call: retries with backoff, one refresh on a 401, within `deadline`."""
    attempts, refreshed, latency = 0, False, 0.0
    last: Any = None
    while True:
        attempts += 1
        if attempts > 1:
            try:
                budget.spend(current, limits, deadline=deadline)
            except RateLimitExceeded:
                if last is not None:
                    return _answer(last, attempts - 1, refreshed, latency, attempt.secrets)
                raise
            if call.aws is not None:
                attempt = _prepare(call, current, spec, payload)  # a fresh signature date
        time_left = deadline - clock.monotonic()
        if time_left <= 0:
            raise ConnectionFailed("The provider did not answer in time", code="PROVIDER_TIMEOUT")
        started = time.perf_counter()
        last = None
        try:
            last = _send(call, attempt, time_left)
        except ConnectionFailed as error:
            latency += time.perf_counter() - started
            wait = retry.wait_before_retry(attempts, None, deadline - clock.monotonic()) if call.retryable else None
            if wait is None:
                raise error from None
            retry.sleep(wait)
            continue
        latency += time.perf_counter() - started
        status = last.status_code
        if status == 401 and not refreshed and call.aws is None and is_refreshable(current):
            current, payload = _refreshed(current, spec)
            budget.remember(current)
            attempt, refreshed = _prepare(call, current, spec, payload), True
            continue
        if status in retry.RETRIED_STATUSES and call.retryable:
            asked = retry.requested_wait(status, last.headers, spec.template.rate_limit_headers
                                         if spec.template else None)
            wait = retry.wait_before_retry(attempts, asked, deadline - clock.monotonic())
            if wait is not None:
                retry.sleep(wait)
                continue
        return _answer(last, attempts, refreshed, latency, attempt.secrets)


def _answer(response: Any, attempts: int, refreshed: bool, latency: float, secrets: tuple[str, ...]) -> ProviderAnswer:
    return ProviderAnswer(status=response.status_code,
                          headers=scrub.scrub_headers(response.headers.multi_items(), secrets),
                          body=scrub.scrub_body(bytes(response.content), secrets), attempts=attempts,
                          refreshed=refreshed, latency_ms=int(latency * 1000))


def provider_request(record: Mapping[str, Any], method: str, path: str, *, params: Mapping[str, Any] | None = None,
                     json: Any = None, integration: Mapping[str, Any] | None = None,
                     spec: ProviderSpec | None = None, timeout: float | None = None) -> ProviderAnswer:
    """A hub-internal call (search, widget data, sync): `path` is the template's own path below
    the API base URL (it may carry a query string); `params` are added to the query."""
    import json as json_module

    if not path.startswith("/") or path.startswith("//") or "://" in path or "#" in path:
        raise ValidationError("The provider path must be relative to its API base URL", details={"field": "path"})
    own_path, _, own_query = path.partition("?")
    query = [*paths.query_pairs(own_query), *((k, str(v)) for k, v in (params or {}).items() if v is not None)]
    headers, body = {}, None
    if json is not None:
        headers["content-type"] = "application/json"
        body = json_module.dumps(json).encode()
    call = ProviderCall(method=method.upper(), path=own_path, query=tuple(query), headers=headers,  # type: ignore[arg-type]
                        body=body)
    return call_provider_api(record, call, integration=integration, spec=spec, timeout=timeout)
