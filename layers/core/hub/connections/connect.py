"""Connecting: tokens from a finished OAuth flow, typed-in credentials (API key, basic,
custom) and credential updates. Each verifies what it can, then hands the grant to the store
(`hub.connections.store`), which writes it under the grant-write protocol.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from hub import clock
from hub.connections.access import integration_for, live_record
from hub.connections.credentials import acquire_token, public_credential_values, validate_credentials
from hub.connections.eligibility import connectable_spec, require_mode
from hub.connections.record import ConnectionRecord
from hub.connections.spec import ProviderSpec
from hub.connections.store import store_connection, token_record_fields
from hub.connections.tokens import TokenSet
from hub.connections.verify import INVALID_CREDENTIALS, Verification, verify
from hub.errors import ConnectionFailed, InvalidCredentials, ValidationError
from hub.inbound.lookup import account_fields
from hub.principal import Principal
from hub.redaction import register_secret


def store_tokens(integration: Mapping[str, Any], spec: ProviderSpec, tokens: TokenSet, *, user_id: str | None,
                 actor: str | None, requested_scopes: list[str] | None = None,
                 callback_fields: dict[str, str] | None = None, metadata: dict[str, Any] | None = None,
                 via: str = "oauth") -> ConnectionRecord:
    """Store the tokens of a finished authorization-code flow."""
    fields = token_record_fields(spec, tokens, refresh_mode="refresh_token" if tokens.refresh_token else None,
                                 requested_scopes=requested_scopes, now=clock.now())
    fields.update({"callbackFields": callback_fields or None, "metadata": metadata or None, "connectedVia": via,
                   "lastValidatedAt": clock.iso(), "validationError": None,
                   "accountFields": account_fields(spec, tokens.access_token, callback_fields) or None})
    payload = {"kind": "oauth2", **tokens.vault_payload()}
    return store_connection(integration, spec, user_id=user_id, actor=actor, payload=payload, fields=fields)


def _verified_credentials(spec: ProviderSpec, given: Mapping[str, Any], tenant_id: str
                          ) -> tuple[dict[str, str], TokenSet | None, Verification]:
    """Validate, log in where needed and run the verification request. Nothing is stored here;
    a refusal is INVALID_CREDENTIALS, provider trouble CONNECTION_FAILED."""
    values = validate_credentials(spec, given, tenant_id=tenant_id)
    token = acquire_token(spec, values)
    result = verify(spec, access_token=token.access_token if token else None, credentials=values, tenant_id=tenant_id)
    if not result.success and result.verified:
        details = {"statusCode": result.status_code, "reason": result.message}
        if result.error == INVALID_CREDENTIALS:
            raise InvalidCredentials(result.message or "The provider rejected the credentials", details=details)
        raise ConnectionFailed(result.message or "The provider could not be reached", details=details)
    return values, token, result


def _credential_grant(spec: ProviderSpec, values: dict[str, str], token: TokenSet | None,
                      fields: dict[str, Any]) -> dict[str, Any]:
    """The vault payload of typed-in credentials (plus the token a custom login produced)."""
    payload: dict[str, Any] = {"kind": spec.auth_mode, "credentials": values}
    if token is not None:
        mode = "client_credentials" if spec.auth_mode == "oauth2_client_credentials" else "jwt_bearer"
        fields.update(token_record_fields(spec, token, refresh_mode=mode, requested_scopes=spec.scopes(),
                                          now=clock.now()))
        payload.update(token.vault_payload())
    return payload


def connect_with_credentials(principal: Principal, integration_id: str, endpoint: str, given: Mapping[str, Any], *,
                             display_name: str | None = None) -> dict[str, Any]:
    integration = integration_for(principal, integration_id, user_scoped=False)
    spec = connectable_spec(integration, user_scoped=False)
    require_mode(spec, endpoint)
    values, token, result = _verified_credentials(spec, given, principal.tenant_id)
    fields: dict[str, Any] = {
        "displayName": display_name,
        "publicCredentials": public_credential_values(spec, values) or None,
        "connectedVia": endpoint,
        "lastValidatedAt": result.tested_at if result.verified else None,
        "validationError": None,
        "credentialType": endpoint,
        # the provider's word on the account (Stripe: GET /v1/account), for inbound webhooks
        "accountFields": account_fields(spec, token.access_token if token else None, None, credentials=values) or None,
    }
    payload = _credential_grant(spec, values, token, fields)
    saved = store_connection(integration, spec, user_id=None, actor=principal.user_id, payload=payload, fields=fields)
    return {
        "connectionId": saved["connectionId"],
        "status": saved["status"],
        "connectedAt": saved["connectedAt"],
        "verified": result.verified,
        "message": result.message,
    }


def update_credentials(principal: Principal, integration_id: str, credential_type: str,
                       credentials: Mapping[str, Any]) -> dict[str, Any]:
    """PATCH .../credentials: new credentials for an existing connection (verified first; the
    secret gets a new version, the connection id stays)."""
    integration = integration_for(principal, integration_id, user_scoped=False)
    record = live_record(principal.tenant_id, integration_id)
    spec = connectable_spec(integration, user_scoped=False)
    if credential_type == "oauth":
        if spec.auth_mode != "oauth2":
            require_mode(spec, "oauth")
        return _update_oauth_tokens(principal, integration, spec, record, credentials)
    require_mode(spec, credential_type)
    values, token, result = _verified_credentials(spec, credentials, principal.tenant_id)
    fields: dict[str, Any] = {"publicCredentials": public_credential_values(spec, values) or None,
                              "lastValidatedAt": result.tested_at if result.verified else None,
                              "validationError": None, "credentialType": credential_type,
                              "displayName": record.get("displayName"), "connectedVia": record.get("connectedVia")}
    payload = _credential_grant(spec, values, token, fields)
    saved = store_connection(integration, spec, user_id=None, actor=principal.user_id, payload=payload, fields=fields)
    return {"success": True, "credentialSecretName": saved["secretName"], "updatedAt": saved["credentialsUpdatedAt"],
            "connectionId": saved["connectionId"]}


_TOKEN_FIELDS = {"accessToken", "refreshToken", "tokenExpiresAt", "scopesGranted", "tokenType"}


def _given_tokens(credentials: Mapping[str, Any]) -> TokenSet:
    """The tokens of PUT .../credentials (credentialType oauth), validated field by field."""
    unknown = sorted(set(credentials) - _TOKEN_FIELDS)
    if unknown:
        raise ValidationError("Unknown credential fields",
                              details={"fields": unknown, "expected": sorted(_TOKEN_FIELDS)})
    access = credentials.get("accessToken")
    refresh = credentials.get("refreshToken")
    if not isinstance(access, str) or not access or len(access) > 16384:
        raise ValidationError("credentials.accessToken is required", details={"field": "credentials.accessToken"})
    if refresh is not None and (not isinstance(refresh, str) or not refresh or len(refresh) > 16384):
        raise ValidationError("credentials.refreshToken must be a string",
                              details={"field": "credentials.refreshToken"})
    register_secret(access)
    register_secret(refresh)
    expires_at = None
    if credentials.get("tokenExpiresAt") is not None:
        try:
            expires_at = clock.parse_iso(str(credentials["tokenExpiresAt"]))
        except ValueError:
            raise ValidationError("credentials.tokenExpiresAt must be an ISO 8601 time",
                                  details={"field": "credentials.tokenExpiresAt"}) from None
    scopes = credentials.get("scopesGranted")
    if scopes is not None and (not isinstance(scopes, list) or not all(isinstance(s, str) for s in scopes)):
        raise ValidationError("credentials.scopesGranted must be a list of strings",
                              details={"field": "credentials.scopesGranted"})
    token_type = credentials.get("tokenType")
    return TokenSet(access_token=access, refresh_token=refresh, expires_at=expires_at,
                    token_type=str(token_type) if isinstance(token_type, str) else None,
                    scopes=tuple(scopes) if scopes is not None else None)


def _update_oauth_tokens(principal: Principal, integration: Mapping[str, Any], spec: ProviderSpec,
                         record: ConnectionRecord, credentials: Mapping[str, Any]) -> dict[str, Any]:
    """Tokens obtained elsewhere (PUT .../credentials): checked with the verification request."""
    tokens = _given_tokens(credentials)
    result = verify(spec, access_token=tokens.access_token, token_fields=record.get("tokenFields"),
                    callback_fields=record.get("callbackFields"), tenant_id=principal.tenant_id)
    if not result.success and result.verified:
        error_class = InvalidCredentials if result.error == INVALID_CREDENTIALS else ConnectionFailed
        raise error_class(result.message, details={"statusCode": result.status_code})
    fields = token_record_fields(spec, tokens, refresh_mode="refresh_token" if tokens.refresh_token else None,
                                 requested_scopes=record.get("scopes"), now=clock.now())
    fields.update({"lastValidatedAt": result.tested_at if result.verified else None, "validationError": None,
                   "credentialType": "oauth", "callbackFields": record.get("callbackFields"),
                   "tokenFields": record.get("tokenFields"), "connectedVia": "credentials",
                   "displayName": record.get("displayName"), "metadata": record.get("metadata"),
                   "accountFields": account_fields(spec, tokens.access_token, record.get("callbackFields")) or None})
    saved = store_connection(integration, spec, user_id=None, actor=principal.user_id,
                             payload={"kind": "oauth2", **tokens.vault_payload()}, fields=fields)
    return {"success": True, "credentialSecretName": saved["secretName"], "updatedAt": saved["credentialsUpdatedAt"],
            "connectionId": saved["connectionId"]}
