"""The inbound-webhook records the sample events name (local/samples.py calls these): a signed
sandbox request for the intake, an accepted delivery for the processor, a large event whose
payload tenant acme may read, and an integration of a provider that signs per integration.

They run inside `python -m local invoke`, whose environment points at the running stack's moto,
so the stored signing secret is read from the stack's own vault when one is configured (a
`make run` demo's secret is never replaced); otherwise a sample secret is stored.
"""

from __future__ import annotations

import base64
import json
from typing import TYPE_CHECKING, Any

import httpx

from hub import clock
from hub.ids import new_id

if TYPE_CHECKING:
    from local.samples import Samples

SAMPLE_SIGNING_SECRET = "whsec_" + base64.b64encode(b"integration-hub-sample-inbound-key").decode()
LARGE_NOTES = 80 * 1024  # over HUB_INBOUND_INLINE_PAYLOAD_BYTES (64 KB): the event references it


def signing_secret(samples: Samples) -> str:
    from hub.inbound import secrets

    stored = secrets.read_stored("sandbox").get("signingSecret")
    if stored:
        return stored
    from local.samples import _ok

    _ok(samples.root.put("/api/admin/integrations/developer/sandbox/inbound-webhooks",
                         json={"signingSecret": SAMPLE_SIGNING_SECRET}), "store the sandbox's inbound signing secret")
    return SAMPLE_SIGNING_SECRET


def sandbox_account(samples: Samples) -> str:
    """The sandbox account of acme's OAuth connection (int_sample_oauth), captured at connect."""
    from local.samples import _ok

    integration_id = samples.oauth_connected()
    view = _ok(samples.admin.get(f"/api/tenant/integrations/{integration_id}/connection"), "read the connection")
    return str((view.get("account") or {})["account_id"])


def signed_request(samples: Samples, *, notes: str = "") -> tuple[str, bytes, dict[str, str]]:
    """(delivery id, body, headers) of a sandbox `item.created` event of acme's account, signed
    now with Standard Webhooks as the sandbox signs (the intake refuses a stale timestamp)."""
    from hub.webhooks.signing import signing_headers

    message_id = new_id("msg")
    body = json.dumps({"id": message_id, "type": "item.created", "account_id": sandbox_account(samples),
                       "data": {"item": {"id": "itm_sample", "title": "Sample item", "notes": notes}}}).encode()
    headers = signing_headers([signing_secret(samples)], message_id, int(clock.now()), body)
    return message_id, body, {"content-type": "application/json", **headers}


def accepted_delivery(samples: Samples, *, notes: str = "") -> str:
    """A delivery the stack's intake accepted (and queued): its delivery id."""
    from local.samples import TIMEOUT, SampleError

    message_id, body, headers = signed_request(samples, notes=notes)
    answer = httpx.post(samples.api_url + "/api/webhooks/in/sandbox", content=body, headers=headers, timeout=TIMEOUT)
    if answer.status_code != 200:
        raise SampleError(f"the intake refused the sample event: {answer.status_code} {answer.text[:300]}")
    return message_id


def large_event(samples: Samples) -> str:
    """The inboundId of a large event published to acme: accepted by the intake, then processed
    here (the stack's poller may process it too; the second run changes nothing)."""
    from hub.inbound.processor import process
    from hub.inbound.repository import InboundRepository
    from local.samples import SampleError

    delivery_id = accepted_delivery(samples, notes="n" * LARGE_NOTES)
    process([("sandbox", delivery_id)])
    delivery = InboundRepository().get_delivery("sandbox", delivery_id)
    if delivery is None or delivery.status != "delivered":
        raise SampleError("the sample event was not delivered to acme's connection")
    return delivery.id


def receive_event(samples: Samples, event: dict[str, Any]) -> dict[str, Any]:
    """The intake's sample event carrying a freshly signed sandbox request."""
    _, body, headers = signed_request(samples)
    return {**event, "body": body.decode(), "isBase64Encoded": False,
            "headers": {**(event.get("headers") or {}), **headers}}


def per_integration_provider(samples: Samples) -> str:
    """An integration of Stripe, whose template signs per integration (its own intake URL)."""
    from local.samples import _ok

    if samples.root.get("/api/admin/integrations/payments/stripe").status_code != 200:
        _ok(samples.root.post("/api/admin/integrations", json={"provider": "stripe", "templateId": "stripe"}),
            "create the stripe provider")
    return samples.integration("stripe")
