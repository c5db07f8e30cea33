"""What a verified request says: its handshake, delivery id, events, their types and accounts.

Pure functions over the raw request and the template's `inboundWebhooks` section; no I/O.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

from hub.inbound.schemes import SignedRequest
from hub.inbound.spec import FieldSource, InboundWebhookSpec
from hub.providers.templates import json_path_value

UNKNOWN_TYPE = "unknown"
MAX_FIELD_CHARS = 200
MAX_EVENTS_PER_REQUEST = 100


class HandshakeRefused(ValueError):
    """A subscription handshake with the wrong verify token."""


class MalformedBody(ValueError):
    """The body is not what the provider sends (not JSON / form, or not the expected shape)."""


@dataclass(frozen=True)
class ProviderEvent:
    """One event of a request: the provider's type, the account it concerns, its JSON."""

    event_type: str
    account_id: str | None
    payload: Any


@dataclass(frozen=True)
class HandshakeAnswer:
    """A provider's set-up check, answered instead of taking an event."""

    status_code: int
    body: str
    content_type: str


def parse_body(body: bytes, content_type: str) -> Any:
    """JSON (object or array), or a form (Slack slash commands) as a dict of first values."""
    media = content_type.split(";", 1)[0].strip().lower()
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise MalformedBody("the body is not UTF-8") from None
    if media == "application/x-www-form-urlencoded":
        form = dict(parse_qsl(text, keep_blank_values=True))
        embedded = form.get("payload")
        if embedded and embedded.lstrip().startswith("{"):  # Slack interactivity: JSON in `payload`
            return _json(embedded)
        return form
    return _json(text)


def _json(text: str) -> Any:
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):  # not JSON, a number over Python's digit limit, nested too deep
        raise MalformedBody("the body is not valid JSON") from None
    if not isinstance(value, dict | list):
        raise MalformedBody("the body is not a JSON object or array")
    return value


def _scalar(value: Any) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str | int | float):
        text = str(value).strip()
        return text[:MAX_FIELD_CHARS] if text else None
    return None


def field_value(source: FieldSource | None, request: SignedRequest, document: Any) -> str | None:
    """The header's value, else the first path present in `document`."""
    if source is None:
        return None
    if source.header is not None:
        found = _scalar(request.header(source.header))
        if found is not None:
            return found
    for path in source.paths:
        found = _scalar(json_path_value(document, path))
        if found is not None:
            return found
    return None


def delivery_id(spec: InboundWebhookSpec, request: SignedRequest, document: Any) -> str:
    """The provider's id of this delivery, else the SHA-256 of the body (a byte-identical
    retry is the same delivery)."""
    found = field_value(spec.delivery_id, request, document)
    return found if found is not None else "sha256:" + hashlib.sha256(request.body).hexdigest()


def split_events(spec: InboundWebhookSpec, request: SignedRequest, document: Any) -> list[ProviderEvent]:
    """The events of one request (several when the template names `eventsPath`)."""
    if spec.events_path is None:
        items = [document]
    else:
        found = json_path_value(document, spec.events_path)
        if not isinstance(found, list):
            raise MalformedBody(f"expected a list of events at {spec.events_path or 'the top level'!r}")
        items = found
    if len(items) > MAX_EVENTS_PER_REQUEST:
        raise MalformedBody(f"at most {MAX_EVENTS_PER_REQUEST} events per request")
    return [
        ProviderEvent(
            event_type=field_value(spec.event_type, request, item) or UNKNOWN_TYPE,
            account_id=field_value(spec.account_id, request, item),
            payload=item,
        )
        for item in items
    ]


def handshake(spec: InboundWebhookSpec, method: str, query: Mapping[str, str], document: Any,
              verify_tokens: list[str]) -> HandshakeAnswer | None:
    """The answer to a provider's handshake, or None when the request is an ordinary delivery.
    Slack's and Discord's arrive signed (verified before this); Meta's GET carries the verify
    token the super admin configured instead."""
    if method == "GET":
        if "meta-verify-token" not in spec.handshakes or query.get("hub.mode") != "subscribe":
            return None
        given = query.get("hub.verify_token") or ""
        challenge = query.get("hub.challenge") or ""
        if not challenge or not any(hmac.compare_digest(given.encode(), t.encode()) for t in verify_tokens if t):
            raise HandshakeRefused("verify_token")
        return HandshakeAnswer(200, challenge[:MAX_FIELD_CHARS], "text/plain")
    if not isinstance(document, dict):
        return None
    if "slack-url-verification" in spec.handshakes and document.get("type") == "url_verification":
        return HandshakeAnswer(200, json.dumps({"challenge": str(document.get("challenge") or "")}),
                               "application/json")
    if "discord-ping" in spec.handshakes and document.get("type") == 1:
        return HandshakeAnswer(200, json.dumps({"type": 1}), "application/json")
    return None


def connect_values(record: Mapping[str, Any], config: Mapping[str, Any] | None = None) -> dict[str, str]:
    """The non-secret values a connection keeps, by the names a template's `connectAccountId`
    uses: connectionConfig, kept token-response fields (by their dotted path), callback fields
    and non-secret credential fields."""
    values: dict[str, str] = {}
    for source in (config, record.get("publicCredentials"), record.get("callbackFields"), record.get("tokenFields")):
        for name, value in (source or {}).items():
            text = _scalar(value)
            if text is not None:
                values[str(name)] = text
    return values
