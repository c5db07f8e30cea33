"""The OAuth callback only finishes a flow in the browser that started it (login CSRF /
connection fixation): the connect answer points at the hub's start URL, which binds the flow to
the first browser that opens it (HttpOnly cookie) and sends it to the provider; the callback
requires that cookie."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest

from hub import clock
from hub.connections.repository import ConnectionRepository
from hub.repository import Repository
from hub.settings import reset_settings
from hub.table import tenant_pk
from tests.support.connections import (
    RETURN_URL,
    SandboxWorld,
    location_query,
    sandbox_server,
    sandbox_world,
)

__all__ = ["sandbox_server", "sandbox_world"]

START_PATH = "/api/integrations/oauth/start"


def _states() -> list[dict[str, Any]]:
    return Repository().query_all(tenant_pk("acme"), sk_prefix="OAUTHSTATE#")


def _cookie_attributes(set_cookie: str) -> dict[str, str]:
    first, *rest = [part.strip() for part in set_cookie.split(";")]
    attributes = {"_pair": first}
    for part in rest:
        name, _, value = part.partition("=")
        attributes[name.lower()] = value
    return attributes


def test_the_connect_answer_points_at_the_hubs_start_url_not_at_the_provider(sandbox_world: SandboxWorld) -> None:
    # Given an admin starting an OAuth connection (hub callback mode)
    integration_id = sandbox_world.create_integration()
    started = sandbox_world.start(integration_id)
    # Then the authorization URL is the hub's start route with an opaque flow id, not the state
    parts = urlsplit(started["authorizationUrl"])
    assert f"{parts.scheme}://{parts.netloc}" == "http://127.0.0.1:3000" and parts.path == START_PATH
    query = dict(parse_qsl(parts.query))
    assert set(query) == {"flow"} and started["state"] not in started["authorizationUrl"]
    assert started["state"].split(".")[1] not in query["flow"]
    # and the direct provider URL is not handed out
    assert "providerAuthorizationUrl" not in started


def test_the_frontend_exchange_mode_also_gets_the_provider_url(sandbox_world: SandboxWorld) -> None:
    # Given a frontend that receives the code on its own page and exchanges it with its JWT
    integration_id = sandbox_world.create_integration()
    started = sandbox_world.start(integration_id, redirectUri="https://app.example.com/oauth/done")
    # Then it gets the provider URL directly (the exchange is bound to the caller's JWT)
    provider = dict(parse_qsl(urlsplit(started["providerAuthorizationUrl"]).query))
    assert provider["state"] == started["state"]
    assert provider["redirect_uri"] == "https://app.example.com/oauth/done"
    assert urlsplit(started["authorizationUrl"]).path == START_PATH


def test_the_start_route_binds_the_browser_with_a_safe_cookie_and_redirects_to_the_provider(
        sandbox_world: SandboxWorld) -> None:
    integration_id = sandbox_world.create_integration()
    started = sandbox_world.start(integration_id)
    # When the browser opens the start URL
    response = sandbox_world.browser.open_start(started["authorizationUrl"])
    # Then it is sent to the provider with the flow's state
    assert response.status == 302 and response.header("Cache-Control") == "no-store"
    location = response.header("Location") or ""
    assert location.startswith(sandbox_world.sandbox.base_url + "/oauth/authorize?")
    assert dict(parse_qsl(urlsplit(location).query))["state"] == started["state"]
    # with an HttpOnly, SameSite=Lax cookie for the OAuth routes only, living as long as the state
    set_cookie, spent_page_cookie = response.cookies
    assert spent_page_cookie.startswith("hub_oauthc_") and "Max-Age=0" in spent_page_cookie
    attributes = _cookie_attributes(set_cookie)
    assert attributes["_pair"].startswith("hub_oauth_")
    assert "httponly" in attributes and attributes["samesite"] == "Lax"
    assert attributes["path"] == "/api/integrations/oauth"
    assert 590 <= int(attributes["max-age"]) <= 600
    assert "secure" not in attributes  # the local hub is plain http
    # and only the nonce's hash is stored
    (item,) = _states()
    nonce = attributes["_pair"].split("=", 1)[1]
    assert item["browserHash"] and nonce not in str(item)


def test_the_cookie_is_secure_when_the_hub_is_served_over_https(sandbox_world: SandboxWorld,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HUB_PUBLIC_API_URL", "https://hub.example.com")
    reset_settings()
    integration_id = sandbox_world.create_integration()
    started = sandbox_world.start(integration_id)
    assert started["authorizationUrl"].startswith("https://hub.example.com/api/integrations/oauth/start?flow=")
    response = sandbox_world.browser.open_start(started["authorizationUrl"])
    assert response.status == 302 and "secure" in _cookie_attributes(response.cookies[0])


def test_the_callback_clears_the_cookie(sandbox_world: SandboxWorld) -> None:
    integration_id = sandbox_world.create_integration()
    started = sandbox_world.start(integration_id)
    response = sandbox_world.callback(sandbox_world.authorize(sandbox_world.provider_url(started)))
    assert location_query(response)["status"] == "connected"
    assert any("Max-Age=0" in cookie for cookie in response.cookies)
    assert sandbox_world.browser.jar == {}


def test_a_callback_without_the_start_cookie_fails_and_stores_nothing(sandbox_world: SandboxWorld) -> None:
    # Given a flow started and opened in the admin's browser
    integration_id = sandbox_world.create_integration()
    started = sandbox_world.start(integration_id)
    answer = sandbox_world.authorize(sandbox_world.provider_url(started))
    # When the provider's answer arrives in a browser without the cookie
    response = sandbox_world.new_browser().callback(answer)
    # Then the flow fails like a bad state, back to the return URL, and nothing is stored
    assert response.status == 302
    outcome = location_query(response)
    assert (response.header("Location") or "").startswith(RETURN_URL)
    assert outcome["status"] == "error" and outcome["error"] == "browser_mismatch"
    assert ConnectionRepository().get_connection("acme", integration_id) is None
    assert sandbox_world.provider.stats()["token_requests_total"] == 0  # the code was never used
    # and the state is spent: the right browser cannot finish it afterwards either
    assert _states() == []
    late = sandbox_world.callback(answer)
    assert late.status == 400 and late.error["code"] == "OAUTH_FAILED"


def test_a_wrong_cookie_value_fails_the_flow(sandbox_world: SandboxWorld) -> None:
    integration_id = sandbox_world.create_integration()
    started = sandbox_world.start(integration_id)
    answer = sandbox_world.authorize(sandbox_world.provider_url(started))
    forged = sandbox_world.new_browser()
    forged.jar = {name: "x" * 43 for name in sandbox_world.browser.jar}
    response = forged.callback(answer)
    assert location_query(response)["error"] == "browser_mismatch"
    assert ConnectionRepository().get_connection("acme", integration_id) is None


def test_a_second_browser_cannot_open_the_same_flow(sandbox_world: SandboxWorld) -> None:
    # Given a flow whose start URL the first browser opened
    integration_id = sandbox_world.create_integration()
    started = sandbox_world.start(integration_id)
    assert sandbox_world.browser.open_start(started["authorizationUrl"]).status == 302
    # When another browser (or the same one again) opens it
    second = sandbox_world.new_browser().open_start(started["authorizationUrl"])
    again = sandbox_world.browser.open_start(started["authorizationUrl"])
    # Then it is refused: no redirect to the provider, no cookie
    for refused in (second, again):
        assert refused.status == 400 and refused.error["code"] == "OAUTH_FAILED"
        assert refused.cookies == () and refused.header("Location") is None


@pytest.mark.parametrize("flow", ["", "garbage", "YWNtZQ." + "0" * 64, "YWNtZQ." + "g" * 64])
def test_an_unknown_or_malformed_flow_is_refused(sandbox_world: SandboxWorld, flow: str) -> None:
    response = sandbox_world.api.get(START_PATH, query={"flow": flow} if flow else None, claims=False)
    assert response.status == 400 and response.error["code"] == "OAUTH_FAILED"


def test_an_expired_flow_cannot_be_opened(sandbox_world: SandboxWorld) -> None:
    integration_id = sandbox_world.create_integration()
    started = sandbox_world.start(integration_id)
    clock.advance(601)
    response = sandbox_world.browser.open_start(started["authorizationUrl"])
    assert response.status == 400 and response.error["code"] == "OAUTH_FAILED"


def test_a_victim_cannot_complete_an_attackers_user_flow(sandbox_world: SandboxWorld) -> None:
    # Given an attacker (a user of the tenant) who starts a user-scoped connection and opens it
    integration_id = sandbox_world.create_integration(user_scoped=True)
    attacker = sandbox_world.api.as_("user", user="mallory")
    started = sandbox_world.start(integration_id, client=attacker, user_scoped=True)
    attacker_browser = sandbox_world.new_browser()
    provider_url = attacker_browser.provider_url(started["authorizationUrl"])
    # When the victim, in their own browser, is lured to the provider URL and authorizes
    victim_browser = sandbox_world.new_browser()
    assert victim_browser.open_start(started["authorizationUrl"]).status == 400  # the hub link is spent too
    answer = sandbox_world.authorize(provider_url)
    response = victim_browser.callback(answer)
    # Then the flow fails and the victim's account is not stored as the attacker's connection
    assert location_query(response)["error"] == "browser_mismatch"
    assert ConnectionRepository().get_connection("acme", integration_id, "mallory") is None
    assert sandbox_world.provider.stats()["token_requests_total"] == 0


def test_a_forwarded_link_names_whose_flow_it_is_and_never_connects_silently(sandbox_world: SandboxWorld) -> None:
    from tests.support.connections import continue_link

    # Given alice (acme) started a connection and forwarded the start link to bob
    integration_id = sandbox_world.create_integration()
    started = sandbox_world.start(integration_id)
    bob = sandbox_world.new_browser()
    # When bob opens it
    page = bob.open_page(started["authorizationUrl"])
    # Then he gets a page naming the tenant, the user and the provider, not a redirect
    assert page.status == 200 and page.header("Location") is None
    assert "alice" in page.raw_body and "acme" in page.raw_body and "sandbox" in page.raw_body
    assert page.header("X-Frame-Options") == "DENY" and "frame-ancestors 'none'" in (
        page.header("Content-Security-Policy") or "")
    # And the Continue link, forwarded on to a third browser, only shows the page again
    carol = sandbox_world.new_browser()
    forwarded = carol._send("/api/integrations/oauth/start", dict(parse_qsl(urlsplit(continue_link(page)).query)))
    assert forwarded.status == 200 and forwarded.header("Location") is None
    # And nothing was bound: alice's own browser still continues to the provider and connects
    assert sandbox_world.provider.stats()["authorize_requests"] == 0
    response = sandbox_world.callback(sandbox_world.authorize(sandbox_world.provider_url(started)))
    assert location_query(response)["status"] == "connected"


# ---- behind a custom domain with a base path ----------------------------------------------------


class CustomDomainBrowser:
    """A browser talking to the hub through a custom domain whose API mapping has a base path
    (`https://api.example.com/hub`): API Gateway routes on the path below the base and the event's
    rawPath keeps it; the browser sends a cookie back only below the cookie's Path."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.jar: dict[str, tuple[str, str]] = {}  # name -> (value, Path)

    def get(self, url: str) -> dict[str, Any]:
        import importlib

        from hub.http import routing
        from hub.http.routing import match_route
        from local.apigw import LambdaContext, build_http_event

        parts = urlsplit(url)
        assert parts.path.startswith(self.base + "/"), url
        found = match_route(routing.route_table().values(), "GET", parts.path[len(self.base):])
        assert found is not None, url
        route, params = found
        cookies = "; ".join(f"{name}={value}" for name, (value, path) in self.jar.items()
                            if parts.path.startswith(path))
        event = build_http_event(route, parts.path, path_params=params or None,
                                 query=dict(parse_qsl(parts.query)) or None,
                                 headers={"Cookie": cookies} if cookies else None, domain="api.example.com")
        result: dict[str, Any] = importlib.import_module(route.module).handler(
            event, LambdaContext(route.function_name))
        for cookie in result.get("cookies") or []:
            attributes = _cookie_attributes(cookie)
            name, _, value = attributes["_pair"].partition("=")
            if attributes.get("max-age") == "0":
                self.jar.pop(name, None)
            else:
                self.jar[name] = (value, attributes["path"])
        return result


def test_behind_a_custom_domain_with_a_base_path_the_flow_is_routed_and_connects(
        sandbox_world: SandboxWorld, monkeypatch: pytest.MonkeyPatch) -> None:
    from local.sandbox import DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, DEFAULT_REDIRECT_URIS

    # Given the hub deployed behind https://api.example.com/hub (publicApiUrl), its callback there
    # registered with the provider
    monkeypatch.setenv("HUB_PUBLIC_API_URL", "https://api.example.com/hub")
    reset_settings()
    provider = sandbox_world.provider
    provider.register_client(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET,
                             [*DEFAULT_REDIRECT_URIS, "https://api.example.com/hub/api/integrations/oauth/callback"])
    try:
        _connect_through_custom_domain(sandbox_world)
    finally:
        provider.register_client(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, DEFAULT_REDIRECT_URIS)


def _connect_through_custom_domain(sandbox_world: SandboxWorld) -> None:
    from urllib.parse import urlencode, urljoin

    from tests.support.api import ApiResponse
    from tests.support.connections import continue_link

    integration_id = sandbox_world.create_integration()
    started = sandbox_world.start(integration_id)
    assert started["authorizationUrl"].startswith("https://api.example.com/hub" + START_PATH + "?flow=")
    browser = CustomDomainBrowser("/hub")
    # When the browser opens the start URL there: the page, then its Continue link
    page = browser.get(started["authorizationUrl"])
    assert page["statusCode"] == 200, page
    continued = browser.get(urljoin(started["authorizationUrl"], continue_link(ApiResponse(200, {}, page["body"]))))
    # Then it is sent to the provider, with the binding cookie scoped to the base path's OAuth routes
    assert continued["statusCode"] == 302, continued
    assert {path for _, path in browser.jar.values()} == {"/hub/api/integrations/oauth"}
    answer = sandbox_world.authorize(continued["headers"]["Location"])
    # And the provider's redirect to the hub's callback there connects
    callback = browser.get("https://api.example.com/hub/api/integrations/oauth/callback?" + urlencode(answer))
    assert callback["statusCode"] == 302, callback
    assert dict(parse_qsl(urlsplit(callback["headers"]["Location"]).query))["status"] == "connected"
    assert browser.jar == {}
