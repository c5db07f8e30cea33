"""Providers (super admin), the tenant catalog and tenant integration instances."""

from __future__ import annotations

import json

import pytest

from hub.vault import SecretRef, get_vault
from tests.support.api import ApiClient

CLIENT_SECRET = "cs_live_provider_client_secret_9f8e7d"


def provider_body(provider: str = "hubspot", **overrides) -> dict:
    body = {
        "provider": provider,
        "name": provider,
        "displayName": provider.title(),
        "description": f"{provider} CRM",
        "category": "crm",
        "status": "active",
        "audience": "tenant",
        "capabilities": ["contacts"],
        "supportedSyncDirections": ["pull"],
        "supportsRealtime": False,
        "supportsWebhooks": True,
        "supportsNotifications": False,
        "supportsSearch": True,
        "searchableEntities": ["contact"],
        "requiresUserScoping": False,
        "authType": "oauth2",
        "oauthConfig": {
            "clientId": "client-123",
            "clientSecret": CLIENT_SECRET,
            "authorizationUrl": "https://app.hubspot.com/oauth/authorize",
            "tokenUrl": "https://api.hubapi.com/oauth/v1/token",
            "scopes": ["crm.objects.contacts.read"],
        },
        "availableEntities": [{"name": "contact", "fields": ["email"], "searchable": True}],
        "icon": "hubspot.svg",
        "color": "#FF7A59",
        "version": "1.0.0",
    }
    body.update(overrides)
    return body


@pytest.fixture
def admin(api: ApiClient) -> ApiClient:
    return api.as_("super_admin", tenant="platform", user="root")


@pytest.fixture
def hubspot(admin: ApiClient) -> dict:
    response = admin.post("/api/admin/integrations", provider_body())
    assert response.status == 201, response.raw_body
    return response.body


# ---- providers -------------------------------------------------------------------------


def test_super_admin_creates_a_provider_and_the_secret_goes_to_the_vault(admin: ApiClient, hubspot: dict) -> None:
    assert hubspot["id"] == "hubspot" and hubspot["category"] == "crm"
    assert hubspot["oauthConfig"]["clientSecretConfigured"] is True
    assert "clientSecret" not in hubspot["oauthConfig"]
    assert get_vault().read(SecretRef.for_provider_client("hubspot")) == {"clientSecret": CLIENT_SECRET}
    fetched = admin.get("/api/admin/integrations/crm/hubspot")
    assert fetched.status == 200 and CLIENT_SECRET not in fetched.raw_body
    assert fetched.body["createdAt"] and fetched.body["updatedAt"]


def test_duplicate_provider_is_409(admin: ApiClient, hubspot: dict) -> None:
    response = admin.post("/api/admin/integrations", provider_body())
    assert response.status == 409


def test_provider_create_rejects_unknown_fields_and_bad_values(admin: ApiClient) -> None:
    assert admin.post("/api/admin/integrations", provider_body(secretSauce=True)).status == 400
    assert admin.post("/api/admin/integrations", provider_body(category="weird")).status == 400
    response = admin.post("/api/admin/integrations", provider_body(provider="Bad Id!"))
    assert response.status == 400 and response.error["details"][0]["field"] == "provider"


def test_list_filters_and_paginates(admin: ApiClient) -> None:
    admin.post("/api/admin/integrations", provider_body("hubspot"))
    admin.post("/api/admin/integrations", provider_body("slack", category="communication", audience="system"))
    admin.post("/api/admin/integrations", provider_body("pipedrive", status="beta"))
    everything = admin.get("/api/admin/integrations").body
    assert everything["total"] == 3 and [p["id"] for p in everything["providers"]] == ["hubspot", "pipedrive",
                                                                                        "slack"]
    assert admin.get("/api/admin/integrations", query={"category": "communication"}).body["total"] == 1
    assert admin.get("/api/admin/integrations", query={"audience": "system"}).body["providers"][0]["id"] == "slack"
    assert admin.get("/api/admin/integrations", query={"status": "beta"}).body["total"] == 1
    page = admin.get("/api/admin/integrations", query={"limit": 1, "offset": 1}).body
    assert page["hasMore"] is True and page["nextOffset"] == 2 and len(page["providers"]) == 1


def test_partial_update_keeps_other_fields_and_rotates_secret(admin: ApiClient, hubspot: dict) -> None:
    response = admin.patch("/api/admin/integrations/crm/hubspot",
                           {"description": "new", "oauthConfig": {"clientSecret": "cs_rotated_secret_5555"}})
    assert response.status == 200
    assert response.body["description"] == "new" and response.body["displayName"] == "Hubspot"
    assert response.body["oauthConfig"]["tokenUrl"] == "https://api.hubapi.com/oauth/v1/token"
    assert response.body["version"] == 2
    assert get_vault().read(SecretRef.for_provider_client("hubspot"))["clientSecret"] == "cs_rotated_secret_5555"
    assert "cs_rotated_secret_5555" not in response.raw_body


def test_stale_version_is_409(admin: ApiClient, hubspot: dict) -> None:
    response = admin.patch("/api/admin/integrations/crm/hubspot", {"description": "x", "expectedVersion": 7})
    assert response.status == 409 and response.error["code"] == "VERSION_CONFLICT"


def test_status_and_audience_endpoints(admin: ApiClient, hubspot: dict) -> None:
    status = admin.patch("/api/admin/integrations/crm/hubspot/status", {"status": "deprecated"})
    assert status.status == 200 and set(status.body) == {"id", "status", "updatedAt"}
    audience = admin.patch("/api/admin/integrations/crm/hubspot/audience", {"audience": "system"})
    assert audience.status == 200 and audience.body["audience"] == "system"
    assert admin.patch("/api/admin/integrations/crm/hubspot/status", {"status": "gone"}).status == 400


def test_wrong_category_is_provider_not_found(admin: ApiClient, hubspot: dict) -> None:
    response = admin.get("/api/admin/integrations/storage/hubspot")
    assert response.status == 404 and response.error["code"] == "PROVIDER_NOT_FOUND"


def test_delete_is_409_while_in_use_unless_forced(admin: ApiClient, api: ApiClient, hubspot: dict) -> None:
    instance = api.post("/api/tenant/integrations", {"providerId": "hubspot", "name": "Our CRM"}).body
    blocked = admin.delete("/api/admin/integrations/crm/hubspot")
    assert blocked.status == 409 and blocked.error["details"]["instances"] == 1
    forced = admin.delete("/api/admin/integrations/crm/hubspot", query={"force": "true"})
    assert forced.status == 204
    assert api.get(f"/api/tenant/integrations/{instance['id']}").body["status"] == "disabled"
    assert admin.get("/api/admin/integrations/crm/hubspot").status == 404
    assert not get_vault().exists(SecretRef.for_provider_client("hubspot"))


def test_system_test_reports_shape(admin: ApiClient, hubspot: dict) -> None:
    response = admin.post("/api/admin/integrations/crm/hubspot/test")
    assert response.status == 200
    assert set(response.body) >= {"success", "testedAt", "responseTime"}
    # this sandboxed test cannot reach api.hubapi.com, so the test fails cleanly
    assert response.body["success"] is False and response.body["error"]


# ---- catalog ---------------------------------------------------------------------------


def test_catalog_shows_only_tenant_audience_active_or_beta(admin: ApiClient, api: ApiClient) -> None:
    admin.post("/api/admin/integrations", provider_body("hubspot"))
    admin.post("/api/admin/integrations", provider_body("pipedrive", status="beta"))
    admin.post("/api/admin/integrations", provider_body("salesforce", status="disabled"))
    admin.post("/api/admin/integrations", provider_body("internal", audience="system"))
    user = api.as_("user", user="bob")
    catalog = user.get("/api/integrations").body
    assert sorted(p["id"] for p in catalog["providers"]) == ["hubspot", "pipedrive"]
    assert {p["id"]: p["beta"] for p in catalog["providers"]} == {"hubspot": False, "pipedrive": True}
    assert CLIENT_SECRET not in json.dumps(catalog) and "client-123" not in json.dumps(catalog)
    assert user.get("/api/integrations", query={"search": "pipe"}).body["total"] == 1
    assert user.get("/api/integrations", query={"category": "storage"}).body["total"] == 0
    assert user.get("/api/integrations/crm/hubspot").status == 200
    assert user.get("/api/integrations/crm/internal").status == 404
    assert user.get("/api/integrations/crm/salesforce").status == 404


# ---- tenant instances ------------------------------------------------------------------


def test_tenant_admin_creates_lists_updates_and_deletes_an_instance(api: ApiClient, hubspot: dict) -> None:
    created = api.post("/api/tenant/integrations", {
        "integrationId": "hubspot", "name": "Sales CRM", "description": "Pipeline",
        "settings": {"syncContacts": True}, "searchEnabled": True,
        "metadata": {"displayName": "HubSpot (sales)", "description": "prod"},
    })
    assert created.status == 201, created.raw_body
    instance = created.body
    assert instance["tenantId"] == "acme" and instance["status"] == "pending" and instance["providerId"] == "hubspot"
    listed = api.get("/api/tenant/integrations", query={"providerName": "hub", "search": "sales"}).body
    assert listed["total"] == 1 and listed["integrations"][0]["id"] == instance["id"]
    updated = api.patch(f"/api/tenant/integrations/{instance['id']}", {"name": "Sales HubSpot",
                                                                      "metadata": {"description": "staging"}})
    assert updated.status == 200
    assert updated.body["name"] == "Sales HubSpot" and updated.body["metadata"]["displayName"] == "HubSpot (sales)"
    assert api.patch(f"/api/tenant/integrations/{instance['id']}", {"status": "connected"}).status == 400
    assert api.patch(f"/api/tenant/integrations/{instance['id']}", {"tenantId": "globex"}).status == 400
    deactivated = api.post(f"/api/tenant/integrations/{instance['id']}/deactivate").body
    assert deactivated["status"] == "disabled" and set(deactivated) == {"id", "status", "updatedAt"}
    activated = api.post(f"/api/tenant/integrations/{instance['id']}/activate").body
    assert set(activated) == {"id", "status", "enabledAt", "enabledBy"} and activated["enabledBy"] == "alice"
    assert api.delete(f"/api/tenant/integrations/{instance['id']}").status == 204
    assert api.get(f"/api/tenant/integrations/{instance['id']}").status == 404
    # the guard is gone too: the provider can be added again
    assert api.post("/api/tenant/integrations", {"providerId": "hubspot", "name": "Again"}).status == 201


def test_second_instance_of_a_provider_is_409(api: ApiClient, hubspot: dict) -> None:
    assert api.post("/api/tenant/integrations", {"providerId": "hubspot", "name": "One"}).status == 201
    response = api.post("/api/tenant/integrations", {"providerId": "hubspot", "name": "Two"})
    assert response.status == 409 and response.error["code"] == "INTEGRATION_EXISTS"
    assert response.error["details"] == {"tenantId": "acme", "providerId": "hubspot"}
    # another tenant may have its own
    assert api.as_("tenant_admin", tenant="globex").post(
        "/api/tenant/integrations", {"providerId": "hubspot", "name": "Theirs"}).status == 201


def test_instance_needs_an_existing_usable_provider(admin: ApiClient, api: ApiClient) -> None:
    missing = api.post("/api/tenant/integrations", {"providerId": "nope", "name": "Nope"})
    assert missing.status == 404 and missing.error["code"] == "PROVIDER_NOT_FOUND"
    admin.post("/api/admin/integrations", provider_body("salesforce", status="disabled"))
    disabled = api.post("/api/tenant/integrations", {"providerId": "salesforce", "name": "SFDC"})
    assert disabled.status == 400
    assert api.post("/api/tenant/integrations", {"name": "No provider"}).status == 400
    assert api.post("/api/tenant/integrations", {"providerId": "salesforce", "name": "ab"}).status == 400


def test_tenant_isolation(api: ApiClient, hubspot: dict) -> None:
    # Given tenant A's instance
    instance = api.post("/api/tenant/integrations", {"providerId": "hubspot", "name": "A's CRM"}).body
    other = api.as_("tenant_admin", tenant="globex", user="gina")
    path = f"/api/tenant/integrations/{instance['id']}"
    # When tenant B's admin tries to read, change or delete it, Then 404 every time
    for response in (other.get(path), other.patch(path, {"name": "Hijacked"}), other.delete(path),
                     other.post(f"{path}/deactivate"), other.post(f"{path}/activate")):
        assert response.status == 404 and response.error["code"] == "INTEGRATION_NOT_FOUND"
    assert other.get("/api/tenant/integrations").body["total"] == 0
    # And A's data is unchanged
    assert api.get(path).body == instance


def test_roles_are_enforced(api: ApiClient, hubspot: dict) -> None:
    user = api.as_("user", user="bob")
    assert user.get("/api/tenant/integrations").status == 403
    assert user.post("/api/tenant/integrations", {"providerId": "hubspot", "name": "Mine"}).status == 403
    assert user.get("/api/admin/integrations").status == 403
    assert api.get("/api/admin/integrations").status == 403
    assert api.post("/api/admin/integrations", provider_body("x-provider")).status == 403
    assert api.get("/api/admin/tenants/acme/integrations").status == 403
    assert api.get("/api/admin/audit-logs").status == 403


def test_super_admin_reads_any_tenants_instances(admin: ApiClient, api: ApiClient, hubspot: dict) -> None:
    api.post("/api/tenant/integrations", {"providerId": "hubspot", "name": "A's CRM"})
    listed = admin.get("/api/admin/tenants/acme/integrations").body
    assert listed["total"] == 1 and listed["integrations"][0]["tenantId"] == "acme"
    assert admin.get("/api/admin/tenants/globex/integrations").body["total"] == 0


def test_every_mutation_is_in_the_audit_trail(admin: ApiClient, api: ApiClient, hubspot: dict) -> None:
    instance = api.post("/api/tenant/integrations", {"providerId": "hubspot", "name": "Audited"}).body
    api.patch(f"/api/tenant/integrations/{instance['id']}", {"name": "Audited 2"})
    api.delete(f"/api/tenant/integrations/{instance['id']}")
    logs = api.get("/api/tenant/audit-logs").body
    assert [r["action"] for r in logs["auditLogs"]] == ["integration.delete", "integration.update",
                                                         "integration.create"]
    update = logs["auditLogs"][1]
    assert update["changes"][0]["diff"]["name"] == {"from": "Audited", "to": "Audited 2"}
    assert len(api.get("/api/tenant/audit-logs", query={"action": "integration.update"}).body["auditLogs"]) == 1
    # tenant B sees none of it; the super admin sees everything, the provider creation included
    assert api.as_("tenant_admin", tenant="globex").get("/api/tenant/audit-logs").body["auditLogs"] == []
    everything = admin.get("/api/admin/audit-logs").body["auditLogs"]
    assert {"provider.create", "integration.create"} <= {r["action"] for r in everything}
    assert len(admin.get("/api/admin/audit-logs", query={"tenantId": "acme"}).body["auditLogs"]) == 3
    assert CLIENT_SECRET not in json.dumps(everything)


def test_templates_are_listed_and_a_provider_is_created_from_one(admin: ApiClient, api: ApiClient) -> None:
    templates = admin.get("/api/admin/templates", query={"limit": 100}).body
    assert templates["total"] >= 45
    ids = {t["id"] for t in templates["templates"]}
    assert {"sandbox", "hubspot", "salesforce", "shopify", "aws", "azure", "google-cloud", "stripe"} <= ids
    assert admin.get("/api/admin/templates", query={"category": "payments"}).body["total"] >= 2
    # When a provider is created from a template with overrides
    response = admin.post("/api/admin/integrations", {
        "provider": "hubspot", "templateId": "hubspot", "displayName": "HubSpot CRM",
        "oauthConfig": {"clientId": "hs-client", "clientSecret": CLIENT_SECRET},
    })
    assert response.status == 201, response.raw_body
    provider = response.body
    # Then the template supplies endpoints and rules and the overrides win
    assert provider["displayName"] == "HubSpot CRM" and provider["category"] == "crm"
    assert provider["oauthConfig"]["tokenUrl"] == "https://api.hubapi.com/oauth/v1/token"
    assert provider["oauthConfig"]["clientId"] == "hs-client"
    assert provider["oauthConfig"]["clientSecretConfigured"] is True
    assert provider["templateId"] == "hubspot" and provider["supportsSearch"] is True
    # and a tenant admin can create an instance of it
    assert api.post("/api/tenant/integrations", {"providerId": "hubspot", "name": "HubSpot"}).status == 201


def test_unknown_template_is_400(admin: ApiClient) -> None:
    response = admin.post("/api/admin/integrations", {"provider": "nope", "templateId": "does-not-exist"})
    assert response.status == 400 and response.error["details"]["field"] == "templateId"


@pytest.fixture
def sandbox(monkeypatch):
    from hub.settings import reset_settings
    from local.sandbox import start_sandbox

    running = start_sandbox(port=0)
    monkeypatch.setenv("HUB_SANDBOX_BASE_URL", running.base_url)
    reset_settings()
    yield running
    running.stop()
    reset_settings()


@pytest.mark.parametrize(("secret", "success"), [("sandbox-secret", True), ("wrong-secret", False)])
def test_system_test_checks_client_credentials_at_the_token_endpoint(admin: ApiClient, sandbox, secret: str,
                                                                     success: bool) -> None:
    admin.post("/api/admin/integrations", {"provider": "sandbox", "templateId": "sandbox",
                                           "oauthConfig": {"clientId": "sandbox-client", "clientSecret": secret}})
    provider = admin.get("/api/admin/integrations", query={"search": "sandbox"}).body["providers"][0]
    result = admin.post(f"/api/admin/integrations/{provider['category']}/sandbox/test").body
    assert result["success"] is success, result
    assert secret not in json.dumps(result)


def test_a_stale_update_changes_neither_record_nor_secret(admin: ApiClient, hubspot: dict) -> None:
    response = admin.patch("/api/admin/integrations/crm/hubspot",
                           {"oauthConfig": {"clientSecret": "cs_should_not_land_1"}, "expectedVersion": 99})
    assert response.status == 409
    assert get_vault().read(SecretRef.for_provider_client("hubspot"))["clientSecret"] == CLIENT_SECRET


def test_a_failed_create_leaves_no_secret_and_can_be_retried(admin: ApiClient, monkeypatch) -> None:
    from hub.catalog.repository import ProviderRepository

    def broken(self, record):
        raise RuntimeError("table throttled")

    with monkeypatch.context() as patch:
        patch.setattr(ProviderRepository, "create_provider", broken)
        assert admin.post("/api/admin/integrations", provider_body()).status == 500
    assert not get_vault().exists(SecretRef.for_provider_client("hubspot"))
    assert admin.post("/api/admin/integrations", provider_body()).status == 201


@pytest.mark.parametrize("body", [
    {"settings": {"n": 10**40}},
    {"settings": {"": 1}},
    {"settings": {"deep": {"a": {"b": {"c": {"d": {"e": {"f": {"g": {"h": {"i": 1}}}}}}}}}}},
    {"settings": {"big": "x" * 20_000}},
    {"name": "ab\u0000c"},
    {"description": "bell\u0007"},
    {"connectionConfig": {"zz": "../../"}},
])
def test_odd_but_parseable_input_is_a_400_not_a_500(api: ApiClient, hubspot: dict, body: dict) -> None:
    response = api.post("/api/tenant/integrations", {"providerId": "hubspot", "name": "Odd input", **body})
    assert response.status == 400, response.raw_body
    assert api.get("/api/tenant/integrations").body["total"] == 0


def test_connection_settings_are_checked_against_the_template(admin: ApiClient, api: ApiClient) -> None:
    admin.post("/api/admin/integrations", {"provider": "shopify", "templateId": "shopify"})
    assert api.post("/api/tenant/integrations", {"providerId": "shopify", "name": "Shop",
                                                 "connectionConfig": {"shop": "evil.com/x"}}).status == 400
    assert api.post("/api/tenant/integrations", {"providerId": "shopify", "name": "Shop",
                                                 "connectionConfig": {"other": "x"}}).status == 400
    created = api.post("/api/tenant/integrations", {"providerId": "shopify", "name": "Shop",
                                                    "connectionConfig": {"shop": "acme-store"}})
    assert created.status == 201, created.raw_body


def test_a_provider_that_requires_user_scoping_cannot_be_unscoped(admin: ApiClient, api: ApiClient) -> None:
    admin.post("/api/admin/integrations", provider_body("gmail-like", requiresUserScoping=True))
    assert api.post("/api/tenant/integrations", {"providerId": "gmail-like", "name": "Mail",
                                                 "userScoped": False}).status == 400
    created = api.post("/api/tenant/integrations", {"providerId": "gmail-like", "name": "Mail"}).body
    assert created["userScoped"] is True
    assert api.patch(f"/api/tenant/integrations/{created['id']}", {"userScoped": False}).status == 400
