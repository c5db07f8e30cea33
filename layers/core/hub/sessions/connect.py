"""Connecting through a connect session: typed-in credentials, the OAuth popup and its outcome.

Apart from creating and reading sessions (hub/sessions/service.py) so that those handlers do not
import the connection flows at their cold start (bench/imports.py)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from hub import clock
from hub.connections.connect import connect_with_credentials
from hub.connections.oauth import start_oauth
from hub.connections.record import is_live
from hub.connections.repository import ConnectionRepository
from hub.connections.spec import provider_spec_for
from hub.errors import (
    ConnectionNotFound,
    ConnectSessionBusy,
    ConnectSessionUsed,
    HubError,
    IntegrationNotFound,
    ValidationError,
)
from hub.integrations.records import get_integration
from hub.principal import Principal, Role
from hub.redaction import register_secret
from hub.sessions.models import (
    ATTEMPT_LEASE_SECONDS,
    CredentialsSubmit,
    SessionOAuthStarted,
    SessionRecord,
    SessionResult,
)
from hub.sessions.repository import SessionRepository
from hub.sessions.service import audit_session, hub_origin, open_session, page_url

# the connect endpoint of each typed-in auth mode (hub/connections/record.py ENDPOINT_MODES)
_CREDENTIAL_ENDPOINTS = {"api_key": "api_key", "basic": "basic", "custom": "custom",
                         "oauth2_client_credentials": "custom"}


def _offered(record: SessionRecord, integration_id: str) -> dict[str, Any]:
    if integration_id not in record.integrationIds:
        raise IntegrationNotFound(details={"id": integration_id})
    return get_integration(record.tenantId, integration_id)


def _acting_principal(record: SessionRecord, *, user_scoped: bool) -> Principal:
    """Who connects: the end user for a user-scoped integration (the connection is theirs),
    otherwise the tenant, on behalf of the end user or of the admin who made the session."""
    if user_scoped:
        return Principal(user_id=str(record.endUserId), tenant_id=record.tenantId, roles=frozenset({Role.USER}))
    return Principal(user_id=record.endUserId or record.createdBy, tenant_id=record.tenantId,
                     roles=frozenset({Role.TENANT_ADMIN}))


def connect_with_session_credentials(headers: Mapping[str, str], integration_id: str,
                                     body: CredentialsSubmit) -> SessionResult:
    record = open_session(headers)
    integration = _offered(record, integration_id)
    if integration.get("userScoped"):
        raise ValidationError("This integration is connected through its provider's sign-in (OAuth)",
                              code="AUTH_TYPE_MISMATCH", details={"integrationId": integration_id})
    endpoint = _CREDENTIAL_ENDPOINTS.get(provider_spec_for(integration).auth_mode)
    if endpoint is None:
        raise ValidationError("This integration is connected through its provider's sign-in (OAuth)",
                              code="AUTH_TYPE_MISMATCH", details={"integrationId": integration_id})
    repository = SessionRepository()
    if not repository.claim_attempt(record, now=clock.now(), lease_seconds=ATTEMPT_LEASE_SECONDS):
        raise ConnectSessionBusy()
    given = {name: value.get_secret_value() for name, value in body.credentials.items()}
    for value in given.values():
        register_secret(value)
    try:
        answer = connect_with_credentials(_acting_principal(record, user_scoped=False), integration_id, endpoint,
                                          given, display_name=body.displayName)
    except HubError as error:
        repository.release_attempt(record)  # a refused credential: the person may try again
        audit_session(record, "connect_session.connect", {"integrationId": integration_id, "error": error.code},
               error.status_code)
        raise
    except BaseException:
        repository.release_attempt(record)
        raise
    result = SessionResult(integrationId=integration_id, connectionId=str(answer["connectionId"]),
                           status=str(answer["status"]))
    return _spend(repository, record, result, "connect_session.connect")


def start_session_oauth(headers: Mapping[str, str], integration_id: str) -> SessionOAuthStarted:
    record = open_session(headers)
    integration = _offered(record, integration_id)
    user_scoped = bool(integration.get("userScoped"))
    # the popup comes back to the hub's own page, which hands the outcome to the page that opened it
    answer = start_oauth(_acting_principal(record, user_scoped=user_scoped), integration_id,
                         return_url=f"{page_url()}?oauth=done", metadata={"connectSession": record.sessionId},
                         user_scoped=user_scoped, return_origins=(hub_origin(),))
    audit_session(record, "connect_session.oauth_start", {"integrationId": integration_id}, 200)
    return SessionOAuthStarted(authorizationUrl=str(answer["authorizationUrl"]), expiresAt=str(answer["expiresAt"]))


def complete_session_oauth(headers: Mapping[str, str], integration_id: str) -> SessionResult:
    """After the OAuth popup: the connection this session's flow stored (the flow carried the
    session id into the connection's metadata), never an outcome the browser merely claims."""
    record = open_session(headers)
    integration = _offered(record, integration_id)
    user_id = record.endUserId if integration.get("userScoped") else None
    connection = ConnectionRepository().get_connection(record.tenantId, integration_id, user_id)
    made_here = connection is not None and (connection.get("metadata") or {}).get("connectSession") == record.sessionId
    if connection is None or not made_here or not is_live(connection):
        raise ConnectionNotFound("No connection was made with this link yet", details={"integrationId": integration_id})
    result = SessionResult(integrationId=integration_id, connectionId=str(connection["connectionId"]),
                           status=str(connection.get("status")))
    return _spend(SessionRepository(), record, result, "connect_session.oauth_complete")


def _spend(repository: SessionRepository, record: SessionRecord, result: SessionResult, action: str) -> SessionResult:
    if not repository.complete(record, result, at_iso=clock.iso()):
        raise ConnectSessionUsed()
    audit_session(record, action, result.model_dump(), 200)
    return result
