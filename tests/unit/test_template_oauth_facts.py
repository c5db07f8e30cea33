"""Which built-in templates use PKCE and name an issuer, and why: each claim cites the provider's
own documentation in the template's `sources` (hub/providers/templates/*.json), so a reader can
check it, and this file is the list a reviewer reads (issue 14)."""

from __future__ import annotations

import pytest

from hub.providers.templates import ProviderTemplate, load_templates, render_url

TEMPLATES = load_templates()
CODE_FLOW = sorted(t.id for t in TEMPLATES.values() if t.oauth is not None and t.oauth.authorization_url)

# PKCE on, and the provider's documentation that describes it is the template's sources["oauth.pkce"]
PKCE_SOURCED = {
    "atlassian", "azure", "bitbucket", "box", "calendly", "discord", "dropbox", "facebook", "github", "gitlab",
    "gmail", "google-ads", "google-calendar", "google-cloud", "google-drive", "hubspot", "instagram", "intercom",
    "mailchimp", "microsoft-365", "notion", "quickbooks", "salesforce", "shopify", "tiktok-ads", "twitter",
    "youtube", "zendesk", "zoom",
}
# PKCE on, but no documentation page was checked for it yet (the flag predates the sources field)
PKCE_UNSOURCED = {"airtable", "asana", "xero"}
# the hub's own loopback provider (docs/sandbox.md): PKCE by construction
PKCE_OWN = {"sandbox"}
# PKCE off: the provider documents no PKCE for a server-side authorization code flow, as recorded
# when the flags were set (round 2, issue 14); not re-checked against the providers since
PKCE_OFF = {"linear", "linkedin", "meta-ads", "monday", "pipedrive", "slack", "tiktok", "typeform", "zapier"}

# `issuer` (RFC 9207: a callback's `iss` must equal it) where the provider documents one fixed
# issuer for the authorization endpoint the template uses; the value and its source
ISSUERS = {
    **dict.fromkeys(("gmail", "google-ads", "google-calendar", "google-cloud", "google-drive", "youtube"),
                    "https://accounts.google.com"),
    "gitlab": "https://gitlab.com",
    "salesforce": "https://{loginHost}.salesforce.com",
    "sandbox": "{sandboxBaseUrl}",
}
# no fixed issuer: Microsoft's v2.0 issuer names the signed-in user's tenant
# (https://login.microsoftonline.com/{tenantid}/v2.0), unknown before the callback when the
# template's tenant is "common" or "organizations"
NO_FIXED_ISSUER = {"azure", "microsoft-365"}


def _template(template_id: str) -> ProviderTemplate:
    return TEMPLATES[template_id]


def test_every_authorization_code_template_is_classified_once() -> None:
    # Given every template that runs the authorization code flow
    groups = [PKCE_SOURCED, PKCE_UNSOURCED, PKCE_OWN, PKCE_OFF]
    # Then each is in exactly one PKCE group (a new template must be classified here)
    assert sorted(set().union(*groups)) == CODE_FLOW
    assert sum(len(g) for g in groups) == len(CODE_FLOW)


@pytest.mark.parametrize("template_id", sorted(PKCE_SOURCED))
def test_pkce_is_on_and_cites_the_providers_documentation(template_id: str) -> None:
    template = _template(template_id)
    assert template.oauth is not None and template.oauth.pkce
    assert template.sources["oauth.pkce"].startswith("https://")


@pytest.mark.parametrize("template_id", sorted(PKCE_UNSOURCED | PKCE_OWN))
def test_pkce_is_on_where_no_source_is_cited_yet(template_id: str) -> None:
    template = _template(template_id)
    assert template.oauth is not None and template.oauth.pkce and "oauth.pkce" not in template.sources


@pytest.mark.parametrize("template_id", sorted(PKCE_OFF))
def test_pkce_is_off_only_where_listed(template_id: str) -> None:
    template = _template(template_id)
    assert template.oauth is not None and not template.oauth.pkce


def test_exactly_the_listed_templates_name_an_issuer() -> None:
    named = {t.id: t.oauth.issuer for t in TEMPLATES.values() if t.oauth is not None and t.oauth.issuer}
    assert named == ISSUERS
    assert not set(ISSUERS) & NO_FIXED_ISSUER


@pytest.mark.parametrize("template_id", sorted(set(ISSUERS) - {"sandbox"}))
def test_each_issuer_cites_the_providers_documentation(template_id: str) -> None:
    assert _template(template_id).sources["oauth.issuer"].startswith("https://")


def test_a_templated_issuer_renders_to_the_documented_one() -> None:
    # Given Salesforce's production login host
    issuer = _template("salesforce").oauth.issuer  # type: ignore[union-attr]
    # Then the issuer is the one its OpenID metadata names
    assert render_url(issuer or "", {"loginHost": "login"}) == "https://login.salesforce.com"
