"""Redaction parses JSON text it finds in strings (hub/redaction.py); text nested past the
parser's stack must be masked like any other text, never make the log line, the audit record or
the request fail. Strings like these are caller data: a tenant's integration settings, a body."""

from __future__ import annotations

import json

from hub.redaction import redact
from tests.integration.test_catalog import provider_body
from tests.support.api import ApiClient

DEEP = "[" * 5000 + "]" * 5000  # valid JSON, nested past json.loads's recursion limit


def test_redacting_json_text_nested_too_deep_masks_its_secrets_and_does_not_raise() -> None:
    # Given a string that looks like JSON nested 5,000 deep and holds a bearer token
    text = "[" * 5000 + '"Bearer sk_live_DEEP_SECRET_1"' + "]" * 5000
    # When it is redacted, Then it comes back as text, the token masked
    assert "sk_live_DEEP_SECRET_1" not in json.dumps(redact({"body": text}))
    assert redact(DEEP) == DEEP


def test_a_mutation_whose_settings_hold_deeply_nested_json_text_is_still_audited(api: ApiClient) -> None:
    # Given a provider and a tenant's integration
    admin = api.as_("super_admin", tenant="platform", user="root")
    assert admin.post("/api/admin/integrations", provider_body()).status == 201
    instance = api.post("/api/tenant/integrations", {"providerId": "hubspot", "name": "Audited"}).body
    # When the tenant admin saves a setting whose text is JSON nested 5,000 deep (6 KB of text)
    updated = api.patch(f"/api/tenant/integrations/{instance['id']}", {"settings": {"note": DEEP}})
    assert updated.status == 200, updated.raw_body
    # Then the change is in the audit trail like any other
    actions = [r["action"] for r in api.get("/api/tenant/audit-logs").body["auditLogs"]]
    assert actions == ["integration.update", "integration.create"]

