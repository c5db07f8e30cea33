"""Connect sessions (docs/frontend.md): what a tenant admin (or the platform's backend) sends to
make one, what the hosted connect page reads and sends with the session's token, and the stored
record. extra="forbid" on every input; the token appears in exactly one answer, `SessionCreated`.
"""

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr

DEFAULT_TTL_SECONDS = 30 * 60
MIN_TTL_SECONDS = 60
MAX_TTL_SECONDS = 4 * 3600
MAX_INTEGRATIONS = 20
# a connect attempt holds the session this long; an attempt that died (a Lambda timeout) frees it
ATTEMPT_LEASE_SECONDS = 120

SessionStatus = Literal["open", "completed"]
ID_PATTERN = r"^[A-Za-z0-9_.:-]{1,128}$"


class _Input(BaseModel):
    model_config = ConfigDict(defer_build=True, extra="forbid", hide_input_in_errors=True)


class SessionCreate(_Input):
    integrations: list[str] = Field(min_length=1, max_length=MAX_INTEGRATIONS,
                                    description="Ids of the tenant's integration instances the page offers")
    origin: str = Field(min_length=1, max_length=256, description="The origin (scheme://host[:port]) of the page "
                        "that opens the connect page and receives the result by postMessage; one of the allowed "
                        "origins (HUB_ALLOWED_RETURN_ORIGINS)")
    endUserId: str | None = Field(default=None, pattern=ID_PATTERN, description="The platform's user who connects: "
                                  "required for user-scoped integrations, whose connection becomes theirs")
    redirectUrl: str | None = Field(default=None, min_length=1, max_length=2048,
                                    description="Full-page use: where the page sends the browser with the result "
                                                "in the query (on an allowed origin)")
    expiresInSeconds: int = Field(default=DEFAULT_TTL_SECONDS, ge=MIN_TTL_SECONDS, le=MAX_TTL_SECONDS,
                                  description="Lifetime of the session (default 30 minutes)")


class SessionCreated(BaseModel):
    model_config = ConfigDict(defer_build=True)

    sessionId: str
    token: str = Field(description="The session's single-use secret: hand it to the connect page only")
    connectUrl: str = Field(description="The hosted connect page with the token in its fragment (never sent to "
                                        "a server or a Referer)")
    expiresAt: str
    origin: str
    integrations: list[str]
    endUserId: str | None = None


class CredentialFieldView(BaseModel):
    """One input of a credential form, from the provider template's credential fields."""

    model_config = ConfigDict(defer_build=True)

    name: str
    label: str
    type: Literal["string", "secret", "url", "json", "email"]
    required: bool
    secret: bool
    help: str | None = None
    pattern: str | None = None
    default: str | None = None


class SessionIntegrationView(BaseModel):
    model_config = ConfigDict(defer_build=True)

    id: str
    name: str
    providerId: str
    providerName: str
    description: str | None = None
    connectWith: Literal["oauth", "credentials"]
    credentialFields: list[CredentialFieldView] = Field(default_factory=list)
    connected: bool = False


class SessionView(BaseModel):
    """What the connect page shows: never the token, never a credential."""

    model_config = ConfigDict(defer_build=True)

    sessionId: str
    tenantId: str
    expiresAt: str
    origin: str
    redirectUrl: str | None = None
    status: SessionStatus
    integrations: list[SessionIntegrationView]


class CredentialsSubmit(_Input):
    credentials: dict[str, SecretStr] = Field(max_length=20, description="The template's credential fields by name")
    displayName: str | None = Field(default=None, min_length=1, max_length=100)


class SessionResult(BaseModel):
    """What the page reports to its opener (postMessage to the session's origin only)."""

    model_config = ConfigDict(defer_build=True)

    integrationId: str
    connectionId: str
    status: str


class SessionOAuthStarted(BaseModel):
    model_config = ConfigDict(defer_build=True)

    authorizationUrl: str
    expiresAt: str


class SessionRecord(BaseModel):
    """The stored session (docs/frontend.md, "Connect sessions"); the token itself is never stored."""

    model_config = ConfigDict(defer_build=True, extra="ignore")

    sessionId: str
    tenantId: str
    tokenHash: str
    integrationIds: list[str]
    origin: str
    endUserId: str | None = None
    redirectUrl: str | None = None
    createdBy: str
    createdAt: str
    expiresAt: float
    status: SessionStatus = "open"
    attemptUntil: float | None = None
    result: SessionResult | None = None
    completedAt: str | None = None

    def item_fields(self) -> dict[str, Any]:
        return self.model_dump(exclude_none=True)
