"""The public intake: verify, answer handshakes, keep the delivery once, queue it, acknowledge.

    provider → POST /api/webhooks/in/{providerId}[/{integrationId}]
        404  unknown provider (or one without an inboundWebhooks section, or disabled)
        401  missing, stale or wrong signature: counted per provider, nothing stored
        413  body over HUB_MAX_BODY_BYTES (the request pipeline)
        400  a body the provider does not send (not JSON / form, no events where expected)
        200  handshake answered; delivery accepted and queued; or a replay (nothing done twice)
        503  the queue refused it: the delivery is forgotten so the provider's retry is taken

The provider gets its answer after two AWS calls at most (a conditional put and an SQS send,
plus the provider record and keys on a cold cache); attribution and publishing happen in the
queue worker (hub/inbound/processor.py). Payloads are never logged.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated, Any

from hub import aws, clock
from hub.catalog.records import SLUG
from hub.catalog.repository import ProviderRepository, strip_keys
from hub.errors import InvalidSignature, PayloadTooLarge, ProviderNotFound, ServiceUnavailable, ValidationError
from hub.http.endpoint import Path
from hub.http.validation import body_bytes
from hub.ids import new_id
from hub.inbound.extract import (
    HandshakeAnswer,
    HandshakeRefused,
    MalformedBody,
    delivery_id,
    handshake,
    parse_body,
    split_events,
)
from hub.inbound.intakes import intake_secret
from hub.inbound.models import IntakeAck
from hub.inbound.records import AcceptedDelivery, EventSummary, IntakeAnswer
from hub.inbound.repository import InboundRepository
from hub.inbound.schemes import SignatureRejected, SignedRequest, verify_signature
from hub.inbound.secrets import ProviderKeys, provider_keys
from hub.inbound.spec import InboundWebhookSpec
from hub.observability import count_for, logger
from hub.providers.templates import get_template
from hub.settings import get_settings

PROVIDER_CACHE_SECONDS = 60.0
# the raw body rides the delivery item's conditional put (the dedupe record), and a DynamoDB item
# holds 400 KB: the rest of the item (up to 100 event summaries of 2 x 200 characters, the ids)
# stays under 50 KB, so a larger body is refused even when HUB_MAX_BODY_BYTES allows it
MAX_KEPT_BODY_BYTES = 350 * 1024
# the path parameters of the intake routes: what else is sent there is a 400, never a lookup
ProviderId = Annotated[str, Path(pattern=SLUG, max_length=64,
                                 description="the provider's id (its slug)")]
IntegrationId = Annotated[str, Path(pattern=r"^[A-Za-z0-9_.:-]{1,128}$", description="the tenant's integration")]
_providers: dict[str, tuple[float, dict[str, Any] | None]] = {}
_lock = threading.Lock()


@dataclass(frozen=True)
class IntakeRequest:
    """One request to the intake, as the handler read it from API Gateway."""

    provider_id: str
    method: str
    path: str
    query_string: str
    query: Mapping[str, str]
    headers: Mapping[str, str]  # names lower-cased
    body: bytes
    # the integration of the URL /api/webhooks/in/{providerId}/{integrationId} (hub/inbound/intakes.py)
    integration_id: str | None = None


def request_of(provider_id: str, event: Mapping[str, Any], integration_id: str | None = None) -> IntakeRequest:
    """The intake request of an API Gateway (payload v2) event: the raw body bytes as sent."""
    raw = body_bytes(event.get("body"), base64_encoded=bool(event.get("isBase64Encoded")))
    http = (event.get("requestContext") or {}).get("http") or {}
    return IntakeRequest(
        provider_id=provider_id, method=str(http.get("method") or "POST").upper(),
        path=str(event.get("rawPath") or ""), query_string=str(event.get("rawQueryString") or ""),
        query={str(k): str(v) for k, v in (event.get("queryStringParameters") or {}).items()},
        headers={str(k).lower(): str(v) for k, v in (event.get("headers") or {}).items()}, body=raw,
        integration_id=integration_id,
    )


def _provider(provider_id: str) -> dict[str, Any] | None:
    """The provider record, kept warm for a minute (the intake answers within the provider's
    timeout; a provider disabled by a super admin stops being served within that minute)."""
    now = clock.monotonic()
    with _lock:
        cached = _providers.get(provider_id)
    if cached is not None and cached[0] > now:
        return cached[1]
    record = ProviderRepository().get_provider(provider_id)
    found = strip_keys(record) if record else None
    with _lock:
        _providers[provider_id] = (now + PROVIDER_CACHE_SECONDS, found)
    return found


def forget_providers() -> None:
    with _lock:
        _providers.clear()


def inbound_spec(provider_id: str) -> tuple[dict[str, Any], InboundWebhookSpec]:
    """The provider and its template's inbound section; 404 when it takes no webhooks."""
    provider = _provider(provider_id)
    template = get_template(str(provider.get("templateId") or "")) if provider else None
    if provider is None or template is None or template.inbound_webhooks is None or \
            provider.get("status") == "disabled":
        raise ProviderNotFound("This provider takes no webhooks here", details={"providerId": provider_id})
    return provider, template.inbound_webhooks


def _signed(request: IntakeRequest) -> SignedRequest:
    base = get_settings().public_api_url.rstrip("/")
    url = base + request.path + (f"?{request.query_string}" if request.query_string else "")
    return SignedRequest(method=request.method, url=url, headers=request.headers, body=request.body)


def _answer(found: HandshakeAnswer) -> IntakeAnswer:
    return IntakeAnswer(status_code=found.status_code, body=found.body, content_type=found.content_type)


def receive(request: IntakeRequest) -> IntakeAnswer:
    provider, spec = inbound_spec(request.provider_id)
    if len(request.body) > MAX_KEPT_BODY_BYTES:
        raise PayloadTooLarge(details={"maxBytes": MAX_KEPT_BODY_BYTES})
    tenant_id = None
    if request.integration_id is None:
        keys = provider_keys(provider, spec)
    else:
        tenant_id, secret = intake_secret(request.provider_id, request.integration_id)
        keys = ProviderKeys(keys=(secret,), verify_tokens=())
    if request.method == "GET":
        try:
            answer = handshake(spec, "GET", request.query, None, list(keys.verify_tokens))
        except HandshakeRefused:
            count_for("InboundSignatureRejected", "provider", request.provider_id)
            raise InvalidSignature("The verify token does not match", details={"reason": "verify_token"}) from None
        if answer is None:
            raise ValidationError("GET answers the provider's subscription handshake only",
                                  details={"providerId": request.provider_id})
        return _answer(answer)
    signed = _signed(request)
    try:
        verify_signature(spec.signature, signed, keys.keys)
    except SignatureRejected as refused:
        count_for("InboundSignatureRejected", "provider", request.provider_id)
        logger.info("inbound webhook refused", extra={"providerId": request.provider_id, "reason": refused.reason})
        raise InvalidSignature(details={"reason": refused.reason}) from None
    try:
        document = parse_body(request.body, request.headers.get("content-type", ""))
        answer = handshake(spec, "POST", request.query, document, list(keys.verify_tokens))
        if answer is not None:
            return _answer(answer)
        events = split_events(spec, signed, document)
    except MalformedBody as error:
        raise ValidationError(str(error), details={"providerId": request.provider_id}) from None
    return _accept(request, provider, spec, signed, document, events, tenant_id)


def _accept(request: IntakeRequest, provider: Mapping[str, Any], spec: InboundWebhookSpec, signed: SignedRequest,
            document: Any, events: list[Any], tenant_id: str | None) -> IntakeAnswer:
    settings = get_settings()
    found_id = delivery_id(spec, signed, document)
    delivery = AcceptedDelivery(
        id=new_id("inb"), provider_id=request.provider_id, template_id=str(provider.get("templateId")),
        # an integration's URL has deliveries of its own: its ids never meet another tenant's
        delivery_id=f"{request.integration_id}:{found_id}" if request.integration_id else found_id,
        received_at=clock.iso(), content_type=request.headers.get("content-type", "")[:100], body=request.body,
        events=tuple(EventSummary(e.event_type, e.account_id) for e in events),
        integration_id=request.integration_id, tenant_id=tenant_id,
    )
    repository = InboundRepository()
    fresh = repository.accept(delivery, ttl=int(clock.now() + settings.inbound_retention_hours * 3600))
    if fresh:
        try:
            aws.client("sqs").send_message(
                QueueUrl=settings.inbound_queue_url,
                MessageBody=json.dumps({"providerId": delivery.provider_id, "deliveryId": delivery.delivery_id}))
        except Exception:  # noqa: BLE001 - the provider retries a 503; the kept copy must not block that retry
            logger.exception("inbound webhook not queued", extra={"providerId": delivery.provider_id})
            repository.forget(delivery.provider_id, delivery.delivery_id)
            raise ServiceUnavailable("The webhook could not be queued; retry") from None
    logger.info("inbound webhook accepted", extra={"providerId": delivery.provider_id, "duplicate": not fresh,
                                                  "events": len(events), "deliveryId": delivery.delivery_id})
    ack = IntakeAck(duplicate=not fresh, events=len(events))
    return IntakeAnswer(status_code=200, body=ack.model_dump_json(exclude_none=True))
