"""Input models of the connection endpoints (docs/connections.md). extra="forbid" everywhere;
secrets are `SecretStr`, and free-form credential maps are left out of `repr` (Powertools logs
the validated arguments at DEBUG), so that no repr, log line or validation error can show them."""

from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    FiniteFloat,
    SecretStr,
    StrictBool,
    StrictInt,
    StrictStr,
    StringConstraints,
    field_validator,
)

from hub.pagination import ListParams
from hub.validation import HeaderSecret

Scope = Annotated[str, StringConstraints(pattern=r"^[^\s,]{1,200}$")]
MetadataValue = StrictStr | StrictInt | FiniteFloat | StrictBool | None


class Strict(BaseModel):
    model_config = ConfigDict(defer_build=True, extra="forbid", populate_by_name=True, hide_input_in_errors=True)


def _small_metadata(value: dict[str, Any] | None) -> dict[str, Any] | None:
    if value is not None:
        if len(value) > 20:
            raise ValueError("at most 20 metadata entries")
        for key, item in value.items():
            if len(key) > 64 or (isinstance(item, str) and len(item) > 500):
                raise ValueError("metadata keys are at most 64 and values at most 500 characters")
    return value


class OAuthStartRequest(Strict):
    returnUrl: str = Field(min_length=1, max_length=2048, description="Where the browser goes after the callback "
                           "(must be on an allowed origin); the outcome is added to its query")
    scopes: list[Scope] | None = Field(default=None, max_length=50, description="Scopes beyond the provider's defaults")
    metadata: dict[str, MetadataValue] | None = Field(default=None, description="Kept with the connection")
    redirectUri: str | None = Field(default=None, min_length=1, max_length=2048,
                                    description="A frontend page that receives the code itself (then call "
                                                "connect/oauth/exchange with the code and the state); default: "
                                                "the hub's callback")

    _metadata = field_validator("metadata")(_small_metadata)


class OAuthExchangeRequest(Strict):
    """Only for a flow the hub started (connect/oauth with a frontend `redirectUri`): the hub's
    state is required, and the hub uses the PKCE verifier, redirect URI and scopes it stored with
    it; a client-supplied verifier is refused (unknown field), so a leaked code cannot be
    redeemed by someone who did not start the flow."""

    code: SecretStr = Field(min_length=1, max_length=4096)
    redirectUri: str = Field(min_length=1, max_length=2048,
                             description="The frontend page the flow was started with (never the hub's callback)")
    state: str = Field(min_length=10, max_length=200, description="The state connect/oauth answered")
    iss: str | None = Field(default=None, min_length=1, max_length=2048,
                            description="The `iss` the provider sent with the code (RFC 9207): required when the "
                                        "provider advertises it, and it must name the provider's issuer")


class ApiKeyConnectRequest(Strict):
    apiKey: HeaderSecret = Field(min_length=1, max_length=16384)
    displayName: str | None = Field(default=None, min_length=1, max_length=100)
    credentials: dict[str, Any] | None = Field(default=None, repr=False, description="Other credential fields of "
                                               "the provider (e.g. Trello's token)")


class BasicConnectRequest(Strict):
    username: str = Field(min_length=1, max_length=1024)
    password: SecretStr = Field(min_length=1, max_length=16384)
    displayName: str | None = Field(default=None, min_length=1, max_length=100)
    credentials: dict[str, Any] | None = Field(default=None, repr=False,
                                               description="Other credential fields of the provider")


class CustomConnectRequest(Strict):
    credentials: dict[str, Any] = Field(repr=False, description="Provider-specific credentials (see the "
                                        "template's credentialFields)")
    displayName: str | None = Field(default=None, min_length=1, max_length=100)


class CredentialsUpdateRequest(Strict):
    credentialType: Literal["oauth", "api_key", "basic", "custom"]
    credentials: dict[str, Any] = Field(repr=False)


class RefreshRequest(Strict):
    force: bool = Field(default=False, description="Refresh even when the token is not due yet")


class UserIntegrationListParams(ListParams):
    connected: bool | None = None
    sortOrder: Literal["asc", "desc"] = "asc"

