"""Using a connection: credentials that are good now (refreshing first when due) and calls to the
provider's API with them. This is what search, sync, widgets and the health job import.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import urlencode

from hub import clock
from hub.connections.access import expired_error, require_usable, spec_of
from hub.connections.pending import unseal
from hub.connections.record import ConnectionRecord, is_refreshable
from hub.connections.refresh import reconcile_now, refresh_connection
from hub.connections.repository import ConnectionRepository, secret_ref_of
from hub.connections.spec import ProviderSpec
from hub.connections.verify import Verification, verify
from hub.errors import ConnectionNotFound, HubError, RefreshFailed, SecretNotFound, ValidationError
from hub.ids import new_id
from hub.providers.templates import ApiAuth, api_base_url, build_api_auth
from hub.urlguard import safe_request
from hub.vault import read_credentials

if TYPE_CHECKING:  # pragma: no cover - typing only; httpx is imported where a request is made
    import httpx


def read_secret(record: Mapping[str, Any]) -> dict[str, Any]:
    """The connection's credentials: a grant still pending in the record wins over the vault's
    (it is newer), and is written to the vault on the way when the lease is free."""
    grant = unseal(record)
    if grant is not None:
        reconcile_now(cast(ConnectionRecord, record))
        return grant.payload
    try:
        return read_credentials(secret_ref_of(record), record)
    except SecretNotFound:
        raise ConnectionNotFound("The connection's credentials are gone; reconnect the integration",
                                 details={"integrationId": record.get("integrationId")}) from None


def _wait_for_other_refresh(record: ConnectionRecord, seconds: float = 5.0) -> ConnectionRecord:
    """Someone else holds the refresh lease: wait (briefly) for their result."""
    repository = ConnectionRepository()
    deadline = time.monotonic() + seconds
    current = record
    while time.monotonic() < deadline:
        time.sleep(0.2)
        latest = repository.reread(record)
        if latest is None:
            raise ConnectionNotFound(details={"integrationId": record.get("integrationId")})
        current = latest
        if not latest.get("leaseOwner") or float(latest.get("leaseExpiresAt") or 0) < clock.now():
            break
    return current


def usable_credentials(record: ConnectionRecord, spec: ProviderSpec) -> tuple[ConnectionRecord, dict[str, Any]]:
    """(record, vault payload) with a token that is good for at least the refresh buffer:
    refreshes first when it is expired or about to be."""
    current = record
    require_usable(current)
    expires_at = current.get("expiresAt")
    now = clock.now()
    if isinstance(expires_at, int | float) and expires_at - spec.refresh_buffer_seconds <= now:
        if not is_refreshable(current):
            if expires_at <= now:
                raise expired_error()
        else:
            outcome = refresh_connection(current["tenantId"], current["integrationId"], current.get("userId"),
                                         force=True, owner=f"request:{new_id()}")
            if outcome.status == "refreshed" and outcome.record is not None:
                current = outcome.record
            elif outcome.status == "lease_taken":
                current = _wait_for_other_refresh(current)
            elif outcome.status == "expired":
                raise expired_error()
            latest = current.get("expiresAt")
            if isinstance(latest, int | float) and latest <= clock.now():
                raise RefreshFailed(outcome.detail or "The token could not be refreshed",
                                    details={"integrationId": current.get("integrationId")})
    return current, read_secret(current)


def _api_auth(spec: ProviderSpec, payload: Mapping[str, Any]) -> ApiAuth:
    template = spec.template
    assert template is not None
    access = payload.get("accessToken")
    auth = build_api_auth(template, access_token=access, credentials=payload.get("credentials"),
                          config=dict(spec.config))
    if access and template.api.auth_header not in auth.headers:
        # token-producing custom logins (service accounts, client credentials) send the token
        scheme = template.api.auth_scheme or "Bearer"
        auth = ApiAuth(headers={**auth.headers, template.api.auth_header: f"{scheme} {access}"}, query=auth.query)
    return auth


def provider_request(record: Mapping[str, Any], method: str, path: str, *, params: Mapping[str, Any] | None = None,
                     json: Any = None) -> httpx.Response:
    """One provider API call with the connection's credentials (through the URL guard),
    refreshing first when the token is expired or within the refresh buffer. Used by sync and
    search. `path` is relative to the provider's API base URL."""
    _integration, spec = spec_of(record)
    template = spec.template
    if template is None or template.custom_auth in ("aws_iam_role", "aws_access_keys"):
        raise ValidationError("The hub has no HTTP API definition for this provider",
                              details={"providerId": spec.provider_id})
    if not path.startswith("/") or path.startswith("//") or "://" in path or "#" in path:
        raise ValidationError("The provider path must be relative to its API base URL", details={"field": "path"})
    current, payload = usable_credentials(cast(ConnectionRecord, record), spec)
    auth = _api_auth(spec, payload)
    url = api_base_url(template, dict(spec.config), current.get("tokenFields")) + path
    query = {**{k: str(v) for k, v in (params or {}).items() if v is not None}, **auth.query}
    if query:
        url += ("&" if "?" in url else "?") + urlencode(query)
    headers = {"Accept": "application/json", **auth.headers}
    return safe_request(method, url, headers=headers, json=json, purpose="provider-api")


def run_verification(record: Mapping[str, Any]) -> dict[str, Any]:
    """The template's verification request with this connection's credentials (refreshing first
    when the token is expired). Records nothing; returns {success, message, error, statusCode,
    responseTime, testedAt, details}."""
    try:
        _integration, spec = spec_of(record)
        current, payload = usable_credentials(cast(ConnectionRecord, record), spec)
        result = verify(spec, access_token=payload.get("accessToken"), credentials=payload.get("credentials"),
                        token_fields=current.get("tokenFields"), callback_fields=current.get("callbackFields"),
                        tenant_id=str(record["tenantId"]))
    except HubError as error:
        result = Verification(success=False, error=error.code, message=error.message)
    return result.as_dict()
