"""Least privilege per function: what each function may touch, from the route and worker tables.

A function's needs are its area's table access (read or write) plus the `grants` its Route or
Worker entry declares (functions/routes.py, functions/workers.py) plus what the request
pipeline does around its routes (rate-limit counters, audit records, idempotency records). The
stack builds one IAM role per distinct set of needs (functions that need exactly the same share
it; infra/constructs/functions.py). An unknown area or grant stops the synth: adding one means
deciding, here, what it allows.

Contract with the domain code (docs/deploy.md repeats it; the IAM audit in tests/infra checks
every call the suite makes against the synthesized roles):
- table items are read with GetItem/BatchGetItem/Query (never Scan), written with
  PutItem/UpdateItem/DeleteItem/BatchWriteItem (TransactWriteItems needs the same actions);
- tenant credentials are secrets `{secret_prefix}/{tenantId}/...`, provider client secrets
  `{secret_prefix}/_system/...`, both created with the vault key (`HUB_KMS_KEY_ID`);
- every Encryption SDK message made with the vault key carries `purpose` in its encryption
  context, and `tenantId` (`_system` for the platform's own secrets).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

Access = Literal["none", "read", "write"]

TABLE_READ_ACTIONS = (
    "dynamodb:GetItem",
    "dynamodb:BatchGetItem",
    "dynamodb:Query",
    "dynamodb:ConditionCheckItem",
)
TABLE_WRITE_ACTIONS = (
    "dynamodb:PutItem",
    "dynamodb:UpdateItem",
    "dynamodb:DeleteItem",
    "dynamodb:BatchWriteItem",
)
INDEX_ACTIONS = ("dynamodb:Query",)
# every Secrets Manager action on a secret (the deny that keeps tenant-facing functions off the
# platform's secrets lists them rather than `secretsmanager:*`)
SECRET_ACTIONS = (
    "secretsmanager:CreateSecret", "secretsmanager:DeleteSecret", "secretsmanager:DescribeSecret",
    "secretsmanager:GetSecretValue", "secretsmanager:PutSecretValue", "secretsmanager:TagResource",
    "secretsmanager:UntagResource", "secretsmanager:UpdateSecret", "secretsmanager:RestoreSecret",
    "secretsmanager:GetResourcePolicy", "secretsmanager:PutResourcePolicy", "secretsmanager:ListSecretVersionIds",
)

SYSTEM_TENANT = "_system"  # hub.vault.SYSTEM_TENANT: the platform's own secrets
PURPOSE_CONNECTION = "connection"  # hub.vault.PURPOSE_CONNECTION
# hub.connections.pending.PURPOSE: a grant sealed into the connection item until the vault holds
# it; whoever may read or write a tenant credential may open or seal its pending copy
PURPOSE_PENDING_GRANT = "pending-grant"
PURPOSE_PROVIDER_CLIENT = "provider-client"  # hub.vault.PURPOSE_PROVIDER_CLIENT
SECRET_TAG_KEYS = ("tenantId", "integrationId", "connectionId", "purpose")  # hub.vault.SecretsManagerVault.store

# Encryption-SDK purposes of values sealed into table items (not the vault's own purposes)
SEAL_PURPOSES = {
    "idempotent-response": "hub.http.idempotency: stored responses of idempotent creates",
    "oauth-pkce-verifier": "hub.connections.state: the PKCE verifier of a pending OAuth flow",
    "oauth-authorization-url": "hub.connections.state: the authorization URL of a pending flow",
    "webhook-signing": "hub.webhooks.signing_keys: webhook signing secrets",
    "inbound-signing": "hub.inbound.intakes: an integration's inbound webhook signing secret",
}

VAULT_OPERATIONS = ("read", "write", "delete")
GRANTS: dict[str, str] = {
    **{f"vault:{op}": f"{op} tenants' connection credentials (Secrets Manager + vault key)"
       for op in VAULT_OPERATIONS},
    **{f"platform-secrets:{op}": f"{op} provider OAuth client secrets ({SYSTEM_TENANT})" for op in VAULT_OPERATIONS},
    **{f"seal:{purpose}": f"Encryption SDK with the vault key, purpose {purpose}: {why}"
       for purpose, why in SEAL_PURPOSES.items()},
    "events:publish": "events:PutEvents on the hub bus with the hub's source",
    "queue:refresh": "sqs:SendMessage to the refresh queue",
    "queue:webhook": "sqs:SendMessage to the webhook queue",
    "queue:inbound": "sqs:SendMessage to the inbound queue (accepted provider webhooks)",
    "sts:assume-tenant-role": "sts:AssumeRole into a tenant's role in another account, with an ExternalId",
}


class UnknownAreaError(ValueError):
    pass


class UnknownGrantError(ValueError):
    pass


class UnknownQueueError(ValueError):
    pass


@dataclass(frozen=True)
class Needs:
    """What a function may do. Combine with `|`."""

    table: Access = "none"  # the hub table and its indexes
    grants: frozenset[str] = field(default_factory=frozenset)  # names from GRANTS
    table_actions: frozenset[str] = field(default_factory=frozenset)  # single extra table actions

    def __post_init__(self) -> None:
        unknown = sorted(set(self.grants) - set(GRANTS))
        if unknown:
            raise UnknownGrantError(f"unknown grant(s) {unknown}; infra/constructs/permissions.py GRANTS "
                                    f"lists: {', '.join(sorted(GRANTS))}")

    def __or__(self, other: Needs) -> Needs:
        return Needs(
            table=_max_access(self.table, other.table),
            grants=self.grants | other.grants,
            table_actions=self.table_actions | other.table_actions,
        )

    def table_action_list(self) -> list[str]:
        actions = set(self.table_actions)
        if self.table in ("read", "write"):
            actions |= set(TABLE_READ_ACTIONS)
        if self.table == "write":
            actions |= set(TABLE_WRITE_ACTIONS)
        return sorted(actions)

    def index_action_list(self) -> list[str]:
        return sorted(INDEX_ACTIONS) if self.table in ("read", "write") else []

    def vault(self, kind: str) -> set[str]:
        """Operations granted on `vault` (tenant credentials) or `platform-secrets`."""
        return {op for op in VAULT_OPERATIONS if f"{kind}:{op}" in self.grants}

    def without_vault(self) -> Needs:
        """These needs less the tenant-credential grants: what a function role keeps in the tenant
        scope, where a vault role holds them (infra/constructs/vault_roles.py)."""
        return Needs(table=self.table, grants=frozenset(g for g in self.grants if not g.startswith("vault:")),
                     table_actions=self.table_actions)

    def sealed_purposes(self) -> list[str]:
        return sorted(g.split(":", 1)[1] for g in self.grants if g.startswith("seal:"))

    @property
    def send_queues(self) -> tuple[str, ...]:
        return tuple(sorted(g.split(":", 1)[1] for g in self.grants if g.startswith("queue:")))

    @property
    def events(self) -> bool:
        return "events:publish" in self.grants

    @property
    def uses_vault_key(self) -> bool:
        """KMS with the vault key: reading or writing a secret, or sealing a table value (deleting
        a secret needs no key)."""
        ops = self.vault("vault") | self.vault("platform-secrets")
        return bool(ops - {"delete"} or self.sealed_purposes())

    def signature(self) -> str:
        """A stable text naming exactly these needs: functions with the same one share a role."""
        return ";".join([self.table, ",".join(sorted(self.grants)), ",".join(sorted(self.table_actions))])


def _max_access(a: Access, b: Access) -> Access:
    order: tuple[Access, ...] = ("none", "read", "write")
    return order[max(order.index(a), order.index(b))]


NONE = Needs()
READ = Needs(table="read")
WRITE = Needs(table="write")

# The table access of each area; everything else a function may do is a grant on its entry.
AREA_NEEDS: dict[str, Needs] = {
    "system": READ,  # readiness reads one item
    "providers": WRITE,
    "catalog": READ,
    "integrations": WRITE,
    "audit": READ,
    "connections": WRITE,
    "oauth": WRITE,
    "user_connections": WRITE,
    # health, sync, search and widgets record results and refresh expired tokens (a write)
    "health": WRITE,
    "sync": WRITE,
    "search": WRITE,
    "widgets": WRITE,
    # the proxy spends the connection's quota budget and records activity and audit (writes)
    "proxy": WRITE,
    "webhooks": WRITE,
    # connect sessions are spent and audited by their public routes (hub/sessions); the page
    # and the session it reads only read
    "connect": WRITE,
    "connect_page": READ,
    "jobs": WRITE,
    "consumers": WRITE,
    # the intake keeps each accepted provider webhook (dedupe), the processor reads account links
    "inbound": WRITE,
    # a referenced provider-event payload: the tenant's grant and the kept delivery, read only
    "inbound_events": READ,
}


def needs_for_area(area: str) -> Needs:
    try:
        return AREA_NEEDS[area]
    except KeyError:
        raise UnknownAreaError(
            f"area {area!r} has no entry in infra/constructs/permissions.py AREA_NEEDS; "
            f"known areas: {', '.join(sorted(AREA_NEEDS))}"
        ) from None


def needs_for(area: str, grants: Iterable[str]) -> Needs:
    return needs_for_area(area) | Needs(grants=frozenset(grants))


def pipeline_needs(*, public: bool, rate_limited: bool, mutation: bool, idempotent: bool) -> Needs:
    """What hub.http.pipeline does around the handler, per route."""
    actions: set[str] = set()
    grants: set[str] = set()
    if not public and rate_limited:
        actions.add("dynamodb:UpdateItem")  # fixed-window counter, ADD hits
    if not public and mutation:
        actions.add("dynamodb:PutItem")  # audit record
    if idempotent:
        # Powertools idempotency persistence on the table; the stored response is sealed
        actions |= {"dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"}
        grants.add("seal:idempotent-response")
    return Needs(table_actions=frozenset(actions), grants=frozenset(grants))


def combined(needs: Iterable[Needs]) -> Needs:
    total = NONE
    for item in needs:
        total = total | item
    return total


def check_queues(needs: Needs, known_queues: Iterable[str], area: str) -> None:
    known = sorted(known_queues)
    unknown = sorted(set(needs.send_queues) - set(known))
    if unknown:
        raise UnknownQueueError(f"{area!r} sends to unknown queue(s) {unknown}; queues: {known}")


__all__ = [
    "AREA_NEEDS",
    "GRANTS",
    "Needs",
    "UnknownAreaError",
    "UnknownGrantError",
    "UnknownQueueError",
    "check_queues",
    "combined",
    "needs_for",
    "needs_for_area",
    "pipeline_needs",
]
