"""What the hub reads from a verified provider request: handshakes, delivery ids, events, their
types and accounts, and the account a connection records at connect time."""

from __future__ import annotations

import json
from typing import Any

import pytest
from pydantic import ValidationError

from hub.inbound.extract import (
    HandshakeRefused,
    MalformedBody,
    connect_values,
    delivery_id,
    handshake,
    parse_body,
    split_events,
)
from hub.inbound.schemes import SignedRequest
from hub.inbound.spec import InboundWebhookSpec, render_account_id
from hub.providers.templates import ProviderTemplate, get_template


def inbound(template_id: str) -> InboundWebhookSpec:
    template = get_template(template_id)
    assert template is not None and template.inbound_webhooks is not None
    return template.inbound_webhooks


def req(body: Any, headers: dict[str, str] | None = None) -> tuple[SignedRequest, Any]:
    raw = json.dumps(body).encode()
    request = SignedRequest("POST", "https://hub/x", {k.lower(): v for k, v in (headers or {}).items()}, raw)
    return request, parse_body(raw, "application/json")


def test_shopify_reads_type_shop_and_delivery_from_headers() -> None:
    request, document = req({"id": 1}, {"X-Shopify-Topic": "orders/create",
                                        "X-Shopify-Shop-Domain": "acme.myshopify.com",
                                        "X-Shopify-Webhook-Id": "b54557e4"})
    [event] = split_events(inbound("shopify"), request, document)
    assert (event.event_type, event.account_id) == ("orders/create", "acme.myshopify.com")
    assert delivery_id(inbound("shopify"), request, document) == "b54557e4"


def test_slack_event_callback_type_team_and_event_id() -> None:
    request, document = req({"type": "event_callback", "team_id": "T1", "event_id": "Ev1",
                             "event": {"type": "app_mention"}})
    [event] = split_events(inbound("slack"), request, document)
    assert (event.event_type, event.account_id) == ("app_mention", "T1")
    assert delivery_id(inbound("slack"), request, document) == "Ev1"


def test_hubspot_array_is_one_event_per_item_and_the_body_hash_is_the_delivery_id() -> None:
    request, document = req([{"subscriptionType": "contact.creation", "portalId": 62515},
                             {"subscriptionType": "deal.creation", "portalId": 7}])
    events = split_events(inbound("hubspot"), request, document)
    assert [(e.event_type, e.account_id) for e in events] == [("contact.creation", "62515"), ("deal.creation", "7")]
    assert delivery_id(inbound("hubspot"), request, document).startswith("sha256:")


def test_meta_entries_are_events_of_their_account() -> None:
    request, document = req({"object": "instagram", "entry": [{"id": "1784", "changes": [{"field": "comments"}]}]})
    [event] = split_events(inbound("instagram"), request, document)
    assert (event.event_type, event.account_id) == ("comments", "1784")


def test_a_missing_events_list_or_a_body_that_is_not_json_is_malformed() -> None:
    request, document = req({"object": "instagram"})
    with pytest.raises(MalformedBody):
        split_events(inbound("instagram"), request, document)
    with pytest.raises(MalformedBody):
        parse_body(b"not json", "application/json")
    with pytest.raises(MalformedBody):
        parse_body(b"\xff\xfe", "application/json")
    with pytest.raises(MalformedBody):
        parse_body(b'"a string"', "application/json")
    # nested past the parser's stack, and an integer over Python's 4300-digit limit
    with pytest.raises(MalformedBody):
        parse_body(b"[" * 5000 + b"]" * 5000, "application/json")
    with pytest.raises(MalformedBody):
        parse_body(b'{"id": ' + b"9" * 5000 + b"}", "application/json")


def test_a_slack_form_body_is_read_as_a_form() -> None:
    assert parse_body(b"team_id=T1&command=%2Fhi", "application/x-www-form-urlencoded") == {
        "team_id": "T1", "command": "/hi"}


def test_handshakes_slack_discord_and_meta() -> None:
    slack = handshake(inbound("slack"), "POST", {}, {"type": "url_verification", "challenge": "c-123"}, [])
    assert slack is not None and json.loads(slack.body) == {"challenge": "c-123"}
    discord = handshake(inbound("discord"), "POST", {}, {"type": 1}, [])
    assert discord is not None and json.loads(discord.body) == {"type": 1}
    query = {"hub.mode": "subscribe", "hub.verify_token": "vt", "hub.challenge": "1158201444"}
    meta = handshake(inbound("instagram"), "GET", query, None, ["vt"])
    assert meta is not None and (meta.status_code, meta.body) == (200, "1158201444")
    with pytest.raises(HandshakeRefused):
        handshake(inbound("instagram"), "GET", {**query, "hub.verify_token": "other"}, None, ["vt"])
    assert handshake(inbound("stripe"), "POST", {}, {"type": "url_verification"}, []) is None


def test_connect_account_id_from_what_the_connection_keeps() -> None:
    values = connect_values({"tokenFields": {"team.id": "T1", "team.name": "Acme"}}, {"shop": "acme"})
    assert render_account_id(inbound("slack").connect_account_id or "", values) == "T1"
    assert render_account_id(inbound("shopify").connect_account_id or "", values) == "acme.myshopify.com"
    assert render_account_id(inbound("hubspot").connect_account_id or "", values) is None


def test_templates_refuse_an_inbound_section_they_cannot_honour() -> None:
    stripe = get_template("stripe")
    assert stripe is not None
    data = stripe.model_dump(by_alias=True, exclude_none=True)
    data["inboundWebhooks"]["signature"]["key"] = "clientSecret"
    with pytest.raises(ValidationError, match="perIntegration"):
        ProviderTemplate.model_validate(data)
    data["inboundWebhooks"]["perIntegration"] = False
    with pytest.raises(ValidationError, match="clientSecret"):
        ProviderTemplate.model_validate(data)
    data["inboundWebhooks"]["signature"]["key"] = "signingSecret"
    data["inboundWebhooks"]["connectAccountId"] = "{nothing}"
    with pytest.raises(ValidationError, match="nothing"):
        ProviderTemplate.model_validate(data)
    data["inboundWebhooks"].pop("connectAccountId")
    data["inboundWebhooks"]["signature"] = {"scheme": "slack-v0", "header": "X-Slack-Signature"}
    with pytest.raises(ValidationError, match="timestampHeader"):
        ProviderTemplate.model_validate(data)
