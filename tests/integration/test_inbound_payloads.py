"""Provider events too large for the bus: the provider.event references its payload, and the
tenants it was published to — and only they — read it from
GET /api/tenant/inbound-events/{inboundId}/payload while the delivery is kept
(hub/inbound/payloads.py, docs/inbound-webhooks.md "Large payloads")."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from typing import Any
from urllib.parse import urlsplit

import pytest

from hub import clock
from hub.inbound.intake import MAX_KEPT_BODY_BYTES
from hub.inbound.records import AccountLink
from hub.inbound.repository import InboundRepository
from tests.integration.test_inbound_webhooks import (
    capture,
    cold_caches,
    connected_account,
    create_provider,
    process_inbound,
    sandbox_event,
    send,
    signing_secret,
    stored_deliveries,
)
from tests.support.api import ApiClient, ApiResponse
from tests.support.connections import SandboxWorld, sandbox_server, sandbox_world
from tests.support.webhooks import EventCapture

__all__ = ["capture", "cold_caches", "sandbox_server", "sandbox_world", "signing_secret"]  # fixtures

BIG = {"item": {"id": "itm_big", "notes": "x" * (100 * 1024)}}  # over the 64 KB a provider.event carries


def admin(tenant: str) -> ApiClient:
    return ApiClient("tenant_admin", tenant=tenant, user="ada")


def fetch(client: ApiClient, event: dict[str, Any]) -> ApiResponse:
    url = urlsplit(event["payloadUrl"])
    return client.get(url.path, query=dict(p.split("=", 1) for p in url.query.split("&")))


def test_a_large_payload_is_referenced_and_served_to_the_connected_tenant_only(
        sandbox_world: SandboxWorld, signing_secret: str, capture: EventCapture) -> None:
    # Given acme connected the sandbox account, and globex connected nothing of it
    _, account_id = connected_account(sandbox_world)
    # When the provider sends an event whose payload is over 64 KB
    assert send("sandbox", *sandbox_event(signing_secret, account_id, data=BIG)).status == 200
    assert process_inbound() == 1
    # Then the provider.event references the payload instead of carrying it
    [event] = capture.of_type("provider.event")
    assert "payload" not in event and event["payloadBytes"] > 64 * 1024 and event["eventIndex"] == 0
    assert event["payloadUrl"].endswith(f"/api/tenant/inbound-events/{event['inboundId']}/payload?index=0")
    # And acme reads it: the JSON the provider sent, the bytes whose SHA-256 the event names
    served = fetch(admin("acme"), event)
    assert served.status == 200, served.raw_body
    assert hashlib.sha256(served.raw_body.encode()).hexdigest() == event["payloadSha256"]
    assert served.body["data"] == BIG and served.header("content-type") == "application/json"
    # And another tenant, an event index it was not sent, and a plain user get nothing of it
    foreign = fetch(admin("globex"), event)
    assert (foreign.status, foreign.error["code"]) == (404, "INBOUND_EVENT_NOT_FOUND")
    assert admin("acme").get(f"/api/tenant/inbound-events/{event['inboundId']}/payload",
                             query={"index": "1"}).status == 404
    assert fetch(ApiClient("user", tenant="acme", user="bob"), event).status == 403


def test_every_tenant_the_event_was_published_to_reads_it_until_the_delivery_expires(
        sandbox_world: SandboxWorld, signing_secret: str, capture: EventCapture) -> None:
    # Given two tenants connected the same sandbox account
    _, account_id = connected_account(sandbox_world)
    connected_account(sandbox_world, tenant="globex")
    assert send("sandbox", *sandbox_event(signing_secret, account_id, data=BIG)).status == 200
    process_inbound()
    events = {e["tenantId"]: e for e in capture.of_type("provider.event")}
    # When both read the payload within the retention, they get it
    assert fetch(admin("acme"), events["acme"]).status == 200
    assert fetch(admin("globex"), events["globex"]).status == 200
    # Then after HUB_INBOUND_RETENTION_HOURS (72) it is gone, though DynamoDB has not yet removed it
    clock.advance(72 * 3600 + 1)
    expired = fetch(admin("acme"), events["acme"])
    assert (expired.status, expired.error["code"]) == (404, "INBOUND_EVENT_NOT_FOUND")
    assert stored_deliveries()  # still in the table: the hub clock decides, not the TTL sweeper


def test_a_small_payload_is_carried_and_grants_nothing(
        sandbox_world: SandboxWorld, signing_secret: str, capture: EventCapture) -> None:
    _, account_id = connected_account(sandbox_world)
    assert send("sandbox", *sandbox_event(signing_secret, account_id)).status == 200
    process_inbound()
    [event] = capture.of_type("provider.event")
    assert event["payload"]["data"]["item"]["title"] == "Roadmap" and "payloadUrl" not in event
    served = admin("acme").get(f"/api/tenant/inbound-events/{event['inboundId']}/payload")
    assert served.status == 404


def test_malformed_ids_and_indexes_are_refused_with_400(aws_env: Any) -> None:
    assert admin("acme").get("/api/tenant/inbound-events/not-an-id/payload").status == 400
    assert admin("acme").get("/api/tenant/inbound-events/inb_1/payload", query={"index": "-1"}).status == 400
    assert admin("acme").get("/api/tenant/inbound-events/inb_1/payload", query={"index": "x"}).status == 400


def hubspot_request(secret: str, path: str, body: bytes) -> dict[str, str]:
    from hub.settings import get_settings

    timestamp = str(int(clock.now() * 1000))
    url = get_settings().public_api_url.rstrip("/") + path
    digest = hmac.new(secret.encode(), ("POST" + url).encode() + body + timestamp.encode(), hashlib.sha256).digest()
    return {"X-HubSpot-Signature-v3": base64.b64encode(digest).decode(), "X-HubSpot-Request-Timestamp": timestamp}


def test_a_batched_request_serves_each_tenant_only_the_events_of_its_own_accounts(
        aws_env: Any, capture: EventCapture) -> None:
    # Given HubSpot, whose requests batch events of several portals, and two tenants' portals
    create_provider("hubspot", clientSecret="hubspot-client-secret")
    InboundRepository().link([
        AccountLink(tenant_id="acme", integration_id="int_a", connection_id="conn_a", provider_id="hubspot",
                    account_id="111"),
        AccountLink(tenant_id="globex", integration_id="int_g", connection_id="conn_g", provider_id="hubspot",
                    account_id="222")])
    events = [{"eventId": n, "subscriptionType": "contact.propertyChange", "portalId": portal,
               "propertyValue": "v" * (70 * 1024)} for n, portal in ((1, 111), (2, 222))]
    body = json.dumps(events).encode()
    # When one request carries an event of each portal
    answer = send("hubspot", body, hubspot_request("hubspot-client-secret", "/api/webhooks/in/hubspot", body))
    assert answer.status == 200, answer.raw_body
    process_inbound()
    published = {e["tenantId"]: e for e in capture.of_type("provider.event")}
    # Then each tenant reads its own event, and not the other tenant's event of the same request
    assert (published["acme"]["eventIndex"], published["globex"]["eventIndex"]) == (0, 1)
    mine = fetch(admin("acme"), published["acme"])
    assert mine.status == 200 and mine.body["portalId"] == 111
    path = f"/api/tenant/inbound-events/{published['acme']['inboundId']}/payload"
    assert admin("acme").get(path, query={"index": "1"}).status == 404
    assert fetch(admin("globex"), published["globex"]).body["portalId"] == 222


def test_a_body_the_table_cannot_keep_is_refused_with_413_whatever_the_body_limit(
        sandbox_world: SandboxWorld, signing_secret: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from hub.settings import reset_settings

    # Given an operator raised HUB_MAX_BODY_BYTES to 1 MB
    monkeypatch.setenv("HUB_MAX_BODY_BYTES", str(1024 * 1024))
    reset_settings()
    _, account_id = connected_account(sandbox_world)
    # When a provider sends more than a DynamoDB item can hold beside the delivery
    huge = sandbox_event(signing_secret, account_id, message_id="msg_huge",
                         data={"blob": "a" * MAX_KEPT_BODY_BYTES})
    too_big = send("sandbox", *huge)
    # Then it is refused with 413 and nothing is kept; a body just under the limit is kept
    assert (too_big.status, too_big.error["code"]) == (413, "PAYLOAD_TOO_LARGE")
    assert stored_deliveries() == []
    fits = sandbox_event(signing_secret, account_id, message_id="msg_fits",
                         data={"blob": "a" * (MAX_KEPT_BODY_BYTES - 1024)})
    assert send("sandbox", *fits).status == 200
    assert len(stored_deliveries()) == 1
