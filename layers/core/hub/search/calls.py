"""The provider spec and one provider call, as search and the data widget use them, and the
connections a search calls through.

Provider calls go through `hub.proxy.core` (budget, credentials, refresh, retries, URL guard);
every failure becomes a HubError whose message and details never carry the provider's answer, a
URL or a credential. Apart from the access rules (hub/search/access.py) so that the status and
activity widgets do not import the provider-call core at their cold start (bench/imports.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from hub.catalog.repository import ProviderRepository
from hub.connections.repository import ConnectionRepository
from hub.connections.spec import spec_from_records
from hub.errors import ConnectionFailed, ProviderNotFound, ValidationError
from hub.providers.templates import json_path_value
from hub.proxy import budget
from hub.proxy.core import provider_request
from hub.search.access import caller_user_id

if TYPE_CHECKING:  # pragma: no cover - typing only
    from hub.connections.spec import ProviderSpec
    from hub.principal import Principal

USABLE_PROVIDER_STATUSES = ("active", "beta")


def provider_spec(integration: Mapping[str, Any], providers: dict[str, Any] | None = None) -> ProviderSpec:
    """The integration's effective spec. The provider record is the warm container's copy
    (hub/catalog/repository.py `cached_provider`); `providers` keeps it within one request."""

    provider_id = str(integration["providerId"])
    cache = providers if providers is not None else {}
    if provider_id not in cache:
        cache[provider_id] = ProviderRepository().cached_provider(provider_id)
    provider = cache[provider_id]
    if provider is None:
        raise ProviderNotFound(details={"providerId": provider_id})
    spec = spec_from_records(provider, integration)
    if spec.provider.get("status") not in USABLE_PROVIDER_STATUSES:
        raise ValidationError("The provider of this integration is not available", code="PROVIDER_DISABLED",
                              details={"providerId": provider_id})
    return spec


def _retry_after(value: str | None) -> int | None:
    # isdigit() alone takes "²", which int() refuses
    return int(value) if value and value.isascii() and value.isdigit() else None


def call_provider(record: Mapping[str, Any], method: str, path: str, *, params: Mapping[str, Any] | None = None,
                  json: Any = None, integration: Mapping[str, Any] | None = None,
                  spec: ProviderSpec | None = None, timeout: float | None = None) -> Any:
    """One provider API call through the connection; the parsed JSON answer, or a HubError.
    `integration` and `spec`, when the caller has them, spare the core reading them again;
    `timeout` bounds the whole call (default `proxy_timeout_seconds`)."""
    response = provider_request(record, method, path, params=params, json=json, integration=integration, spec=spec,
                                timeout=timeout)
    status = response.status
    if status in (401, 403):
        raise ConnectionFailed("The provider refused this connection's credentials; test or reconnect it",
                               details={"statusCode": status})
    if status == 429:
        details: dict[str, Any] = {"statusCode": status}
        retry_after = _retry_after(response.header("Retry-After"))
        if retry_after is not None:
            details["retryAfter"] = retry_after
        raise ConnectionFailed("The provider is rate limiting this connection", code="PROVIDER_RATE_LIMITED",
                               details=details)
    if status >= 400:
        raise ConnectionFailed(f"The provider answered with status {status}", details={"statusCode": status})
    try:
        return response.json()
    except ValueError:
        raise ConnectionFailed("The provider's answer is not JSON", details={"statusCode": status}) from None


def records_at(payload: Any, items_path: str) -> list[Any]:
    """The list of records at a template's `itemsPath`, or CONNECTION_FAILED."""

    items = json_path_value(payload, items_path)
    if not isinstance(items, list):
        raise ConnectionFailed("The provider's answer has no list of records where the template expects one",
                               details={"itemsPath": items_path})
    return items


def callers_connections(principal: Principal, integrations: list[dict[str, Any]]
                        ) -> dict[str, Mapping[str, Any]]:
    """The caller's connection of each integration (by integration id) in one read: a search
    over eight integrations reads their connections once, not eight times. A connection this
    warm function holds budget for comes from that lease (at most a second old, as the proxy
    uses it: hub/proxy/budget.py), so a busy search reads none."""
    wanted = [(str(i["id"]), caller_user_id(principal, i)) for i in integrations]
    found: dict[tuple[str, str | None], Mapping[str, Any]] = {}
    for integration_id, user_id in wanted:
        held = budget.held_connection({"tenantId": principal.tenant_id, "integrationId": integration_id,
                                       "userId": user_id})
        if held is not None:
            found[(integration_id, user_id)] = held
    unread = [key for key in wanted if key not in found]
    if unread:
        found.update(ConnectionRepository().get_connections(principal.tenant_id, unread))
    return {integration_id: found[(integration_id, user_id)] for integration_id, user_id in wanted
            if (integration_id, user_id) in found}
