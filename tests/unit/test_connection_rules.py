"""Pure connection rules: reading token responses with template rules, the state format, the
authorization URL, credential checks, the effective provider spec, Google service-account
assertions."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest

from hub.connections.oauth import build_authorization_url, outcome_url
from hub.connections.record import effective_status, refresh_due_at
from hub.connections.spec import ProviderSpec, spec_from_records
from hub.connections.state import new_pkce_verifier, new_state, pkce_challenge, state_hash, tenant_of_state
from hub.connections.tokens import TokenRequestRejected, TokenSet, parse_token_response
from hub.errors import ValidationError
from hub.providers.templates import OAuthSpec, TokenResponseSpec, get_template

NOW = 1_800_000_000.0


def _rules(**kwargs: Any) -> TokenResponseSpec:
    return TokenResponseSpec.model_validate(kwargs)


# ---- token responses ---------------------------------------------------------------------


def test_a_standard_token_response() -> None:
    tokens = parse_token_response(_rules(), {"access_token": "at-123456", "refresh_token": "rt-123456",
                                             "expires_in": 3600, "scope": "a b", "token_type": "Bearer"}, NOW)
    assert tokens.access_token == "at-123456" and tokens.refresh_token == "rt-123456"
    assert tokens.expires_at == NOW + 3600 and tokens.scopes == ("a", "b") and tokens.token_type == "Bearer"


@pytest.mark.parametrize(("body", "rules", "expected"), [
    ({"access_token": "x" * 8, "expires_in": "7200"}, {}, NOW + 7200),  # string expiry
    ({"access_token": "x" * 8, "expires_in": 90}, {"expiresInUnit": "minutes"}, NOW + 5400),
    ({"access_token": "x" * 8, "expires_in": 5000}, {"expiresInUnit": "milliseconds"}, NOW + 5),
    ({"access_token": "x" * 8}, {"defaultLifetimeSeconds": 3600}, NOW + 3600),  # missing: the default
    ({"access_token": "x" * 8}, {}, None),  # missing and no default: does not expire
    ({"access_token": "x" * 8, "expires_in": 0}, {"defaultLifetimeSeconds": 600}, NOW + 600),
    ({"access_token": "x" * 8, "expires_at": "2027-01-15T10:00:00Z"}, {"expiresAtPath": "expires_at"},
     NOW + 7200),  # NOW is 2027-01-15T08:00:00Z
    ({"access_token": "x" * 8, "exp": 1_900_000_000_000}, {"expiresAtPath": "exp"}, 1_900_000_000.0),
])
def test_expiry_rules(body: dict[str, Any], rules: dict[str, Any], expected: float | None) -> None:
    assert parse_token_response(_rules(**rules), body, NOW).expires_at == expected


def test_nested_paths_list_scopes_and_extra_fields() -> None:
    rules = _rules(accessTokenPath="data.access_token", refreshTokenPath="data.refresh_token",
                   expiresInPath="data.expires_in", scopePath="data.scope", extraFields=["data.open_id", "team.id"])
    body = {"data": {"access_token": "nested-at", "expires_in": 60, "scope": ["x", "y"], "open_id": "u1"},
            "team": {"id": "T1"}}
    tokens = parse_token_response(rules, body, NOW)
    assert tokens.access_token == "nested-at" and tokens.refresh_token is None
    assert tokens.scopes == ("x", "y") and tokens.extra == {"data.open_id": "u1", "team.id": "T1"}


def test_comma_separated_scopes_and_no_scope() -> None:
    oauth = OAuthSpec.model_validate({"tokenUrl": "https://p.example.com/t", "scopeSeparator": ","})
    assert parse_token_response(oauth, {"access_token": "abcdefgh", "scope": "a,b"}, NOW).scopes == ("a", "b")
    assert parse_token_response(oauth, {"access_token": "abcdefgh"}, NOW).scopes is None


def test_a_response_without_an_access_token_is_refused() -> None:
    with pytest.raises(TokenRequestRejected) as caught:
        parse_token_response(_rules(), {"refresh_token": "r" * 10}, NOW)
    assert caught.value.code == "OAUTH_FAILED"


def test_a_token_set_never_shows_its_tokens() -> None:
    tokens = TokenSet(access_token="secret-access-1", refresh_token="secret-refresh-1")
    assert "secret" not in repr(tokens) and "secret" not in str(tokens)


# ---- state and PKCE ----------------------------------------------------------------------


def test_a_state_routes_to_its_tenant_and_has_256_random_bits() -> None:
    state = new_state("acme.eu")
    _prefix, random_part = state.rsplit(".", 1)
    assert tenant_of_state(state) == "acme.eu" and len(random_part) == 43
    assert new_state("acme.eu") != state
    assert len(state_hash(state)) == 64


@pytest.mark.parametrize("bad", ["", "abc", "YWNtZQ.short", "!!!!.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                                 "Lw.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"])
def test_malformed_states_name_no_tenant(bad: str) -> None:
    assert tenant_of_state(bad) is None


def test_pkce_s256() -> None:
    verifier = new_pkce_verifier()
    assert 43 <= len(verifier) <= 128
    # RFC 7636 appendix B
    verifier_b = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
    assert pkce_challenge(verifier_b) == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"


# ---- authorization URL and outcome ------------------------------------------------------


def _spec(oauth: dict[str, Any], client_id: str | None = "cid") -> ProviderSpec:
    return ProviderSpec(provider_id="p", provider={"id": "p"}, template=None, auth_mode="oauth2", custom_auth=None,
                        oauth=OAuthSpec.model_validate({"tokenUrl": "https://p.example.com/token", **oauth}),
                        client_id=client_id, credential_fields=())


def test_the_authorization_url_follows_the_template() -> None:
    spec = _spec({"authorizationUrl": "https://p.example.com/auth?prompt=consent", "scopeSeparator": ",",
                  "authorizationParams": {"access_type": "offline"}, "clientIdParam": "client_key"})
    url = build_authorization_url(spec, redirect_uri="https://hub.example.com/cb", state="s", scopes=["a", "b"],
                                  code_challenge="c" * 43)
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    assert parts.netloc == "p.example.com" and parts.path == "/auth"
    assert query == {"prompt": "consent", "response_type": "code", "access_type": "offline", "client_key": "cid",
                     "redirect_uri": "https://hub.example.com/cb", "scope": "a,b", "state": "s",
                     "code_challenge": "c" * 43, "code_challenge_method": "S256"}


def test_plus_separated_scopes_are_form_encoded_spaces() -> None:
    spec = _spec({"authorizationUrl": "https://p.example.com/auth", "scopeSeparator": "+"})
    url = build_authorization_url(spec, redirect_uri="https://h/cb", state="s", scopes=["a", "b"], code_challenge=None)
    assert "scope=a+b" in url and "code_challenge" not in url


def test_a_provider_without_a_client_cannot_build_an_authorization_url() -> None:
    spec = _spec({"authorizationUrl": "https://p.example.com/auth"}, client_id=None)
    with pytest.raises(Exception) as caught:
        build_authorization_url(spec, redirect_uri="https://h/cb", state="s", scopes=[], code_challenge=None)
    assert getattr(caught.value, "code", None) == "PROVIDER_NOT_CONFIGURED"


def test_the_outcome_replaces_same_named_parameters_and_keeps_the_rest() -> None:
    url = outcome_url("https://app.example.com/done?tab=1&status=old#frag", {"status": "connected", "x": None})
    assert url == "https://app.example.com/done?tab=1&status=connected#frag"


# ---- effective spec --------------------------------------------------------------------------


def test_the_provider_record_overrides_the_template() -> None:
    provider = {"id": "gh", "templateId": "github", "authType": "oauth2",
                "oauthConfig": {"clientId": "cid", "scopes": ["repo"], "tokenClientAuth": "basic"}}
    spec = spec_from_records(provider)
    assert spec.template_id == "github" and spec.client_id == "cid"
    assert spec.oauth is not None and spec.oauth.default_scopes == ["repo"]
    assert spec.oauth.token_client_auth == "basic"
    template = get_template("github")
    assert template is not None and template.oauth is not None
    assert spec.oauth.token_url == template.oauth.token_url


def test_connection_settings_fill_placeholders_and_are_checked() -> None:
    provider = {"id": "shop", "templateId": "shopify", "oauthConfig": {"clientId": "cid"}}
    spec = spec_from_records(provider, {"connectionConfig": {"shop": "my-shop"}})
    assert "my-shop" in spec.token_url()
    with pytest.raises(ValidationError):
        spec_from_records(provider, {"connectionConfig": {"shop": "evil.com/x"}})
    with pytest.raises(ValidationError):
        spec_from_records(provider, {"connectionConfig": {"unknown": "x"}})


def test_a_provider_without_a_template_uses_its_own_endpoints() -> None:
    provider = {"id": "custom", "authType": "oauth2",
                "oauthConfig": {"clientId": "c", "authorizationUrl": "https://id.example.com/auth",
                                "tokenUrl": "https://id.example.com/token", "scopes": ["openid"]}}
    spec = spec_from_records(provider)
    assert spec.template_id is None and spec.is_authorization_code and spec.scopes(["email"]) == ["openid", "email"]
    assert spec_from_records({"id": "k", "authType": "api_key"}).credential_fields[0].name == "apiKey"


# ---- status and due times ----------------------------------------------------------------------


def test_an_active_connection_past_its_expiry_without_renewal_is_expired() -> None:
    assert effective_status({"status": "active", "expiresAt": NOW - 1}, NOW) == "expired"
    assert effective_status({"status": "active", "expiresAt": NOW - 1, "refreshMode": "refresh_token"}, NOW) == "active"
    assert effective_status({"status": "active"}, NOW) == "active"


def test_refresh_is_due_a_buffer_before_expiry_but_never_in_the_past() -> None:
    assert refresh_due_at(NOW + 3600, 300, NOW) == NOW + 3300
    assert refresh_due_at(NOW + 120, 300, NOW) == NOW + 60
    assert refresh_due_at(None, 300, NOW) is None


# ---- credentials ---------------------------------------------------------------------------


def test_credential_fields_are_checked_without_echoing_values(monkeypatch: pytest.MonkeyPatch) -> None:
    from hub.connections.credentials import validate_credentials

    spec = spec_from_records({"id": "sg", "templateId": "sendgrid"})
    assert "apiKey" in {f.name for f in spec.credential_fields}
    with pytest.raises(ValidationError) as caught:
        validate_credentials(spec, {"apiKey": "key-123", "nope": "x"}, tenant_id="acme")
    assert caught.value.details["fields"] == ["nope"]
    with pytest.raises(ValidationError) as caught:
        validate_credentials(spec, {}, tenant_id="acme")
    assert "required" in caught.value.message and "key-123" not in str(caught.value.details)


def test_a_google_service_account_assertion_is_a_valid_rs256_jwt() -> None:
    import jwt
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    from hub.connections.credentials import service_account_assertion

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption()).decode()
    key_json = json.dumps({"type": "service_account", "client_email": "sa@proj.iam.gserviceaccount.com",
                           "private_key": pem, "private_key_id": "kid1",
                           "token_uri": "https://evil.example.net/token"})
    spec = spec_from_records({"id": "gcp", "templateId": "google-cloud-service-account"})
    assertion = service_account_assertion(spec, key_json, now=NOW)
    claims = jwt.decode(assertion, key.public_key(), algorithms=["RS256"], audience="https://oauth2.googleapis.com/token",
                        options={"verify_exp": False, "verify_iat": False})
    assert claims["iss"] == "sa@proj.iam.gserviceaccount.com"
    assert claims["scope"] == "https://www.googleapis.com/auth/cloud-platform"
    assert claims["exp"] - claims["iat"] == 3600
    assert jwt.get_unverified_header(assertion)["kid"] == "kid1"
    with pytest.raises(ValidationError):
        service_account_assertion(spec, json.dumps({"type": "service_account", "client_email": "x",
                                                    "private_key": "not a key"}))


def test_a_service_account_login_uses_the_jwt_bearer_grant(monkeypatch: pytest.MonkeyPatch) -> None:
    from hub.connections import credentials, tokens

    sent: dict[str, Any] = {}

    def fake_post(url: str, params: dict[str, str], **kwargs: Any) -> dict[str, Any]:
        sent.update(url=url, params=params, **kwargs)
        return {"access_token": "ya29.fake-token", "expires_in": 3599, "token_type": "Bearer"}

    monkeypatch.setattr(tokens, "post_token_endpoint", fake_post)
    monkeypatch.setattr(credentials, "service_account_assertion", lambda spec, key: "signed.jwt.assertion")
    spec = spec_from_records({"id": "gcp", "templateId": "google-cloud-service-account"})
    token = credentials.acquire_token(spec, {"serviceAccountKey": "{}"})
    assert token is not None and token.access_token == "ya29.fake-token"
    assert sent["url"] == "https://oauth2.googleapis.com/token"
    assert sent["params"] == {"grant_type": "urn:ietf:params:oauth:grant-type:jwt-bearer",
                              "assertion": "signed.jwt.assertion"}
    assert sent["client_id"] is None and sent["client_secret"] is None


def test_a_client_credentials_login_uses_the_tenants_own_client(monkeypatch: pytest.MonkeyPatch) -> None:
    from hub.connections import credentials, tokens

    sent: dict[str, Any] = {}

    def fake_post(url: str, params: dict[str, str], **kwargs: Any) -> dict[str, Any]:
        sent.update(url=url, params=params, **kwargs)
        return {"access_token": "cc-token-1234", "expires_in": 3600}

    monkeypatch.setattr(tokens, "post_token_endpoint", fake_post)
    spec = spec_from_records({"id": "azsp", "templateId": "azure-service-principal"},
                             {"connectionConfig": {"tenant": "contoso.onmicrosoft.com"}})
    token = credentials.acquire_token(spec, {"clientId": "app-id", "clientSecret": "app-secret-123"})
    assert token is not None and token.access_token == "cc-token-1234"
    assert sent["params"]["grant_type"] == "client_credentials"
    assert sent["client_id"] == "app-id" and sent["client_secret"] == "app-secret-123"
    assert "contoso.onmicrosoft.com" in sent["url"]


@pytest.mark.parametrize(("public_url", "path"), [
    ("https://api.example.com", "/api/integrations/oauth"),
    ("https://api.example.com/hub/", "/hub/api/integrations/oauth"),
    ("https://example.com/v1/hub", "/v1/hub/api/integrations/oauth"),
])
def test_the_oauth_cookie_path_follows_the_public_api_urls_base_path(monkeypatch, public_url, path) -> None:
    # Given the hub behind a custom domain with a base path
    from hub.connections.oauth import browser_cookie
    from hub.settings import reset_settings

    monkeypatch.setenv("HUB_PUBLIC_API_URL", public_url)
    reset_settings()
    try:
        # When the start route sets its cookie / Then the browser sends it back to the callback there
        cookie = browser_cookie("hub_oauth_x", "v", 60)
        assert cookie.path == path and cookie.secure
    finally:
        monkeypatch.delenv("HUB_PUBLIC_API_URL")
        reset_settings()
