"""Provider templates: every shipped file is valid, URLs are safe to render, the loader caches."""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from pydantic import ValidationError as PydanticValidationError
from werkzeug.test import Client

from hub.errors import ConnectionFailed, ValidationError
from hub.providers import templates as tpl
from hub.providers.templates import (
    ProviderTemplate,
    TemplateLoadError,
    api_base_url,
    build_api_auth,
    get_template,
    json_path_value,
    load_templates,
    load_templates_from,
    placeholders,
    render_url,
    resolve_connection_config,
    template_summary,
)
from hub.settings import reset_settings
from local.sandbox import DEFAULT_API_KEYS, SandboxProvider

TEMPLATE_FILES = sorted(tpl.TEMPLATES_DIR.glob("*.json"))

REQUIRED_PROVIDERS = {
    "aws", "azure", "azure-service-principal", "google-cloud", "google-cloud-service-account", "tiktok",
    "tiktok-ads", "instagram", "facebook", "meta-ads", "youtube", "twitter", "linkedin", "hubspot",
    "salesforce", "shopify", "woocommerce", "google-ads", "mailchimp", "sendgrid", "stripe", "paypal",
    "zapier", "slack", "discord", "google-calendar", "github", "microsoft-365", "notion", "zoom",
    "atlassian", "dropbox", "box", "asana", "linear", "intercom", "zendesk", "twilio", "airtable",
    "calendly", "quickbooks", "xero", "gmail", "google-drive", "gitlab", "bitbucket", "pipedrive",
    "trello", "monday", "sandbox", "sandbox-apikey",
}  # fmt: skip


@pytest.fixture(autouse=True)
def fresh_cache() -> Iterator[None]:
    tpl.clear_template_cache()
    yield
    tpl.clear_template_cache()


@pytest.fixture
def sandbox_url(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("HUB_SANDBOX_BASE_URL", "http://127.0.0.1:9100/")
    reset_settings()
    yield "http://127.0.0.1:9100"
    monkeypatch.delenv("HUB_SANDBOX_BASE_URL")
    reset_settings()


def minimal(**overrides: Any) -> dict[str, Any]:
    """The smallest valid api-key template, to change one thing at a time."""
    data: dict[str, Any] = {
        "id": "acme",
        "name": "Acme",
        "displayName": "Acme",
        "description": "Acme API",
        "category": "other",
        "authMode": "api_key",
        "docsUrl": "https://docs.acme.example/auth",
        "credentialFields": [{"name": "apiKey", "label": "API key", "type": "secret", "secret": True}],
        "api": {"baseUrl": "https://api.acme.example/v1"},
        "verification": {"method": "GET", "path": "/me"},
    }
    data.update(overrides)
    return data


def oauth_minimal(**overrides: Any) -> dict[str, Any]:
    data = minimal(
        authMode="oauth2",
        credentialFields=[],
        oauth={
            "authorizationUrl": "https://acme.example/oauth/authorize",
            "tokenUrl": "https://acme.example/oauth/token",
        },
    )
    data.update(overrides)
    return data


def invalid(data: dict[str, Any], message: str) -> None:
    with pytest.raises(PydanticValidationError, match=re.escape(message)):
        ProviderTemplate.model_validate(data)


# ---- the shipped templates -------------------------------------------------------------------


@pytest.mark.parametrize("path", TEMPLATE_FILES, ids=lambda p: p.stem)
def test_every_template_file_validates_and_is_named_after_its_id(path: Path) -> None:
    # Given a shipped template file
    data = json.loads(path.read_text(encoding="utf-8"))
    # When it is validated
    template = ProviderTemplate.model_validate(data)
    # Then it is valid and its id is its file name
    assert template.id == path.stem


def test_at_least_45_templates_with_unique_ids_including_every_required_provider() -> None:
    templates = load_templates()
    ids = [json.loads(p.read_text(encoding="utf-8"))["id"] for p in TEMPLATE_FILES]
    assert len(ids) == len(set(ids)) == len(templates) >= 45
    assert REQUIRED_PROVIDERS <= set(templates), sorted(REQUIRED_PROVIDERS - set(templates))


def test_every_oauth_template_has_https_authorization_and_token_urls() -> None:
    for template in load_templates().values():
        if not template.is_oauth or template.is_sandbox:
            continue
        assert template.oauth is not None
        urls = [template.oauth.token_url]
        if template.auth_mode == "oauth2":
            assert template.oauth.authorization_url, template.id
            urls.append(template.oauth.authorization_url)
        for url in urls:
            assert url.startswith("https://"), (template.id, url)


def test_every_placeholder_is_declared_and_every_real_template_documents_itself() -> None:
    for template in load_templates().values():
        config = {f.name for f in template.connection_config}
        urls = [template.api.base_url or ""]
        if template.oauth:
            urls += [
                template.oauth.authorization_url or "",
                template.oauth.token_url,
                template.oauth.revocation_url or "",
            ]
        for url in urls:
            names = set(placeholders(url)) - ({"sandboxBaseUrl"} if template.is_sandbox else set())
            assert names <= config, (template.id, url)
        if not template.is_sandbox:
            assert template.docs_url and template.docs_url.startswith("https://"), template.id


def test_non_oauth_templates_ask_for_credentials_and_secrets_are_marked() -> None:
    for template in load_templates().values():
        if not template.is_oauth:
            assert template.credential_fields, template.id
        for field in template.credential_fields:
            if field.type == "secret":
                assert field.secret, (template.id, field.name)


def test_cloud_templates_follow_the_cloud_patterns() -> None:
    aws = get_template("aws")
    assert aws is not None and aws.auth_mode == "custom" and aws.custom_auth == "aws_iam_role"
    assert aws.verification.method == "AWS_STS" and aws.verification.path == "GetCallerIdentity"
    external_id = aws.credential_field("externalId")
    assert external_id is not None and external_id.generated and not external_id.secret
    assert aws.credential_field("roleArn") is not None
    assert [f.name for f in aws.connection_config] == ["region"]

    azure = get_template("azure")
    assert azure is not None and azure.oauth is not None
    assert azure.oauth.authorization_url == "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/authorize"
    assert resolve_connection_config(azure, {}) == {"tenant": "common"}

    principal = get_template("azure-service-principal")
    assert principal is not None and principal.auth_mode == "oauth2_client_credentials"

    google_cloud = get_template("google-cloud")
    assert google_cloud is not None and google_cloud.oauth is not None
    assert "https://www.googleapis.com/auth/cloud-platform" in google_cloud.oauth.default_scopes

    service_account = get_template("google-cloud-service-account")
    assert service_account is not None and service_account.custom_auth == "google_service_account"
    key = service_account.credential_field("serviceAccountKey")
    assert key is not None and key.type == "json" and key.secret


def test_provider_specifics_that_connection_code_relies_on() -> None:
    twitter = get_template("twitter")
    assert twitter is not None and twitter.oauth is not None and twitter.oauth.pkce
    salesforce = get_template("salesforce")
    assert salesforce is not None and salesforce.oauth is not None
    assert "instance_url" in salesforce.oauth.token_response.extra_fields
    shopify = get_template("shopify")
    assert shopify is not None and shopify.oauth is not None
    assert "{shop}" in shopify.oauth.authorization_url  # type: ignore[operator]
    zendesk = get_template("zendesk")
    assert zendesk is not None and "{subdomain}" in (zendesk.api.base_url or "")
    twilio = get_template("twilio")
    assert twilio is not None and twilio.auth_mode == "basic"
    for api_key_provider in ("sendgrid", "stripe"):
        template = get_template(api_key_provider)
        assert template is not None and template.auth_mode == "api_key"
    paypal = get_template("paypal")
    assert paypal is not None and paypal.auth_mode == "oauth2_client_credentials"


def test_sandbox_templates_match_the_local_sandbox_provider() -> None:
    sandbox = get_template("sandbox")
    assert sandbox is not None and sandbox.oauth is not None
    assert sandbox.auth_mode == "oauth2"
    assert sandbox.oauth.authorization_url == "{sandboxBaseUrl}/oauth/authorize"
    assert sandbox.oauth.token_url == "{sandboxBaseUrl}/oauth/token"
    assert sandbox.oauth.revocation_url == "{sandboxBaseUrl}/oauth/revoke"
    assert sandbox.oauth.issuer == "{sandboxBaseUrl}"
    assert sandbox.oauth.pkce and sandbox.oauth.token_client_auth == "basic"
    assert {"profile", "items:read"} <= set(sandbox.oauth.default_scopes)
    assert (sandbox.verification.method, sandbox.verification.path) == ("GET", "/api/me")
    assert sandbox.search is not None and sandbox.search.query_param == "q" and sandbox.search.items_path == "items"
    assert sandbox.sync is not None and sandbox.sync.items_path == "items"
    caps = sandbox.capabilities
    assert caps.search and caps.sync and caps.publish and caps.webhooks

    apikey = get_template("sandbox-apikey")
    assert apikey is not None and apikey.auth_mode == "api_key"
    assert apikey.api.auth_header == "X-API-Key" and apikey.api.auth_scheme == ""
    assert apikey.verification.path == "/api/me"


def test_sandbox_templates_agree_with_the_running_sandbox_provider(sandbox_url: str) -> None:
    # Given the local sandbox provider at the configured base URL
    client = Client(SandboxProvider(issuer=sandbox_url).wsgi_app)
    metadata = client.get("/.well-known/oauth-authorization-server").json
    sandbox = get_template("sandbox")
    assert sandbox is not None and sandbox.oauth is not None
    # When the template's URLs are rendered
    # Then they are the endpoints the sandbox announces, and it supports the default scopes
    assert render_url(sandbox.oauth.authorization_url or "", {}) == metadata["authorization_endpoint"]
    assert render_url(sandbox.oauth.token_url, {}) == metadata["token_endpoint"]
    assert render_url(sandbox.oauth.revocation_url or "", {}) == metadata["revocation_endpoint"]
    assert render_url(sandbox.oauth.issuer or "", {}) == metadata["issuer"]
    assert set(sandbox.oauth.default_scopes) <= set(metadata["scopes_supported"])

    # And the api-key template's verification and search work against it
    apikey = get_template("sandbox-apikey")
    assert apikey is not None and apikey.search is not None
    auth = build_api_auth(apikey, credentials={"apiKey": DEFAULT_API_KEYS[0]})
    base = api_base_url(apikey, {})
    assert base == sandbox_url
    me = client.get(apikey.verification.path, headers=auth.headers)
    assert me.status_code in apikey.verification.expected_status
    found = client.get(apikey.search.path, query_string={apikey.search.query_param: "a"}, headers=auth.headers)
    assert isinstance(json_path_value(found.json, apikey.search.items_path), list)


def test_this_documentation_lists_every_template() -> None:
    docs = (Path(__file__).parents[2] / "docs" / "providers.md").read_text(encoding="utf-8")
    docs = docs.split("\n## Templates\n", 1)[1]
    listed = set(re.findall(r"^\| `([a-z0-9-]+)` \|", docs, flags=re.MULTILINE))
    assert listed == set(load_templates())


# ---- the loader ------------------------------------------------------------------------------


def test_load_is_cached_and_returns_copies() -> None:
    # Given the templates were loaded once
    with mock.patch.object(tpl, "load_templates_from", wraps=tpl.load_templates_from) as reader:
        first = load_templates()
        # When they are loaded again and looked up by id
        first.pop("github")
        second = load_templates()
        github = get_template("github")
    # Then the files were read once, the same objects come back, and a caller's edit does not stick
    assert reader.call_count == 1
    assert "github" in second and github is second["github"]
    assert get_template("no-such-provider") is None


def test_loader_names_the_broken_file(tmp_path: Path) -> None:
    (tmp_path / "acme.json").write_text(json.dumps(minimal()), encoding="utf-8")
    assert list(load_templates_from(tmp_path)) == ["acme"]

    (tmp_path / "other.json").write_text(json.dumps(minimal()), encoding="utf-8")
    with pytest.raises(TemplateLoadError, match=r"other\.json: id 'acme' does not match"):
        load_templates_from(tmp_path)

    (tmp_path / "other.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(TemplateLoadError, match=r"other\.json: not valid JSON"):
        load_templates_from(tmp_path)

    (tmp_path / "other.json").write_text(json.dumps(minimal(id="other", colour="red")), encoding="utf-8")
    with pytest.raises(TemplateLoadError, match=r"(?s)other\.json: .*colour"):
        load_templates_from(tmp_path)


# ---- model validation ------------------------------------------------------------------------


def test_unknown_fields_are_refused_at_every_level() -> None:
    invalid(minimal(extra=1), "extra")
    invalid(minimal(api={"baseUrl": "https://api.acme.example", "timeout": 3}), "timeout")
    invalid(oauth_minimal(oauth={"tokenUrl": "https://acme.example/t", "authorizationUrl": "https://acme.example/a",
                                 "grant": "x"}), "grant")  # fmt: skip


def test_urls_must_be_https() -> None:
    invalid(minimal(api={"baseUrl": "http://api.acme.example"}), "api.baseUrl must be an https URL")
    invalid(minimal(docsUrl="ftp://docs.acme.example"), "docsUrl must be an https URL")
    invalid(
        oauth_minimal(
            oauth={"authorizationUrl": "http://acme.example/authorize", "tokenUrl": "https://acme.example/t"}
        ),
        "oauth.authorizationUrl must be an https URL",
    )
    invalid(minimal(api={"baseUrl": "https://user:pw@api.acme.example"}), "user info")


def test_placeholders_must_be_declared_and_well_formed() -> None:
    invalid(minimal(api={"baseUrl": "https://{shop}.acme.example"}), "placeholders ['shop'] are not declared")
    invalid(minimal(api={"baseUrl": "https://{shop.acme.example"}), "braces are only allowed")
    invalid(minimal(api={"baseUrl": "{sandboxBaseUrl}/api"}), "only sandbox templates may use")
    invalid(minimal(verification={"method": "GET", "path": "/users/{userId}"}), "placeholders ['userId']")
    invalid(minimal(api={"baseUrl": "https://api.acme.example", "extraHeaders": {"X-Team": "{team}"}}), "['team']")
    declared = minimal(
        api={"baseUrl": "https://{shop}.acme.example"},
        connectionConfig=[{"name": "shop", "label": "Shop"}],
    )
    assert ProviderTemplate.model_validate(declared).connection_config[0].name == "shop"


def test_sandbox_urls_must_start_with_the_sandbox_base() -> None:
    invalid(minimal(id="sandbox-x", api={"baseUrl": "https://api.acme.example"}), "start with {sandboxBaseUrl}")
    invalid(minimal(id="sandbox-x", api={"baseUrl": "{sandboxBaseUrl}.evil.example"}), "comes a path")
    ok = ProviderTemplate.model_validate(minimal(id="sandbox-x", api={"baseUrl": "{sandboxBaseUrl}/v1"}))
    assert ok.is_sandbox


def test_auth_modes_require_their_sections() -> None:
    invalid(minimal(authMode="oauth2", credentialFields=[]), "authMode 'oauth2' requires oauth")
    invalid(oauth_minimal(oauth={"tokenUrl": "https://acme.example/t"}), "requires oauth.authorizationUrl")
    invalid(minimal(credentialFields=[]), "authMode 'api_key' requires credentialFields")
    invalid(minimal(authMode="basic"), "'username' and 'password'")
    invalid(minimal(authMode="custom"), "customAuth is required")
    invalid(
        oauth_minimal(authMode="oauth2_client_credentials", oauth={"tokenUrl": "https://acme.example/t"}),
        "clientId and clientSecret",
    )
    invalid(minimal(verification={"method": "AWS_STS", "path": "GetCallerIdentity"}), "AWS_STS")


def test_oauth_params_cannot_override_what_the_hub_sets() -> None:
    oauth = {"authorizationUrl": "https://acme.example/a", "tokenUrl": "https://acme.example/t"}
    invalid(oauth_minimal(oauth={**oauth, "authorizationParams": {"redirect_uri": "https://evil.example"}}),
            "may not set ['redirect_uri']")  # fmt: skip
    invalid(oauth_minimal(oauth={**oauth, "authorizationParams": {"response_type": "token"}}), "must be 'code'")
    invalid(oauth_minimal(oauth={**oauth, "tokenParams": {"client_secret": "x"}}), "may not set ['client_secret']")
    invalid(oauth_minimal(oauth={**oauth, "tokenClientAuth": "json", "tokenBodyFormat": "form"}), "must be 'json'")
    json_auth = ProviderTemplate.model_validate(oauth_minimal(oauth={**oauth, "tokenClientAuth": "json"}))
    assert json_auth.oauth is not None and json_auth.oauth.token_body_format == "json"


def test_capabilities_and_requests_go_together() -> None:
    invalid(minimal(capabilities={"search": True}), "capabilities.search")
    invalid(minimal(sync={"method": "GET", "path": "/items", "itemsPath": "items"}), "capabilities.sync")
    invalid(minimal(verification={"method": "GET", "path": "https://evil.example/me"}), "relative to the API base")
    invalid(minimal(verification={"method": "GET", "path": "//evil.example/me"}), "relative to the API base")


def test_field_rules() -> None:
    invalid(minimal(credentialFields=[{"name": "apiKey", "label": "Key", "type": "secret"}]), "requires secret: true")
    invalid(minimal(credentialFields=[{"name": "apiKey", "label": "K", "secret": True, "default": "x"}]), "default")
    invalid(minimal(credentialFields=[{"name": "apiKey", "label": "K", "secret": True, "pattern": "("}]), "regular")
    invalid(minimal(connectionConfig=[{"name": "shop", "label": "Shop", "default": "a/b"}]), "hostname or label")


KEY = {"name": "apiKey", "label": "Key", "type": "secret", "secret": True}
ACME = "https://api.acme.example"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"credentialFields": [{**KEY, "secret": True, "generated": True}]}, "generated field"),
        ({"connectionConfig": [{"name": "r", "label": "R", "pattern": "^[a-z]+$", "default": "EU1"}]}, "pattern"),
        ({"api": {}}, "baseUrl or baseUrlFromToken"),
        ({"api": {"baseUrl": ACME, "apiKeyIn": "query"}}, "needs apiKeyName"),
        ({"api": {"baseUrl": ACME, "extraHeaders": {"X-A": "a\r\nb"}}}, "control characters"),
        ({"credentialFields": [{**KEY, "name": "key"}]}, "credential field 'apiKey'"),
        ({"credentialFields": [{"name": "apiKey", "label": "Key"}]}, "at least one secret"),
        ({"oauth": {"tokenUrl": f"{ACME}/t"}}, "takes no oauth section"),
        ({"authMode": "custom", "customAuth": "google_service_account"}, "needs oauth.tokenUrl"),
        ({"authMode": "basic", "credentialFields": [{"name": "username", "label": "U"}, {**KEY, "name": "password"}],
          "api": {"baseUrl": ACME, "apiKeyIn": "query", "apiKeyName": "k"}}, "only applies to authMode 'api_key'"),
        ({"credentialFields": [KEY, KEY]}, "names must be unique"),
        ({"connectionConfig": [{"name": "apiKey", "label": "K"}]}, "both a credential and a config field"),
        ({"connectionConfig": [{"name": "sandboxBaseUrl", "label": "S"}]}, "reserved names"),
        ({"docsUrl": "https://docs.acme.example/{x}"}, "cannot hold placeholders"),
        ({"authMode": "custom", "customAuth": "aws_iam_role", "verification": {"method": "AWS_STS", "path": "/"}},
         "calls GetCallerIdentity"),
        ({"verification": {"path": "/search?q=a b"}}, "spaces or control characters"),
        ({"api": {"baseUrlFromToken": {"field": "instance_url", "allowedHostSuffixes": [".acme.example"]}}},
         "must be listed in oauth.tokenResponse.extraFields"),
        ({"api": {"baseUrlFromToken": {"field": "u", "allowedHostSuffixes": [".a.example"], "pathSuffix": "v1"}}},
         "plain path"),
        ({"api": {"baseUrl": f"{ACME}/#x"}}, "may not carry a fragment"),
    ],
)  # fmt: skip
def test_inconsistent_templates_are_refused(overrides: dict[str, Any], message: str) -> None:
    invalid(minimal(**overrides), message)


# ---- rendering -------------------------------------------------------------------------------


def test_render_url_substitutes_declared_values() -> None:
    assert render_url("https://{shop}.myshopify.com/admin", {"shop": "acme-store"}) == (
        "https://acme-store.myshopify.com/admin"
    )
    assert render_url("https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token", {"tenant": "contoso.com"}) == (
        "https://login.microsoftonline.com/contoso.com/oauth2/v2.0/token"
    )
    assert render_url("/company/{realmId}/companyinfo/{realmId}", {"realmId": "9130"}) == (
        "/company/9130/companyinfo/9130"
    )


@pytest.mark.parametrize(
    "value",
    ["evil.com/x", "a@b", "evil.com:8080", "evil.com?x=", "evil.com#", "a b", "-shop", "shop-", "..", "a..b",
     "%2e", "évil", "a\\b", "a\nb", "x" * 64],
)  # fmt: skip
def test_render_url_rejects_values_that_could_change_the_host_or_path(value: str) -> None:
    # Given a URL with a shop placeholder and a hostile value
    # When it is rendered
    with pytest.raises(ValidationError) as caught:
        render_url("https://{shop}.myshopify.com/admin", {"shop": value})
    # Then the error names the field and never repeats the value
    assert caught.value.details == {"field": "shop"}
    assert caught.value.status_code == 400
    assert value not in caught.value.message


def test_render_url_names_a_missing_field() -> None:
    with pytest.raises(ValidationError, match="'subdomain' is required") as caught:
        render_url("https://{subdomain}.zendesk.com", {})
    assert caught.value.details == {"field": "subdomain"}


@pytest.mark.parametrize("host", ["169.254.169.254", "127.0.0.1", "localhost", "internal", "a.localhost", "10.0.0.1"])
def test_render_url_refuses_whole_host_placeholders_that_are_not_public_names(host: str) -> None:
    with pytest.raises(ValidationError, match="public host name") as caught:
        render_url("https://{storeHost}/wp-json/wc/v3", {"storeHost": host})
    assert caught.value.details == {"fields": ["storeHost"]}
    assert render_url("https://{storeHost}/wp-json/wc/v3", {"storeHost": "shop.example.com"}) == (
        "https://shop.example.com/wp-json/wc/v3"
    )


def test_sandbox_base_url_comes_from_settings_never_from_config(sandbox_url: str) -> None:
    rendered = render_url("{sandboxBaseUrl}/oauth/token", {"sandboxBaseUrl": "https://evil.example"})
    assert rendered == f"{sandbox_url}/oauth/token"
    with pytest.raises(ValidationError, match="may only start a URL"):
        render_url("https://acme.example/{sandboxBaseUrl}", {})


def test_sandbox_base_url_must_be_configured_and_loopback_when_http(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HUB_SANDBOX_BASE_URL", raising=False)
    reset_settings()
    with pytest.raises(ValidationError, match="not configured") as caught:
        render_url("{sandboxBaseUrl}/api/me", {})
    assert caught.value.details == {"field": "sandboxBaseUrl"}
    monkeypatch.setenv("HUB_SANDBOX_BASE_URL", "http://sandbox.example.com")
    reset_settings()
    with pytest.raises(ValidationError, match="http on loopback"):
        render_url("{sandboxBaseUrl}/api/me", {})
    monkeypatch.setenv("HUB_SANDBOX_BASE_URL", "https://sandbox.example.com/?x=1")
    reset_settings()
    with pytest.raises(ValidationError, match="plain base URL"):
        render_url("{sandboxBaseUrl}/api/me", {})
    reset_settings()


def test_resolve_connection_config_applies_defaults_and_patterns() -> None:
    shopify = get_template("shopify")
    assert shopify is not None
    assert resolve_connection_config(shopify, {"shop": " acme "}) == {"shop": "acme"}
    with pytest.raises(ValidationError, match="'shop' is required"):
        resolve_connection_config(shopify, {})
    with pytest.raises(ValidationError, match="invalid format") as caught:
        resolve_connection_config(shopify, {"shop": "acme.evil.com"})
    assert caught.value.details["field"] == "shop"
    with pytest.raises(ValidationError, match="Unknown connection settings") as caught:
        resolve_connection_config(shopify, {"shop": "acme", "sandboxBaseUrl": "https://evil.example"})
    assert caught.value.details == {"fields": ["sandboxBaseUrl"]}
    with pytest.raises(ValidationError, match="must be a string"):
        resolve_connection_config(shopify, {"shop": ["acme"]})

    salesforce = get_template("salesforce")
    assert salesforce is not None
    assert resolve_connection_config(salesforce, None) == {"loginHost": "login"}
    assert resolve_connection_config(salesforce, {"loginHost": "acme.my"}) == {"loginHost": "acme.my"}
    with pytest.raises(ValidationError):
        resolve_connection_config(salesforce, {"loginHost": "evil.com"})


def test_api_base_url_from_config_or_from_an_allowed_token_field() -> None:
    zendesk = get_template("zendesk")
    assert zendesk is not None
    assert api_base_url(zendesk, {"subdomain": "acme"}) == "https://acme.zendesk.com/api/v2"

    salesforce = get_template("salesforce")
    assert salesforce is not None
    fields = {"instance_url": "https://acme.my.salesforce.com/"}
    assert api_base_url(salesforce, {}, fields) == "https://acme.my.salesforce.com/services/data/v62.0"
    for bad in ("https://evil.example", "http://acme.my.salesforce.com", "https://salesforce.com.evil.example",
                "https://x@acme.my.salesforce.com", "https://acme.my.salesforce.com:8443"):  # fmt: skip
        with pytest.raises(ConnectionFailed):
            api_base_url(salesforce, {}, {"instance_url": bad})
    with pytest.raises(ValidationError, match="not known yet"):
        api_base_url(salesforce, {})


def test_json_path_value_follows_dicts_and_lists() -> None:
    document = {"data": [{"access_token": "t"}], "team": {"id": "T1"}}
    assert json_path_value(document, "data.0.access_token") == "t"
    assert json_path_value(document, "team.id") == "T1"
    assert json_path_value(document, "team.missing.deeper") is None
    assert json_path_value(document, "data.5") is None
    assert json_path_value([1, 2], "") == [1, 2]


# ---- API auth --------------------------------------------------------------------------------


def test_build_api_auth_for_each_mode() -> None:
    github = get_template("github")
    assert github is not None
    auth = build_api_auth(github, access_token="gho_abc")
    assert auth.headers["Authorization"] == "Bearer gho_abc"
    assert auth.headers["X-GitHub-Api-Version"] == "2022-11-28"

    shopify = get_template("shopify")
    assert shopify is not None
    assert build_api_auth(shopify, access_token="shpat_1").headers == {"X-Shopify-Access-Token": "shpat_1"}

    twilio = get_template("twilio")
    assert twilio is not None
    auth = build_api_auth(twilio, credentials={"username": "AC" + "0" * 32, "password": "f" * 32})
    scheme, encoded = auth.headers["Authorization"].split(" ")
    assert scheme == "Basic" and base64.b64decode(encoded).decode() == f"AC{'0' * 32}:{'f' * 32}"

    mailgun = get_template("mailgun")
    assert mailgun is not None
    encoded = build_api_auth(mailgun, credentials={"password": "key-1"}).headers["Authorization"].split(" ")[1]
    assert base64.b64decode(encoded).decode() == "api:key-1"  # the default user name

    sandbox_apikey = get_template("sandbox-apikey")
    assert sandbox_apikey is not None
    assert build_api_auth(sandbox_apikey, credentials={"apiKey": "sbx"}).headers == {"X-API-Key": "sbx"}

    trello = get_template("trello")
    assert trello is not None
    header = build_api_auth(trello, credentials={"apiKey": "k" * 32, "token": "t" * 64}).headers["Authorization"]
    assert header == f'OAuth oauth_consumer_key="{"k" * 32}", oauth_token="{"t" * 64}"'


def test_build_api_auth_omits_optional_headers_and_refuses_missing_or_unsafe_secrets() -> None:
    ads = get_template("google-ads")
    assert ads is not None
    headers = build_api_auth(ads, access_token="ya29", credentials={"developerToken": "dev"}).headers
    assert headers["developer-token"] == "dev" and "login-customer-id" not in headers
    headers = build_api_auth(
        ads, access_token="ya29", credentials={"developerToken": "dev"}, config={"loginCustomerId": "1234567890"}
    ).headers
    assert headers["login-customer-id"] == "1234567890"

    github = get_template("github")
    sendgrid = get_template("sendgrid")
    assert github is not None and sendgrid is not None
    with pytest.raises(ValidationError, match="access token is required"):
        build_api_auth(github)
    with pytest.raises(ValidationError, match="API key is required"):
        build_api_auth(sendgrid, credentials={})
    with pytest.raises(ValidationError, match="control characters") as caught:
        build_api_auth(sendgrid, credentials={"apiKey": "SG.x\r\nX-Evil: 1"})
    assert "SG.x" not in caught.value.message

    trello = get_template("trello")
    assert trello is not None
    with pytest.raises(ValidationError, match="'token' is required"):
        build_api_auth(trello, credentials={"apiKey": "k" * 32})
    with pytest.raises(ValidationError, match="control characters"):
        build_api_auth(trello, credentials={"apiKey": "k" * 32, "token": "t\nX"})
    twilio = get_template("twilio")
    assert twilio is not None
    with pytest.raises(ValidationError, match="username and a password"):
        build_api_auth(twilio, credentials={"username": "AC1"})


def test_build_api_auth_can_put_the_key_in_the_query_string() -> None:
    template = ProviderTemplate.model_validate(minimal(api={"baseUrl": ACME, "apiKeyIn": "query", "apiKeyName": "key"}))
    auth = build_api_auth(template, credentials={"apiKey": "k1"})
    assert auth.query == {"key": "k1"} and auth.headers == {}


# ---- public view -----------------------------------------------------------------------------


def test_template_summary_is_json_and_hides_the_wiring() -> None:
    for template in load_templates().values():
        summary = template_summary(template)
        text = json.dumps(summary)
        assert summary["id"] == template.id
        assert "tokenResponse" not in text and "tokenParams" not in text
    hubspot = template_summary(get_template("hubspot"))  # type: ignore[arg-type]
    assert hubspot["authMode"] == "oauth2" and hubspot["category"] == "crm"
    assert hubspot["oauth"]["tokenUrl"] == "https://api.hubapi.com/oauth/v1/token"
    assert hubspot["capabilities"]["search"] is True
    aws = template_summary(get_template("aws"))  # type: ignore[arg-type]
    assert aws["oauth"] is None and aws["customAuth"] == "aws_iam_role"
    assert [f["name"] for f in aws["credentialFields"]] == ["roleArn", "externalId"]


# The providers below document PKCE (RFC 7636) for their authorization code flow; issue 14
# found them with PKCE off, which let a leaked code be redeemed without the verifier.
PKCE_DOCUMENTED = ["atlassian", "bitbucket", "box", "discord", "facebook", "github", "hubspot", "instagram",
                   "intercom", "mailchimp", "notion", "quickbooks", "shopify", "tiktok-ads", "zendesk"]


@pytest.mark.parametrize("template_id", PKCE_DOCUMENTED)
def test_pkce_is_on_where_the_provider_supports_it_and_the_source_is_noted(template_id: str) -> None:
    from hub.providers.templates import get_template

    template = get_template(template_id)
    assert template is not None and template.oauth is not None and template.oauth.pkce
    assert template.sources.get("oauth.pkce", "").startswith("https://")
