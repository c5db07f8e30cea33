"""A provider answer of JSON nested past the parser's stack is an answer that is not JSON, never a
crash: `json.loads` raises RecursionError (not ValueError) for it, which every reader of a
provider's answer caught as ValueError only (hub/validation.py, `parse_json`).

The providers are fakes on loopback (tests/support/fake_api.py) sending the bytes as they are."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from hub.catalog.discovery import fetch_metadata
from hub.connections.spec import spec_from_records
from hub.connections.tokens import post_token_endpoint
from hub.connections.verify import verify
from hub.errors import HubError
from hub.inbound.lookup import account_fields
from tests.support.fake_api import FakeProviderApi, fake_api

__all__ = ["fake_api"]

DEEP = b"[" * 5000 + b"]" * 5000
DEEP_OBJECT = b'{"ok": ' + DEEP + b"}"


def spec_for(template_id: str, base_url: str) -> Any:
    """The provider registered from its template, its API moved to the fake."""
    spec = spec_from_records({"id": template_id, "provider": template_id, "templateId": template_id,
                              "status": "active",
                              "oauthConfig": {"clientId": "client-id", "clientSecret": "client-secret"}})
    api = spec.template.api.model_copy(update={"base_url": base_url})
    return dataclasses.replace(spec, template=spec.template.model_copy(update={"api": api}))


@pytest.mark.parametrize("body", [DEEP, DEEP_OBJECT], ids=["array", "in an object"])
def test_a_verification_answer_nested_too_deep_fails_the_check(fake_api: FakeProviderApi, body: bytes) -> None:
    # Given Slack's auth.test answers 200 with JSON nested past the parser's stack
    fake_api.answers["/auth.test"] = (200, body)
    # When the connection is verified, Then the check fails as for an answer that is not JSON
    result = verify(spec_for("slack", fake_api.url), access_token="xoxb-token")
    assert result.success is False and "not JSON" in (result.message or "")


def test_an_account_lookup_answer_nested_too_deep_captures_nothing(fake_api: FakeProviderApi) -> None:
    # Given HubSpot's access-token info answers JSON nested past the parser's stack
    fake_api.answers["/oauth/v1/access-tokens/token-1"] = (200, DEEP)
    # When the connect looks the account up, Then nothing is captured and the connect goes on
    assert account_fields(spec_for("hubspot", fake_api.url), "token-1", callback_fields=None) == {}


def test_a_token_answer_nested_too_deep_is_read_as_no_json(fake_api: FakeProviderApi) -> None:
    # Given a token endpoint that answers 200 with JSON nested past the parser's stack
    fake_api.answers["/token"] = (200, DEEP)
    # When the hub posts a grant to it, Then the answer reads as an empty body (no token in it)
    assert post_token_endpoint(f"{fake_api.url}/token", {"grant_type": "refresh_token"},
                               client_id="id", client_secret="secret") == {}


def test_discovery_metadata_nested_too_deep_is_a_discovery_failure(fake_api: FakeProviderApi) -> None:
    # Given both metadata URLs answer JSON nested past the parser's stack
    fake_api.answers["/.well-known/openid-configuration"] = (200, DEEP)
    fake_api.answers["/.well-known/oauth-authorization-server"] = (200, DEEP)
    # When a super admin discovers the provider, Then it is the 400 DISCOVERY_FAILED of any non-JSON metadata
    with pytest.raises(HubError) as raised:
        fetch_metadata(fake_api.url)
    assert (raised.value.status_code, raised.value.code) == (400, "DISCOVERY_FAILED")
    assert raised.value.details["tried"] == ["not JSON", "not JSON"]
