"""Provider templates: what the hub knows about one provider, as data.

One JSON file per provider in `templates/` (file name = template id), validated by
`ProviderTemplate` when first loaded. A template says how to authorize (OAuth endpoints, or the
credential fields of an API key / basic / custom login), how to call the provider's API, how to
verify a connection, and how a manual sync or a search runs. docs/providers.md describes every
field; adding a provider means adding one JSON file.

URLs may carry `{name}` placeholders filled from the connection's `connectionConfig` values
(a Shopify shop, a Zendesk subdomain). Values are checked against a strict hostname-label
pattern before substitution so that a tenant cannot point the hub at another host.
`{sandboxBaseUrl}` is special: only the sandbox templates may use it, and it is filled from the
`HUB_SANDBOX_BASE_URL` setting, never from tenant input.
"""

# S105 flags field names such as "access_token" and "client_secret": they are JSON keys and
# parameter names here, never secret values.
# ruff: noqa: S105

import base64
import ipaddress
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Annotated, Any, Literal, Self
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_serializer,
    model_validator,
)
from pydantic import ValidationError as PydanticValidationError
from pydantic.alias_generators import to_camel

from hub.answer import without_unset_nulls
from hub.errors import ConnectionFailed, ValidationError
from hub.inbound.spec import InboundWebhookSpec
from hub.settings import get_settings

TEMPLATES_DIR = Path(__file__).with_name("templates")
SANDBOX_PLACEHOLDER = "sandboxBaseUrl"
# `{accessToken}` may appear in header templates of OAuth providers
ACCESS_TOKEN_PLACEHOLDER = "accessToken"

Category = Literal[
    "crm",
    "marketing",
    "social",
    "advertising",
    "ecommerce",
    "payments",
    "communication",
    "productivity",
    "calendar",
    "storage",
    "developer",
    "analytics",
    "support",
    "accounting",
    "cloud",
    "automation",
    "hr",
    "other",
]
AuthMode = Literal["oauth2", "oauth2_client_credentials", "api_key", "basic", "custom"]
OAUTH_MODES: frozenset[str] = frozenset({"oauth2", "oauth2_client_credentials"})
# how connection code logs in for authMode "custom"
CustomAuth = Literal["aws_iam_role", "aws_access_keys", "google_service_account"]
HttpMethod = Literal["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"]

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=64)]
FieldName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z][A-Za-z0-9_]{0,63}$")]
Text = Annotated[str, StringConstraints(min_length=1, max_length=500)]
LongText = Annotated[str, StringConstraints(min_length=1, max_length=2000)]
HeaderName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$")]
ParamName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_.\[\]-]{1,100}$")]
# dotted path into a JSON document: `data.access_token`, `data.0.user_id`
JsonPath = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_$@:-]+(?:\.[A-Za-z0-9_$@:-]+)*$", max_length=200)]
# same, or "" for "the response itself" (APIs that return a bare JSON array)
ItemsPath = Annotated[
    str, StringConstraints(pattern=r"^(?:[A-Za-z0-9_$@:-]+(?:\.[A-Za-z0-9_$@:-]+)*)?$", max_length=200)
]

_PLACEHOLDER = re.compile(r"\{([A-Za-z][A-Za-z0-9_]*)\}")
# a DNS hostname or a single label (1-63 chars each, letters/digits/hyphens, no leading/trailing
# hyphen): nothing that could end the host ("/", "@", ":", "?", "#", "%", "\\", spaces)
_SAFE_VALUE = re.compile(
    r"^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$"
)
_HOST_SUFFIX = re.compile(r"^\.[a-z0-9-]+(?:\.[a-z0-9-]+)+$")
_CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f]")
# an HTTP header carries printable ASCII only (httpx encodes header values as ASCII)
_NOT_HEADER_TEXT = re.compile(r"[^\x20-\x7e]")
_LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})

# parameters the OAuth code sets itself; a template must not override them
_RESERVED_AUTHORIZATION_PARAMS = frozenset(
    {"client_id", "client_secret", "redirect_uri", "state", "scope", "code_challenge", "code_challenge_method"}
)
_RESERVED_TOKEN_PARAMS = frozenset(
    {"client_id", "client_secret", "code", "code_verifier", "redirect_uri", "refresh_token"}
)


class _Spec(BaseModel):
    """Templates are read from camelCase JSON; Python code uses the snake_case attributes."""

    model_config = ConfigDict(defer_build=True, extra="forbid", frozen=True, alias_generator=to_camel)

    # a section shown in an answer (e.g. a provider's `verification`) says only what it was given
    @model_serializer(mode="wrap")
    def _omit_unset_nulls(self, handler: SerializerFunctionWrapHandler):  # type: ignore[no-untyped-def]
        return without_unset_nulls(self, handler(self))


def placeholders(text: str) -> list[str]:
    """The `{name}` placeholders of a URL, path or header template, in order."""
    return _PLACEHOLDER.findall(text)


def _check_braces(text: str, what: str) -> None:
    if "{" in _PLACEHOLDER.sub("", text) or "}" in _PLACEHOLDER.sub("", text):
        raise ValueError(f"{what}: braces are only allowed around placeholder names, like {{shop}}")


def _check_pattern(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"pattern is not a valid regular expression: {exc}") from exc
    return pattern


# a regular expression a whole value must match (re.fullmatch)
Pattern = Annotated[str, StringConstraints(min_length=1, max_length=500), AfterValidator(_check_pattern)]


# ---- fields a tenant fills in --------------------------------------------------------------


class CredentialField(_Spec):
    """A credential the tenant enters (API key, password, service-account key, role ARN)."""

    name: FieldName
    label: Text
    type: Literal["string", "secret", "url", "json", "email"] = "string"
    required: bool = True
    secret: bool = False
    pattern: Pattern | None = None
    description: LongText | None = None
    # a non-secret value used when the tenant leaves the field empty (Mailgun's user "api")
    default: str | None = None
    # the hub creates this value (AWS ExternalId); the tenant copies it, never sends it
    generated: bool = False

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.type == "secret" and not self.secret:
            raise ValueError(f"credential field {self.name!r}: type 'secret' requires secret: true")
        if self.secret and self.default is not None:
            raise ValueError(f"credential field {self.name!r}: a secret field cannot have a default")
        if self.generated and self.secret:
            raise ValueError(f"credential field {self.name!r}: a generated field is shown to the tenant")
        return self


class ConfigField(_Spec):
    """Account configuration (not secret) that fills `{name}` placeholders in URLs and paths."""

    name: FieldName
    label: Text
    required: bool = True
    pattern: Pattern | None = None
    description: LongText | None = None
    default: str | None = None
    example: str | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        for value, what in ((self.default, "default"), (self.example, "example")):
            if value is not None and not _SAFE_VALUE.fullmatch(value):
                raise ValueError(f"config field {self.name!r}: {what} must be a hostname or label")
            if value is not None and self.pattern and not re.fullmatch(self.pattern, value):
                raise ValueError(f"config field {self.name!r}: {what} does not match its pattern")
        return self


# ---- OAuth -------------------------------------------------------------------------------


class TokenResponseSpec(_Spec):
    """Where the values sit in the token endpoint's JSON response (dotted paths)."""

    access_token_path: JsonPath = "access_token"
    refresh_token_path: JsonPath = "refresh_token"
    expires_in_path: JsonPath = "expires_in"
    expires_in_unit: Literal["seconds", "milliseconds", "minutes", "hours"] = "seconds"
    expires_at_path: JsonPath | None = None
    scope_path: JsonPath = "scope"
    token_type_path: JsonPath = "token_type"
    # lifetime to assume when the response carries no expiry (None: the token does not expire)
    default_lifetime_seconds: int | None = Field(default=None, ge=60, le=10 * 365 * 24 * 3600)
    # response values kept with the connection (not secrets), e.g. Salesforce's instance_url
    extra_fields: list[JsonPath] = []


class OAuthSpec(_Spec):
    authorization_url: str | None = None
    token_url: str
    # when the provider refreshes at another endpoint than token_url
    refresh_url: str | None = None
    # RFC 7009 revocation endpoint (form POST `token`, optional `token_type_hint`)
    revocation_url: str | None = None
    revocation_token_type_hint: Literal["access_token", "refresh_token"] | None = None
    # RFC 9207: when set, an authorization response carrying `iss` must carry this value
    issuer: str | None = None
    # how a grant is checked when the template has no verification request
    # (hub/connections/verify.py): OpenID Connect userinfo (GET with the access token), else
    # RFC 7662 introspection (POST with the platform's client; `active` must be true)
    userinfo_url: str | None = None
    introspection_url: str | None = None
    # the server's metadata says `authorization_response_iss_parameter_supported`: a response
    # WITHOUT `iss` is refused too (RFC 9207 §2.4)
    authorization_response_iss_parameter_supported: bool = False
    default_scopes: list[Annotated[str, StringConstraints(pattern=r"^[^\s,]{1,200}$")]] = []
    scope_separator: Literal[" ", ",", "+"] = " "
    pkce: bool = False
    # how the client authenticates at the token endpoint: HTTP Basic, form body, or JSON body
    token_client_auth: Literal["basic", "body", "json"] = "body"
    # encoding of the token request body; "json" is implied by token_client_auth "json"
    token_body_format: Literal["form", "json"] = "form"
    # parameter names for providers that rename the standard ones (TikTok: client_key)
    client_id_param: ParamName = "client_id"
    client_secret_param: ParamName = "client_secret"
    code_param: ParamName = "code"
    authorization_params: dict[ParamName, str] = {}
    token_params: dict[ParamName, str] = {}
    refresh_params: dict[ParamName, str] = {}
    # query parameters of the authorization callback kept with the connection (QuickBooks realmId)
    callback_fields: list[FieldName] = []
    # a factory, not an instance: an instance would build the model's validator at import (bench/imports.py)
    token_response: TokenResponseSpec = Field(default_factory=TokenResponseSpec)
    refresh_buffer_seconds: int | None = Field(default=None, ge=0, le=24 * 3600)
    # the provider issues a new refresh token on every refresh and invalidates the old one
    refresh_token_rotates: bool = False

    @model_validator(mode="before")
    @classmethod
    def _json_auth_implies_json_body(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("tokenClientAuth") == "json" and "tokenBodyFormat" not in data:
            data = {**data, "tokenBodyFormat": "json"}
        return data

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.token_client_auth == "json" and self.token_body_format != "json":
            raise ValueError("tokenClientAuth 'json' sends a JSON body: tokenBodyFormat must be 'json'")
        reserved = sorted(set(self.authorization_params) & _RESERVED_AUTHORIZATION_PARAMS)
        if reserved:
            raise ValueError(f"authorizationParams may not set {reserved}: the hub sets them")
        if self.authorization_params.get("response_type", "code") != "code":
            raise ValueError("authorizationParams.response_type must be 'code' (authorization code flow)")
        for name, params in (("tokenParams", self.token_params), ("refreshParams", self.refresh_params)):
            reserved = sorted(set(params) & _RESERVED_TOKEN_PARAMS)
            if reserved:
                raise ValueError(f"{name} may not set {reserved}: the hub sets them")
        return self


# ---- API calls ---------------------------------------------------------------------------


class TokenBaseUrl(_Spec):
    """The API base URL comes from a token-response field (Salesforce instance_url)."""

    field: JsonPath
    # the value must be an https URL whose host ends with one of these (".salesforce.com")
    allowed_host_suffixes: list[Annotated[str, StringConstraints(pattern=_HOST_SUFFIX.pattern)]] = Field(min_length=1)
    path_suffix: str = ""

    @field_validator("path_suffix")
    @classmethod
    def _path(cls, value: str) -> str:
        if value and (not value.startswith("/") or value.startswith("//") or "{" in value or "?" in value):
            raise ValueError("pathSuffix must be a plain path starting with '/'")
        return value


class ApiSpec(_Spec):
    base_url: str | None = None
    base_url_from_token: TokenBaseUrl | None = None
    auth_header: HeaderName = "Authorization"
    # prefix of the auth header value: "Bearer", "Basic", "" for the raw token/key
    auth_scheme: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9._-]{0,40}$")] = "Bearer"
    # a full header-value template instead of "<scheme> <secret>", e.g. Trello's
    # 'OAuth oauth_consumer_key="{apiKey}", oauth_token="{token}"'
    auth_value: str | None = None
    # header values may hold `{field}` placeholders (config or credential fields, `{accessToken}`);
    # a header whose optional value is missing is left out
    extra_headers: dict[HeaderName, str] = {}
    api_key_in: Literal["header", "query"] = "header"
    api_key_name: ParamName | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.base_url is None and self.base_url_from_token is None:
            raise ValueError("api needs baseUrl or baseUrlFromToken")
        if self.api_key_in == "query" and not self.api_key_name:
            raise ValueError("apiKeyIn 'query' needs apiKeyName (the query parameter)")
        for text in [self.auth_value or "", *self.extra_headers.values()]:
            if _CONTROL_CHARS.search(text):
                raise ValueError("header values may not contain control characters")
            _check_braces(text, "header value")
        return self


class ApiRequest(_Spec):
    """One request relative to the API base URL. `path` may carry a query string and placeholders."""

    method: HttpMethod = "GET"
    path: str
    body: dict[str, Any] | None = None


class VerificationRequest(ApiRequest):
    """The request that proves a connection works. Method "AWS_STS" means: call the STS action
    named in `path` (GetCallerIdentity) with the assumed credentials instead of an HTTP request."""

    method: HttpMethod | Literal["AWS_STS"] = "GET"  # type: ignore[assignment]
    expected_status: list[Annotated[int, Field(ge=100, le=599)]] = Field(default=[200], min_length=1)
    # dotted path that must be present (not null) in the JSON response
    json_path: JsonPath | None = None
    # dotted path -> value the JSON response must hold (Slack: {"ok": true}, TikTok: {"code": 0})
    expected_json: dict[JsonPath, Any] = {}


class SyncSpec(ApiRequest):
    """The request a manual sync runs; `itemsPath` locates the list of records ("" = the body)."""

    items_path: ItemsPath


class SearchSpec(ApiRequest):
    """The request a search runs: the user's query goes into `queryParam` (query string or body)."""

    query_param: ParamName
    query_in: Literal["query", "body"] = "query"
    items_path: ItemsPath
    # the query parameter for the page size, when the provider takes one (else the page size is
    # whatever the path asks for); the hub asks for no more than `maxLimit`
    limit_param: ParamName | None = None
    max_limit: int = Field(default=50, ge=1, le=1000)
    # where the provider's answer holds the number of all matches (GitHub `total_count`)
    total_path: JsonPath | None = None

    @model_validator(mode="after")
    def _distinct_params(self) -> Self:
        if self.limit_param is not None and self.limit_param == self.query_param:
            raise ValueError("search.limitParam and search.queryParam must differ")
        return self


class RateLimitHeaders(_Spec):
    limit: HeaderName | None = None
    remaining: HeaderName | None = None
    reset: HeaderName | None = None
    reset_format: Literal["epoch_seconds", "epoch_milliseconds", "delta_seconds"] = "epoch_seconds"
    retry_after: HeaderName | None = None


class QuotaHint(_Spec):
    """The provider's request budget for one connection (hub/proxy/budget.py): `requests` per
    `perSeconds`, at most `burst` at once. An integration's `providerQuota` overrides it."""

    requests: int = Field(ge=1, le=1_000_000)
    per_seconds: int = Field(ge=1, le=86_400)
    burst: int | None = Field(default=None, ge=1, le=1_000_000)


class Capabilities(_Spec):
    search: bool = False
    data_entities: list[Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,63}$")]] = []
    webhooks: bool = False
    # the provider can receive published content (the `content.published` event)
    publish: bool = False
    sync: bool = False


# ---- the template ------------------------------------------------------------------------


class ProviderTemplate(_Spec):
    id: Slug
    name: Text
    display_name: Text
    description: LongText
    category: Category
    auth_mode: AuthMode
    custom_auth: CustomAuth | None = None
    docs_url: str | None = None
    logo_url: str | None = None
    oauth: OAuthSpec | None = None
    credential_fields: list[CredentialField] = []
    connection_config: list[ConfigField] = []
    api: ApiSpec
    # built-in templates always have one (the loader checks); a custom provider may have none,
    # and then its connections are answered `unverified`, never `success`
    verification: VerificationRequest | None = None
    rate_limit_headers: RateLimitHeaders | None = None
    quota: QuotaHint | None = None
    capabilities: Capabilities = Field(default_factory=Capabilities)
    sync: SyncSpec | None = None
    search: SearchSpec | None = None
    # the webhooks the provider sends to the hub (hub/inbound/spec.py, docs/inbound-webhooks.md)
    inbound_webhooks: InboundWebhookSpec | None = None
    tags: list[Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,39}$")]] = []
    status: Literal["active", "deprecated", "disabled"] = "active"
    beta: bool = False
    # where a fact in the template comes from: dotted field name -> the provider's document
    sources: dict[Annotated[str, StringConstraints(pattern=r"^[a-z][A-Za-z0-9.]{0,99}$")], str] = {}

    @property
    def is_sandbox(self) -> bool:
        """The sandbox templates talk to the local sandbox provider (`{sandboxBaseUrl}`)."""
        return self.id == "sandbox" or self.id.startswith("sandbox-")

    @property
    def is_oauth(self) -> bool:
        return self.auth_mode in OAUTH_MODES

    def credential_field(self, name: str) -> CredentialField | None:
        return next((f for f in self.credential_fields if f.name == name), None)

    @model_validator(mode="after")
    def _consistent(self, info: ValidationInfo) -> Self:
        self._check_auth_mode()
        self._check_fields()
        # a custom provider's definition (a super admin's record, `hub.connections.spec`) may
        # point at http on loopback in development; hub.urlguard checks every one of its URLs
        # on every request instead
        self._check_urls(https_only=not (info.context or {}).get("custom"))
        self._check_requests()
        self._check_capabilities()
        self._check_inbound()
        return self

    def _check_auth_mode(self) -> None:
        names = {f.name for f in self.credential_fields}
        mode = self.auth_mode
        if mode in OAUTH_MODES and self.oauth is None:
            raise ValueError(f"authMode {mode!r} requires oauth")
        if mode == "oauth2" and self.oauth is not None and not self.oauth.authorization_url:
            raise ValueError("authMode 'oauth2' requires oauth.authorizationUrl")
        if mode == "oauth2_client_credentials":
            secret = self.credential_field("clientSecret")
            if "clientId" not in names or secret is None or not secret.secret:
                raise ValueError(
                    "authMode 'oauth2_client_credentials' requires credential fields clientId and clientSecret (secret)"
                )
        if mode not in OAUTH_MODES and not self.credential_fields:
            raise ValueError(f"authMode {mode!r} requires credentialFields")
        if mode == "api_key" and "apiKey" not in names and not self.api.auth_value:
            raise ValueError("authMode 'api_key' requires a credential field 'apiKey' (or api.authValue)")
        if mode == "api_key" and not any(f.secret for f in self.credential_fields):
            raise ValueError("authMode 'api_key' requires at least one secret credential field")
        if mode == "basic" and not {"username", "password"} <= names:
            raise ValueError("authMode 'basic' requires credential fields 'username' and 'password'")
        if (mode == "custom") != (self.custom_auth is not None):
            raise ValueError("customAuth is required with authMode 'custom' and only allowed with it")
        if mode in {"api_key", "basic"} and self.oauth is not None:
            raise ValueError(f"authMode {mode!r} takes no oauth section")
        if self.custom_auth == "google_service_account" and self.oauth is None:
            raise ValueError("customAuth 'google_service_account' needs oauth.tokenUrl for the JWT grant")
        is_aws = self.custom_auth in {"aws_iam_role", "aws_access_keys"}
        if is_aws != (self.verification is not None and self.verification.method == "AWS_STS"):
            raise ValueError("verification method 'AWS_STS' is for the AWS custom modes, and they need it")
        if self.api.api_key_in == "query" and mode != "api_key":
            raise ValueError("apiKeyIn 'query' only applies to authMode 'api_key'")

    def _check_fields(self) -> None:
        credential_names = [f.name for f in self.credential_fields]
        config_names = [f.name for f in self.connection_config]
        for what, names in (("credentialFields", credential_names), ("connectionConfig", config_names)):
            if len(names) != len(set(names)):
                raise ValueError(f"{what} names must be unique")
        both = set(credential_names) & set(config_names)
        if both:
            raise ValueError(f"a name cannot be both a credential and a config field: {sorted(both)}")
        if SANDBOX_PLACEHOLDER in config_names or ACCESS_TOKEN_PLACEHOLDER in credential_names + config_names:
            raise ValueError(f"{SANDBOX_PLACEHOLDER!r} and {ACCESS_TOKEN_PLACEHOLDER!r} are reserved names")

    def _url_fields(self) -> list[tuple[str, str | None]]:
        urls: list[tuple[str, str | None]] = [("api.baseUrl", self.api.base_url)]
        if self.oauth is not None:
            urls += [
                ("oauth.authorizationUrl", self.oauth.authorization_url),
                ("oauth.tokenUrl", self.oauth.token_url),
                ("oauth.refreshUrl", self.oauth.refresh_url),
                ("oauth.revocationUrl", self.oauth.revocation_url),
                ("oauth.issuer", self.oauth.issuer),
                ("oauth.userinfoUrl", self.oauth.userinfo_url),
                ("oauth.introspectionUrl", self.oauth.introspection_url),
            ]
        return urls

    def _check_urls(self, *, https_only: bool = True) -> None:
        config_names = {f.name for f in self.connection_config}
        for field_name, source in self.sources.items():
            _check_https_url(source, f"sources.{field_name}", allow_fragment=True)
        for what, url in (("docsUrl", self.docs_url), ("logoUrl", self.logo_url)):
            if url is not None:
                if placeholders(url):
                    raise ValueError(f"{what} cannot hold placeholders")
                _check_https_url(url, what, allow_fragment=True)
        for what, url in self._url_fields():
            if url is None:
                continue
            _check_braces(url, what)
            names = placeholders(url)
            if self.is_sandbox:
                if not url.startswith("{" + SANDBOX_PLACEHOLDER + "}"):
                    raise ValueError(f"{what}: sandbox template URLs start with {{{SANDBOX_PLACEHOLDER}}}")
                rest = url[len(SANDBOX_PLACEHOLDER) + 2 :]
                if rest and (not rest.startswith("/") or rest.startswith("//")):
                    raise ValueError(f"{what}: after {{{SANDBOX_PLACEHOLDER}}} comes a path")
                names = names[1:]
            elif SANDBOX_PLACEHOLDER in names:
                raise ValueError(f"{what}: only sandbox templates may use {{{SANDBOX_PLACEHOLDER}}}")
            undeclared = sorted(set(names) - config_names)
            if undeclared:
                raise ValueError(f"{what}: placeholders {undeclared} are not declared in connectionConfig")
            if not self.is_sandbox and https_only:
                _check_https_url(_PLACEHOLDER.sub("placeholder", url), what)

    def _path_names(self) -> set[str]:
        """Names a request path may reference: config, non-secret credentials, kept token and
        callback fields (all non-secret values the connection stores)."""
        names = {f.name for f in self.connection_config}
        names |= {f.name for f in self.credential_fields if not f.secret}
        if self.oauth is not None:
            names |= {p for p in self.oauth.token_response.extra_fields if "." not in p}
            names |= set(self.oauth.callback_fields)
        return names

    def _check_requests(self) -> None:
        path_names = self._path_names()
        requests: list[tuple[str, ApiRequest]] = []
        if self.verification is not None:
            requests.append(("verification", self.verification))
        if self.sync is not None:
            requests.append(("sync", self.sync))
        if self.search is not None:
            requests.append(("search", self.search))
        for what, request in requests:
            if isinstance(request, VerificationRequest) and request.method == "AWS_STS":
                if request.path != "GetCallerIdentity":
                    raise ValueError("an AWS_STS verification calls GetCallerIdentity")
                continue
            path = request.path
            if not path.startswith("/") or path.startswith("//") or "://" in path or "#" in path:
                raise ValueError(f"{what}.path must be a path relative to the API base URL")
            if _CONTROL_CHARS.search(path) or " " in path:
                raise ValueError(f"{what}.path may not contain spaces or control characters")
            _check_braces(path, f"{what}.path")
            undeclared = sorted(set(placeholders(path)) - path_names)
            if undeclared:
                raise ValueError(f"{what}.path: placeholders {undeclared} are not declared")
        header_names = {f.name for f in self.credential_fields} | {f.name for f in self.connection_config}
        if self.is_oauth:
            header_names.add(ACCESS_TOKEN_PLACEHOLDER)
        for text in [self.api.auth_value or "", *self.api.extra_headers.values()]:
            undeclared = sorted(set(placeholders(text)) - header_names)
            if undeclared:
                raise ValueError(f"api header placeholders {undeclared} are not declared")
        from_token = self.api.base_url_from_token
        if from_token is not None and (
            self.oauth is None or from_token.field not in self.oauth.token_response.extra_fields
        ):
            raise ValueError("api.baseUrlFromToken.field must be listed in oauth.tokenResponse.extraFields")

    def _check_capabilities(self) -> None:
        if self.capabilities.search != (self.search is not None):
            raise ValueError("capabilities.search and the search request go together")
        if self.capabilities.sync != (self.sync is not None):
            raise ValueError("capabilities.sync and the sync request go together")


    def _check_inbound(self) -> None:
        inbound = self.inbound_webhooks
        if inbound is None:
            return
        if inbound.signature.key == "clientSecret" and not self.is_oauth:
            raise ValueError("inboundWebhooks.signature.key 'clientSecret' needs an OAuth provider")
        # the connection keeps these non-secret values (config, token-response and callback fields)
        known = self._path_names()
        if self.oauth is not None:
            known |= set(self.oauth.token_response.extra_fields)
        if inbound.account_lookup is not None:  # what the provider's API answers at connect
            known |= set(inbound.account_lookup.values) | set(inbound.account_lookup.confirm)
        undeclared = sorted(set(inbound.connect_placeholders()) - known)
        if undeclared:
            raise ValueError(f"inboundWebhooks.connectAccountId: {undeclared} are not values a connection keeps")


def _check_https_url(url: str, what: str, *, allow_fragment: bool = False) -> None:
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        raise ValueError(f"{what} must be an https URL")
    if parts.username is not None or parts.password is not None:
        raise ValueError(f"{what} may not carry user info")
    if parts.fragment and not allow_fragment:
        raise ValueError(f"{what} may not carry a fragment")


# ---- loading -----------------------------------------------------------------------------


class TemplateLoadError(RuntimeError):
    """A shipped template file is broken: a defect of the deployment, not of a request."""

def load_templates_from(directory: Path) -> dict[str, ProviderTemplate]:
    """Read and validate every `*.json` in `directory` (uncached; `load_templates` caches)."""
    templates: dict[str, ProviderTemplate] = {}
    for path in sorted(directory.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise TemplateLoadError(f"{path.name}: not valid JSON ({exc.msg}, line {exc.lineno})") from exc
        try:
            template = ProviderTemplate.model_validate(data)
        except PydanticValidationError as exc:
            raise TemplateLoadError(f"{path.name}: {exc}") from exc
        if template.id != path.stem:
            raise TemplateLoadError(f"{path.name}: id {template.id!r} does not match the file name")
        if template.verification is None:
            raise TemplateLoadError(f"{path.name}: a built-in template needs a verification request")
        templates[template.id] = template
    return templates


@lru_cache(maxsize=1)
def _all_templates() -> Mapping[str, ProviderTemplate]:
    return MappingProxyType(load_templates_from(TEMPLATES_DIR))


def load_templates() -> dict[str, ProviderTemplate]:
    """All built-in templates by id. Files are read once per process; the dict is a fresh copy."""
    return dict(_all_templates())


def get_template(template_id: str) -> ProviderTemplate | None:
    return _all_templates().get(template_id)


def clear_template_cache() -> None:
    _all_templates.cache_clear()


# ---- rendering ---------------------------------------------------------------------------


def _sandbox_base_url() -> str:
    base = get_settings().sandbox_base_url.strip().rstrip("/")
    if not base:
        raise ValidationError(
            "The sandbox provider is not configured on this hub (HUB_SANDBOX_BASE_URL)",
            details={"field": SANDBOX_PLACEHOLDER},
        )
    parts = urlsplit(base)
    loopback = parts.hostname in _LOOPBACK_HOSTS
    if not parts.hostname or parts.scheme not in {"http", "https"} or (parts.scheme == "http" and not loopback):
        raise ValidationError(
            "HUB_SANDBOX_BASE_URL must be an https URL, or http on loopback",
            details={"field": SANDBOX_PLACEHOLDER},
        )
    if parts.query or parts.fragment or parts.username is not None:
        raise ValidationError("HUB_SANDBOX_BASE_URL must be a plain base URL", details={"field": SANDBOX_PLACEHOLDER})
    return base


def _is_ip_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def render_url(template_url: str, config: Mapping[str, str]) -> str:
    """Fill the `{name}` placeholders of a template URL (or path) from `config`.

    Each value must be a hostname or hostname label (letters, digits, hyphens, dots), so it cannot
    end the host, add user info, or change the path. `{sandboxBaseUrl}` comes from the settings,
    never from `config`. Raises `ValidationError` naming the missing or invalid field; the
    message never repeats the value.
    """
    for index, match in enumerate(_PLACEHOLDER.finditer(template_url)):
        if match.group(1) == SANDBOX_PLACEHOLDER and (index != 0 or match.start() != 0):
            raise ValidationError(
                f"{{{SANDBOX_PLACEHOLDER}}} may only start a URL", details={"field": SANDBOX_PLACEHOLDER}
            )

    def substitute(match: re.Match[str]) -> str:
        name = match.group(1)
        if name == SANDBOX_PLACEHOLDER:
            return _sandbox_base_url()
        value = config.get(name)
        if value is None or value == "":
            raise ValidationError(f"The connection setting '{name}' is required", details={"field": name})
        if not isinstance(value, str) or not _SAFE_VALUE.fullmatch(value):
            raise ValidationError(
                f"The connection setting '{name}' must be a hostname or a hostname label "
                "(letters, digits, hyphens and dots)",
                details={"field": name},
            )
        return value

    rendered = _PLACEHOLDER.sub(substitute, template_url)
    if template_url.startswith("{" + SANDBOX_PLACEHOLDER + "}") or "://" not in template_url:
        return rendered
    # a substituted value must not turn the host into an IP literal, a bare name or localhost
    template_host = urlsplit(template_url).netloc  # not .hostname: it lowercases placeholder names
    if placeholders(template_host):
        host = (urlsplit(rendered).hostname or "").lower()
        labels = host.split(".")
        if (
            len(labels) < 2
            or _is_ip_literal(host)
            or not re.fullmatch(r"[a-z][a-z0-9-]*[a-z0-9]", labels[-1])
            or host == "localhost"
            or host.endswith(".localhost")
        ):
            fields = [name for name in placeholders(template_host) if name != SANDBOX_PLACEHOLDER]
            raise ValidationError(
                "The connection settings must name a public host name",
                details={"fields": fields},
            )
    return rendered


def resolve_connection_config(template: ProviderTemplate, config: Mapping[str, Any] | None) -> dict[str, str]:
    """Check a tenant's connection settings against the template: unknown names are refused,
    defaults filled in, required fields and patterns enforced. Returns the values to store."""
    given = dict(config or {})
    known = {f.name for f in template.connection_config}
    unknown = sorted(str(name) for name in set(given) - known)
    if unknown:
        raise ValidationError("Unknown connection settings", details={"fields": unknown})
    resolved: dict[str, str] = {}
    for spec in template.connection_config:
        raw = given.get(spec.name)
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            if spec.default is not None:
                resolved[spec.name] = spec.default
            elif spec.required:
                raise ValidationError(f"The connection setting '{spec.name}' is required", details={"field": spec.name})
            continue
        if not isinstance(raw, str):
            raise ValidationError(
                f"The connection setting '{spec.name}' must be a string", details={"field": spec.name}
            )
        value = raw.strip()
        if not _SAFE_VALUE.fullmatch(value) or (spec.pattern and not re.fullmatch(spec.pattern, value)):
            details: dict[str, Any] = {"field": spec.name}
            if spec.pattern:
                details["pattern"] = spec.pattern
            raise ValidationError(f"The connection setting '{spec.name}' has an invalid format", details=details)
        resolved[spec.name] = value
    return resolved


def _lookup(document: Mapping[str, Any] | list[Any], path: str) -> Any:
    """Follow a dotted path (`data.0.id`) through dicts and lists; None when absent."""
    current: Any = document
    for part in path.split("."):
        if isinstance(current, Mapping):
            current = current.get(part)
        elif isinstance(current, list) and part.isdigit() and int(part) < len(current):
            current = current[int(part)]
        else:
            return None
    return current


def json_path_value(document: Any, path: str) -> Any:
    """The value at a template's dotted path ("" = the document itself)."""
    if path == "":
        return document
    return _lookup(document, path) if isinstance(document, Mapping | list) else None


def api_base_url(
    template: ProviderTemplate,
    config: Mapping[str, str],
    token_fields: Mapping[str, Any] | None = None,
) -> str:
    """The API base URL of a connection, without a trailing slash.

    With `baseUrlFromToken`, the value kept from the token response wins when it is an https URL
    on one of the allowed host suffixes (so a tampered response cannot redirect API calls).
    """
    spec = template.api.base_url_from_token
    if spec is not None and token_fields:
        value = json_path_value(token_fields, spec.field)
        if isinstance(value, str) and value:
            parts = urlsplit(value)
            host = (parts.hostname or "").lower()
            allowed = any(host.endswith(suffix) for suffix in spec.allowed_host_suffixes)
            if (
                parts.scheme != "https"
                or not allowed
                or parts.username is not None
                or parts.query
                or parts.fragment
                or parts.port is not None
            ):
                raise ConnectionFailed(
                    "The provider returned an API address outside its allowed domains",
                    details={"field": spec.field},
                )
            return f"https://{host}{parts.path.rstrip('/')}{spec.path_suffix}"
    if template.api.base_url is None:
        raise ValidationError(
            "The API address of this connection is not known yet; connect it first",
            details={"field": spec.field if spec else "baseUrl"},
        )
    return render_url(template.api.base_url, config).rstrip("/")


@dataclass(frozen=True)
class ApiAuth:
    """Headers and query parameters that authenticate one API request."""

    headers: dict[str, str] = field(default_factory=dict)
    query: dict[str, str] = field(default_factory=dict)


def _render_header(text: str, values: Mapping[str, str], *, optional: bool) -> str | None:
    missing = [name for name in placeholders(text) if not values.get(name)]
    if missing:
        if optional:
            return None
        raise ValidationError(f"The credential '{missing[0]}' is required", details={"field": missing[0]})
    rendered = _PLACEHOLDER.sub(lambda m: values[m.group(1)], text)
    if _NOT_HEADER_TEXT.search(rendered):
        names = placeholders(text)
        raise ValidationError("A credential contains control characters or non-ASCII "
                              "characters, which an HTTP header cannot carry", details={"fields": names})
    return rendered


def build_api_auth(
    template: ProviderTemplate,
    *,
    access_token: str | None = None,
    credentials: Mapping[str, str] | None = None,
    config: Mapping[str, str] | None = None,
) -> ApiAuth:
    """How to authenticate an API call for this template (custom modes get only extra headers;
    their signing is done by the code named in `customAuth`)."""
    api = template.api
    creds = dict(credentials or {})
    for spec in template.credential_fields:
        if not creds.get(spec.name) and spec.default is not None:
            creds[spec.name] = spec.default
    values: dict[str, str] = {**(config or {}), **creds}
    if access_token:
        values[ACCESS_TOKEN_PLACEHOLDER] = access_token
    headers: dict[str, str] = {}
    query: dict[str, str] = {}

    def with_scheme(secret: str) -> str:
        if _NOT_HEADER_TEXT.search(secret):
            raise ValidationError("A credential contains control characters or non-ASCII "
                                  "characters, which an HTTP header cannot carry")
        return f"{api.auth_scheme} {secret}" if api.auth_scheme else secret

    if api.auth_value is not None:
        headers[api.auth_header] = _render_header(api.auth_value, values, optional=False) or ""
    elif template.is_oauth:
        if not access_token:
            raise ValidationError("An access token is required", details={"field": ACCESS_TOKEN_PLACEHOLDER})
        headers[api.auth_header] = with_scheme(access_token)
    elif template.auth_mode == "basic":
        username, password = creds.get("username"), creds.get("password")
        if not username or password is None:
            raise ValidationError(
                "A username and a password are required", details={"fields": ["username", "password"]}
            )
        encoded = base64.b64encode(f"{username}:{password}".encode()).decode("ascii")
        # "Bearer" is ApiSpec's default, never a basic scheme: a definition that names none gets Basic
        scheme = api.auth_scheme if api.auth_scheme and api.auth_scheme != "Bearer" else "Basic"
        headers[api.auth_header] = f"{scheme} {encoded}"
    elif template.auth_mode == "api_key":
        key = creds.get("apiKey")
        if not key:
            raise ValidationError("An API key is required", details={"field": "apiKey"})
        if api.api_key_in == "query" and api.api_key_name:
            query[api.api_key_name] = key
        else:
            headers[api.auth_header] = with_scheme(key)
    for name, text in api.extra_headers.items():
        rendered = _render_header(text, values, optional=True)
        if rendered is not None:
            headers[name] = rendered
    return ApiAuth(headers=headers, query=query)


# ---- public view -------------------------------------------------------------------------


def template_summary(template: ProviderTemplate) -> dict[str, Any]:
    """The JSON view of a template for GET /api/admin/templates and the catalog.

    Templates hold no secrets; this view leaves out the wiring (token-response paths, params)
    that only the connection code needs.
    """
    oauth = template.oauth
    return {
        "id": template.id,
        "name": template.name,
        "displayName": template.display_name,
        "description": template.description,
        "category": template.category,
        "authMode": template.auth_mode,
        "customAuth": template.custom_auth,
        "docsUrl": template.docs_url,
        "logoUrl": template.logo_url,
        "tags": list(template.tags),
        "status": template.status,
        "beta": template.beta,
        "sandbox": template.is_sandbox,
        "capabilities": template.capabilities.model_dump(mode="json", by_alias=True),
        "credentialFields": [
            f.model_dump(mode="json", by_alias=True, exclude_none=True) for f in template.credential_fields
        ],
        "connectionConfig": [
            f.model_dump(mode="json", by_alias=True, exclude_none=True) for f in template.connection_config
        ],
        "oauth": None
        if oauth is None
        else {
            "authorizationUrl": oauth.authorization_url,
            "tokenUrl": oauth.token_url,
            "revocationUrl": oauth.revocation_url,
            "defaultScopes": list(oauth.default_scopes),
            "scopeSeparator": oauth.scope_separator,
            "pkce": oauth.pkce,
        },
        "apiBaseUrl": template.api.base_url,
        "verification": None if template.verification is None
        else {"method": template.verification.method, "path": template.verification.path},
    }
