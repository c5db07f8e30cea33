"""The error tree. Every error the API returns is a HubError rendered as the envelope
`{"error": {"code", "message", "details", "requestId"}}` (docs/architecture.md, Errors).

Messages are written for the caller and must never carry a credential.
"""

from __future__ import annotations

from typing import Any


class HubError(Exception):
    status_code: int = 500
    code: str = "INTERNAL_ERROR"
    default_message: str = "Internal error"

    def __init__(
        self,
        message: str | None = None,
        *,
        details: dict[str, Any] | list[Any] | None = None,
        code: str | None = None,
        status_code: int | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.message = message or self.default_message
        self.details = details if details is not None else {}
        if code:
            self.code = code
        if status_code:
            self.status_code = status_code
        self.headers = headers or {}
        super().__init__(self.message)

    def to_body(self, request_id: str | None) -> dict[str, Any]:
        return {
            "error": {
                "code": self.code,
                "message": self.message,
                "details": self.details,
                "requestId": request_id,
            }
        }


class ValidationError(HubError):
    status_code = 400
    code = "VALIDATION_ERROR"
    default_message = "The request is not valid"


class UnsafeUrl(ValidationError):
    """A tenant-supplied URL points somewhere the hub must never call (SSRF guard, hub.urlguard)."""

    code = "UNSAFE_URL"
    default_message = "The URL is not allowed"


class InvalidCredentials(HubError):
    status_code = 400
    code = "INVALID_CREDENTIALS"
    default_message = "The provider rejected the credentials"


class OAuthFailed(HubError):
    status_code = 400
    code = "OAUTH_FAILED"
    default_message = "The OAuth flow failed"


class Unauthorized(HubError):
    status_code = 401
    code = "UNAUTHORIZED"
    default_message = "A valid bearer token is required"


class InvalidSignature(HubError):
    """A provider webhook whose signature does not verify (hub/inbound): nothing is stored."""

    status_code = 401
    code = "INVALID_SIGNATURE"
    default_message = "The webhook signature is missing, stale or does not verify"


class PermissionDenied(HubError):
    status_code = 403
    code = "PERMISSION_DENIED"
    default_message = "You do not have permission to perform this action"


class NotFound(HubError):
    status_code = 404
    code = "NOT_FOUND"
    default_message = "Not found"


class RouteNotFound(NotFound):
    code = "ROUTE_NOT_FOUND"
    default_message = "No route matches this request"


class IntegrationNotFound(NotFound):
    code = "INTEGRATION_NOT_FOUND"
    default_message = "Integration not found"


class ProviderNotFound(NotFound):
    code = "PROVIDER_NOT_FOUND"
    default_message = "Provider not found"


class ConnectionNotFound(NotFound):
    code = "CONNECTION_NOT_FOUND"
    default_message = "Connection not found"


class WebhookNotFound(NotFound):
    code = "WEBHOOK_NOT_FOUND"
    default_message = "Webhook not found"


class InboundEventNotFound(NotFound):
    """A provider event's payload the tenant was never sent, or one past its retention."""

    code = "INBOUND_EVENT_NOT_FOUND"
    default_message = "Inbound event not found"


class SecretNotFound(NotFound):
    code = "SECRET_NOT_FOUND"
    default_message = "The stored credentials were not found"


class Conflict(HubError):
    status_code = 409
    code = "CONFLICT"
    default_message = "The resource changed or already exists"


class IntegrationExists(Conflict):
    code = "INTEGRATION_EXISTS"
    default_message = "An integration for this provider already exists"


class AccountClaimed(Conflict):
    """A provider account id a tenant admin typed that another tenant's connection holds."""

    code = "ACCOUNT_CLAIMED"
    default_message = "This provider account is already claimed by another connection"


class VersionConflict(Conflict):
    code = "VERSION_CONFLICT"
    default_message = "The resource was changed by another request; read it again and retry"


class IdempotencyConflict(Conflict):
    code = "IDEMPOTENCY_CONFLICT"
    default_message = "A request with this Idempotency-Key is still in progress"


class IdempotencyKeyReused(HubError):
    status_code = 422
    code = "IDEMPOTENCY_KEY_REUSED"
    default_message = "This Idempotency-Key was already used with a different request body"


class SecretExists(Conflict):
    code = "SECRET_EXISTS"
    default_message = "Credentials are already stored for this reference"


class PayloadTooLarge(HubError):
    status_code = 413
    code = "PAYLOAD_TOO_LARGE"
    default_message = "The request body is too large"


class UnsupportedMediaType(HubError):
    status_code = 415
    code = "UNSUPPORTED_MEDIA_TYPE"
    default_message = "Request bodies must be JSON (Content-Type: application/json)"


class RateLimitExceeded(HubError):
    status_code = 429
    code = "RATE_LIMIT_EXCEEDED"
    default_message = "Too many requests"

    def __init__(self, retry_after: int, **kwargs: Any) -> None:
        self.retry_after = retry_after
        super().__init__(details={"retryAfter": retry_after}, **kwargs)
        self.headers.setdefault("Retry-After", str(retry_after))


class ConnectionFailed(HubError):
    status_code = 502
    code = "CONNECTION_FAILED"
    default_message = "The provider could not be reached"


class TokenExpired(HubError):
    status_code = 401
    code = "TOKEN_EXPIRED"
    default_message = "The connection's token has expired; reconnect the integration"


class RefreshFailed(HubError):
    status_code = 502
    code = "REFRESH_FAILED"
    default_message = "The token could not be refreshed"


class ServiceUnavailable(HubError):
    status_code = 503
    code = "SERVICE_UNAVAILABLE"
    default_message = "A dependency is not available"


class HubAccessDenied(HubError):
    """AWS refused one of the hub's own calls (its role lacks a permission): a deployment fault,
    answered as a server error and alarmed (metric HubAccessDenied), never as the tenant's bad
    credentials."""

    status_code = 500
    code = "INTERNAL_ERROR"
    default_message = "The hub is not permitted to complete this operation; the operators have been alerted"


class VaultError(HubError):
    """The credential vault failed. The message is deliberately generic: it never names a payload,
    a decrypted value or ciphertext."""

    status_code = 500
    code = "VAULT_ERROR"
    default_message = "The credential vault could not complete the operation"


class ConnectSessionInvalid(HubError):
    """A connect page's session token that the hub never issued (or mangled): hub/sessions."""

    status_code = 401
    code = "CONNECT_SESSION_INVALID"
    default_message = "This connect link is not valid; open it again from the app"


class ConnectSessionExpired(HubError):
    status_code = 410
    code = "CONNECT_SESSION_EXPIRED"
    default_message = "This connect link has expired; open it again from the app"


class ConnectSessionUsed(Conflict):
    code = "CONNECT_SESSION_USED"
    default_message = "This connect link was already used; open it again from the app to connect another account"


class ConnectSessionBusy(Conflict):
    code = "CONNECT_SESSION_BUSY"
    default_message = "Another connection attempt with this link is still running; try again in a moment"


class OriginNotAllowed(PermissionDenied):
    code = "ORIGIN_NOT_ALLOWED"
    default_message = "This connect link may not be used from this origin"
