"""The inbound webhook items, and every DynamoDB condition on them.

- Accepted deliveries: pk `INBOUND#{providerId}#{deliveryId}`, sk `DELIVERY`, with the raw body
  and a ttl. The key is the dedupe record: a replay of the same delivery finds it taken. One
  partition per delivery, so one provider's traffic never heats one partition.
- Account links: pk `TENANT#{tenantId}`, sk `INBOUNDACCOUNT#{providerId}#{accountId}#{connectionId}`,
  found through GSI1 `ACCOUNT#{providerId}#{accountId}`: the tenant owns the item, the intake
  finds every connection of an account with one Query.
- Payload grants: pk `TENANT#{tenantId}`, sk `INBOUNDPAYLOAD#{inboundId}#{eventIndex}`, written
  when a provider.event only references its payload: the tenant's key to read it from the
  delivery, and the proof that its connection was matched (hub/inbound/payloads.py).
- Account claims: pk `INBOUNDCLAIM#{providerId}#{accountId}`, sk `CLAIM`, naming the one connection
  whose tenant admin typed that account id: a typed id is exclusive (hub/inbound/accounts.py).
- Integration intakes: pk `TENANT#{tenantId}`, sk `INBOUNDINTAKE#{integrationId}`, with the
  sealed signing secret, found through GSI1 `INBOUNDINTAKE#{integrationId}` by the public intake
  (which knows only the integration id of its URL).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from boto3.dynamodb.types import Binary

from hub.inbound.records import AcceptedDelivery, AccountLink, EventSummary, IntakeStatus, PayloadGrant
from hub.repository import ConditionFailed, Repository, deserialize
from hub.table import GSI1, GSI1_PK, GSI1_SK, PK, tenant_pk

DELIVERY_SK = "DELIVERY"
LINK_PREFIX = "INBOUNDACCOUNT#"
INTAKE_PREFIX = "INBOUNDINTAKE#"
PAYLOAD_PREFIX = "INBOUNDPAYLOAD#"
CLAIM_SK = "CLAIM"


def claim_pk(provider_id: str, account_id: str) -> str:
    return f"INBOUNDCLAIM#{provider_id}#{account_id}"


def delivery_pk(provider_id: str, delivery_id: str) -> str:
    return f"INBOUND#{provider_id}#{delivery_id}"


def account_index_pk(provider_id: str, account_id: str) -> str:
    return f"ACCOUNT#{provider_id}#{account_id}"


def _delivery_item(delivery: AcceptedDelivery, ttl: int) -> dict[str, Any]:
    return {
        "pk": delivery_pk(delivery.provider_id, delivery.delivery_id), "sk": DELIVERY_SK,
        "entity": "inboundDelivery", "id": delivery.id, "providerId": delivery.provider_id,
        "templateId": delivery.template_id, "deliveryId": delivery.delivery_id,
        "integrationId": delivery.integration_id, "tenantId": delivery.tenant_id,
        "receivedAt": delivery.received_at,
        "contentType": delivery.content_type, "body": delivery.body, "status": delivery.status,
        "events": [{"eventType": e.event_type, "accountId": e.account_id} for e in delivery.events],
        "ttl": ttl,
    }


def _delivery_of(item: dict[str, Any]) -> AcceptedDelivery:
    body = item.get("body")
    raw = body.value if isinstance(body, Binary) else bytes(body or b"")
    return AcceptedDelivery(
        id=str(item["id"]), provider_id=str(item["providerId"]), template_id=str(item["templateId"]),
        delivery_id=str(item["deliveryId"]), received_at=str(item["receivedAt"]),
        content_type=str(item.get("contentType") or ""), body=raw,
        events=tuple(EventSummary(str(e.get("eventType")), e.get("accountId")) for e in item.get("events") or []),
        status=item.get("status") or "accepted", integration_id=item.get("integrationId"),
        tenant_id=item.get("tenantId"), expires_at=int(item["ttl"]) if item.get("ttl") is not None else None,
    )


def _payload_sk(inbound_id: str, event_index: int) -> str:
    return f"{PAYLOAD_PREFIX}{inbound_id}#{event_index}"


def _grant_of(item: dict[str, Any]) -> PayloadGrant:
    return PayloadGrant(tenant_id=str(item["tenantId"]), inbound_id=str(item["inboundId"]),
                        event_index=int(item["eventIndex"]), provider_id=str(item["providerId"]),
                        delivery_id=str(item["deliveryId"]), payload_bytes=int(item["payloadBytes"]),
                        payload_sha256=str(item["payloadSha256"]), expires_at=int(item["ttl"]))


def _link_of(item: dict[str, Any]) -> AccountLink:
    return AccountLink(tenant_id=str(item["tenantId"]), integration_id=str(item["integrationId"]),
                       connection_id=str(item["connectionId"]), provider_id=str(item["providerId"]),
                       account_id=str(item["accountId"]), user_id=item.get("userId"),
                       verified=item.get("verified") is not False)


class InboundRepository(Repository):
    # ---- accepted deliveries -------------------------------------------------------------
    def accept(self, delivery: AcceptedDelivery, *, ttl: int) -> bool:
        """Keep a delivery unless the provider sent it before (False: a replay)."""
        try:
            self.put_new(_delivery_item(delivery, ttl))
        except ConditionFailed:
            return False
        return True

    def forget(self, provider_id: str, delivery_id: str) -> None:
        """Drop a delivery the hub could not queue, so the provider's retry is taken again."""
        self.delete(delivery_pk(provider_id, delivery_id), DELIVERY_SK)

    def get_delivery(self, provider_id: str, delivery_id: str) -> AcceptedDelivery | None:
        item = self.get(delivery_pk(provider_id, delivery_id), DELIVERY_SK)
        return _delivery_of(item) if item else None

    def get_deliveries(self, keys: Sequence[tuple[str, str]]) -> list[AcceptedDelivery]:
        """Several deliveries in BatchGetItem calls of 100 (a queue batch costs one call)."""
        found: list[AcceptedDelivery] = []
        unique = list(dict.fromkeys(keys))
        for start in range(0, len(unique), 100):
            request = {self.table_name: {"Keys": [
                {"pk": {"S": delivery_pk(p, d)}, "sk": {"S": DELIVERY_SK}} for p, d in unique[start:start + 100]],
                "ConsistentRead": True}}
            while request:
                response = self.client.batch_get_item(RequestItems=request)
                found.extend(_delivery_of(deserialize(raw)) for raw in response["Responses"].get(self.table_name, []))
                request = response.get("UnprocessedKeys") or {}
        return found

    def finish(self, delivery: AcceptedDelivery, status: IntakeStatus, *, ttl: int, delivered: int) -> None:
        """Record the outcome once: a redelivered queue message finds it no longer accepted."""
        try:
            self.update(delivery_pk(delivery.provider_id, delivery.delivery_id), DELIVERY_SK,
                        set_fields={"status": status, "ttl": ttl, "deliveredTo": delivered},
                        condition="#status = :accepted", names={"#status": "status"},
                        values={":accepted": "accepted"}, return_new=False)
        except ConditionFailed:
            pass

    # ---- payload grants ------------------------------------------------------------------
    def grant_payloads(self, grants: Iterable[PayloadGrant]) -> None:
        """Record which tenants may read which referenced payloads (a retried batch writes the
        same items again)."""
        for grant in grants:
            self.put({"pk": tenant_pk(grant.tenant_id), "sk": _payload_sk(grant.inbound_id, grant.event_index),
                      "entity": "inboundPayload", "tenantId": grant.tenant_id, "inboundId": grant.inbound_id,
                      "eventIndex": grant.event_index, "providerId": grant.provider_id,
                      "deliveryId": grant.delivery_id, "payloadBytes": grant.payload_bytes,
                      "payloadSha256": grant.payload_sha256, "ttl": grant.expires_at})

    def payload_grant(self, tenant_id: str, inbound_id: str, event_index: int) -> PayloadGrant | None:
        item = self.get(tenant_pk(tenant_id), _payload_sk(inbound_id, event_index))
        return _grant_of(item) if item else None

    # ---- integration intakes -------------------------------------------------------------
    def save_intake(self, tenant_id: str, integration_id: str, provider_id: str, sealed: str, now_iso: str
                    ) -> dict[str, Any]:
        item = {"pk": tenant_pk(tenant_id), "sk": f"{INTAKE_PREFIX}{integration_id}",
                GSI1_PK: f"{INTAKE_PREFIX}{integration_id}", GSI1_SK: tenant_id, "entity": "inboundIntake",
                "tenantId": tenant_id, "integrationId": integration_id, "providerId": provider_id,
                "secretCiphertext": sealed, "updatedAt": now_iso}
        self.put(item)
        return item

    def intake_of_tenant(self, tenant_id: str, integration_id: str) -> dict[str, Any] | None:
        return self.get(tenant_pk(tenant_id), f"{INTAKE_PREFIX}{integration_id}")

    def intake_by_integration(self, integration_id: str) -> dict[str, Any] | None:
        """The intake of an integration id from a public URL (GSI1; integration ids are unique)."""
        items, _ = self.query(f"{INTAKE_PREFIX}{integration_id}", index=GSI1, limit=2)
        return items[0] if len(items) == 1 else None

    # ---- account links ---------------------------------------------------------------------
    def link(self, links: Iterable[AccountLink]) -> None:
        for link in links:
            self.put({
                "pk": tenant_pk(link.tenant_id),
                "sk": f"{LINK_PREFIX}{link.provider_id}#{link.account_id}#{link.connection_id}",
                GSI1_PK: account_index_pk(link.provider_id, link.account_id),
                GSI1_SK: f"{link.tenant_id}#{link.connection_id}",
                "entity": "inboundAccount", "tenantId": link.tenant_id, "integrationId": link.integration_id,
                "connectionId": link.connection_id, "providerId": link.provider_id, "accountId": link.account_id,
                "userId": link.user_id, "verified": link.verified,
            })

    def unlink_connection(self, tenant_id: str, connection_id: str, *, keep_claims: bool = False) -> int:
        """Remove every account link of a connection (it was disconnected or re-linked), and
        the claims of the ids its tenant admin typed unless `keep_claims` (they are re-linked)."""
        removed = 0
        for item in self.query_all(tenant_pk(tenant_id), sk_prefix=LINK_PREFIX):
            if item.get("connectionId") == connection_id:
                self.delete(item[PK], item["sk"])
                if item.get("verified") is False and not keep_claims:
                    self.release_claim(str(item["providerId"]), str(item["accountId"]), connection_id)
                removed += 1
        return removed

    # ---- account claims (ids a tenant admin typed) -------------------------------------------
    def claim(self, link: AccountLink) -> bool:
        """Take the account for this connection; False when another connection holds it."""
        try:
            self.put({"pk": claim_pk(link.provider_id, link.account_id), "sk": CLAIM_SK, "entity": "inboundClaim",
                      "tenantId": link.tenant_id, "connectionId": link.connection_id,
                      "providerId": link.provider_id, "accountId": link.account_id},
                     condition="attribute_not_exists(#pk) OR (#t = :t AND #c = :c)",
                     names={"#pk": PK, "#t": "tenantId", "#c": "connectionId"},
                     values={":t": link.tenant_id, ":c": link.connection_id})
        except ConditionFailed:
            return False
        return True

    def release_claim(self, provider_id: str, account_id: str, connection_id: str) -> None:
        try:
            self.delete(claim_pk(provider_id, account_id), CLAIM_SK, condition="#c = :c",
                        names={"#c": "connectionId"}, values={":c": connection_id})
        except ConditionFailed:
            pass  # another connection's claim (or none): not ours to release

    def links_for(self, provider_id: str, account_id: str) -> list[AccountLink]:
        return [_link_of(item) for item in self.query_all(account_index_pk(provider_id, account_id), index=GSI1)]

    def links_of_tenant(self, tenant_id: str) -> list[AccountLink]:
        return [_link_of(item) for item in self.query_all(tenant_pk(tenant_id), sk_prefix=LINK_PREFIX)]
