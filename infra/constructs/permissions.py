"""Least privilege by area: what each area's functions may touch, and nothing else.

Every Route and Worker names an `area`; the stack gives each area one IAM role built from the
needs below (plus what the request pipeline of that area's routes needs: rate-limit counters,
audit records, idempotency records). An area that is not listed here stops the synth: adding
an area means deciding, here, what it may do.

Contract with the domain code (docs/deploy.md repeats it):
- table items are read with GetItem/BatchGetItem/Query (never Scan), written with
  PutItem/UpdateItem/DeleteItem/BatchWriteItem (TransactWriteItems needs the same actions);
- secrets are named `{secret_prefix}/...` and created with the hub key (`HUB_KMS_KEY_ID`);
- Encryption SDK messages made with the hub key carry a `purpose` key in their encryption
  context (the vault binds tenantId/integrationId/connectionId/purpose, hub/vault.py).
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

SECRET_READ_ACTIONS = ("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret")
SECRET_WRITE_ACTIONS = (
    "secretsmanager:PutSecretValue",
    "secretsmanager:UpdateSecret",
    "secretsmanager:DeleteSecret",
    "secretsmanager:TagResource",
)
SECRET_CREATE_ACTIONS = ("secretsmanager:CreateSecret",)

# The Encryption SDK (master-key-provider API) calls GenerateDataKey to encrypt, Decrypt to decrypt.
CRYPTO_ACTIONS = ("kms:GenerateDataKey", "kms:Decrypt")
CRYPTO_CONTEXT_KEY = "purpose"


@dataclass(frozen=True)
class Needs:
    """What a set of functions may do. Combine with `|`."""

    table: Access = "none"  # the hub table and its indexes
    secrets: Access = "none"  # Secrets Manager, only under the stack's secret prefix
    crypto: bool = False  # Encryption SDK with the hub key (context must carry `purpose`)
    events: bool = False  # events:PutEvents on the hub bus
    send_queues: tuple[str, ...] = ()  # logical queue names (functions.workers.QUEUES)
    table_actions: frozenset[str] = field(default_factory=frozenset)  # single extra table actions

    def __or__(self, other: Needs) -> Needs:
        return Needs(
            table=_max_access(self.table, other.table),
            secrets=_max_access(self.secrets, other.secrets),
            crypto=self.crypto or other.crypto,
            events=self.events or other.events,
            send_queues=tuple(sorted(set(self.send_queues) | set(other.send_queues))),
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

    def secret_action_list(self) -> list[str]:
        actions: set[str] = set()
        if self.secrets in ("read", "write"):
            actions |= set(SECRET_READ_ACTIONS)
        if self.secrets == "write":
            actions |= set(SECRET_WRITE_ACTIONS)
        return sorted(actions)


def _max_access(a: Access, b: Access) -> Access:
    order: tuple[Access, ...] = ("none", "read", "write")
    return order[max(order.index(a), order.index(b))]


NONE = Needs()
READ = Needs(table="read")
WRITE = Needs(table="write")
VAULT_READ = Needs(secrets="read", crypto=True)
VAULT_WRITE = Needs(secrets="write", crypto=True)

AREA_NEEDS: dict[str, Needs] = {
    # liveness touches nothing; readiness reads one item
    "system": READ,
    # the provider catalog (super admin) with provider client secrets in the vault
    "providers": WRITE | VAULT_WRITE,
    # tenants browse the catalog
    "catalog": READ,
    # tenant integration instances; deleting one removes its connection secrets
    "integrations": WRITE | Needs(secrets="write", events=True),
    "audit": READ,
    # connect / test / refresh / disconnect: the vault, events, and the refresh fan-out queue
    "connections": WRITE | VAULT_WRITE | Needs(events=True, send_queues=("refresh",)),
    # authorize URL, state, callback → tokens into the vault, integration.connected
    "oauth": WRITE | VAULT_WRITE | Needs(events=True),
    "user_connections": WRITE | VAULT_WRITE | Needs(events=True),
    # health checks and syncs call providers with stored credentials and record the result; a
    # token about to expire is refreshed first (a new secret version), so they write the vault
    "health": WRITE | VAULT_WRITE | Needs(events=True),
    "sync": WRITE | VAULT_WRITE | Needs(events=True),
    # search and widgets call providers with stored credentials, refreshing an expired token first
    # (which rotates the secret and publishes integration.refreshed); search is audited (a POST)
    "search": WRITE | VAULT_WRITE | Needs(events=True),
    "widgets": WRITE | VAULT_WRITE | Needs(events=True),
    # webhook signing secrets are Encryption-SDK attributes in the table; test sends go to the queue
    "webhooks": WRITE | Needs(crypto=True, send_queues=("webhook",)),
    # schedules: refresh (rotates tokens), health, purge, webhook retry sweep; fan out to queues
    "jobs": WRITE | VAULT_WRITE | Needs(events=True, send_queues=("refresh", "webhook")),
    # queue and event consumers: token refresh, webhook delivery, user.deleted, content.published
    "consumers": WRITE | VAULT_WRITE | Needs(events=True, send_queues=("webhook",)),
}


class UnknownAreaError(ValueError):
    pass


class UnknownQueueError(ValueError):
    pass


def needs_for_area(area: str) -> Needs:
    try:
        return AREA_NEEDS[area]
    except KeyError:
        raise UnknownAreaError(
            f"area {area!r} has no entry in infra/constructs/permissions.py AREA_NEEDS; "
            f"known areas: {', '.join(sorted(AREA_NEEDS))}"
        ) from None


def pipeline_needs(*, public: bool, rate_limited: bool, mutation: bool, idempotent: bool) -> Needs:
    """What hub.http.pipeline does around the handler, per route."""
    actions: set[str] = set()
    if not public and rate_limited:
        actions.add("dynamodb:UpdateItem")  # fixed-window counter, ADD hits
    if not public and mutation:
        actions.add("dynamodb:PutItem")  # audit record
    if idempotent:
        # Powertools idempotency persistence on the table
        actions |= {"dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"}
    return Needs(table_actions=frozenset(actions))


def combined(needs: Iterable[Needs]) -> Needs:
    total = NONE
    for item in needs:
        total = total | item
    return total


def check_queues(needs: Needs, known_queues: Iterable[str], area: str) -> None:
    known = sorted(known_queues)
    unknown = sorted(set(needs.send_queues) - set(known))
    if unknown:
        raise UnknownQueueError(f"area {area!r} sends to unknown queue(s) {unknown}; queues: {known}")


__all__ = [
    "AREA_NEEDS",
    "CRYPTO_ACTIONS",
    "CRYPTO_CONTEXT_KEY",
    "SECRET_CREATE_ACTIONS",
    "Needs",
    "UnknownAreaError",
    "UnknownQueueError",
    "check_queues",
    "combined",
    "needs_for_area",
    "pipeline_needs",
]
