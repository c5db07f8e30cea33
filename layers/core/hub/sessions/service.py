"""Connect sessions, as use cases (docs/frontend.md): a tenant admin or the platform's backend
creates one; the hosted connect page (hub/sessions/page.py) holds only its token and uses it to
read what it may offer, connect with typed-in credentials or through OAuth, and report the
result. Every use is checked the same way (`open_session`): a token the hub issued, not spent,
not expired, and called from the hub's own page or the session's origin.

Creating and reading sessions are here; connecting through one is in hub/sessions/connect.py.
The connect itself is the connections area's (hub/connections): the session only decides who
acts (the tenant, or the end user for user-scoped integrations) and spends itself once a
connection is stored.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from hub import clock
from hub.audit import AuditRepository
from hub.connections.record import is_live
from hub.connections.repository import ConnectionRepository
from hub.connections.spec import provider_spec_for
from hub.connections.state import new_state, state_hash, tenant_of_state
from hub.errors import (
    ConnectSessionExpired,
    ConnectSessionInvalid,
    ConnectSessionUsed,
    IntegrationNotFound,
    OriginNotAllowed,
    ValidationError,
)
from hub.ids import new_id
from hub.integrations.records import get_integration
from hub.principal import Principal
from hub.redaction import register_secret
from hub.request import current_request, record_change
from hub.sessions.models import (
    CredentialFieldView,
    SessionCreate,
    SessionCreated,
    SessionIntegrationView,
    SessionRecord,
    SessionView,
)
from hub.sessions.repository import SessionRepository
from hub.settings import get_settings
from hub.urlguard import check_return_url

PAGE_PATH = "/connect"


def hub_origin() -> str:
    parts = urlsplit(get_settings().public_api_url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def page_url() -> str:
    return get_settings().public_api_url.rstrip("/") + PAGE_PATH


# ---- the platform's side -----------------------------------------------------------------------


def _checked_origin(origin: str) -> str:
    """An allowed origin, exactly: scheme://host[:port], no path, query or fragment."""
    parts = urlsplit(origin)
    if parts.path not in ("", "/") or parts.query or parts.fragment or "@" in parts.netloc:
        raise ValidationError("origin must be an origin (scheme://host[:port]) without a path",
                              details={"field": "origin"})
    check_return_url(origin, field="origin")
    return f"{parts.scheme}://{parts.netloc}".lower()


def create_session(principal: Principal, body: SessionCreate) -> SessionCreated:
    origin = _checked_origin(body.origin)
    redirect_url = check_return_url(body.redirectUrl, field="redirectUrl") if body.redirectUrl else None
    integration_ids = list(dict.fromkeys(body.integrations))
    for integration_id in integration_ids:
        integration = get_integration(principal.tenant_id, integration_id)  # another tenant's id: 404
        if integration.get("userScoped") and not body.endUserId:
            raise ValidationError("A user-scoped integration is connected by a user: give endUserId",
                                  code="END_USER_REQUIRED", details={"integrationId": integration_id})
    token = new_state(principal.tenant_id)  # the OAuth state's shape: a tenant prefix and 256 random bits
    register_secret(token)
    now = clock.now()
    record = SessionRecord(
        sessionId=new_id("cs"), tenantId=principal.tenant_id, tokenHash=state_hash(token),
        integrationIds=integration_ids, origin=origin, endUserId=body.endUserId, redirectUrl=redirect_url,
        createdBy=principal.user_id, createdAt=clock.iso(now), expiresAt=now + body.expiresInSeconds,
    )
    SessionRepository().create_session(record)
    record_change("connect_session", record.sessionId, after=record.model_dump(exclude={"tokenHash"}))
    return SessionCreated(
        sessionId=record.sessionId, token=token, connectUrl=f"{page_url()}#token={token}",
        expiresAt=clock.iso(record.expiresAt), origin=origin, integrations=integration_ids, endUserId=body.endUserId,
    )


# ---- the connect page's side -------------------------------------------------------------------


def open_session(headers: Mapping[str, str], *, audit_refusal: bool = True) -> SessionRecord:
    """The session the page's token (`Authorization: Bearer <token>`) names, if it may be used
    now from the request's Origin (browsers send it with every POST): the hub's own page, or the
    session's origin. A refused origin is audited where the caller writes (every POST)."""
    token, origin = _header(headers, "authorization"), _header(headers, "origin")
    if token is not None and token[:7].lower() == "bearer ":
        token = token[7:].strip()
    register_secret(token)  # a session's token is a credential: masked in any log line
    tenant_id = tenant_of_state(token or "")
    record = SessionRepository().get_session(tenant_id, state_hash(token or "")) if tenant_id else None
    if record is None:
        raise ConnectSessionInvalid()
    if origin is not None and origin.lower() not in (hub_origin(), record.origin):
        if audit_refusal:
            audit_session(record, "connect_session.refused", {"reason": "origin", "origin": origin[:256]}, 403)
        raise OriginNotAllowed(details={"origin": origin[:256]})
    if record.status == "completed":
        raise ConnectSessionUsed()
    if record.expiresAt <= clock.now():
        raise ConnectSessionExpired(details={"expiredAt": clock.iso(record.expiresAt)})
    return record


def view_session(record: SessionRecord) -> SessionView:
    offered = []
    for integration_id in record.integrationIds:
        try:
            integration = get_integration(record.tenantId, integration_id)
        except IntegrationNotFound:
            continue  # deleted since the session was made: no longer offered
        offered.append(_integration_view(record, integration))
    return SessionView(sessionId=record.sessionId, tenantId=record.tenantId, expiresAt=clock.iso(record.expiresAt),
                       origin=record.origin, redirectUrl=record.redirectUrl, status=record.status,
                       integrations=offered)


def _integration_view(record: SessionRecord, integration: dict[str, Any]) -> SessionIntegrationView:
    spec = provider_spec_for(integration)
    user_scoped = bool(integration.get("userScoped"))
    oauth = user_scoped or spec.is_authorization_code
    fields = [] if oauth else [
        CredentialFieldView(name=f.name, label=f.label, type=f.type, required=f.required, secret=f.secret,
                            help=f.description, pattern=f.pattern, default=f.default)
        for f in spec.credential_fields if not f.generated
    ]
    connection = ConnectionRepository().get_connection(record.tenantId, str(integration["id"]),
                                                       record.endUserId if user_scoped else None)
    return SessionIntegrationView(
        id=str(integration["id"]), name=str(integration.get("name") or spec.provider_id),
        providerId=spec.provider_id,
        providerName=str(integration.get("providerDisplayName") or integration.get("providerName") or spec.provider_id),
        description=integration.get("description"), connectWith="oauth" if oauth else "credentials",
        credentialFields=fields, connected=connection is not None and is_live(connection),
    )


def _header(headers: Mapping[str, str], name: str) -> str | None:
    return next((value for key, value in headers.items() if key.lower() == name), None)


def read_session(headers: Mapping[str, str]) -> SessionView:
    return view_session(open_session(headers, audit_refusal=False))  # a read-only function


def audit_session(record: SessionRecord, action: str, target: dict[str, Any], status_code: int) -> None:
    """Uses of a session are audited here: its routes are public to the JWT authorizer, so the
    request pipeline has no caller to audit them under (hub/http/pipeline.py)."""
    request = current_request()
    AuditRepository().write(
        tenant_id=record.tenantId,
        actor={"userId": record.endUserId or record.createdBy, "tenantId": record.tenantId, "roles": [],
               "connectSession": record.sessionId},
        action=action, target={"route": request.route_key, "sessionId": record.sessionId, **target},
        request_id=request.request_id, changes=[], status_code=status_code, source_ip=request.source_ip,
    )
