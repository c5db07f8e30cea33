"""The records the sample events in events/ name, made on the running local stack.

The events (`make events`, local/sample_events.py) carry placeholders where a real request names
a record: `int_sample` (an integration connected with an API key), `int_sample_oauth`,
`wh_sample`, `http://sandbox.sample` and so on (`PLACEHOLDERS`). `python -m local invoke` calls
`prepare(function, event)`: it makes the records the event needs over the stack's HTTP API, as
a super admin, tenant admin or user of tenant `acme` would, when they are missing (so an event
that deletes its record can be invoked again), and answers the event with the placeholders
replaced by the records' ids. An OAuth start or callback event gets a fresh flow each time: a
state is single use. Nothing here is deployed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

import httpx

from hub import clock
from local import samples_inbound
from local.issuer import LocalIssuer
from local.sandbox import DEFAULT_API_KEYS

TENANT, USER = "acme", "alice"
SANDBOX = "http://sandbox.sample"  # the sandbox provider's base URL
RECEIVER = "http://receiver.sample/hooks"  # a webhook URL on loopback
# a frontend page on an allowed return origin (local/stack.py) that the sandbox accepts as a
# redirect URI (its callback path on any loopback port, local/sandbox.py)
FRONTEND_PAGE = "http://127.0.0.1:5173/api/integrations/oauth/callback"
RETURN_URL = "http://127.0.0.1:5173/integrations/done"
TIMEOUT = 300.0  # a hang guard: a first request imports its handler, slow on a loaded machine

# placeholder → what it stands for (README, "Sample events")
PLACEHOLDERS = {
    "int_sample": "an integration of sandbox-apikey, connected with the sandbox's API key",
    "int_sample_oauth": "an integration of the sandbox OAuth provider, connected",
    "int_sample_user": "a user-scoped sandbox integration, connected by the caller",
    "int_sample_basic": "an integration of sample-basic (a provider with basic auth, no template)",
    "int_sample_custom": "an integration of sample-custom (free-form credentials, no template)",
    "int_sample_spare": "an integration the delete event may remove (made again when missing)",
    "wh_sample": "a webhook endpoint", "wh_sample_spare": "a webhook endpoint the delete event may remove",
    "whd_sample": "a delivery of wh_sample", "whr_sample": "a recover job of wh_sample",
    SANDBOX: "the sandbox provider's base URL", RECEIVER: "a webhook URL on the sandbox",
    "sample-admin": "a provider (basic auth) the provider events read, change and delete",
    "sample-oidc": "a provider registered from the sandbox's OAuth metadata",
    "cs_sample_token": "a connect session's token offering int_sample and int_sample_oauth (new each time)",
    # inbound provider webhooks (local/samples_inbound.py)
    "int_sample_stripe": "an integration of stripe, whose webhooks come to the integration's own URL",
    "inb_sample": "a provider event over 64 KB, published to int_sample_oauth's connection (new each time)",
    "inbound_sample_delivery": "a sandbox event the intake accepted and queued (new each time)",
}
SAMPLE_PROVIDERS = {  # made by a super admin when missing
    "sample-basic": {"authType": "basic"}, "sample-custom": {"authType": "custom"},
    "sample-spare": {"authType": "basic"}, "sample-fresh": {"authType": "basic"},
    "sample-admin": {"authType": "basic"},
}
CREATED_BY_EVENTS = {"integrations-create": "sample-fresh", "providers-create": "sample-created"}


class SampleError(RuntimeError):
    """The local stack refused to make a sample record."""


class Samples:
    def __init__(self, api_url: str, sandbox_url: str) -> None:
        self.api_url, self.sandbox_url = api_url, sandbox_url
        issuer = LocalIssuer()
        self.admin = self._client(issuer.issue(role="tenant_admin", tenant=TENANT, user=USER))
        self.user = self._client(issuer.issue(role="user", tenant=TENANT, user=USER))
        self.root = self._client(issuer.issue(role="super_admin", tenant="platform", user="root"))

    def _client(self, token: str) -> httpx.Client:
        return httpx.Client(base_url=self.api_url, headers={"Authorization": f"Bearer {token}"}, timeout=TIMEOUT)

    def close(self) -> None:
        for client in (self.admin, self.user, self.root):
            client.close()

    # ---- providers and integrations ---------------------------------------------------------
    def provider(self, provider_id: str) -> None:
        if self.root.get(f"/api/admin/integrations/crm/{provider_id}").status_code == 200:
            return
        name = provider_id.replace("-", " ").title()
        _ok(self.root.post("/api/admin/integrations", json={
            "provider": provider_id, "name": name, "displayName": name, "category": "crm",
            **SAMPLE_PROVIDERS.get(provider_id, {"authType": "basic"})}), "create provider " + provider_id)

    def integration(self, provider_id: str, *, user_scoped: bool = False) -> str:
        if provider_id.startswith("sample-"):
            self.provider(provider_id)
        found = self._integration_of(provider_id)
        if found:
            if found[1] == "disabled":  # the deactivate event ran
                _ok(self.admin.post(f"/api/tenant/integrations/{found[0]}/activate"), "activate the integration")
            return found[0]
        body: dict[str, Any] = {"providerId": provider_id, "name": f"Sample ({provider_id})"}
        if user_scoped:
            body["userScoped"] = True
        created = _ok(self.admin.post("/api/tenant/integrations", json=body), "create integration")
        return str(created["id"])

    def _integration_of(self, provider_id: str) -> tuple[str, str] | None:
        """(id, status) of the tenant's integration of a provider."""
        listed = _ok(self.admin.get("/api/tenant/integrations", params={"limit": 100}), "list integrations")
        return next(((str(i["id"]), str(i.get("status"))) for i in listed["integrations"]
                     if i.get("providerId") == provider_id), None)

    def api_key_connected(self) -> str:
        integration_id = self.integration("sandbox-apikey")
        if not _connected(self.admin.get(f"/api/tenant/integrations/{integration_id}/connection")):
            _ok(self.admin.post(f"/api/tenant/integrations/{integration_id}/connect/api-key",
                                json={"apiKey": DEFAULT_API_KEYS[0]}), "connect with an API key")
        return integration_id

    def oauth_connected(self, *, user_scoped: bool = False) -> str:
        provider = "sandbox-user" if user_scoped else "sandbox"
        if user_scoped:
            self._user_scoped_provider()
        integration_id = self.integration(provider, user_scoped=user_scoped)
        base = f"/api/{'user' if user_scoped else 'tenant'}/integrations/{integration_id}"
        caller = self.user if user_scoped else self.admin
        if not _connected(caller.get(f"{base}/connection")):
            query = self.authorized(caller, f"{base}/connect/oauth")
            cookies = "; ".join(query.pop("cookies"))
            with self._browser() as browser:
                done = browser.get("/api/integrations/oauth/callback", params=query, headers={"Cookie": cookies})
            if done.status_code != 302 or "status=connected" not in done.headers.get("location", ""):
                raise SampleError(f"OAuth connect failed: {done.status_code} {done.headers.get('location')}")
        return integration_id

    def _user_scoped_provider(self) -> None:
        # the sandbox template again under another id: one integration per provider per tenant,
        # and the tenant-wide one is int_sample_oauth
        if self.root.get("/api/admin/integrations/developer/sandbox-user").status_code == 200:
            return
        from local.sandbox import DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET

        _ok(self.root.post("/api/admin/integrations", json={
            "provider": "sandbox-user", "templateId": "sandbox",
            "oauthConfig": {"clientId": DEFAULT_CLIENT_ID, "clientSecret": DEFAULT_CLIENT_SECRET}}),
            "create the user-scoped sandbox provider")

    def discovered_provider(self) -> None:
        """sample-oidc: registered from the sandbox's metadata, as POST .../discover proposes."""
        if self.root.get("/api/admin/integrations/crm/sample-oidc").status_code == 200:
            return
        from local.sandbox import DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET

        preview = _ok(self.root.post("/api/admin/integrations/discover", json={"url": self.sandbox_url}),
                      "discover the sandbox")["provider"]
        oauth = {**preview["oauthConfig"], "clientId": DEFAULT_CLIENT_ID, "clientSecret": DEFAULT_CLIENT_SECRET}
        _ok(self.root.post("/api/admin/integrations", json={
            **preview, "oauthConfig": oauth, "provider": "sample-oidc", "name": "Sample OIDC",
            "displayName": "Sample OIDC", "category": "crm"}), "register sample-oidc")

    # ---- OAuth flows -------------------------------------------------------------------------
    def _browser(self) -> httpx.Client:
        return httpx.Client(base_url=self.api_url, timeout=TIMEOUT)

    def start_url(self, caller: httpx.Client, connect_path: str, **extra: Any) -> dict[str, Any]:
        return _ok(caller.post(connect_path, json={"returnUrl": RETURN_URL, **extra}), "start an OAuth flow")

    def authorized(self, caller: httpx.Client, connect_path: str) -> dict[str, Any]:
        """A browser through the hub's start page and the sandbox: the callback's query and the
        browser's cookies (under "cookies")."""
        started = self.start_url(caller, connect_path)
        with self._browser() as browser:
            start = str(started["authorizationUrl"])
            page = browser.get(start)
            link = _continue_link(page.text)
            provider = browser.get(urljoin(start, link))
            if provider.status_code != 302:
                raise SampleError(f"the start page did not send the browser on: {provider.status_code}")
            answer = httpx.get(provider.headers["location"], timeout=TIMEOUT)
            query = dict(parse_qsl(urlsplit(answer.headers.get("location", "")).query))
            cookies = [f"{name}={value}" for name, value in browser.cookies.items()]
        return {**query, "cookies": cookies}

    # ---- connect sessions (hub/sessions) -------------------------------------------------------
    def connect_session(self) -> str:
        """A fresh session's token: a session is single use."""
        offered = [self.api_key_connected(), self.oauth_connected()]
        return str(_ok(self.admin.post("/api/tenant/connect-sessions", json={
            "integrations": offered, "origin": RETURN_URL.rsplit("/", 2)[0]}), "create a connect session")["token"])

    def session_oauth(self, token: str, integration_id: str) -> None:
        """The connect page's popup: the session's OAuth flow through the start page, the sandbox
        and the callback, which stores the connection the complete event then finds."""
        page = self._client(token)
        try:
            started = _ok(page.post(f"/api/connect/integrations/{integration_id}/oauth"), "start the page's OAuth")
        finally:
            page.close()
        with self._browser() as browser:
            start = str(started["authorizationUrl"])
            provider = browser.get(urljoin(start, _continue_link(browser.get(start).text)))
            answer = httpx.get(provider.headers.get("location", ""), timeout=TIMEOUT)
            done = browser.get(answer.headers.get("location", ""))
        if "status=connected" not in done.headers.get("location", ""):
            raise SampleError(f"the page's OAuth failed: {done.status_code} {done.headers.get('location')}")

    # ---- webhooks ----------------------------------------------------------------------------
    def webhook(self, description: str = "sample") -> str:
        listed = _ok(self.admin.get("/api/tenant/webhooks", params={"limit": 100}), "list webhooks")
        found = next((w["id"] for w in listed["webhooks"] if w.get("description") == description), None)
        if found:
            return str(found)
        created = _ok(self.admin.post("/api/tenant/webhooks", json={
            "url": self.sandbox_url + "/hooks", "events": ["integration.connected"], "description": description}),
            "create a webhook")
        return str(created["id"])

    def delivery(self, webhook_id: str) -> str:
        listed = _ok(self.admin.get(f"/api/tenant/webhooks/{webhook_id}/deliveries"), "list deliveries")
        if listed["deliveries"]:
            return str(listed["deliveries"][0]["id"])
        return str(_ok(self.admin.post(f"/api/tenant/webhooks/{webhook_id}/test"), "send a test delivery")["id"])

    def recover_job(self, webhook_id: str) -> str:
        since = clock.iso(clock.now() - 86400)
        job = _ok(self.admin.post(f"/api/tenant/webhooks/{webhook_id}/recover", json={"since": since}),
                  "start a recover job")
        return str(job["id"])

    # ---- what each event needs ---------------------------------------------------------------
    def before(self, function: str) -> None:
        """Make room for an event that creates a record with a fixed name."""
        if function == "integrations-create":
            self.provider("sample-fresh")
            existing = self._integration_of("sample-fresh")
            if existing:
                _ok(self.admin.delete(f"/api/tenant/integrations/{existing[0]}"), "delete the earlier integration")
        elif function == "providers-create":
            if self.root.get("/api/admin/integrations/crm/sample-created").status_code == 200:
                _ok(self.root.delete("/api/admin/integrations/crm/sample-created"), "delete the earlier provider")

    def values(self, names: set[str], function: str) -> dict[str, Any]:
        """The value of every placeholder the event uses."""
        makers: dict[str, Callable[[], Any]] = {
            "int_sample": self.api_key_connected,
            "int_sample_oauth": self.oauth_connected,
            "int_sample_user": lambda: self.oauth_connected(user_scoped=True),
            "int_sample_basic": lambda: self.integration("sample-basic"),
            "int_sample_custom": lambda: self.integration("sample-custom"),
            "int_sample_spare": lambda: self.integration("sample-spare"),
            "wh_sample": self.webhook,
            "wh_sample_spare": lambda: self.webhook("sample spare"),
            "whd_sample": lambda: self.delivery(self.webhook()),
            "whr_sample": lambda: self.recover_job(self.webhook()),
            "cs_sample_token": self.connect_session,
            "int_sample_stripe": lambda: samples_inbound.per_integration_provider(self),
            "inb_sample": lambda: samples_inbound.large_event(self),
            "inbound_sample_delivery": lambda: samples_inbound.accepted_delivery(self),
            SANDBOX: lambda: self.sandbox_url,
            RECEIVER: lambda: self.sandbox_url + "/hooks",
        }
        if "sample-admin" in names:
            self.provider("sample-admin")
        if "sample-oidc" in names:
            self.discovered_provider()
        return {name: makers[name]() for name in names if name in makers}


def _connected(answer: httpx.Response) -> bool:
    return answer.status_code == 200 and answer.json().get("status") == "active"


def _continue_link(page: str) -> str:
    import html

    match = re.search(r"id='continue' href='([^']+)'", page)
    if not match:
        raise SampleError("the hub's start page has no Continue link")
    return html.unescape(match.group(1))


def _ok(response: httpx.Response, what: str) -> Any:
    if response.status_code >= 400:
        raise SampleError(f"{what}: {response.status_code} {response.text[:500]}")
    return response.json() if response.content else None


def placeholders_in(event: dict[str, Any]) -> set[str]:
    text = json.dumps(event)
    return {name for name in PLACEHOLDERS if _mentions(text, name)}


def _pattern(name: str) -> re.Pattern[str]:
    # int_sample must not match inside int_sample_oauth: a placeholder ends at a non-word character
    return re.compile(re.escape(name) + r"(?![A-Za-z0-9_])")


def _mentions(text: str, name: str) -> bool:
    return _pattern(name).search(text) is not None


def substitute(value: Any, values: dict[str, Any]) -> Any:
    if isinstance(value, str):
        for name in sorted(values, key=len, reverse=True):
            value = _pattern(name).sub(str(values[name]).replace("\\", "\\\\"), value)
        return value
    if isinstance(value, dict):
        return {substitute(k, values): substitute(v, values) for k, v in value.items()}
    if isinstance(value, list):
        return [substitute(v, values) for v in value]
    return value


def with_query(event: dict[str, Any], query: dict[str, Any]) -> dict[str, Any]:
    cookies = query.pop("cookies", None)
    event = {**event, "queryStringParameters": query, "rawQueryString": urlencode(query)}
    if cookies:
        event["cookies"] = cookies
    return event


def prepare(function: str, event: dict[str, Any], api_url: str, sandbox_url: str) -> dict[str, Any]:
    """The event with the records it names made and their ids filled in."""
    samples = Samples(api_url, sandbox_url)
    try:
        samples.before(function)
        event = substitute(event, samples.values(placeholders_in(event), function))
        if function == "oauth-start":
            started = samples.start_url(samples.admin, f"/api/tenant/integrations/{samples.integration('sandbox')}"
                                        "/connect/oauth")
            event = with_query(event, dict(parse_qsl(urlsplit(str(started["authorizationUrl"])).query)))
        elif function == "oauth-callback":
            integration_id = samples.integration("sandbox")
            event = with_query(event, samples.authorized(samples.admin,
                                                         f"/api/tenant/integrations/{integration_id}/connect/oauth"))
        elif function == "connections-exchange-oauth":
            event = _exchange_event(samples, event)
        elif function == "inbound-receive":
            event = samples_inbound.receive_event(samples, event)
        elif function == "connect-oauth-complete":
            token = str(event["headers"]["authorization"]).removeprefix("Bearer ")
            samples.session_oauth(token, str(event["pathParameters"]["id"]))
        return event
    finally:
        samples.close()


def _exchange_event(samples: Samples, event: dict[str, Any]) -> dict[str, Any]:
    """A flow started for a frontend page, its code fetched from the sandbox: the exchange body."""
    integration_id = event["pathParameters"]["id"]
    started = samples.start_url(samples.admin, f"/api/tenant/integrations/{integration_id}/connect/oauth",
                                redirectUri=FRONTEND_PAGE)
    answer = httpx.get(str(started["providerAuthorizationUrl"]), timeout=TIMEOUT)
    query = dict(parse_qsl(urlsplit(answer.headers.get("location", "")).query))
    if "code" not in query:
        raise SampleError(f"the sandbox gave no code: {answer.status_code} {answer.headers.get('location')}")
    body = {"code": query["code"], "state": query["state"], "redirectUri": FRONTEND_PAGE}
    if "iss" in query:  # the page forwards the provider's RFC 9207 issuer, which the exchange checks
        body["iss"] = query["iss"]
    return {**event, "body": json.dumps(body)}
