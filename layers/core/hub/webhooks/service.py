"""Webhook endpoints as the tenant API sees them: one function per route.

Every function takes the caller's tenant (from the verified token) first; an id that belongs to
another tenant is simply not found. The signing secret leaves this module only in the answers of
`create_endpoint` and `rotate_secret`.
"""

from __future__ import annotations

from typing import Any

from hub import clock
from hub.errors import Conflict, WebhookNotFound
from hub.ids import new_id
from hub.integrations.records import get_integration
from hub.pagination import paginate, sort_items
from hub.redaction import register_secret
from hub.request import record_change
from hub.settings import get_settings
from hub.table import tenant_pk
from hub.webhooks import signing_keys
from hub.webhooks.attempts import attempt_delivery
from hub.webhooks.delivery import new_delivery, payload_of
from hub.webhooks.models import (
    ALL_EVENTS,
    DeliveryCounts,
    DeliveryList,
    DeliveryListParams,
    DeliveryView,
    EndpointStats,
    RecentFailure,
    SecretRotated,
    StatsParams,
    WebhookCreate,
    WebhookCreated,
    WebhookList,
    WebhookListParams,
    WebhookUpdate,
    WebhookView,
)
from hub.webhooks.repository import WebhookRepository, endpoint_sk, is_answer
from hub.webhooks.sender import check_endpoint_url

TEST_EVENT_TYPE = "webhook.test"
_VIEW_FIELDS = set(WebhookView.model_fields)
_DELIVERY_FIELDS = set(DeliveryView.model_fields) - {"payload"}


class WebhookDisabled(Conflict):
    code = "WEBHOOK_DISABLED"
    default_message = "The webhook is disabled; set its status to active first"


def _check_url(url: str) -> None:
    check_endpoint_url(url)  # the one URL guard, with the webhook port rule


def endpoint_view(item: dict[str, Any]) -> WebhookView:
    view = {k: v for k, v in item.items() if k in _VIEW_FIELDS}
    if float(item.get("previousSecretExpiresEpoch") or 0) <= clock.now():
        view.pop("previousSecretExpiresAt", None)
    view.setdefault("metadata", {})
    return WebhookView.model_validate(view)


def _audit_view(item: dict[str, Any]) -> dict[str, Any]:
    return endpoint_view(item).model_dump(exclude_none=True, exclude={"version", "updatedAt"})


def delivery_view(item: dict[str, Any], answers: list[dict[str, Any]] | None = None) -> DeliveryView:
    """The delivery with the receiver's answers that are still kept (they expire sooner)."""
    now = clock.now()
    kept = {int(a["attempt"]): a.get("body") for a in (answers if answers is not None else item.get("answers") or [])
            if float(a.get("ttl") or 0) > now}
    view = {k: v for k, v in item.items() if k in _DELIVERY_FIELDS}
    view["attemptLog"] = [{**entry, "responseBody": kept.get(int(entry["attempt"]))}
                          for entry in item.get("attemptLog") or []]
    view["responseBody"] = kept.get(int(item.get("attempts") or 0))
    return DeliveryView.model_validate({**view, "payload": payload_of(item)})


def with_answers(items: list[dict[str, Any]]) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """Pair deliveries with their answer items, from a Query that returns both."""
    answers: dict[str, list[dict[str, Any]]] = {}
    deliveries = []
    for item in items:
        if is_answer(item):
            answers.setdefault(str(item.get("deliveryId")), []).append(item)
        else:
            deliveries.append(item)
    return [(d, answers.get(d["id"], [])) for d in deliveries]


def _load(tenant_id: str, webhook_id: str) -> dict[str, Any]:
    item = WebhookRepository().get_endpoint(tenant_id, webhook_id)
    if item is None:
        raise WebhookNotFound()
    return item


# ---- endpoints ------------------------------------------------------------------------------


def _check_integration(tenant_id: str, integration_id: str | None) -> None:
    """A filter on another tenant's (or no) integration is refused like any foreign id: 404."""
    if integration_id is not None:
        get_integration(tenant_id, integration_id)


def create_endpoint(tenant_id: str, body: WebhookCreate) -> WebhookCreated:
    _check_url(body.url)
    _check_integration(tenant_id, body.integrationId)
    webhook_id = new_id("wh")
    secret = signing_keys.new_secret()
    register_secret(secret)
    iso = clock.iso()
    item: dict[str, Any] = {
        "pk": tenant_pk(tenant_id),
        "sk": endpoint_sk(webhook_id),
        "entity": "webhook",
        "id": webhook_id,
        "tenantId": tenant_id,
        "url": body.url,
        "events": list(body.events),
        "integrationId": body.integrationId,
        "rateLimit": body.rateLimit,
        "description": body.description,
        "metadata": body.metadata or {},
        "status": "active",
        "secretCiphertext": signing_keys.seal(tenant_id, webhook_id, secret),
        "createdAt": iso,
        "updatedAt": iso,
        "version": 1,
    }
    WebhookRepository().create_endpoint(item)
    record_change("webhook", webhook_id, after=_audit_view(item))
    return WebhookCreated.model_validate({**endpoint_view(item).model_dump(), "secret": secret})


def list_endpoints(tenant_id: str, params: WebhookListParams) -> WebhookList:
    items = WebhookRepository().list_endpoints(tenant_id)
    if params.status:
        items = [i for i in items if i.get("status") == params.status]
    if params.event:
        items = [i for i in items if params.event in (i.get("events") or []) or ALL_EVENTS in (i.get("events") or [])]
    ordered = sort_items(items, params.sortBy, params.sortOrder, ("createdAt", "updatedAt", "url", "status"),
                         "createdAt")
    return WebhookList.model_validate(paginate(ordered, params, key="webhooks", transform=endpoint_view))


def get_endpoint(tenant_id: str, webhook_id: str) -> WebhookView:
    return endpoint_view(_load(tenant_id, webhook_id))


def update_endpoint(tenant_id: str, webhook_id: str, body: WebhookUpdate) -> WebhookView:
    existing = _load(tenant_id, webhook_id)
    changes = body.changes()
    if "url" in changes and changes["url"] != existing.get("url"):
        _check_url(changes["url"])
    if changes.get("integrationId") and changes["integrationId"] != existing.get("integrationId"):
        _check_integration(tenant_id, changes["integrationId"])
    iso = clock.iso()
    updated = {**existing, **changes, "updatedAt": iso}
    if changes.get("status") == "active" and existing.get("status") != "active":
        # a fresh start: the failure streak that disabled it is forgotten
        for field_name in ("disabledReason", "disabledAt", "failingSince", "failingSinceEpoch"):
            updated.pop(field_name, None)
    elif changes.get("status") == "disabled" and existing.get("status") != "disabled":
        updated.update(disabledReason="manual", disabledAt=iso)
    if "metadata" in changes and changes["metadata"] is None:
        updated["metadata"] = {}
    if "rateLimit" in changes and changes["rateLimit"] is None:
        updated.pop("throttleNextSlot", None)
    saved = WebhookRepository().replace_endpoint(updated, int(existing.get("version", 1)))
    record_change("webhook", webhook_id, before=_audit_view(existing), after=_audit_view(saved))
    return endpoint_view(saved)


def delete_endpoint(tenant_id: str, webhook_id: str) -> None:
    old = WebhookRepository().delete_endpoint(tenant_id, webhook_id)
    if old is None:
        raise WebhookNotFound()
    # pending retries find the endpoint gone and close; delivery records expire with their ttl
    record_change("webhook", webhook_id, before=_audit_view(old))


def rotate_secret(tenant_id: str, webhook_id: str) -> SecretRotated:
    existing = _load(tenant_id, webhook_id)
    secret = signing_keys.new_secret()
    register_secret(secret)
    now = clock.now()
    expires = now + get_settings().webhook_secret_overlap_seconds
    updated = {
        **existing,
        "secretCiphertext": signing_keys.seal(tenant_id, webhook_id, secret),
        # the old secret keeps signing alongside the new one until it expires
        "previousSecretCiphertext": existing["secretCiphertext"],
        "previousSecretExpiresAt": clock.iso(expires),
        "previousSecretExpiresEpoch": expires,
        "secretRotatedAt": clock.iso(now),
        "updatedAt": clock.iso(now),
    }
    WebhookRepository().replace_endpoint(updated, int(existing.get("version", 1)))
    record_change(
        "webhook", webhook_id,
        before={"secretRotatedAt": existing.get("secretRotatedAt")},
        after={"secretRotatedAt": updated["secretRotatedAt"], "previousSecretExpiresAt": clock.iso(expires)},
    )
    return SecretRotated(id=webhook_id, secret=secret, previousSecretExpiresAt=clock.iso(expires))


# ---- deliveries -----------------------------------------------------------------------------


def send_test(tenant_id: str, webhook_id: str) -> DeliveryView:
    endpoint = _load(tenant_id, webhook_id)
    if endpoint.get("status") != "active":
        raise WebhookDisabled()
    message_id = new_id("evt")
    data = {"webhookId": webhook_id, "tenantId": tenant_id,
            "message": "A test event from Integration Hub: your endpoint receives and verifies webhooks."}
    delivery = new_delivery(endpoint, message_id=message_id, event_type=TEST_EVENT_TYPE, timestamp=clock.iso(),
                            data=data)
    repo = WebhookRepository()
    repo.create_delivery(delivery)
    record_change("webhookDelivery", delivery["id"], after={"webhookId": webhook_id, "eventType": TEST_EVENT_TYPE})
    return delivery_view(attempt_delivery(delivery, endpoint=endpoint, first=True))


def list_deliveries(tenant_id: str, webhook_id: str, params: DeliveryListParams) -> DeliveryList:
    _load(tenant_id, webhook_id)
    pairs = with_answers(WebhookRepository().list_deliveries_with_answers(tenant_id, webhook_id))
    items = [{**delivery, "answers": answers} for delivery, answers in pairs]
    if params.status:
        items = [i for i in items if i.get("status") == params.status]
    if params.eventType:
        items = [i for i in items if i.get("eventType") == params.eventType]
    ordered = sort_items(items, params.sortBy, params.sortOrder,
                         ("createdAt", "updatedAt", "status", "eventType", "attempts"), "createdAt")
    return DeliveryList.model_validate(paginate(ordered, params, key="deliveries", transform=delivery_view))


def retry_delivery(tenant_id: str, webhook_id: str, delivery_id: str) -> DeliveryView:
    """Send a delivery again now (one attempt). A failed delivery that fails again stays failed;
    one still in its schedule keeps its schedule."""
    endpoint = _load(tenant_id, webhook_id)
    repo = WebhookRepository()
    delivery = repo.get_delivery(tenant_id, webhook_id, delivery_id)
    if delivery is None:
        raise WebhookNotFound("Webhook delivery not found")
    if endpoint.get("status") != "active":
        raise WebhookDisabled()
    if float(delivery.get("leaseUntil") or 0) > clock.now():
        raise Conflict("An attempt of this delivery is in progress", code="DELIVERY_IN_PROGRESS")
    record_change("webhookDelivery", delivery_id, before={"status": delivery.get("status")},
                  after={"status": "retry requested"})
    return delivery_view(attempt_delivery(delivery, endpoint=endpoint, manual=True))


# ---- statistics -------------------------------------------------------------------------------

STATS_MAX_DELIVERIES = 2000
RECENT_FAILURES = 10


def endpoint_stats(tenant_id: str, webhook_id: str, params: StatsParams) -> EndpointStats:
    """Figures for a dashboard, from the endpoint's own delivery partition (newest first, one
    Query, bounded): counts by status, success rate, attempts, the latest failed attempts."""
    endpoint = _load(tenant_id, webhook_id)
    since = clock.parse_iso(params.since) if params.since else clock.now() - 86400
    counts = DeliveryCounts()
    attempts = failed_attempts = sampled = 0
    failures: list[RecentFailure] = []
    for item in WebhookRepository().list_deliveries(tenant_id, webhook_id, max_items=STATS_MAX_DELIVERIES):
        sampled += 1
        if clock.parse_iso(str(item["createdAt"])) < since:
            break  # newest first: the rest is older
        counts.total += 1
        status = str(item.get("status"))
        if status in ("delivered", "failed", "retrying", "pending"):
            setattr(counts, status, getattr(counts, status) + 1)
        for entry in item.get("attemptLog") or []:
            attempts += 1
            code = entry.get("statusCode")
            if code is None or not 200 <= int(code) < 300:
                failed_attempts += 1
                failures.append(RecentFailure(deliveryId=item["id"], eventType=item["eventType"],
                                              attempt=int(entry["attempt"]), attemptedAt=entry["attemptedAt"],
                                              statusCode=code, error=entry.get("error")))
    ended = counts.delivered + counts.failed
    failures.sort(key=lambda f: f.attemptedAt, reverse=True)
    return EndpointStats(
        webhookId=webhook_id, since=clock.iso(since), deliveries=counts,
        successRate=round(counts.delivered / ended, 4) if ended else None,
        attempts=attempts, failedAttempts=failed_attempts,
        lastSuccessAt=endpoint.get("lastSuccessAt"), lastFailureAt=endpoint.get("lastFailureAt"),
        failingSince=endpoint.get("failingSince"), recentFailures=failures[:RECENT_FAILURES], sampled=sampled,
    )
