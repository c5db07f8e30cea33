"""Using a connection: credentials that are good now (refreshing first when due), and the
template's verification request with them (the health job and the connection test). Calls to the
provider's API go through the one core, `hub.proxy.core`.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any, cast

from hub import clock
from hub.connections.access import expired_error, require_usable
from hub.connections.eligibility import spec_of
from hub.connections.pending import unseal
from hub.connections.record import ConnectionRecord, is_refreshable
from hub.connections.refresh import reconcile_now, refresh_connection
from hub.connections.repository import ConnectionRepository, secret_ref_of
from hub.connections.spec import ProviderSpec
from hub.connections.verify import Verification, verify
from hub.errors import ConnectionNotFound, HubError, RefreshFailed, SecretNotFound
from hub.ids import new_id
from hub.proxy.budget import limits_for, spend_if_available
from hub.vault import read_credentials


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


def wait_for_other_refresh(record: ConnectionRecord, seconds: float = 5.0) -> ConnectionRecord:
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
                current = wait_for_other_refresh(current)
            elif outcome.status == "expired":
                raise expired_error()
            latest = current.get("expiresAt")
            if isinstance(latest, int | float) and latest <= clock.now():
                raise RefreshFailed(outcome.detail or "The token could not be refreshed",
                                    details={"integrationId": current.get("integrationId")})
    return current, read_secret(current)


def run_verification(record: Mapping[str, Any]) -> dict[str, Any]:
    """The template's verification request with this connection's credentials (refreshing first
    when the token is expired). Records nothing; returns {success, message, error, statusCode,
    responseTime, testedAt, details}."""
    try:
        integration, spec = spec_of(record)
        # the check spends the connection's provider quota like any other call, but is never
        # refused by it: a health check that did not run would read as a failing connection
        fresh = spend_if_available(record, limits_for(integration, spec))
        current, payload = usable_credentials(fresh, spec)
        result = verify(spec, access_token=payload.get("accessToken"), credentials=payload.get("credentials"),
                        token_fields=current.get("tokenFields"), callback_fields=current.get("callbackFields"),
                        tenant_id=str(record["tenantId"]))
    except HubError as error:
        result = Verification(success=False, error=error.code, message=error.message)
    return result.as_dict()
