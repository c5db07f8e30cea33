"""A fresh local stack lists the templates; a super admin creates a provider from one and a
tenant admin an instance of it, over HTTP with dev tokens."""

from __future__ import annotations

from tests.e2e.conftest import RunningStack


def test_provider_from_template_and_instance_over_http(local_stack: RunningStack) -> None:
    with local_stack.client("super_admin", "platform", "root") as admin, local_stack.client() as tenant:
        templates = admin.get("/api/admin/templates", params={"limit": 100}).json()
        assert templates["total"] >= 45
        created = admin.post("/api/admin/integrations", json={
            "provider": "github", "templateId": "github",
            "oauthConfig": {"clientId": "gh-client", "clientSecret": "gh-secret-value-123"},
        })
        assert created.status_code == 201, created.text
        assert "gh-secret-value-123" not in created.text
        assert any(p["id"] == "github" for p in tenant.get("/api/integrations").json()["providers"])
        instance = tenant.post("/api/tenant/integrations", json={"providerId": "github", "name": "Our GitHub"})
        assert instance.status_code == 201, instance.text
        assert instance.headers["X-RateLimit-Limit"] == "200"
        listed = tenant.get("/api/tenant/integrations").json()
        assert [i["name"] for i in listed["integrations"]] == ["Our GitHub"]
        assert tenant.get("/api/admin/integrations").status_code == 403
