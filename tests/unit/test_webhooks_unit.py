"""Pure webhook logic: signatures, secrets, retry timing, message bodies, input models."""

from __future__ import annotations

import base64
import time
from datetime import UTC, datetime

import pytest
from pydantic import ValidationError
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from hub.settings import reset_settings
from hub.webhooks import signing
from hub.webhooks.delivery import build_body, delivery_id_for, parse_retry_after, retry_delay
from hub.webhooks.models import WebhookCreate, WebhookUpdate, deliverable_event_types

SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"


def test_signature_matches_the_standard_webhooks_reference_vector() -> None:
    signature = signing.sign(SPEC_SECRET, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, '{"test": 2432232314}')
    assert signature == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="


def test_generated_secrets_are_whsec_and_32_random_bytes() -> None:
    first, second = signing.generate_secret(), signing.generate_secret()
    assert first.startswith("whsec_") and first != second
    assert len(base64.b64decode(first.removeprefix("whsec_"))) == 32


def test_headers_verify_with_the_standardwebhooks_library_for_each_secret() -> None:
    new, old = signing.generate_secret(), signing.generate_secret()
    body = '{"id":"evt_1","type":"integration.connected","timestamp":"2026-11-24T10:00:00.000Z","data":{}}'
    headers = signing.signing_headers([new, old], "evt_1", int(time.time()), body)
    assert headers["webhook-id"] == "evt_1"
    assert headers["webhook-signature"].count("v1,") == 2 and " " in headers["webhook-signature"]
    assert Webhook(new).verify(body, headers)["id"] == "evt_1"
    assert Webhook(old).verify(body, headers)["id"] == "evt_1"
    with pytest.raises(WebhookVerificationError):
        Webhook(signing.generate_secret()).verify(body, headers)
    with pytest.raises(WebhookVerificationError):
        Webhook(new).verify(body.replace("evt_1", "evt_2"), headers)


def test_signing_needs_a_secret() -> None:
    with pytest.raises(ValueError):
        signing.signature_header([], "evt_1", 1, "{}")
    with pytest.raises(ValueError):
        signing.secret_key("whsec_not base64!")


def test_retry_schedule_has_jitter_and_ends(monkeypatch) -> None:
    monkeypatch.delenv("HUB_WEBHOOK_RETRY_SCHEDULE", raising=False)
    reset_settings()
    expected = [5, 300, 1800, 7200, 18000, 36000, 36000]
    for attempts_made, base in enumerate(expected, start=1):
        delays = {retry_delay(attempts_made) for _ in range(20)}
        assert all(d is not None and base * 0.9 <= d <= base * 1.1 for d in delays)
        assert len(delays) > 1  # jittered
    assert retry_delay(8) is None
    assert retry_delay(0) is None


def test_retry_after_is_honoured_and_capped(monkeypatch) -> None:
    monkeypatch.setenv("HUB_WEBHOOK_RETRY_SCHEDULE", "1,2,3")
    reset_settings()
    try:
        assert 0.9 <= retry_delay(1) <= 1.1
        assert retry_delay(1, retry_after=2.5) == 2.5
        assert retry_delay(1, retry_after=3600) == 3  # never longer than the longest step
        assert retry_delay(4) is None
    finally:
        monkeypatch.delenv("HUB_WEBHOOK_RETRY_SCHEDULE")
        reset_settings()


def test_parse_retry_after_reads_seconds_and_http_dates() -> None:
    now = datetime(2026, 11, 24, 10, 0, 0, tzinfo=UTC).timestamp()
    assert parse_retry_after("120", now) == 120
    assert parse_retry_after("Tue, 24 Nov 2026 10:01:00 GMT", now) == 60
    assert parse_retry_after("Tue, 24 Nov 2026 09:00:00 GMT", now) == 0
    assert parse_retry_after("soon", now) is None
    assert parse_retry_after("²", now) is None  # str.isdigit() says digits; float() refuses it
    assert parse_retry_after(None, now) is None


def test_body_is_the_envelope_and_stays_within_64_kb() -> None:
    small = build_body("evt_1", "integration.connected", "2026-11-24T10:00:00.000Z", {"tenantId": "acme"})
    assert small == ('{"id":"evt_1","type":"integration.connected","timestamp":"2026-11-24T10:00:00.000Z",'
                     '"data":{"tenantId":"acme"}}')
    huge = build_body("evt_1", "integration.synced", "t", {"tenantId": "acme", "rows": ["x" * 1000] * 100,
                                                          "note": "n" * 300})
    assert len(huge.encode()) <= 64 * 1024
    assert '"truncated":true' in huge and '"tenantId":"acme"' in huge and "rows" not in huge and "note" not in huge


def test_delivery_ids_are_stable_per_message() -> None:
    event_id = "evt_01939a8e-5c3a-7000-8000-000000000001"
    assert delivery_id_for(event_id) == "whd_01939a8e-5c3a-7000-8000-000000000001"
    assert delivery_id_for(event_id) == delivery_id_for(event_id)
    assert delivery_id_for("not-a-uuid").startswith("whd_")


def test_deliverable_events_exclude_events_about_webhooks() -> None:
    types = deliverable_event_types()
    assert "integration.connected" in types
    assert not [t for t in types if t.startswith("webhook.")]


def test_models_refuse_unknown_fields_and_events() -> None:
    WebhookCreate(url="https://hooks.example.com", events=["*"])
    with pytest.raises(ValidationError):
        WebhookCreate(url="https://hooks.example.com", events=["*"], secret="whsec_x")  # type: ignore[call-arg]
    with pytest.raises(ValidationError):
        WebhookCreate(url="https://hooks.example.com", events=["integration.exploded"])
    with pytest.raises(ValidationError):
        WebhookCreate(url="https://hooks.example.com", events=["*"], metadata={"k" * 65: "v"})
    with pytest.raises(ValidationError):
        WebhookUpdate()
    assert WebhookUpdate(description=None).changes() == {"description": None}


def test_webhook_urls_use_ports_443_and_8443_unless_configured(monkeypatch) -> None:
    from hub.errors import UnsafeUrl
    from hub.webhooks.sender import check_endpoint_url

    # Given the deployed default
    monkeypatch.delenv("HUB_WEBHOOK_ALLOWED_PORTS", raising=False)
    monkeypatch.setenv("HUB_ALLOW_HTTP_LOOPBACK", "false")
    reset_settings()
    try:
        # Then 443 and 8443 pass and any other public port is refused with the reason
        check_endpoint_url("https://93.184.216.34/hooks")
        check_endpoint_url("https://93.184.216.34:8443/hooks")
        for port in (8080, 9000, 1024):
            with pytest.raises(UnsafeUrl, match="443, 8443"):
                check_endpoint_url(f"https://93.184.216.34:{port}/hooks")
        # When an operator allows a range
        monkeypatch.setenv("HUB_WEBHOOK_ALLOWED_PORTS", "443,9000-9100")
        reset_settings()
        check_endpoint_url("https://93.184.216.34:9050/hooks")
        with pytest.raises(UnsafeUrl):
            check_endpoint_url("https://93.184.216.34:8443/hooks")
    finally:
        monkeypatch.undo()
        reset_settings()
