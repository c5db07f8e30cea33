"""What the connection endpoints answer (docs/connections.md). None of these models has a field
that could hold a credential: `credentials` are the non-secret values a template marks
shown (a user name, a role ARN), `setup` the values the hub generated for the tenant to copy."""

from typing import Any, Literal

from pydantic import Field

from hub.answer import Answer
from hub.connections.record import RefreshStatus
from hub.pagination import Page

ShownStatus = Literal["not_connected", "pending", "active", "error", "expired", "disconnected"]
TestOutcome = Literal["verified", "failed", "unverified"]


class ConnectionStatusView(Answer):
    connected: bool
    status: ShownStatus
    connectionId: str | None = None
    integrationId: str | None = None
    userId: str | None = None
    providerId: str | None = None
    authType: str | None = None
    connectWith: str | None = Field(default=None, description="The connect endpoint to use (when not connected)")
    userScoped: bool | None = Field(default=None, description="Users connect this integration themselves")
    displayName: str | None = None
    scopes: list[str] | None = None
    expiresAt: str | None = Field(default=None, description="When the access token expires")
    hasRefreshToken: bool | None = None
    connectedAt: str | None = None
    lastConnectedAt: str | None = None
    lastRefreshedAt: str | None = None
    lastValidatedAt: str | None = None
    validationError: str | None = None
    lastRefreshError: str | None = None
    credentialsUpdatedAt: str | None = None
    disconnectedAt: str | None = None
    credentials: dict[str, str] | None = Field(default=None, description="The non-secret credential values")
    account: dict[str, Any] | None = Field(default=None, description="Account fields the provider's token answer named")
    metadata: dict[str, Any] | None = None
    setup: dict[str, str] | None = Field(default=None, description="Values to copy into the provider (AWS ExternalId)")


class Connected(Answer):
    connectionId: str
    status: ShownStatus
    connectedAt: str
    verified: bool = Field(description="False when the provider offers nothing to check the credentials with")
    message: str | None = None


class CredentialsUpdated(Answer):
    success: bool
    connectionId: str
    credentialSecretName: str = Field(description="Where the credential is kept (never the credential)")
    updatedAt: str


class OAuthStarted(Answer):
    authorizationUrl: str = Field(description="Open it in the browser: the hub's start page, then the provider")
    providerAuthorizationUrl: str | None = Field(
        default=None, description="The provider's own URL, for a frontend that runs the exchange itself")
    state: str
    expiresAt: str
    redirectUri: str
    scopes: list[str]


class TestResult(Answer):
    success: bool
    outcome: TestOutcome
    message: str | None = None
    error: str | None = None
    statusCode: int | None = None
    responseTime: int | None = Field(default=None, description="Milliseconds")
    testedAt: str
    details: dict[str, Any] = Field(default_factory=dict)


class RefreshResult(Answer):
    refreshed: bool
    outcome: RefreshStatus
    status: ShownStatus
    expiresAt: str | None = None
    lastRefreshedAt: str | None = None
    connectionId: str | None = None


class Disconnected(Answer):
    success: bool
    connectionId: str | None = None
    disconnectedAt: str
    revokedAtProvider: bool | None = Field(description="null when there was nothing to revoke or no revocation URL")


class UserConnectionView(Answer):
    connected: bool
    status: ShownStatus | None = None
    connectionId: str | None = None
    scopes: list[str] | None = None
    expiresAt: str | None = None
    lastConnectedAt: str | None = None
    lastValidatedAt: str | None = None
    disconnectedAt: str | None = None


class UserConnection(UserConnectionView):
    integrationId: str


class UserIntegration(Answer):
    integrationId: str
    name: str | None = None
    providerId: str | None = None
    providerName: str | None = None
    providerDisplayName: str | None = None
    category: str | None = None
    authType: str | None = None
    connected: bool
    connection: UserConnectionView


class UserIntegrationList(Page):
    integrations: list[UserIntegration]
