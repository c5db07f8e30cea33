"""How a caller reads provider data (shared by search and the widgets).

The caller reads through exactly one connection: the tenant's connection of the integration, or,
for a user-scoped integration, the caller's own connection (the user id comes from the token,
never from input, so nobody reads through another user's connection). The integration must be
enabled, its provider usable, and the connection active. Provider calls go through
`hub.proxy.core` (budget, credentials, refresh, retries, URL guard); every failure
becomes a HubError whose message and details never carry the provider's answer, a URL or a
credential.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from hub.catalog.repository import ProviderRepository
from hub.connections.record import effective_status
from hub.connections.repository import ConnectionRepository
from hub.connections.spec import spec_from_records
from hub.errors import ConnectionFailed, ConnectionNotFound, HubError, ProviderNotFound, ValidationError
from hub.providers.templates import json_path_value
from hub.proxy.core import provider_request

if TYPE_CHECKING:  # pragma: no cover - typing only
    from hub.connections.spec import ProviderSpec
    from hub.principal import Principal

USABLE_PROVIDER_STATUSES = ("active", "beta")


class IntegrationDisabled(HubError):
    status_code = 409
    code = "INTEGRATION_DISABLED"
    default_message = "The integration is disabled; activate it first"


def is_enabled(integration: Mapping[str, Any]) -> bool:
    return integration.get("enabled") is not False and integration.get("status") != "disabled"


def caller_user_id(principal: Principal, integration: Mapping[str, Any]) -> str | None:
    """Whose connection the caller reads: its own for user-scoped integrations, else the tenant's."""
    return principal.user_id if integration.get("userScoped") else None


def caller_connection(principal: Principal, integration: Mapping[str, Any]) -> Mapping[str, Any] | None:
    return ConnectionRepository().get_connection(principal.tenant_id, str(integration["id"]),
                                                 caller_user_id(principal, integration))


def is_usable(record: Mapping[str, Any] | None) -> bool:
    return bool(record and record.get("secretStored") and effective_status(record) == "active")


def require_connection(principal: Principal, integration: Mapping[str, Any]) -> dict[str, Any]:
    """The caller's active connection of the integration, or CONNECTION_NOT_FOUND (404)."""
    return usable_connection(integration, caller_connection(principal, integration))


def callers_connections(principal: Principal, integrations: list[dict[str, Any]]
                        ) -> dict[str, Mapping[str, Any]]:
    """The caller's connection of each integration (by integration id) in one read: a search
    over eight integrations reads their connections once, not eight times."""
    wanted = [(str(i["id"]), caller_user_id(principal, i)) for i in integrations]
    found = ConnectionRepository().get_connections(principal.tenant_id, wanted)
    return {integration_id: found[(integration_id, user_id)] for integration_id, user_id in wanted
            if (integration_id, user_id) in found}


def usable_connection(integration: Mapping[str, Any], current: Mapping[str, Any] | None) -> dict[str, Any]:
    """`current` when it is an active connection of the integration, else CONNECTION_NOT_FOUND."""
    if current is None or not is_usable(current):
        message = ("You have not connected this integration (or your connection is not active)"
                   if integration.get("userScoped") else "The integration is not connected (or its connection is "
                                                         "not active)")
        raise ConnectionNotFound(message, details={"integrationId": integration["id"]})
    return dict(current)


def require_enabled(integration: Mapping[str, Any]) -> None:
    if not is_enabled(integration):
        raise IntegrationDisabled(details={"integrationId": integration["id"]})


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
    return int(value) if value and value.isdigit() else None


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
