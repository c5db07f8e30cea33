"""The tenant webhook API: registration rules, the URL guard at registration and at delivery,
tenant isolation, and a signing secret that is answered exactly twice (create, rotate)."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from typing import Any

import pytest

from hub import aws, clock
from hub.audit import AuditRepository
from hub.events import EventPublisher
from hub.settings import get_settings, reset_settings
from hub.urlguard import use_resolver
from local.receiver import Receiver
from local.webhooks_dev import install_webhook_rule, pump_webhook_queue, run_retry_sweep
from tests.support import seed
from tests.support.api import ApiClient, ApiResponse
from tests.support.webhooks import (  # noqa: F401 - fixtures
    EventCapture,
    hub_log_lines,
    iter_strings,
    receiver_on_hub_clock,
)

pytestmark = pytest.mark.usefixtures("receiver_on_hub_clock")


@pytest.fixture
def receiver(aws_env) -> Iterator[Receiver]:
    with Receiver() as running:
        yield running
    # every delivery any test provoked verified with the independent standardwebhooks library
    assert all(request.verified for request in running.requests), "a delivery did not verify"


def create(api: ApiClient, url: str, events: list[str] | None = None, **extra: Any) -> ApiResponse:
    chosen = ["integration.connected"] if events is None else events
    return api.post("/api/tenant/webhooks", {"url": url, "events": chosen, **extra})


def assert_error(response: ApiResponse, status: int, code: str) -> None:
    assert response.status == status, response.raw_body
    assert response.error["code"] == code


# ---- registration -----------------------------------------------------------------------------


def test_create_answers_the_endpoint_and_a_standard_webhooks_secret(api, receiver) -> None:
    response = create(api, receiver.url, description="orders", metadata={"team": "billing"})
    assert response.status == 201, response.raw_body
    body = response.body
    assert body["id"].startswith("wh_") and body["url"] == receiver.url
    assert body["events"] == ["integration.connected"] and body["status"] == "active"
    assert body["description"] == "orders" and body["metadata"] == {"team": "billing"}
    assert body["version"] == 1 and body["createdAt"]
    secret = body["secret"]
    assert secret.startswith("whsec_") and len(base64.b64decode(secret.removeprefix("whsec_"))) == 32
    # and the audit record names the action without the secret
    [record] = AuditRepository().list_for_tenant("acme")
    assert record["action"] == "webhook.create" and secret not in json.dumps(record)


def test_get_list_update_delete(api, receiver) -> None:
    # Given two endpoints created a second apart (the hub's clock is frozen: "newest" needs a gap)
    first = create(api, receiver.url).body
    clock.advance(1)
    second = create(api, receiver.url, events=["integration.synced", "integration.error"]).body
    # get
    got = api.get(f"/api/tenant/webhooks/{first['id']}")
    assert got.status == 200 and got.body["id"] == first["id"] and "secret" not in got.body
    # list, paginated, newest first, with filters
    page = api.get("/api/tenant/webhooks", query={"limit": "1"}).body
    assert page["total"] == 2 and page["hasMore"] is True and page["nextOffset"] == 1
    assert [w["id"] for w in page["webhooks"]] == [second["id"]]
    synced = api.get("/api/tenant/webhooks", query={"event": "integration.synced"}).body
    assert [w["id"] for w in synced["webhooks"]] == [second["id"]]
    # update: only the fields sent; null clears the description
    seed.integration("acme", "int_9")
    patched = api.patch(f"/api/tenant/webhooks/{first['id']}",
                        {"events": ["integration.refreshed"], "description": "x", "integrationId": "int_9"})
    assert patched.status == 200, patched.raw_body
    assert patched.body["events"] == ["integration.refreshed"] and patched.body["integrationId"] == "int_9"
    assert patched.body["url"] == receiver.url and patched.body["version"] == 2
    cleared = api.patch(f"/api/tenant/webhooks/{first['id']}", {"description": None}).body
    assert cleared.get("description") is None
    disabled = api.patch(f"/api/tenant/webhooks/{first['id']}", {"status": "disabled"}).body
    assert disabled["status"] == "disabled" and disabled["disabledReason"] == "manual"
    assert api.get("/api/tenant/webhooks", query={"status": "disabled"}).body["total"] == 1
    # delete
    deleted = api.delete(f"/api/tenant/webhooks/{first['id']}")
    assert deleted.status == 204
    assert_error(api.get(f"/api/tenant/webhooks/{first['id']}"), 404, "WEBHOOK_NOT_FOUND")
    assert_error(api.delete(f"/api/tenant/webhooks/{first['id']}"), 404, "WEBHOOK_NOT_FOUND")
    actions = [r["action"] for r in AuditRepository().list_for_tenant("acme")]
    assert sorted(actions) == sorted(["webhook.create"] * 2 + ["webhook.update"] * 3 + ["webhook.delete"])


@pytest.mark.parametrize(
    ("events", "message_part"),
    [
        (["integration.conected"], "unknown event types"),
        (["integration.connected", "nope"], "unknown event types"),
        (["webhook.failed"], "never delivered to webhooks"),
        (["webhook.test"], "never delivered to webhooks"),
        ([], None),
        (["integration.connected", "integration.connected"], "must not repeat"),
    ],
)
def test_unknown_or_forbidden_event_names_are_400(api, receiver, events, message_part) -> None:
    response = create(api, receiver.url, events=events)
    assert_error(response, 400, "VALIDATION_ERROR")
    assert response.error["details"][0]["field"] == "events"
    if message_part:
        assert message_part in response.error["details"][0]["message"]
    assert api.get("/api/tenant/webhooks").body["total"] == 0


@pytest.mark.parametrize(
    "body",
    [
        {"url": "https://hooks.example.com/x", "events": ["integration.connected"], "secret": "whsec_mine"},
        {"url": "https://hooks.example.com/x", "events": ["integration.connected"], "tenantId": "globex"},
        {"url": "https://hooks.example.com/x", "events": ["integration.connected"], "status": "disabled"},
        {"events": ["integration.connected"]},
        {"url": "https://hooks.example.com/x", "events": "integration.connected"},
        {"url": "https://hooks.example.com/x", "events": ["integration.connected"], "metadata": {"k": 1}},
    ],
)
def test_bad_bodies_and_mass_assignment_are_400(api, body) -> None:
    with use_resolver({"hooks.example.com": ["93.184.216.34"]}):
        assert_error(api.post("/api/tenant/webhooks", body), 400, "VALIDATION_ERROR")


def test_patch_rejects_unknown_fields_empty_bodies_and_null_urls(api, receiver) -> None:
    webhook = create(api, receiver.url).body
    for body in ({}, {"secret": "x"}, {"url": None}, {"events": ["integration.nope"]}, {"status": "paused"}):
        assert_error(api.patch(f"/api/tenant/webhooks/{webhook['id']}", body), 400, "VALIDATION_ERROR")


def test_unknown_list_parameters_are_400(api) -> None:
    assert_error(api.get("/api/tenant/webhooks", query={"tenantId": "globex"}), 400, "VALIDATION_ERROR")
    assert_error(api.get("/api/tenant/webhooks", query={"sortBy": "secret"}), 400, "VALIDATION_ERROR")


def test_users_cannot_manage_webhooks(api) -> None:
    user = api.as_("user")
    assert_error(user.get("/api/tenant/webhooks"), 403, "PERMISSION_DENIED")
    assert_error(user.post("/api/tenant/webhooks", {"url": "https://x.example", "events": ["*"]}), 403,
                 "PERMISSION_DENIED")


def test_create_is_idempotent_and_the_replay_is_not_stored_in_clear(api, receiver) -> None:
    headers = {"Idempotency-Key": "create-hook-1"}
    body = {"url": receiver.url, "events": ["integration.connected"]}
    first = api.post("/api/tenant/webhooks", body, headers=headers)
    second = api.post("/api/tenant/webhooks", body, headers=headers)
    assert first.status == second.status == 201
    assert second.body == first.body and second.header("Idempotent-Replayed") == "true"
    assert api.get("/api/tenant/webhooks").body["total"] == 1
    # the table holds no clear secret anywhere (the replay record is sealed)
    raw = aws.client("dynamodb").scan(TableName=get_settings().table_name)["Items"]
    assert first.body["secret"] not in json.dumps(raw)
    assert first.body["secret"].removeprefix("whsec_") not in json.dumps(raw)


# ---- the URL guard -------------------------------------------------------------------------------

SSRF_TARGETS = [
    "http://hooks.example.com/x",  # http to a public host
    "ftp://hooks.example.com/x",
    "file:///etc/passwd",
    "https://user:pass@hooks.example.com/x",
    "https://10.0.0.5/x",
    "https://172.16.3.4/x",
    "https://192.168.1.10/x",
    "https://127.0.0.1/x",
    "https://localhost/x",
    "https://169.254.169.254/latest/meta-data/",
    "https://100.64.0.1/x",  # CGNAT
    "https://224.0.0.1/x",  # multicast
    "https://240.0.0.1/x",  # reserved
    "https://0.0.0.0/x",  # unspecified
    "https://2130706433/x",  # 127.0.0.1 spelled as a number
    "https://0x7f000001/x",
    "https://0177.0.0.1/x",
    "https://[::1]/x",
    "https://[::]/x",
    "https://[fc00::1]/x",  # IPv6 ULA
    "https://[fd12:3456::1]/x",
    "https://[fe80::1]/x",  # link-local
    "https://[ff02::1]/x",  # multicast
    "https://[::ffff:10.0.0.5]/x",  # IPv4-mapped private
    "https://[::ffff:169.254.169.254]/x",
    "https://[::ffff:127.0.0.1]/x",
    "https://internal.example.com/x",  # a name that resolves to a private address
    "https://metadata.example.com/x",  # a name that resolves to the metadata service
    "https://mixed.example.com/x",  # one public and one private answer
    "https://nowhere.example.com/x",  # a name that does not resolve
]
RESOLVER = {
    "hooks.example.com": ["93.184.216.34"],
    "internal.example.com": ["10.1.2.3"],
    "metadata.example.com": ["169.254.169.254"],
    "mixed.example.com": ["93.184.216.34", "192.168.0.7"],
}


@pytest.mark.parametrize("url", SSRF_TARGETS)
def test_every_ssrf_target_is_rejected_at_registration(api, monkeypatch, url) -> None:
    # Given a deployed hub (no loopback allowance)
    monkeypatch.setenv("HUB_ALLOW_HTTP_LOOPBACK", "false")
    reset_settings()
    with use_resolver(RESOLVER):
        response = create(api, url)
    assert_error(response, 400, "UNSAFE_URL")
    assert response.error["details"]["field"] == "url"
    assert api.get("/api/tenant/webhooks").body["total"] == 0


def test_a_public_https_url_is_accepted_and_an_unsafe_one_is_refused_on_update(api, monkeypatch) -> None:
    monkeypatch.setenv("HUB_ALLOW_HTTP_LOOPBACK", "false")
    reset_settings()
    with use_resolver(RESOLVER):
        created = create(api, "https://hooks.example.com/x")
        assert created.status == 201, created.raw_body
        patched = api.patch(f"/api/tenant/webhooks/{created.body['id']}", {"url": "https://internal.example.com/x"})
    assert_error(patched, 400, "UNSAFE_URL")
    assert api.get(f"/api/tenant/webhooks/{created.body['id']}").body["url"] == "https://hooks.example.com/x"


def test_a_name_that_resolves_to_a_private_address_at_delivery_is_not_dialled(api, receiver, monkeypatch) -> None:
    # Given an endpoint registered while its name resolved to a public address
    monkeypatch.setenv("HUB_ALLOW_HTTP_LOOPBACK", "false")
    reset_settings()
    install_webhook_rule()
    url = f"https://rebind.example.com:{receiver.port}/hooks"
    with use_resolver({"rebind.example.com": ["93.184.216.34"]}):
        webhook = create(api, url).body
    # When the name answers loopback (where a server listens) and then a private address
    looked_up: list[str] = []

    def rebinding(host: str, port: int) -> list[str]:
        looked_up.append(host)
        return ["127.0.0.1"] if len(looked_up) == 1 else ["10.0.0.5"]

    with use_resolver(rebinding):
        EventPublisher().publish("integration.connected", "acme", integrationId="int_1")
        pump_webhook_queue()
        from hub import clock

        clock.advance(10)
        run_retry_sweep()
    # Then the name was checked at each attempt and nothing was dialled
    assert looked_up == ["rebind.example.com", "rebind.example.com"]
    assert receiver.requests == []
    [delivery] = api.get(f"/api/tenant/webhooks/{webhook['id']}/deliveries").body["deliveries"]
    assert delivery["attempts"] == 2 and delivery["status"] == "retrying"
    assert [a["error"].split(":")[0] for a in delivery["attemptLog"]] == ["unsafe_url", "unsafe_url"]
    assert "loopback" in delivery["attemptLog"][0]["error"] and "private" in delivery["attemptLog"][1]["error"]


# ---- tenant isolation ------------------------------------------------------------------------------


def test_tenant_b_cannot_see_or_change_tenant_a_endpoints_or_deliveries(api, receiver) -> None:
    # Given tenant A's endpoint with a delivery
    webhook = create(api, receiver.url).body
    receiver.secrets = [webhook["secret"]]
    sent = api.post(f"/api/tenant/webhooks/{webhook['id']}/test")
    assert sent.status == 202, sent.raw_body
    delivery = sent.body
    base = f"/api/tenant/webhooks/{webhook['id']}"
    globex = api.as_("tenant_admin", tenant="globex", user="gina")
    # When tenant B addresses A's ids on every route
    attempts = [
        globex.get(base),
        globex.patch(base, {"description": "mine now"}),
        globex.patch(base, {"url": "https://attacker.example/x"}),
        globex.post(f"{base}/rotate-secret"),
        globex.post(f"{base}/test"),
        globex.get(f"{base}/deliveries"),
        globex.post(f"{base}/deliveries/{delivery['id']}/retry"),
        globex.delete(base),
    ]
    # Then every answer is 404 WEBHOOK_NOT_FOUND and B sees nothing
    for response in attempts:
        assert_error(response, 404, "WEBHOOK_NOT_FOUND")
        assert webhook["secret"] not in response.raw_body
    assert globex.get("/api/tenant/webhooks").body == {"webhooks": [], "total": 0, "limit": 50, "offset": 0,
                                                       "hasMore": False, "nextOffset": None}
    # And A's endpoint is untouched, with its one delivery
    unchanged = api.get(base).body
    assert unchanged["version"] == 1 and unchanged.get("description") is None
    assert len(receiver.requests) == 1
    assert api.get(f"{base}/deliveries").body["total"] == 1
    # And a super admin acting through the tenant routes sees their own tenant only
    assert api.as_("super_admin", tenant="platform").get(base).status == 404


def test_a_delivery_id_of_another_endpoint_is_not_found(api, receiver) -> None:
    one = create(api, receiver.url).body
    two = create(api, receiver.url).body
    receiver.secrets = [one["secret"]]
    delivery = api.post(f"/api/tenant/webhooks/{one['id']}/test").body
    response = api.post(f"/api/tenant/webhooks/{two['id']}/deliveries/{delivery['id']}/retry")
    assert_error(response, 404, "WEBHOOK_NOT_FOUND")


# ---- the secret is answered twice, and never again ---------------------------------------------


def test_the_secret_appears_only_in_the_create_and_rotate_answers(api, receiver, hub_log_lines, caplog) -> None:  # noqa: F811
    import logging

    caplog.set_level(logging.DEBUG)  # every library's records too (botocore logs request params)
    capture = EventCapture()
    install_webhook_rule()
    created = create(api, receiver.url)
    webhook_id = created.body["id"]
    secrets = [created.body["secret"]]
    receiver.secrets = secrets
    base = f"/api/tenant/webhooks/{webhook_id}"
    others: list[ApiResponse] = [api.get(base), api.get("/api/tenant/webhooks")]
    rotated = api.post(f"{base}/rotate-secret")
    assert rotated.status == 200
    secrets.append(rotated.body["secret"])
    EventPublisher().publish("integration.connected", "acme", integrationId="int_1")
    pump_webhook_queue()
    test_delivery = api.post(f"{base}/test")
    others += [
        test_delivery,
        api.get(base),
        api.get("/api/tenant/webhooks"),
        api.patch(base, {"description": "still secret-free"}),
        api.get(f"{base}/deliveries"),
        api.post(f"{base}/deliveries/{test_delivery.body['id']}/retry"),
        api.get("/openapi.json"),
        api.delete(base),
        api.get(base),
    ]
    assert all(r.status < 500 for r in others)
    # the secret (and its raw base64 part) is in no other answer, header, log line, audit record or event
    needles = [s for secret in secrets for s in (secret, secret.removeprefix("whsec_"))]
    haystacks = [r.raw_body for r in others] + [json.dumps(r.headers) for r in others]
    logged = hub_log_lines.getvalue()
    assert logged.count("webhook delivery attempt") == 3  # the log lines were captured
    assert "dynamodb" in caplog.text.lower()  # library records were captured as well
    haystacks += [logged, caplog.text]
    haystacks += [json.dumps(record) for record in AuditRepository().list_for_tenant("acme")]
    haystacks += [json.dumps(event) for event in capture.drain()]
    haystacks += [json.dumps(list(iter_strings(item))) for item in _table_items()]
    for needle in needles:
        for haystack in haystacks:
            assert needle not in haystack
    # and the deliveries were signed with it all along
    assert len(receiver.requests) == 3 and all(r.verified for r in receiver.requests)


def _table_items() -> list[dict[str, Any]]:
    return aws.client("dynamodb").scan(TableName=get_settings().table_name)["Items"]  # a test may Scan
