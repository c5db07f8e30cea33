"""Inbound webhook records and API models."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

# accepted: acknowledged, waiting for the processor; delivered: published to at least one
# connection; unclaimed: no connection claimed it (kept briefly, never delivered to a tenant)
IntakeStatus = Literal["accepted", "delivered", "unclaimed"]
MAX_ACCOUNT_IDS = 20


@dataclass(frozen=True)
class EventSummary:
    """What the intake read from one event of a request (type and account), kept with the
    delivery so the processor does not need the request headers."""

    event_type: str
    account_id: str | None


@dataclass(frozen=True)
class AcceptedDelivery:
    """One acknowledged provider request: its dedupe key, the raw body and what it holds."""

    id: str
    provider_id: str
    template_id: str
    delivery_id: str
    received_at: str
    content_type: str
    body: bytes
    events: tuple[EventSummary, ...]
    status: IntakeStatus = "accepted"
    # set when the request came to an integration's own URL: its events belong to that integration
    integration_id: str | None = None
    tenant_id: str | None = None
    # epoch seconds the table's TTL removes it after (DynamoDB deletes expired items late)
    expires_at: int | None = None


@dataclass(frozen=True)
class PayloadGrant:
    """A tenant's right to read one event's payload that its provider.event only referenced
    (over `inbound_inline_payload_bytes`): written per tenant the event was published to."""

    tenant_id: str
    inbound_id: str
    event_index: int
    provider_id: str
    delivery_id: str
    payload_bytes: int
    payload_sha256: str
    expires_at: int


@dataclass(frozen=True)
class AccountLink:
    """A connection that answers for a provider account (recorded at connect time)."""

    tenant_id: str
    integration_id: str
    connection_id: str
    provider_id: str
    account_id: str
    user_id: str | None = None
    # captured from the provider at connect time (True), or typed by a tenant admin (False):
    # hub/inbound/accounts.py decides who receives when both exist
    verified: bool = True


@dataclass
class IntakeAnswer:
    """What the intake answers the provider."""

    status_code: int
    body: str
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)


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
    accountId: str
    source: AccountSource = Field(description="connect: captured from the provider when the connection was made "
                                              "(trusted); tenant_admin: typed by a tenant admin")
    receiving: bool = Field(description="whether the account's events reach this connection: only ids captured "
                                        "from the provider at connect do; typed ids wait for a connect to capture them")


class InboundAccountsView(BaseModel):
    """The provider accounts whose webhook events are attributed to the integration's connection."""

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

    received: bool | None = True
    duplicate: bool | None = False
    events: int | None = Field(default=None, description="events the request carried")
    challenge: str | None = Field(default=None, description="Slack's url_verification challenge, echoed")
    type: int | None = Field(default=None, description="Discord's PONG (1)")
