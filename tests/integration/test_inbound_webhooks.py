"""Inbound provider webhooks end to end, in-process: a provider's signed request → the public
intake (verify, dedupe, acknowledge, queue) → the inbound processor (attribute to the connections
recorded at connect time) → `provider.event` on the bus → the outgoing webhook of an endpoint
subscribed to that provider event type, verified with Standard Webhooks."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from functions.workers import WORKERS
from hub import aws, clock
from hub.inbound import secrets
from hub.inbound.intake import forget_providers
from hub.inbound.repository import InboundRepository
from hub.webhooks.signing import generate_secret, signing_headers
from local.jobs import local_jobs
from local.receiver import Receiver
from local.webhooks_dev import install_webhook_rule, pump_webhook_queue
from tests.support import seed
from tests.support.api import ApiClient, ApiResponse
from tests.support.connections import SandboxWorld, sandbox_server, sandbox_world
from tests.support.webhooks import EventCapture, receiver_on_hub_clock

__all__ = ["receiver_on_hub_clock", "sandbox_server", "sandbox_world"]  # fixtures

pytestmark = pytest.mark.usefixtures("receiver_on_hub_clock")

SUPER = ApiClient("super_admin", tenant="platform", user="root")
INTAKE = "/api/webhooks/in/{}"


@pytest.fixture(autouse=True)
def cold_caches() -> Iterator[None]:
    secrets.forget()
    forget_providers()
    yield
    secrets.forget()
    forget_providers()


@pytest.fixture
def signing_secret(sandbox_world: SandboxWorld) -> str:
    """Given the super admin stored the sandbox's inbound signing secret."""
    secret = generate_secret()
    response = SUPER.put("/api/admin/integrations/developer/sandbox/inbound-webhooks", {"signingSecret": secret})
    assert response.status == 200, response.raw_body
    return secret


@pytest.fixture
def capture(aws_env: Any) -> EventCapture:
    return EventCapture("inbound")


def send(provider: str, body: bytes, headers: dict[str, str], *, method: str = "POST",
         query: dict[str, str] | None = None) -> ApiResponse:
    return ApiClient(None).request(method, INTAKE.format(provider), body=body.decode("utf-8"),
                                   headers={"content-type": "application/json", **headers}, query=query, claims=False)


def sandbox_event(secret: str, account_id: str, *, event_type: str = "item.created", message_id: str = "msg_1",
                  timestamp: int | None = None, data: dict[str, Any] | None = None) -> tuple[bytes, dict[str, str]]:
    body = json.dumps({"id": message_id, "type": event_type, "account_id": account_id,
                       "data": data or {"item": {"id": "itm_1", "title": "Roadmap"}}}).encode()
    return body, signing_headers([secret], message_id, int(timestamp or clock.now()), body)


def process_inbound() -> int:
    [worker] = [w for w in WORKERS if w.name == "inbound-processor"]
    return local_jobs(workers=[worker]).pump_queue(worker)


def connected_account(world: SandboxWorld, tenant: str = "acme") -> tuple[str, str]:
    """Given `tenant` connected its sandbox integration: (integration id, sandbox account id)."""
    integration_id = world.create_integration(tenant=tenant)
    world.connect(integration_id, client=world.api.as_("tenant_admin", tenant=tenant))
    view = world.api.as_("tenant_admin", tenant=tenant).get(f"/api/tenant/integrations/{integration_id}/connection")
    return integration_id, str(view.body["account"]["account_id"])


def stored_deliveries() -> list[dict[str, Any]]:
    # moto's table, read directly: the test looks for anything the intake kept
    items = aws.client("dynamodb").scan(TableName=InboundRepository().table_name)["Items"]
    return [i for i in items if i["pk"]["S"].startswith("INBOUND#")]


def queued() -> int:
    from hub.settings import get_settings

    attributes = aws.client("sqs").get_queue_attributes(QueueUrl=get_settings().inbound_queue_url,
                                                        AttributeNames=["ApproximateNumberOfMessages"])
    return int(attributes["Attributes"]["ApproximateNumberOfMessages"])


# ---- the whole way ----------------------------------------------------------------------------

def test_a_signed_sandbox_event_reaches_the_subscribed_receiver_of_the_connected_tenant(
        sandbox_world: SandboxWorld, signing_secret: str, capture: EventCapture) -> None:
    integration_id, account_id = connected_account(sandbox_world)
    other_integration, _ = connected_account(sandbox_world, tenant="globex")  # the same sandbox user, another tenant
    install_webhook_rule()
    with Receiver() as receiver:
        hook = sandbox_world.api.post("/api/tenant/webhooks", {"url": receiver.url, "events": ["sandbox:item.created"]})
        assert hook.status == 201, hook.raw_body
        receiver.secrets.append(hook.body["secret"])
        ignored = sandbox_world.api.post("/api/tenant/webhooks", {"url": receiver.url, "events": ["sandbox:other"]})
        assert ignored.status == 201

        answer = send("sandbox", *sandbox_event(signing_secret, account_id))
        assert answer.status == 200, answer.raw_body
        assert answer.body == {"received": True, "duplicate": False, "events": 1}
        assert process_inbound() == 1
        pump_webhook_queue()

        events = capture.of_type("provider.event")
        assert sorted(e["tenantId"] for e in events) == ["acme", "globex"]  # one per connection of the account
        mine = next(e for e in events if e["tenantId"] == "acme")
        assert (mine["integrationId"], mine["providerEventType"], mine["accountId"]) == (
            integration_id, "item.created", account_id)
        assert mine["payload"]["data"]["item"]["title"] == "Roadmap"
        assert next(e for e in events if e["tenantId"] == "globex")["integrationId"] == other_integration
        [delivered] = receiver.requests  # acme's endpoint only, and only the subscribed type
        assert delivered.verified
        message = json.loads(delivered.body)
        assert message["type"] == "provider.event" and message["data"]["providerEventType"] == "item.created"
        assert message["id"] == mine["eventId"]


def test_a_replayed_delivery_is_acknowledged_and_not_forwarded_twice(
        sandbox_world: SandboxWorld, signing_secret: str, capture: EventCapture) -> None:
    _, account_id = connected_account(sandbox_world)
    body, headers = sandbox_event(signing_secret, account_id, message_id="msg_replayed")
    assert send("sandbox", body, headers).body["duplicate"] is False
    clock.advance(60)  # the provider retries a minute later, re-signed
    again = send("sandbox", *sandbox_event(signing_secret, account_id, message_id="msg_replayed"))
    assert again.status == 200 and again.body["duplicate"] is True
    process_inbound()
    process_inbound()
    assert len(capture.of_type("provider.event")) == 1


def test_an_event_no_connection_claims_is_kept_briefly_and_never_delivered(
        sandbox_world: SandboxWorld, signing_secret: str, capture: EventCapture) -> None:
    connected_account(sandbox_world)
    assert send("sandbox", *sandbox_event(signing_secret, "acct_nobody")).status == 200
    process_inbound()
    assert capture.of_type("provider.event") == []
    [item] = stored_deliveries()
    assert item["status"]["S"] == "unclaimed"
    assert int(item["ttl"]["N"]) <= clock.now() + 24 * 3600


def test_a_disconnected_connection_no_longer_receives_its_accounts_events(
        sandbox_world: SandboxWorld, signing_secret: str, capture: EventCapture) -> None:
    integration_id, account_id = connected_account(sandbox_world)
    assert sandbox_world.api.post(f"/api/tenant/integrations/{integration_id}/disconnect").status == 200
    send("sandbox", *sandbox_event(signing_secret, account_id))
    process_inbound()
    assert capture.of_type("provider.event") == []


# ---- refusals: nothing stored, never a 500 ----------------------------------------------------

def test_bad_and_stale_signatures_are_refused_and_nothing_is_stored(
        sandbox_world: SandboxWorld, signing_secret: str) -> None:
    body, headers = sandbox_event(signing_secret, "acct_1")
    forged = send("sandbox", body, {**headers, "webhook-signature": "v1," + base64.b64encode(b"x" * 32).decode()})
    assert (forged.status, forged.error["code"], forged.error["details"]) == (401, "INVALID_SIGNATURE",
                                                                            {"reason": "mismatch"})
    old_body, old_headers = sandbox_event(signing_secret, "acct_1", timestamp=int(clock.now()) - 301)
    assert send("sandbox", old_body, old_headers).error["details"] == {"reason": "stale"}
    assert send("sandbox", body, {}).error["details"] == {"reason": "missing"}
    assert stored_deliveries() == [] and queued() == 0


def test_unknown_or_webhookless_providers_answer_404(sandbox_world: SandboxWorld, signing_secret: str) -> None:
    body, headers = sandbox_event(signing_secret, "acct_1")
    assert send("nope", body, headers).error["code"] == "PROVIDER_NOT_FOUND"
    assert send("sandbox-apikey", body, headers).status == 404  # its template takes no webhooks


def test_oversized_and_malformed_bodies_are_refused(sandbox_world: SandboxWorld, signing_secret: str) -> None:
    huge = json.dumps({"type": "x", "blob": "a" * (300 * 1024)}).encode()
    too_big = send("sandbox", huge, signing_headers([signing_secret], "msg_big", int(clock.now()), huge))
    assert (too_big.status, too_big.error["code"]) == (413, "PAYLOAD_TOO_LARGE")
    garbage = b"not json at all"
    malformed = send("sandbox", garbage, signing_headers([signing_secret], "msg_bad", int(clock.now()), garbage))
    assert (malformed.status, malformed.error["code"]) == (400, "VALIDATION_ERROR")
    assert stored_deliveries() == []


def test_a_queue_failure_answers_503_and_the_retry_is_taken(
        sandbox_world: SandboxWorld, signing_secret: str, monkeypatch: pytest.MonkeyPatch) -> None:
    body, headers = sandbox_event(signing_secret, "acct_1", message_id="msg_retry")
    sqs = aws.client("sqs")

    def refuse(**_: Any) -> None:
        raise RuntimeError("queue unavailable")

    monkeypatch.setattr(sqs, "send_message", refuse)
    failed = send("sandbox", body, headers)
    assert (failed.status, failed.error["code"]) == (503, "SERVICE_UNAVAILABLE")
    assert stored_deliveries() == []
    monkeypatch.undo()
    retried = send("sandbox", body, headers)
    assert retried.status == 200 and retried.body["duplicate"] is False


# ---- handshakes -----------------------------------------------------------------------------

def create_provider(template_id: str, **oauth: str) -> None:
    response = SUPER.post("/api/admin/integrations", {
        "provider": template_id, "templateId": template_id,
        "oauthConfig": {"clientId": "client-id", "clientSecret": oauth.get("clientSecret", "client-secret")}})
    assert response.status == 201, response.raw_body


def test_slack_url_verification_is_answered_after_its_signature(aws_env: Any) -> None:
    create_provider("slack")
    assert SUPER.put("/api/admin/integrations/communication/slack/inbound-webhooks",
                     {"signingSecret": "slack-signing-secret"}).status == 200
    body = json.dumps({"type": "url_verification", "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
                       "token": "Jhj5dZrVaK7ZwHHjRyZWjbDl"}).encode()
    timestamp = str(int(clock.now()))
    signature = "v0=" + hmac.new(b"slack-signing-secret", f"v0:{timestamp}:".encode() + body,
                                 hashlib.sha256).hexdigest()
    answer = send("slack", body, {"X-Slack-Request-Timestamp": timestamp, "X-Slack-Signature": signature})
    assert answer.status == 200 and answer.body == {"challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"}
    unsigned = send("slack", body, {"X-Slack-Request-Timestamp": timestamp})
    assert unsigned.status == 401


def test_meta_subscription_handshake_echoes_the_challenge_for_the_right_verify_token(aws_env: Any) -> None:
    create_provider("instagram")
    assert SUPER.put("/api/admin/integrations/social/instagram/inbound-webhooks",
                     {"verifyToken": "meatyhamhock"}).status == 200
    query = {"hub.mode": "subscribe", "hub.challenge": "1158201444", "hub.verify_token": "meatyhamhock"}
    answer = send("instagram", b"", {}, method="GET", query=query)
    assert (answer.status, answer.raw_body, answer.header("content-type")) == (200, "1158201444", "text/plain")
    wrong = send("instagram", b"", {}, method="GET", query={**query, "hub.verify_token": "guess"})
    assert (wrong.status, wrong.error["code"]) == (401, "INVALID_SIGNATURE")


def test_discord_ping_is_answered_with_a_pong(aws_env: Any) -> None:
    create_provider("discord")
    private = Ed25519PrivateKey.generate()
    public = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex()
    assert SUPER.put("/api/admin/integrations/communication/discord/inbound-webhooks",
                     {"publicKey": public}).status == 200
    body, timestamp = b'{"type":1}', str(int(clock.now()))
    headers = {"X-Signature-Ed25519": private.sign(timestamp.encode() + body).hex(), "X-Signature-Timestamp": timestamp}
    answer = send("discord", body, headers)
    assert answer.status == 200 and answer.body == {"type": 1}


# ---- the super admin's view -------------------------------------------------------------------

def test_the_provider_view_says_where_webhooks_go_and_never_shows_a_key(
        sandbox_world: SandboxWorld, signing_secret: str) -> None:
    view = SUPER.get("/api/admin/integrations/developer/sandbox/inbound-webhooks")
    assert view.status == 200
    assert view.body["intakeUrl"].endswith("/api/webhooks/in/sandbox")
    assert (view.body["scheme"], view.body["keyConfigured"]) == ("standard-webhooks", True)
    assert signing_secret not in view.raw_body
    assert sandbox_world.api.get("/api/admin/integrations/developer/sandbox/inbound-webhooks").status == 403
    apikey = SUPER.put("/api/admin/integrations/developer/sandbox-apikey/inbound-webhooks", {"signingSecret": "x" * 10})
    assert (apikey.status, apikey.error["code"]) == (400, "INBOUND_NOT_SUPPORTED")


def test_webhooks_subscribe_to_provider_event_types(api: ApiClient) -> None:
    with Receiver() as receiver:
        ok = api.post("/api/tenant/webhooks", {"url": receiver.url,
                                               "events": ["shopify:orders/create", "instagram:*", "provider.event"]})
        assert ok.status == 201, ok.raw_body
        bad = api.post("/api/tenant/webhooks", {"url": receiver.url, "events": ["Shopify orders"]})
        assert bad.status == 400
    types = {t["type"]: t for t in api.get("/api/tenant/webhooks/event-types").body["eventTypes"]}
    assert types["provider.event"]["deliverable"] is True


# ---- an integration's own URL (providers that sign per tenant account) --------------------------

def stripe_request(secret: str, body: bytes) -> tuple[bytes, dict[str, str]]:
    timestamp = int(clock.now())
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return body, {"Stripe-Signature": f"t={timestamp},v1={digest}"}


def test_an_integrations_own_url_takes_events_signed_with_its_own_secret(
        aws_env: Any, api: ApiClient, capture: Any) -> None:
    # Given the platform offers Stripe, and acme's Stripe integration has a live connection
    assert SUPER.post("/api/admin/integrations", {"provider": "stripe", "templateId": "stripe"}).status == 201
    seed.integration("acme", "int_stripe_acme", provider="stripe")
    seed.connection("acme", "int_stripe_acme", providerId="stripe", secretStored=True)
    seed.integration("globex", "int_stripe_globex", provider="stripe")
    # When acme's admin stores the endpoint secret of its own Stripe account
    stored = api.put("/api/tenant/integrations/int_stripe_acme/inbound-webhooks", {"signingSecret": "whsec_acme_own"})
    assert stored.status == 200, stored.raw_body
    assert stored.body["intakeUrl"].endswith("/api/webhooks/in/stripe/int_stripe_acme")
    assert stored.body["secretConfigured"] is True and "whsec_acme_own" not in stored.raw_body
    # Then an event signed with it, to that URL, reaches acme's connection (no account id needed)
    body = json.dumps({"id": "evt_1", "type": "invoice.paid", "data": {"object": {"id": "in_1"}}}).encode()
    answer = ApiClient(None).request("POST", "/api/webhooks/in/stripe/int_stripe_acme", body=body.decode(),
                                     headers={"content-type": "application/json",
                                              **stripe_request("whsec_acme_own", body)[1]}, claims=False)
    assert answer.status == 200, answer.raw_body
    process_inbound()
    [event] = capture.of_type("provider.event")
    assert (event["tenantId"], event["integrationId"], event["providerEventType"]) == (
        "acme", "int_stripe_acme", "invoice.paid")
    # And the same event signed with another secret, or sent to another tenant's URL, is refused
    forged = ApiClient(None).request("POST", "/api/webhooks/in/stripe/int_stripe_acme", body=body.decode(),
                                     headers={"content-type": "application/json",
                                              **stripe_request("whsec_guess", body)[1]}, claims=False)
    assert forged.status == 401
    unset = ApiClient(None).request("POST", "/api/webhooks/in/stripe/int_stripe_globex", body=body.decode(),
                                    headers={"content-type": "application/json",
                                             **stripe_request("whsec_acme_own", body)[1]}, claims=False)
    assert (unset.status, unset.error["code"]) == (404, "PROVIDER_NOT_FOUND")
    # And another tenant cannot read or set acme's intake
    other = api.as_("tenant_admin", tenant="globex")
    assert other.get("/api/tenant/integrations/int_stripe_acme/inbound-webhooks").status == 404
    assert other.put("/api/tenant/integrations/int_stripe_acme/inbound-webhooks",
                     {"signingSecret": "whsec_takeover"}).status == 404


# ---- AWS calls (deterministic counts; speed lives in make bench) --------------------------------

@pytest.fixture
def aws_calls(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    from botocore.client import BaseClient

    calls: Counter[str] = Counter()
    real = BaseClient._make_api_call

    def counting(self: Any, operation: str, params: dict[str, Any]) -> Any:
        calls[operation] += 1
        return real(self, operation, params)

    monkeypatch.setattr(BaseClient, "_make_api_call", counting)
    return calls


def test_the_warm_intake_makes_two_aws_calls_and_a_batch_is_processed_in_few(
        sandbox_world: SandboxWorld, signing_secret: str, aws_calls: Counter[str]) -> None:
    # Given a connected account and a warm intake (provider record and key read once)
    _, account_id = connected_account(sandbox_world)
    send("sandbox", *sandbox_event(signing_secret, account_id, message_id="msg_warm"))
    process_inbound()
    aws_calls.clear()
    # When ten more events arrive
    for i in range(10):
        assert send("sandbox", *sandbox_event(signing_secret, account_id, message_id=f"msg_{i}")).status == 200
    # Then each cost one conditional put and one SendMessage
    assert dict(aws_calls) == {"PutItem": 10, "SendMessage": 10}
    aws_calls.clear()
    # And the processor read them in one batch, looked the account up once, and published once
    process_inbound()
    assert (aws_calls["BatchGetItem"], aws_calls["Query"], aws_calls["PutEvents"], aws_calls["UpdateItem"]) == (
        1, 1, 1, 10)
