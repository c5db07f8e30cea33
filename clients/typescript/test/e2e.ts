// Exercises the generated client against a running hub (tests/e2e/test_clients.py starts the
// local stack, passes its URL and tokens in the environment and runs this with node).
import assert from "node:assert/strict";

import { createHubClient, type ErrorEnvelope } from "../src/index.js";

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

const baseUrl = env("HUB_API_URL");
const providerId = env("HUB_PROVIDER_ID");
const apiKey = env("HUB_API_KEY");
const platform = createHubClient({ baseUrl, token: env("HUB_SUPER_ADMIN_TOKEN") });
const admin = createHubClient({ baseUrl, token: env("HUB_TENANT_ADMIN_TOKEN") });

// a provider (super admin), from the sandbox's API-key template
const provider = await platform.POST("/api/admin/integrations", {
  body: { provider: providerId, templateId: "sandbox-apikey", displayName: "TS client sandbox" },
});
assert.equal(provider.response.status, 201, JSON.stringify(provider.error));

// an instance of it (tenant admin)
const created = await admin.POST("/api/tenant/integrations", { body: { providerId, name: "From the TS client" } });
assert.equal(created.response.status, 201, JSON.stringify(created.error));
const integrationId = created.data!.id;
const path = { id: integrationId };

// a refused key: the error envelope, typed
const refused = await admin.POST("/api/tenant/integrations/{id}/connect/api-key", {
  params: { path }, body: { apiKey: "sbx_wrong_key_0000" },
});
assert.equal(refused.response.status, 400);
const envelope: ErrorEnvelope | undefined = refused.error;
assert.equal(envelope?.error.code, "INVALID_CREDENTIALS");
assert.equal(envelope?.error.requestId, refused.response.headers.get("x-request-id"));

// connect with the right key, then read the status
const connected = await admin.POST("/api/tenant/integrations/{id}/connect/api-key", {
  params: { path }, body: { apiKey, displayName: "TS key" },
});
assert.equal(connected.response.status, 200, JSON.stringify(connected.error));
const status = await admin.GET("/api/tenant/integrations/{id}/connection", { params: { path } });
assert.equal(status.data?.status, "active");
assert.equal(status.data?.connectionId, connected.data?.connectionId);

// list with filters: query parameters are typed too
const listed = await admin.GET("/api/tenant/integrations", {
  params: { query: { providerName: providerId, status: "connected", limit: 10, sortBy: "name" } },
});
assert.equal(listed.response.status, 200, JSON.stringify(listed.error));
assert.deepEqual(listed.data!.integrations.map((i) => i.id), [integrationId]);
assert.equal(listed.data!.total, 1);
assert.ok(listed.response.headers.get("x-ratelimit-remaining"));

// a foreign or unknown id: 404 in the envelope
const missing = await admin.GET("/api/tenant/integrations/{id}", { params: { path: { id: "int_missing" } } });
assert.equal(missing.response.status, 404);
assert.equal(missing.error?.error.code, "INTEGRATION_NOT_FOUND");

console.log(JSON.stringify({ integrationId, connectionId: connected.data?.connectionId, ok: true }));
