"""Against a real authorization server nobody here wrote (panva/oidc-provider on loopback,
tests/support/oidc): PKCE and RFC 9207 `iss`, refresh-token rotation with reuse detection,
concurrent refresh, revocation, reconnect, a foreign `iss`, both client authentication
methods; a custom provider registered from its discovery URL that connects, refreshes, is
health-checked by its own verification request and disconnects; a user's own (user-scoped)
connection; a frontend that receives the code itself and exchanges it with the hub's state; and
a grant checked through userinfo or introspection when there is no verification request."""

from __future__ import annotations

import threading
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import httpx
import pytest

from hub import clock
from hub.connections.refresh import refresh_connection
from hub.connections.repository import ConnectionRepository, secret_ref_of
from hub.jobs.health import check_connection_health
from hub.jobs.runtime import TimeBudget
from hub.settings import get_settings
from hub.vault import get_vault
from tests.support.api import ApiClient
from tests.support.connections import RETURN_URL, Browser
from tests.support.oidc_server import CLIENTS, FRONTEND_CALLBACK, OidcBrowser, RunningOidc, oidc_server

__all__ = ["oidc_server"]


class World:
    def __init__(self, api: ApiClient, oidc: RunningOidc) -> None:
        self.api = api
        self.oidc = oidc
        self.admin = api.as_("super_admin", tenant="platform", user="root")
        self.hub_browser = Browser(api)

    def register(self, client_auth: str = "basic", provider: str = "real-oidc", *,
                 leave_out: tuple[str, ...] = ()) -> dict[str, Any]:
        """Register the server from its discovery URL; `leave_out` drops proposed fields (e.g.
        "verification", "oauthConfig.userinfoUrl") to register it with less than it offers."""
        preview = self.admin.post("/api/admin/integrations/discover", {"url": self.oidc.issuer})
        assert preview.status == 200, preview.raw_body
        client_id = CLIENTS[client_auth]
        proposed = {k: v for k, v in preview.body["provider"].items() if k not in leave_out}
        body = {"provider": provider, "name": provider, "displayName": "Real OIDC", "category": "custom",
                "audience": "tenant", "status": "active", **proposed}
        oauth = {k: v for k, v in body["oauthConfig"].items() if f"oauthConfig.{k}" not in leave_out}
        body["oauthConfig"] = {**oauth, "clientId": client_id,
                               "clientSecret": self.oidc.client_secret(client_id), "tokenClientAuth": client_auth,
                               "scopes": ["openid", "profile"]}
        created = self.admin.post("/api/admin/integrations", body)
        assert created.status == 201, created.raw_body
        return preview.body  # type: ignore[no-any-return]

    def integration(self, provider: str = "real-oidc") -> str:
        response = self.api.post("/api/tenant/integrations", {"providerId": provider, "name": "Real OIDC"})
        assert response.status == 201, response.raw_body
        return str(response.body["id"])

    def provider_answer(self, integration_id: str, person: OidcBrowser) -> dict[str, str]:
        started = self.api.post(f"/api/tenant/integrations/{integration_id}/connect/oauth", {"returnUrl": RETURN_URL})
        assert started.status == 200, started.raw_body
        provider_url = self.hub_browser.provider_url(started.body["authorizationUrl"])
        query = dict(parse_qsl(urlsplit(provider_url).query))
        assert query["code_challenge_method"] == "S256" and query["code_challenge"]
        return person.authorize(provider_url)

    def finish(self, answer: dict[str, str]) -> dict[str, str]:
        response = self.hub_browser.callback(answer)
        assert response.status == 302, response.raw_body
        return dict(parse_qsl(urlsplit(response.header("Location") or "").query))

    def connect(self, integration_id: str, account: str = "alice") -> dict[str, str]:
        answer = self.provider_answer(integration_id, OidcBrowser(account))
        assert answer["iss"] == self.oidc.issuer  # RFC 9207: the real server sends it
        outcome = self.finish(answer)
        assert outcome["status"] == "connected", outcome
        return outcome

    def record(self, integration_id: str) -> dict[str, Any]:
        record = ConnectionRepository().get_connection("acme", integration_id, None)
        assert record is not None
        return record

    def tokens(self, integration_id: str) -> dict[str, Any]:
        return get_vault().read(secret_ref_of(self.record(integration_id)))  # type: ignore[no-any-return]

    def userinfo(self, access_token: str) -> int:
        return httpx.get(f"{self.oidc.issuer}/me", headers={"Authorization": f"Bearer {access_token}"}).status_code


@pytest.fixture
def world(api: ApiClient, oidc_server: RunningOidc) -> World:
    return World(api, oidc_server)


def test_a_provider_registered_from_its_discovery_url_connects_refreshes_is_health_checked_and_disconnects(
        world: World) -> None:
    # Given a provider registered from the server's discovery URL
    preview = world.register()
    assert preview["provider"]["oauthConfig"]["authorizationResponseIssParameterSupported"] is True
    assert {"method": "GET", "path": "/me"}.items() <= preview["provider"]["verification"].items()
    integration_id = world.integration()
    # When a tenant admin connects (PKCE + iss checked)
    world.connect(integration_id)
    first = world.tokens(integration_id)
    assert first["refreshToken"] and world.userinfo(first["accessToken"]) == 200
    # Then a forced refresh rotates the tokens at the real server
    refreshed = world.api.post(f"/api/tenant/integrations/{integration_id}/connection/refresh", {"force": True})
    assert refreshed.status == 200, refreshed.raw_body
    second = world.tokens(integration_id)
    assert second["refreshToken"] != first["refreshToken"] and second["accessToken"] != first["accessToken"]
    # And the scheduled health job, when the connection's check is due, runs the provider's own
    # verification request (userinfo) against the server
    due = clock.now() + get_settings().health_check_interval_seconds
    report = check_connection_health(budget=TimeBudget(), now=due)
    assert report.due == 1 and report.outcomes["healthy"] == 1, report.as_dict()
    assert world.record(integration_id)["lastHealthStatus"] == "healthy"
    tested = world.api.post(f"/api/tenant/integrations/{integration_id}/connection/test")
    assert tested.body["outcome"] == "verified", tested.body
    # And a disconnect revokes the grant at the server
    gone = world.api.post(f"/api/tenant/integrations/{integration_id}/disconnect")
    assert gone.status == 200 and gone.body["revokedAtProvider"] is True, gone.raw_body
    assert world.userinfo(second["accessToken"]) == 401


@pytest.mark.parametrize("client_auth", ["basic", "body"])
def test_both_client_authentication_methods_connect_and_refresh(world: World, client_auth: str) -> None:
    world.register(client_auth)
    integration_id = world.integration()
    world.connect(integration_id)
    refreshed = world.api.post(f"/api/tenant/integrations/{integration_id}/connection/refresh", {"force": True})
    assert refreshed.status == 200, refreshed.raw_body
    # and the provider test sends the same request as the real exchange: accepted credentials
    tested = world.admin.post("/api/admin/integrations/custom/real-oidc/test")
    assert tested.body["success"] is True, tested.body


def test_the_wrong_client_secret_fails_the_provider_test(world: World) -> None:
    world.register("basic")
    assert world.admin.patch("/api/admin/integrations/custom/real-oidc",
                             {"oauthConfig": {"clientSecret": "not-the-secret"}}).status == 200
    tested = world.admin.post("/api/admin/integrations/custom/real-oidc/test")
    assert tested.body["success"] is False and "invalid_client" in tested.body["error"]


def test_a_reused_refresh_token_is_detected_and_the_connection_expires(world: World) -> None:
    world.register()
    integration_id = world.integration()
    world.connect(integration_id)
    old = world.tokens(integration_id)["refreshToken"]
    assert world.api.post(f"/api/tenant/integrations/{integration_id}/connection/refresh",
                          {"force": True}).status == 200
    # When someone replays the rotated-out refresh token
    replay = httpx.post(f"{world.oidc.issuer}/token", data={"grant_type": "refresh_token", "refresh_token": old},
                        auth=("hub-basic", "hub-basic-secret"))
    # Then the server detects the reuse and revokes the whole grant
    assert replay.status_code == 400 and replay.json()["error"] == "invalid_grant"
    # And the hub's next refresh finds the grant dead: the connection expires (reconnect), nothing lost
    clock.advance(get_settings().forced_refresh_interval_seconds + 1)  # past the forced-refresh interval
    after = world.api.post(f"/api/tenant/integrations/{integration_id}/connection/refresh", {"force": True})
    assert after.status in (400, 401, 409, 410) and world.record(integration_id)["status"] == "expired", after.raw_body


def test_concurrent_refreshes_rotate_once_and_never_trip_reuse_detection(world: World) -> None:
    world.register()
    integration_id = world.integration()
    world.connect(integration_id)
    outcomes: list[str] = []

    def refresh(owner: str) -> None:
        outcomes.append(refresh_connection("acme", integration_id, None, force=True, owner=owner).status)

    threads = [threading.Thread(target=refresh, args=(f"t{i}",)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("refreshed") >= 1 and "expired" not in outcomes, outcomes
    # the stored refresh token is the live one: another refresh works
    clock.advance(61)  # past the forced-refresh interval of a fresh token
    assert refresh_connection("acme", integration_id, None, force=True, owner="after").status == "refreshed"
    assert world.record(integration_id)["status"] == "active"


def test_reconnecting_replaces_the_grant(world: World) -> None:
    world.register()
    integration_id = world.integration()
    world.connect(integration_id)
    first = world.tokens(integration_id)
    world.connect(integration_id)
    second = world.tokens(integration_id)
    assert second["refreshToken"] != first["refreshToken"] and world.userinfo(second["accessToken"]) == 200
    assert world.record(integration_id)["status"] == "active"


def test_a_same_browser_reconnect_keeps_the_grant_alive_and_refreshing(world: World) -> None:
    # Given a connection made in alice's browser, at a server that may issue a reconnect from the
    # same browser on the same grant and ends a whole grant when one of its tokens is revoked
    world.register()
    integration_id = world.integration()
    browser = OidcBrowser("alice")
    for _ in range(2):  # When alice reconnects from the same browser
        outcome = world.finish(world.provider_answer(integration_id, browser))
        assert outcome["status"] == "connected", outcome
    # Then nothing was revoked and the reconnected connection refreshes (rotation, twice)
    for _ in range(2):
        assert refresh_connection("acme", integration_id, None, force=True, owner="job").status == "refreshed"
    assert world.userinfo(world.tokens(integration_id)["accessToken"]) == 200


def test_a_foreign_iss_stores_nothing_and_sends_the_browser_back_with_invalid_issuer(world: World) -> None:
    world.register()
    integration_id = world.integration()
    answer = world.provider_answer(integration_id, OidcBrowser())
    # When the callback carries another server's iss (a mix-up attack)
    outcome = world.finish({**answer, "iss": "https://attacker.example.com"})
    # Then nothing is stored and the browser goes back with error=invalid_issuer
    assert outcome["status"] == "error" and outcome["error"] == "invalid_issuer", outcome
    assert ConnectionRepository().get_connection("acme", integration_id, None) is None


def test_a_missing_iss_is_refused_when_the_server_advertises_it(world: World) -> None:
    world.register()
    integration_id = world.integration()
    answer = world.provider_answer(integration_id, OidcBrowser())
    outcome = world.finish({k: v for k, v in answer.items() if k != "iss"})
    assert outcome["status"] == "error" and outcome["error"] == "invalid_issuer", outcome
    assert ConnectionRepository().get_connection("acme", integration_id, None) is None


def test_a_user_connects_their_own_account_which_refreshes_tests_and_disconnects(world: World) -> None:
    # Given a user-scoped integration of the real server
    world.register()
    created = world.api.post("/api/tenant/integrations", {"providerId": "real-oidc", "name": "Real OIDC",
                                                         "userScoped": True})
    assert created.status == 201, created.raw_body
    integration_id = created.body["id"]
    bob = world.api.as_("user", user="bob")
    # When bob connects his own account at the provider, in his browser
    started = bob.post(f"/api/user/integrations/{integration_id}/connect/oauth", {"returnUrl": RETURN_URL})
    assert started.status == 200, started.raw_body
    browser = Browser(bob)
    answer = OidcBrowser("bob").authorize(browser.provider_url(started.body["authorizationUrl"]))
    assert answer["iss"] == world.oidc.issuer
    callback = browser.callback(answer)
    assert dict(parse_qsl(urlsplit(callback.header("Location") or "").query))["status"] == "connected"
    # Then the connection is bob's alone: stored under his user id, invisible to alice
    record = ConnectionRepository().get_connection("acme", integration_id, "bob")
    assert record is not None and record["userId"] == "bob"
    assert ConnectionRepository().get_connection("acme", integration_id, None) is None
    assert bob.get(f"/api/user/integrations/{integration_id}/connection").body["connected"] is True
    alice = world.api.as_("user", user="alice")
    assert alice.get(f"/api/user/integrations/{integration_id}/connection").body["connected"] is False
    # And it refreshes (rotation at the real server), verifies, and a disconnect revokes it there
    refreshed = bob.post(f"/api/user/integrations/{integration_id}/connection/refresh", {"force": True})
    assert refreshed.status == 200 and refreshed.body["refreshed"] is True, refreshed.raw_body
    tested = bob.post(f"/api/user/integrations/{integration_id}/connection/test")
    assert tested.body["outcome"] == "verified", tested.body
    access = get_vault().read(secret_ref_of(ConnectionRepository().get_connection("acme", integration_id, "bob")))
    gone = bob.post(f"/api/user/integrations/{integration_id}/disconnect")
    assert gone.status == 200 and gone.body["revokedAtProvider"] is True, gone.raw_body
    assert world.userinfo(access["accessToken"]) == 401


def test_a_frontend_receives_the_code_and_exchanges_it_with_the_hubs_state(world: World) -> None:
    # Given a flow started for a frontend page registered at the provider
    world.register()
    integration_id = world.integration()
    started = world.api.post(f"/api/tenant/integrations/{integration_id}/connect/oauth",
                             {"returnUrl": RETURN_URL, "redirectUri": FRONTEND_CALLBACK})
    assert started.status == 200 and started.body["redirectUri"] == FRONTEND_CALLBACK, started.raw_body
    # When the person authorizes and the provider sends the code (and its iss) to that page
    answer = OidcBrowser("alice").authorize(started.body["providerAuthorizationUrl"], until=FRONTEND_CALLBACK)
    assert answer["iss"] == world.oidc.issuer and answer["state"] == started.body["state"]
    exchange = f"/api/tenant/integrations/{integration_id}/connect/oauth/exchange"
    body = {"code": answer["code"], "state": answer["state"], "redirectUri": FRONTEND_CALLBACK, "iss": answer["iss"]}
    exchanged = world.api.post(exchange, body)
    # Then the hub redeems it with its own PKCE verifier: connected, and the tokens refresh
    assert exchanged.status == 200 and exchanged.body["connected"] is True, exchanged.raw_body
    assert world.userinfo(world.tokens(integration_id)["accessToken"]) == 200
    assert world.api.post(f"/api/tenant/integrations/{integration_id}/connection/refresh",
                          {"force": True}).status == 200
    # And the state is spent: the same code and state cannot be exchanged twice
    again = world.api.post(exchange, body)
    assert again.status == 400 and again.error["code"] == "OAUTH_FAILED", again.raw_body


@pytest.mark.parametrize("checked_with, leave_out", [
    ("userinfo", ("verification", "api")),
    ("introspection", ("verification", "api", "oauthConfig.userinfoUrl")),
])
def test_without_a_verification_request_the_grant_is_checked_by_userinfo_or_introspection(
        world: World, checked_with: str, leave_out: tuple[str, ...]) -> None:
    # Given a provider registered without its verification request (and, for introspection,
    # without its userinfo endpoint), connected
    preview = world.register(leave_out=leave_out)
    integration_id = world.integration()
    world.connect(integration_id)
    # When the connection is tested, Then the grant is checked the way the provider offers
    tested = world.api.post(f"/api/tenant/integrations/{integration_id}/connection/test")
    assert tested.body["outcome"] == "verified" and tested.body["details"]["checkedWith"] == checked_with, tested.body
    # And once the provider has revoked the access token, the same check says it is no longer live
    revocation = preview["provider"]["oauthConfig"]["revocationUrl"]
    revoked = httpx.post(revocation, data={"token": world.tokens(integration_id)["accessToken"],
                                           "token_type_hint": "access_token"}, auth=("hub-basic", "hub-basic-secret"))
    assert revoked.status_code == 200
    after = world.api.post(f"/api/tenant/integrations/{integration_id}/connection/test")
    assert after.body["outcome"] == "failed" and after.body["error"] == "INVALID_CREDENTIALS", after.body
