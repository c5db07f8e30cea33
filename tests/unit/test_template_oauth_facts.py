"""Which built-in templates use PKCE, name an issuer, and can expect RFC 9207 `iss`, and why: each
claim cites the provider's own documentation in the template's `sources`
(hub/providers/templates/*.json), so a reader can check it, and this file is the list a reviewer
reads (issue 14). Where no documentation was found, the data says so and what was searched."""

from __future__ import annotations

import pytest

from hub.providers.templates import ProviderTemplate, load_templates, render_url

TEMPLATES = load_templates()
CODE_FLOW = sorted(t.id for t in TEMPLATES.values() if t.oauth is not None and t.oauth.authorization_url)

# ---- PKCE ---------------------------------------------------------------------------------------

# PKCE on; the provider's page that describes it is the template's sources["oauth.pkce"]. A note
# where the page leaves something open.
PKCE_ON = {
    **dict.fromkeys((
        "airtable", "asana", "atlassian", "azure", "bitbucket", "box", "calendly", "discord", "dropbox", "github",
        "gitlab", "gmail", "google-ads", "google-calendar", "google-cloud", "google-drive", "hubspot", "instagram",
        "intercom", "linear", "mailchimp", "microsoft-365", "notion", "quickbooks", "salesforce", "shopify",
        "tiktok-ads", "twitter", "youtube", "zendesk", "zoom",
    ), ""),
    "facebook": "documented for manually built login flows as 'still in testing'",
    "meta-ads": "the same Facebook login dialog as `facebook`, so the same page and caveat",
    "monday": "OAuth 2.1, which every new monday app uses (with its own token endpoint, also in sources); "
              "apps created earlier keep the legacy flow until migrated",
    "xero": "the page describes Xero's 'Auth Code with PKCE' app type (no client secret); that a web app "
            "with a secret accepts a challenge is not written there (the flag was on before it was sourced)",
}
# the hub's own loopback provider (docs/sandbox.md): PKCE by construction
PKCE_OWN = {"sandbox"}
# PKCE off: why, from the page in sources["oauth.pkce"]
PKCE_OFF = {
    "slack": "PKCE is an app setting that marks the app a public client, one way, and makes every refresh "
             "token expire after 30 days: the hub cannot turn it on for a customer's app",
    "linkedin": "PKCE is only for native apps on loopback redirects, enabled by LinkedIn on request",
    "pipedrive": "the authorization request takes client_id, redirect_uri and state; no PKCE parameters",
    "typeform": "the OAuth guide names client id/secret, redirect URI and the two endpoints; no PKCE",
    "zapier": "the user access token guide's authorization URL carries no PKCE parameters",
    "tiktok": "Login Kit documents PKCE for desktop and mobile apps; the web guide shows no PKCE parameters",
}

# ---- issuers (RFC 9207) -------------------------------------------------------------------------

# `issuer` where the provider documents one fixed issuer for the authorization endpoint the template
# uses (OpenID Connect metadata or ID tokens); the value, cited in sources["oauth.issuer"]. An `iss`
# the callback carries must then equal it; one that is absent is still accepted (below).
ISSUERS = {
    **dict.fromkeys(("gmail", "google-ads", "google-calendar", "google-cloud", "google-drive", "youtube"),
                    "https://accounts.google.com"),
    "dropbox": "https://www.dropbox.com",
    "gitlab": "https://gitlab.com",
    # LinkedIn's metadata moved from https://www.linkedin.com to this in April 2024
    # (https://github.com/supabase/auth/pull/1536); it sends no `iss`, so only a forged one is refused
    "linkedin": "https://www.linkedin.com/oauth",
    "quickbooks": "https://oauth.platform.intuit.com/op/v1",
    "salesforce": "https://{loginHost}.salesforce.com",
    "sandbox": "{sandboxBaseUrl}",
    "xero": "https://identity.xero.com",
}
# no fixed issuer: Microsoft's v2.0 issuer names the signed-in user's tenant
# (https://login.microsoftonline.com/{tenantid}/v2.0), unknown before the callback when the
# template's tenant is "common" or "organizations"
NO_FIXED_ISSUER = {"azure", "microsoft-365"}

# Does the provider put `iss` in the authorization response (RFC 9207)? Only a server that
# advertises it (`authorization_response_iss_parameter_supported`) may have it required; none of the
# providers does, so no built-in template but the sandbox sets
# `authorizationResponseIssParameterSupported` (requiring it would break every real connect).
_NOT_FOUND = (
    "no source found that it is sent: an issues-corpus search for providers' RFC 9207 `iss` in "
    "authorization responses found only Google's (round 2); the providers' pages were not searched one by one"
)
ISS_IN_RESPONSE = {
    **dict.fromkeys(CODE_FLOW, "not known to be sent; " + _NOT_FOUND),
    # Google started adding iss=https://accounts.google.com to authorization responses without
    # advertising it in its metadata, per account (reported 2026-02)
    **dict.fromkeys(("gmail", "google-ads", "google-calendar", "google-cloud", "google-drive", "youtube"),
                    "sent, not advertised: https://github.com/openiddict/openiddict-core/issues/2428"),
    "sandbox": "sent and advertised (local/sandbox.py)",
}
ISS_SENT = {tid for tid, fact in ISS_IN_RESPONSE.items() if fact.startswith("sent")}


def _template(template_id: str) -> ProviderTemplate:
    return TEMPLATES[template_id]


def test_every_authorization_code_template_is_classified_once() -> None:
    # Given every template that runs the authorization code flow
    groups = [set(PKCE_ON), PKCE_OWN, set(PKCE_OFF)]
    # Then each is in exactly one PKCE group (a new template must be classified here)
    assert sorted(set().union(*groups)) == CODE_FLOW
    assert sum(len(g) for g in groups) == len(CODE_FLOW)
    # and has an RFC 9207 entry
    assert sorted(ISS_IN_RESPONSE) == CODE_FLOW


@pytest.mark.parametrize("template_id", sorted(PKCE_ON))
def test_pkce_is_on_and_cites_the_providers_documentation(template_id: str) -> None:
    template = _template(template_id)
    assert template.oauth is not None and template.oauth.pkce
    assert template.sources["oauth.pkce"].startswith("https://")


def test_the_sandbox_uses_pkce_by_construction() -> None:
    template = _template("sandbox")
    assert template.oauth is not None and template.oauth.pkce


@pytest.mark.parametrize("template_id", sorted(PKCE_OFF))
def test_pkce_is_off_only_where_the_providers_documentation_says_why(template_id: str) -> None:
    template = _template(template_id)
    assert template.oauth is not None and not template.oauth.pkce
    assert template.sources["oauth.pkce"].startswith("https://") and PKCE_OFF[template_id]


def test_exactly_the_listed_templates_name_an_issuer() -> None:
    named = {t.id: t.oauth.issuer for t in TEMPLATES.values() if t.oauth is not None and t.oauth.issuer}
    assert named == ISSUERS
    assert not set(ISSUERS) & NO_FIXED_ISSUER


@pytest.mark.parametrize("template_id", sorted(set(ISSUERS) - {"sandbox"}))
def test_each_issuer_cites_the_providers_documentation(template_id: str) -> None:
    assert _template(template_id).sources["oauth.issuer"].startswith("https://")


def test_a_provider_that_sends_iss_has_its_issuer_named_so_the_iss_is_checked() -> None:
    assert ISS_SENT <= set(ISSUERS)


def test_iss_is_required_only_from_the_sandbox_which_advertises_it() -> None:
    # Given the built-in templates / Then only the sandbox requires `iss` in the callback: every
    # other provider's callback without `iss` still connects (an `iss` that differs never does)
    requiring = {t.id for t in TEMPLATES.values()
                 if t.oauth is not None and t.oauth.authorization_response_iss_parameter_supported}
    assert requiring == {"sandbox"}


def test_a_templated_issuer_renders_to_the_documented_one() -> None:
    # Given Salesforce's production login host
    issuer = _template("salesforce").oauth.issuer  # type: ignore[union-attr]
    # Then the issuer is the one its OpenID metadata names
    assert render_url(issuer or "", {"loginHost": "login"}) == "https://login.salesforce.com"
