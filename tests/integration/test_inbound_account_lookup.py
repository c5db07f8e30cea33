"""Account ids captured at connect from what the provider itself says (hub/inbound/lookup.py):
HubSpot's access-token info names the portal, GitHub's list of the user's installations confirms
the installation_id a setup redirect carried, Discord's token answer names the bot's guild.
The providers' APIs are fakes on loopback answering as their documentation shows (the template's
`sources` name the pages)."""

from __future__ import annotations

import dataclasses
import functools
from typing import Any

import pytest

from hub.connections.spec import spec_from_records
from hub.inbound.links import connect_account_ids
from hub.inbound.lookup import account_fields
from hub.inbound.spec import AccountLookup
from hub.providers import templates
from hub.providers.templates import get_template
from local.sandbox import SANDBOX_USER
from tests.integration.test_inbound_accounts import admin
from tests.integration.test_inbound_webhooks import (
    capture,
    cold_caches,
    connected_account,
    process_inbound,
    sandbox_event,
    send,
    signing_secret,
)
from tests.support.connections import SandboxWorld, sandbox_server, sandbox_world
from tests.support.fake_api import FakeProviderApi, fake_api
from tests.support.webhooks import EventCapture

__all__ = ["capture", "cold_caches", "fake_api", "sandbox_server", "sandbox_world", "signing_secret"]  # fixtures

TOKEN = "CKDZpunPLhICAQEYs-gDIIGOBii1hQ/+="  # a token with characters a path must encode


def spec_for(template_id: str, base_url: str) -> Any:
    """The provider as a super admin registers it from its template, its API moved to the fake
    (a provider record may only name https API URLs, so the test moves the template's)."""
    spec = spec_from_records({"id": template_id, "provider": template_id, "templateId": template_id,
                              "status": "active",
                              "oauthConfig": {"clientId": "client-id", "clientSecret": "client-secret"}})
    api = spec.template.api.model_copy(update={"base_url": base_url})
    return dataclasses.replace(spec, template=spec.template.model_copy(update={"api": api}))


def captured(spec: Any, record: dict[str, Any]) -> list[str]:
    return connect_account_ids(spec.template, record, spec.config)


def test_hubspot_portal_comes_from_the_access_token_info(fake_api: FakeProviderApi) -> None:
    # Given HubSpot's token info for the new token names its portal (hub_id)
    fake_api.answers["/oauth/v1/access-tokens/CKDZpunPLhICAQEYs-gDIIGOBii1hQ%2F%2B%3D"] = (
        200, {"token": TOKEN, "user": "ada@example.com", "hub_domain": "demo.hubspot.com", "scopes": ["oauth"],
              "hub_id": 62515, "app_id": 456789, "expires_in": 1800, "user_id": 123456, "token_type": "access"})
    spec = spec_for("hubspot", fake_api.url)
    # When the connect looks it up with the new access token
    fields = account_fields(spec, TOKEN, callback_fields=None)
    # Then the connection answers for that portal, the id HubSpot's webhooks send as portalId
    assert fields == {"hub_id": "62515"}
    assert captured(spec, {"accountFields": fields, "tokenFields": {}}) == ["62515"]
    assert len(fake_api.requests) == 1


def test_a_failed_lookup_captures_nothing_and_does_not_fail(fake_api: FakeProviderApi) -> None:
    # Given HubSpot refuses the token info (nothing answers the path)
    spec = spec_for("hubspot", fake_api.url)
    # When the connect looks it up, Then nothing is captured (a tenant admin may type the id)
    assert account_fields(spec, TOKEN, callback_fields=None) == {}
    assert captured(spec, {"accountFields": None}) == []


def test_github_keeps_an_installation_id_only_when_the_users_installations_list_it(
        fake_api: FakeProviderApi) -> None:
    # Given the user's installations (GET /user/installations with the user's token)
    fake_api.answers["/user/installations?per_page=100"] = (
        200, {"total_count": 2, "installations": [{"id": 1, "account": {"login": "octocat"}},
                                                   {"id": 42, "account": {"login": "acme"}}]})
    spec = spec_for("github", fake_api.url)
    # When the setup redirect carried one of them, Then it is captured
    fields = account_fields(spec, "gho_user_token", callback_fields={"installation_id": "42"})
    assert fields == {"installation_id": "42"}
    assert captured(spec, {"callbackFields": {"installation_id": "42"}, "accountFields": fields}) == ["42"]
    assert fake_api.requests[-1][1] == "Bearer gho_user_token"
    # And a spoofed installation_id (someone else's installation) is not, though the redirect carried it
    spoofed = account_fields(spec, "gho_user_token", callback_fields={"installation_id": "999"})
    assert spoofed == {}
    assert captured(spec, {"callbackFields": {"installation_id": "999"}, "accountFields": spoofed}) == []


def test_stripe_account_comes_from_the_api_key_it_was_connected_with(fake_api: FakeProviderApi) -> None:
    # Given Stripe answers GET /v1/account with the account the secret key belongs to
    fake_api.answers["/v1/account"] = (200, {"id": "acct_1Nv0FGQ9RKHgCVdK", "object": "account",
                                             "charges_enabled": True, "country": "US"})
    spec = spec_for("stripe", fake_api.url + "/v1")
    # When an API-key connect looks it up with the checked key
    fields = account_fields(spec, None, None, credentials={"apiKey": "sk_test_sample"})
    # Then the connection answers for that account (Connect events name it as `account`), proven
    assert fields == {"account_id": "acct_1Nv0FGQ9RKHgCVdK"}
    assert captured(spec, {"accountFields": fields}) == ["acct_1Nv0FGQ9RKHgCVdK"]
    assert fake_api.requests[-1][1] == "Bearer sk_test_sample"


def test_discord_guild_comes_from_the_token_answer_of_a_bot_install() -> None:
    # Given Discord's token answer for a bot install carries the guild (kept as tokenFields "guild.id")
    template = get_template("discord")
    assert template is not None and template.inbound_webhooks is not None
    assert template.inbound_webhooks.account_lookup is None  # the token answer is the provider's word
    record = {"tokenFields": {"guild.id": "290926798626357999"}}
    # Then the connection answers for that guild, the id interactions send as guild_id
    assert connect_account_ids(template, record, {}) == ["290926798626357999"]
    assert connect_account_ids(template, {"tokenFields": {}}, {}) == []  # a user-only login names none


def test_an_oauth_connect_asks_the_provider_and_attributes_by_its_answer(
        sandbox_world: SandboxWorld, signing_secret: str, capture: EventCapture,
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Given the sandbox's template names its account by the user GET /api/me answers with
    # (a lookup, as HubSpot's and GitHub's templates do), not by the token answer's account_id
    sandbox = get_template("sandbox")
    assert sandbox is not None and sandbox.inbound_webhooks is not None
    lookup = AccountLookup.model_validate({"path": "/api/me", "values": {"account_id": "id"}})
    patched = sandbox.model_copy(update={"inbound_webhooks": sandbox.inbound_webhooks.model_copy(
        update={"account_lookup": lookup})})
    every = {**templates._all_templates(), "sandbox": patched}
    monkeypatch.setattr(templates, "_all_templates", functools.lru_cache(maxsize=1)(lambda: every))
    # When acme connects through the real OAuth flow
    integration_id, token_account = connected_account(sandbox_world)
    # Then the connection answers for the account the provider's API named, captured (trusted)
    view = admin("acme").get(f"/api/tenant/integrations/{integration_id}/inbound-accounts").body
    assert view["accounts"] == [{"accountId": SANDBOX_USER["id"], "source": "connect", "receiving": True}]
    # And an event of that account reaches acme, one of the token answer's account no longer does
    for account, message_id in ((SANDBOX_USER["id"], "msg_lookup_1"), (token_account, "msg_lookup_2")):
        assert send("sandbox", *sandbox_event(signing_secret, account, message_id=message_id)).status == 200
    process_inbound()
    assert [e["accountId"] for e in capture.of_type("provider.event")] == [SANDBOX_USER["id"]]
