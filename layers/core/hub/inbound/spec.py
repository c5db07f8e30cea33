"""The `inboundWebhooks` section of a provider template: how the provider signs, identifies and
describes the webhooks it sends (docs/providers.md, "Inbound webhooks").

Read from camelCase JSON like the rest of a template (hub/providers/templates.py embeds it).
Nothing here is secret: the key a scheme needs is named (`key`), and the super admin stores it
(hub/inbound/secrets.py).
"""

import re
from typing import Annotated, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator
from pydantic.alias_generators import to_camel

Scheme = Literal["hmac-sha256", "stripe", "slack-v0", "hubspot-v3", "ed25519", "standard-webhooks"]
# where the verification key comes from: a signing secret the super admin stores for inbound
# webhooks, the provider's OAuth client secret (Shopify, HubSpot, Meta sign with it), or a
# public key (Discord); see hub/inbound/secrets.py
KeySource = Literal["signingSecret", "clientSecret", "publicKey"]
Handshake = Literal["slack-url-verification", "meta-verify-token", "discord-ping"]

HeaderName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$")]
# dotted path into the JSON body: `event.type`, `installation.id`, `entry.0.id`
JsonPath = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_$@:-]+(?:\.[A-Za-z0-9_$@:-]+)*$", max_length=200)]
ItemsPath = Annotated[str, StringConstraints(pattern=r"^(?:[A-Za-z0-9_$@:-]+(?:\.[A-Za-z0-9_$@:-]+)*)?$",
                                             max_length=200)]
# an account id of a template that names no accountIdPattern (what extract.py reads is trimmed to 200)
ACCOUNT_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._:@/-]{0,199}$"
_PLACEHOLDER = re.compile(r"\{([A-Za-z][A-Za-z0-9_.]*)\}")
# schemes whose signed content includes a timestamp header
_TIMESTAMPED = frozenset({"slack-v0", "hubspot-v3", "ed25519"})


class _Spec(BaseModel):
    model_config = ConfigDict(defer_build=True, extra="forbid", frozen=True, alias_generator=to_camel)


class SignatureSpec(_Spec):
    """How a request proves it comes from the provider."""

    scheme: Scheme
    header: HeaderName
    # hmac-sha256: how the digest is written, and what precedes it (GitHub and Meta: "sha256=")
    encoding: Literal["hex", "base64"] = "hex"
    prefix: Annotated[str, StringConstraints(max_length=20)] = ""
    timestamp_header: HeaderName | None = None
    # a signed timestamp older (or newer) than this is refused as stale; None: the scheme signs
    # no timestamp, or the provider documents no window
    tolerance_seconds: int | None = Field(default=300, ge=1, le=3600)
    key: KeySource = "signingSecret"

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.scheme in _TIMESTAMPED and self.timestamp_header is None:
            raise ValueError(f"scheme {self.scheme!r} signs a timestamp: timestampHeader is required")
        if (self.scheme == "ed25519") != (self.key == "publicKey"):
            raise ValueError("scheme 'ed25519' verifies with a publicKey, and only it does")
        if self.scheme != "hmac-sha256" and (self.prefix or self.encoding != "hex"):
            raise ValueError("encoding and prefix apply to scheme 'hmac-sha256' only")
        return self


class FieldSource(_Spec):
    """A value read from the request: a header, else the first JSON path present in the event."""

    header: HeaderName | None = None
    paths: list[JsonPath] = []

    @model_validator(mode="after")
    def _some(self) -> Self:
        if self.header is None and not self.paths:
            raise ValueError("name a header or at least one path")
        return self


class ConfirmSource(_Spec):
    """Where the lookup's answer lists the values a browser-carried one must be among."""

    items_path: ItemsPath
    field: JsonPath


class AccountLookup(_Spec):
    """A request the hub makes with a new connection's access token at connect time, so the
    account id comes from the provider's API rather than from what a browser carried
    (hub/inbound/lookup.py). `values` name answer fields that fill connectAccountId's
    placeholders; `confirm` keeps a callback value only when the answer lists it (GitHub's
    installation_id: the setup redirect's value can be spoofed)."""

    method: Literal["GET"] = "GET"
    # on the API base URL; `{access_token}` and the connection's values are placeholders
    path: Annotated[str, StringConstraints(pattern=r"^/", max_length=300)]
    values: dict[Annotated[str, StringConstraints(pattern=r"^[A-Za-z][A-Za-z0-9_.]*$")], JsonPath] = {}
    confirm: dict[Annotated[str, StringConstraints(pattern=r"^[A-Za-z][A-Za-z0-9_.]*$")], ConfirmSource] = {}

    @model_validator(mode="after")
    def _some(self) -> Self:
        if not self.values and not self.confirm:
            raise ValueError("name values to read or callback values to confirm")
        return self


class InboundWebhookSpec(_Spec):
    """What the hub needs to take a provider's webhooks."""

    signature: SignatureSpec
    # the provider's id of one delivery (a retry repeats it): replays are acknowledged and
    # dropped; without one, the body's SHA-256 is the delivery id
    delivery_id: FieldSource | None = None
    # the provider's event type (`orders/create`); an event with none is typed "unknown"
    event_type: FieldSource
    # the provider account an event concerns (Slack team, Shopify shop, Stripe account, ...)
    account_id: FieldSource
    # the same account id, read from a connection at connect time: `{name}` placeholders over
    # the connection's non-secret values (connectionConfig, kept token-response fields,
    # callback fields, non-secret credential fields), e.g. "{shop}.myshopify.com"
    connect_account_id: Annotated[str, StringConstraints(min_length=3, max_length=200)] | None = None
    # where the provider's API says which account a new connection belongs to (HubSpot's
    # access-token info, GitHub's installations of the user)
    account_lookup: AccountLookup | None = None
    # what an account id of this provider looks like: a tenant admin's correction of a
    # connection's account ids must match it (hub/inbound/accounts.py); default ACCOUNT_ID_PATTERN
    account_id_pattern: Annotated[str, StringConstraints(min_length=3, max_length=200)] | None = None
    # the body holds several events (HubSpot: the array itself, ""; Meta: "entry")
    events_path: ItemsPath | None = None
    handshakes: list[Handshake] = []
    # the provider signs per tenant app/account (a Stripe endpoint secret of the tenant's own
    # account): events come to /api/webhooks/in/{providerId}/{integrationId} and belong to it
    per_integration: bool = False

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.connect_account_id is not None and not _PLACEHOLDER.search(self.connect_account_id):
            raise ValueError("connectAccountId needs at least one {placeholder}")
        if self.per_integration and self.signature.key != "signingSecret":
            raise ValueError("perIntegration takes a signingSecret the tenant stores")
        if len(set(self.handshakes)) != len(self.handshakes):
            raise ValueError("handshakes must not repeat")
        if self.account_id_pattern is not None:
            if not (self.account_id_pattern.startswith("^") and self.account_id_pattern.endswith("$")):
                raise ValueError("accountIdPattern must be anchored (^...$)")
            try:
                re.compile(self.account_id_pattern)
            except re.error as error:
                raise ValueError(f"accountIdPattern is not a regular expression: {error}") from None
        return self

    def account_id_regex(self) -> re.Pattern[str]:
        return re.compile(self.account_id_pattern or ACCOUNT_ID_PATTERN)

    def connect_placeholders(self) -> list[str]:
        return _PLACEHOLDER.findall(self.connect_account_id or "")


def render_account_id(template: str, values: dict[str, str]) -> str | None:
    """`template` with every placeholder filled, or None when a value is missing."""
    missing = False

    def fill(match: re.Match[str]) -> str:
        nonlocal missing
        value = values.get(match.group(1))
        if value is None or value == "":
            missing = True
            return ""
        return value

    rendered = _PLACEHOLDER.sub(fill, template)
    return None if missing else rendered
