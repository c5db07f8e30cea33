"""Register a provider from its published metadata: OpenID Connect Discovery 1.0 or OAuth 2.0
Authorization Server Metadata (RFC 8414).

The super admin gives an issuer (`https://id.example.com`) or the metadata URL itself. The hub
fetches it through the URL guard (`hub.urlguard.safe_request`: no SSRF, no redirects followed,
a bounded body), checks that the document names the issuer it was fetched for (OIDC Discovery
§4.3, RFC 8414 §3.3: otherwise a server could impersonate another), and proposes the provider
fields, in the same schema as a template (docs/providers.md):

- issuer, authorization / token / revocation endpoints;
- PKCE on when `code_challenge_methods_supported` has S256;
- client authentication: HTTP Basic when `client_secret_basic` is supported (the default when the
  server says nothing, RFC 8414 §2), else the form body for `client_secret_post`;
- `authorizationResponseIssParameterSupported` (RFC 9207: then a callback without `iss` fails);
- a verification request: GET the userinfo endpoint with the connection's token (OIDC);
- the userinfo and RFC 7662 introspection endpoints, which check a grant when a provider's
  verification request is removed (hub/connections/verify.py);
- default scopes `openid` (plus `offline_access` when the server has it, for a refresh token).

The proposal is shown to the admin (`POST /api/admin/integrations/discover`), who saves it with
the normal create; `POST /api/admin/integrations/{category}/{id}/discover` fetches it again later
and applies the changed fields (`apply: true`) or only shows them.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit, urlunsplit

from hub.catalog.models import DiscoveryPreview, Rediscovery
from hub.catalog.records import get_provider_record, public_provider
from hub.catalog.service import save_discovered
from hub.errors import HubError, ValidationError
from hub.validation import parse_json

OIDC_WELL_KNOWN = "/.well-known/openid-configuration"
OAUTH_WELL_KNOWN = "/.well-known/oauth-authorization-server"
MAX_METADATA_BYTES = 256 * 1024


class DiscoveryFailed(ValidationError):
    def __init__(self, message: str, **details: Any) -> None:
        super().__init__(message, code="DISCOVERY_FAILED", details={"field": "url", **details})


def metadata_urls(url: str) -> list[tuple[str, str]]:
    """(metadata URL, the issuer it must name) to try for what the admin typed."""
    parts = urlsplit(url.strip())
    path = parts.path.rstrip("/")
    for suffix in (OIDC_WELL_KNOWN, OAUTH_WELL_KNOWN):
        if path.endswith(suffix):
            issuer_path = path[: -len(suffix)]
            return [(url.strip(), urlunsplit((parts.scheme, parts.netloc, issuer_path, "", "")))]
        if suffix in path:  # RFC 8414 §3.1: the well-known segment goes before the issuer's path
            head, tail = path.split(suffix, 1)
            return [(url.strip(), urlunsplit((parts.scheme, parts.netloc, head + tail, "", "")))]
    if parts.query or parts.fragment:
        raise DiscoveryFailed("An issuer has no query or fragment")
    issuer = urlunsplit((parts.scheme, parts.netloc, path, "", ""))
    return [
        (issuer + OIDC_WELL_KNOWN, issuer),
        (urlunsplit((parts.scheme, parts.netloc, OAUTH_WELL_KNOWN + path, "", "")), issuer),
    ]


def fetch_metadata(url: str) -> tuple[str, dict[str, Any]]:
    """The metadata document for `url` and the URL it came from. Raises DiscoveryFailed (400)."""
    import httpx

    from hub.urlguard import safe_request

    problems: list[str] = []
    for metadata_url, issuer in metadata_urls(url):
        try:
            response = safe_request("GET", metadata_url, headers={"Accept": "application/json"},
                                    purpose="provider-discovery", max_response_bytes=MAX_METADATA_BYTES)
        except httpx.HTTPError:
            problems.append("unreachable")
            continue
        except HubError as error:
            if error.status_code == 400:  # the URL guard: say why, never try the next URL
                raise DiscoveryFailed(error.message) from None
            problems.append(error.code)
            continue
        if response.status_code != 200:
            problems.append(f"HTTP {response.status_code}")
            continue
        try:
            document = parse_json(response.content)
        except ValueError:
            problems.append("not JSON")
            continue
        if not isinstance(document, dict):
            problems.append("not a JSON object")
            continue
        if document.get("issuer") != issuer:
            raise DiscoveryFailed("The metadata names another issuer than the one it was fetched for",
                                  expected=issuer)
        return metadata_url, document
    raise DiscoveryFailed("No OpenID Connect or OAuth 2.0 metadata was found at this URL", tried=problems)


def _strings(document: dict[str, Any], key: str) -> list[str]:
    value = document.get(key)
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _endpoint(document: dict[str, Any], key: str) -> str | None:
    value = document.get(key)
    return value if isinstance(value, str) and value else None


def _client_auth(document: dict[str, Any]) -> str | None:
    methods = _strings(document, "token_endpoint_auth_methods_supported") or ["client_secret_basic"]
    if "client_secret_basic" in methods:
        return "basic"
    if "client_secret_post" in methods:
        return "body"
    return None


def proposal(document: dict[str, Any], metadata_url: str) -> dict[str, Any]:
    """The provider fields the metadata supports (no client id or secret: the admin adds them)."""
    authorization = _endpoint(document, "authorization_endpoint")
    token = _endpoint(document, "token_endpoint")
    if not authorization or not token:
        raise DiscoveryFailed("The metadata has no authorization or token endpoint")
    client_auth = _client_auth(document)
    if client_auth is None:
        raise DiscoveryFailed("The server supports neither client_secret_basic nor client_secret_post",
                              supported=_strings(document, "token_endpoint_auth_methods_supported"))
    scopes_supported = _strings(document, "scopes_supported")
    scopes = [s for s in ("openid", "offline_access") if s in scopes_supported]
    if not scopes_supported and _endpoint(document, "userinfo_endpoint"):
        scopes = ["openid"]
    oauth: dict[str, Any] = {
        "issuer": document["issuer"],
        "authorizationUrl": authorization,
        "tokenUrl": token,
        "scopes": scopes,
        "scopeSeparator": " ",
        "pkce": "S256" in _strings(document, "code_challenge_methods_supported"),
        "tokenClientAuth": client_auth,
        "authorizationResponseIssParameterSupported":
            document.get("authorization_response_iss_parameter_supported") is True,
    }
    for key, name in (("revocationUrl", "revocation_endpoint"), ("userinfoUrl", "userinfo_endpoint"),
                      ("introspectionUrl", "introspection_endpoint")):
        endpoint = _endpoint(document, name)
        if endpoint:
            oauth[key] = endpoint
    fields: dict[str, Any] = {"authType": "oauth2", "oauthConfig": oauth, "discoveryUrl": metadata_url}
    userinfo = _endpoint(document, "userinfo_endpoint")
    if userinfo:
        parts = urlsplit(userinfo)
        fields["api"] = {"baseUrl": urlunsplit((parts.scheme, parts.netloc, "", "", ""))}
        fields["verification"] = {"method": "GET", "path": parts.path or "/"}
    return fields


def discover(url: str) -> DiscoveryPreview:
    """POST /api/admin/integrations/discover: what the hub would register, for the admin to check."""
    metadata_url, document = fetch_metadata(url)
    fields = proposal(document, metadata_url)
    return DiscoveryPreview.model_validate({
        "discoveryUrl": metadata_url, "issuer": document["issuer"], "provider": fields,
        "metadata": {key: document.get(key) for key in _SHOWN if key in document}})


_SHOWN = (
    "issuer", "authorization_endpoint", "token_endpoint", "revocation_endpoint", "userinfo_endpoint",
    "introspection_endpoint",
    "code_challenge_methods_supported", "token_endpoint_auth_methods_supported", "scopes_supported",
    "authorization_response_iss_parameter_supported", "grant_types_supported",
)


def rediscover(category: str, provider_id: str, *, apply: bool) -> Rediscovery:
    """Fetch a provider's metadata again: the fields that changed, saved when `apply`."""

    record = get_provider_record(category, provider_id)
    url = record.get("discoveryUrl")
    if not url:
        raise ValidationError("This provider was not registered from metadata; give its issuer to "
                              "POST /api/admin/integrations/discover", details={"field": "discoveryUrl"})
    metadata_url, document = fetch_metadata(str(url))
    fields = proposal(document, metadata_url)
    current_oauth = dict(record.get("oauthConfig") or {})
    changes: dict[str, Any] = {}
    oauth_changes = {k: v for k, v in fields["oauthConfig"].items() if k != "scopes" and current_oauth.get(k) != v}
    if oauth_changes:
        changes["oauthConfig"] = oauth_changes
    for key in ("api", "verification", "discoveryUrl"):
        if key in fields and record.get(key) != fields[key]:
            changes[key] = fields[key]
    if apply and changes:
        saved = save_discovered(record, {**changes, "oauthConfig": {**current_oauth, **oauth_changes}}
                                if oauth_changes else changes)
        return Rediscovery.model_validate({"applied": True, "changes": changes, "provider": public_provider(saved)})
    return Rediscovery.model_validate({"applied": False, "changes": changes, "provider": public_provider(record)})
