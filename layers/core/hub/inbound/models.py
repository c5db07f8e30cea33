"""Inbound webhook API models (the records: hub/inbound/records.py)."""

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from hub.inbound.records import MAX_ACCOUNT_IDS

# ---- API ------------------------------------------------------------------------------------


class InboundKeysUpdate(BaseModel):
    """PUT /api/admin/integrations/{category}/{id}/inbound-webhooks: the keys the provider's
    inbound webhooks are verified with. Only the fields sent change; null removes one."""

    model_config = ConfigDict(defer_build=True, extra="forbid")

    signingSecret: str | None = Field(default=None, min_length=8, max_length=512,
                                      description="the provider's webhook signing secret")
    publicKey: str | None = Field(default=None, pattern=r"^[0-9a-fA-F]{64}$",
                                  description="the provider's ed25519 public key, hex (Discord)")
    verifyToken: str | None = Field(default=None, min_length=8, max_length=256,
                                    description="the token the provider's subscription handshake echoes (Meta)")


class InboundSettingsView(BaseModel):
    """The intake of one provider (never a key)."""

    model_config = ConfigDict(defer_build=True)

    providerId: str
    intakeUrl: str = Field(description="where the provider sends its webhooks")
    scheme: str = Field(description="the signature scheme of the provider's template")
    key: str = Field(description="which key verifies: signingSecret, clientSecret or publicKey")
    keyConfigured: bool
    verifyTokenConfigured: bool
    handshakes: list[str]


class IntegrationKeysUpdate(BaseModel):
    """PUT /api/tenant/integrations/{id}/inbound-webhooks: the signing secret of the provider
    app or account that sends this integration's webhooks (a Stripe endpoint's `whsec_…`)."""

    model_config = ConfigDict(defer_build=True, extra="forbid")

    signingSecret: str = Field(min_length=8, max_length=512, description="the provider's webhook signing secret")


class IntegrationIntakeView(BaseModel):
    """An integration's own intake (never the secret)."""

    model_config = ConfigDict(defer_build=True)

    integrationId: str
    providerId: str
    intakeUrl: str = Field(description="where the provider sends this integration's webhooks")
    scheme: str
    secretConfigured: bool
    updatedAt: str | None = None


AccountSource = Literal["connect", "tenant_admin"]


class InboundAccountsUpdate(BaseModel):
    """PUT /api/tenant/integrations/{id}/inbound-accounts: every provider account id the
    integration's connection answers for (replaces the list)."""

    model_config = ConfigDict(defer_build=True, extra="forbid")

    accountIds: list[Annotated[str, StringConstraints(min_length=1, max_length=200)]] = Field(
        max_length=MAX_ACCOUNT_IDS,
        description="the provider's account ids (Slack team id, Shopify shop domain, ...), as its webhooks name them")


class InboundAccountView(BaseModel):
    model_config = ConfigDict(defer_build=True)

    accountId: str
    source: AccountSource = Field(description="connect: captured from the provider when the connection was made "
                                              "(trusted); tenant_admin: typed by a tenant admin")
    receiving: bool = Field(description="whether the account's events reach this connection: only ids captured "
                                        "from the provider at connect do; typed ids wait for a connect to capture them")


class InboundAccountsView(BaseModel):
    """The provider accounts whose webhook events are attributed to the integration's connection."""

    model_config = ConfigDict(defer_build=True)

    integrationId: str
    providerId: str
    connectionId: str
    accountIdPattern: str = Field(description="what an account id of this provider looks like (regular expression)")
    connectAccountId: str | None = Field(default=None, description="how the id is captured at connect time "
                                                                   "(the template's placeholders)")
    accounts: list[InboundAccountView]


class PayloadParams(BaseModel):
    """GET /api/tenant/inbound-events/{inboundId}/payload: which event of the delivery."""

    model_config = ConfigDict(defer_build=True, extra="forbid")

    index: int = Field(default=0, ge=0, le=99, description="the event's eventIndex (several when a provider batches)")


class IntakeAck(BaseModel):
    """The answer to an accepted (or replayed) delivery; a signed handshake is answered with the
    provider's own shape instead (Slack `{"challenge"}`, Discord `{"type": 1}`)."""

    model_config = ConfigDict(defer_build=True)

    received: bool | None = True
    duplicate: bool | None = False
    events: int | None = Field(default=None, description="events the request carried")
    challenge: str | None = Field(default=None, description="Slack's url_verification challenge, echoed")
    type: int | None = Field(default=None, description="Discord's PONG (1)")
