"""Registration by discovery (OpenID Connect Discovery / RFC 8414): fetched through the URL
guard, shown before saving, saved with the normal create, refreshable later."""

from __future__ import annotations

from typing import Any

import pytest

from hub.catalog.repository import ProviderRepository
from tests.support.api import ApiClient
from tests.support.connections import SandboxWorld, sandbox_server, sandbox_world

__all__ = ["sandbox_server", "sandbox_world"]


@pytest.fixture
def admin(api: ApiClient) -> ApiClient:
    return api.as_("super_admin", tenant="platform", user="root")


def discovered(admin: ApiClient, url: str) -> dict[str, Any]:
    response = admin.post("/api/admin/integrations/discover", {"url": url})
    assert response.status == 200, response.raw_body
    return response.body  # type: ignore[no-any-return]


def test_the_admin_sees_the_provider_the_metadata_describes_before_anything_is_saved(admin, sandbox_world) -> None:
    base = sandbox_world.sandbox.base_url
    # Given the sandbox's RFC 8414 metadata / When a super admin gives its issuer
    preview = discovered(admin, base)
    # Then the proposal fills issuer, endpoints, PKCE, revocation, client auth and the RFC 9207 flag
    oauth = preview["provider"]["oauthConfig"]
    assert preview["issuer"] == base
    assert preview["discoveryUrl"] == f"{base}/.well-known/oauth-authorization-server"
    assert oauth["authorizationUrl"] == f"{base}/oauth/authorize" and oauth["tokenUrl"] == f"{base}/oauth/token"
    assert oauth["revocationUrl"] == f"{base}/oauth/revoke" and oauth["pkce"] is True
    assert oauth["tokenClientAuth"] == "basic" and oauth["authorizationResponseIssParameterSupported"] is True
    assert {"method": "GET", "path": "/api/me"}.items() <= preview["provider"]["verification"].items()
    # and nothing was stored
    assert [p["id"] for p in ProviderRepository().list_providers()] == ["sandbox", "sandbox-apikey"]


def test_a_provider_registered_from_its_metadata_connects_and_is_verified(admin, sandbox_world: SandboxWorld) -> None:
    preview = discovered(admin, sandbox_world.sandbox.base_url)
    body = {"provider": "discovered", "name": "Discovered", "displayName": "Discovered", "category": "custom",
            **preview["provider"]}
    body["oauthConfig"] = {**body["oauthConfig"], "clientId": "sandbox-client", "clientSecret": "sandbox-secret",
                           "scopes": ["profile"]}
    assert admin.post("/api/admin/integrations", body).status == 201
    integration_id = sandbox_world.create_integration("discovered")
    sandbox_world.connect(integration_id)
    tested = sandbox_world.api.post(f"/api/tenant/integrations/{integration_id}/connection/test")
    assert tested.body["outcome"] == "verified", tested.body


@pytest.mark.parametrize("url", ["http://10.0.0.5/", "https://169.254.169.254/", "file:///etc/passwd",
                                 "http://user:pw@127.0.0.1/"])
def test_discovery_goes_through_the_url_guard(admin, sandbox_world, url) -> None:
    response = admin.post("/api/admin/integrations/discover", {"url": url})
    assert response.status == 400, response.raw_body


def test_metadata_that_names_another_issuer_is_refused(admin, sandbox_world) -> None:
    # Given the sandbox answers as 127.0.0.1, asked for as localhost
    base = sandbox_world.sandbox.base_url.replace("127.0.0.1", "localhost")
    response = admin.post("/api/admin/integrations/discover", {"url": base})
    assert response.status == 400 and response.error["code"] == "DISCOVERY_FAILED", response.raw_body


def test_no_metadata_is_a_clear_400(admin, sandbox_world) -> None:
    response = admin.post("/api/admin/integrations/discover", {"url": sandbox_world.sandbox.base_url + "/nothing"})
    assert response.status == 400 and response.error["code"] == "DISCOVERY_FAILED"


def test_a_discovered_provider_is_refreshed_from_its_metadata_later(admin, sandbox_world) -> None:
    preview = discovered(admin, sandbox_world.sandbox.base_url)
    body = {"provider": "discovered", "name": "Discovered", "displayName": "Discovered", "category": "custom",
            **preview["provider"]}
    body["oauthConfig"] = {**body["oauthConfig"], "clientId": "sandbox-client"}
    assert admin.post("/api/admin/integrations", body).status == 201
    # Given the record drifted from the metadata
    assert admin.patch("/api/admin/integrations/custom/discovered",
                       {"oauthConfig": {"tokenClientAuth": "body", "pkce": False}}).status == 200
    # When the admin refreshes it: first a preview, then applied
    shown = admin.post("/api/admin/integrations/custom/discovered/discover", {})
    assert shown.status == 200 and shown.body["applied"] is False
    assert shown.body["changes"]["oauthConfig"] == {"tokenClientAuth": "basic", "pkce": True}
    applied = admin.post("/api/admin/integrations/custom/discovered/discover", {"apply": True})
    assert applied.status == 200 and applied.body["applied"] is True
    oauth = applied.body["provider"]["oauthConfig"]
    assert oauth["tokenClientAuth"] == "basic" and oauth["pkce"] is True and oauth["clientId"] == "sandbox-client"


def test_a_provider_typed_in_by_hand_has_nothing_to_rediscover(admin, sandbox_world) -> None:
    response = admin.post("/api/admin/integrations/developer/sandbox/discover", {})
    assert response.status == 400
