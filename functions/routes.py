"""THE route table: every HTTP route of the hub, once (docs/architecture.md, The route table).

Read by the CDK stack (one Lambda + one API Gateway route per entry, the JWT authorizer on every
non-public route, IAM grants by `area`), by the local API Gateway emulator, and by the OpenAPI
document. `tests/unit/test_routes.py` fails when a module and this table disagree.

Adding an endpoint: write `functions/<area>/<name>.py` with `app`, one route and `handler`,
then add one `Route(...)` line below.
"""

from __future__ import annotations

from hub.http.routing import Route

SUPER = ("super_admin",)
ADMIN = ("tenant_admin", "super_admin")
ANY_USER = ("user", "tenant_admin", "super_admin")
PUBLIC: tuple[str, ...] = ()

ROUTES: list[Route] = [
    # ---- system (public) ----------------------------------------------------------------
    Route("GET", "/health", "functions.system.health", PUBLIC, None, "Liveness", "system"),
    Route("GET", "/ready", "functions.system.ready", PUBLIC, None, "Readiness: the table answers", "system"),
    Route("GET", "/openapi.json", "functions.system.openapi", PUBLIC, None, "The OpenAPI document", "system"),
    # ---- providers (super admin) ------------------------------------------------------
    Route("POST", "/api/admin/integrations", "functions.providers.create", SUPER, "provider",
          "Create a provider", "providers", action="provider.create", idempotent=True),
    Route("GET", "/api/admin/integrations", "functions.providers.list", SUPER, "provider",
          "List providers", "providers"),
    Route("GET", "/api/admin/integrations/{category}/{id}", "functions.providers.get", SUPER, "provider",
          "Get a provider", "providers"),
    Route("PATCH", "/api/admin/integrations/{category}/{id}", "functions.providers.update", SUPER, "provider",
          "Update a provider", "providers", action="provider.update"),
    Route("DELETE", "/api/admin/integrations/{category}/{id}", "functions.providers.delete", SUPER, "provider",
          "Delete a provider", "providers", action="provider.delete"),
    Route("PATCH", "/api/admin/integrations/{category}/{id}/status", "functions.providers.set_status", SUPER,
          "provider", "Set a provider's status", "providers", action="provider.status"),
    Route("PATCH", "/api/admin/integrations/{category}/{id}/audience", "functions.providers.set_audience", SUPER,
          "provider", "Set a provider's audience", "providers", action="provider.audience"),
    Route("POST", "/api/admin/integrations/{category}/{id}/test", "functions.providers.test", SUPER, "provider",
          "Test a provider's system-level connection", "providers", action="provider.test"),
    Route("POST", "/api/admin/integrations/discover", "functions.providers.discover", SUPER, "provider",
          "Preview a provider from its discovery metadata", "providers", action="provider.discover"),
    Route("POST", "/api/admin/integrations/{category}/{id}/discover", "functions.providers.rediscover", SUPER,
          "provider", "Refresh a provider from its discovery metadata", "providers", action="provider.rediscover"),
    Route("GET", "/api/admin/templates", "functions.providers.list_templates", SUPER, "provider",
          "List built-in provider templates", "providers"),
    Route("GET", "/api/admin/tenants/{tenantId}/integrations", "functions.integrations.admin_list", SUPER,
          "integration", "List a tenant's integration instances", "integrations"),
    # ---- catalog (tenant) --------------------------------------------------------------
    Route("GET", "/api/integrations", "functions.catalog.list", ANY_USER, "provider",
          "List available integrations", "catalog"),
    Route("GET", "/api/integrations/{category}/{id}", "functions.catalog.get", ANY_USER, "provider",
          "Get integration details", "catalog"),
    # ---- integrations (tenant instances) -----------------------------------------------
    Route("POST", "/api/tenant/integrations", "functions.integrations.create", ADMIN, "integration",
          "Create an integration instance", "integrations", action="integration.create", idempotent=True),
    Route("GET", "/api/tenant/integrations", "functions.integrations.list", ADMIN, "integration",
          "List integration instances", "integrations"),
    Route("GET", "/api/tenant/integrations/{id}", "functions.integrations.get", ADMIN, "integration",
          "Get an integration instance", "integrations"),
    Route("PATCH", "/api/tenant/integrations/{id}", "functions.integrations.update", ADMIN, "integration",
          "Update an integration instance", "integrations", action="integration.update"),
    Route("DELETE", "/api/tenant/integrations/{id}", "functions.integrations.delete", ADMIN, "integration",
          "Delete an integration instance", "integrations", action="integration.delete"),
    Route("POST", "/api/tenant/integrations/{id}/activate", "functions.integrations.activate", ADMIN,
          "integration", "Activate an integration", "integrations", action="integration.activate"),
    Route("POST", "/api/tenant/integrations/{id}/deactivate", "functions.integrations.deactivate", ADMIN,
          "integration", "Deactivate an integration", "integrations", action="integration.deactivate"),
    # ---- audit -------------------------------------------------------------------------
    Route("GET", "/api/tenant/audit-logs", "functions.audit.tenant_list", ADMIN, "audit",
          "The tenant's audit trail", "audit"),
    Route("GET", "/api/admin/audit-logs", "functions.audit.admin_list", SUPER, "audit",
          "The audit trail of all tenants", "audit"),
    # ---- connections -------------------------------------------------------------------
    Route("POST", "/api/tenant/integrations/{id}/connect/oauth", "functions.connections.connect_oauth", ADMIN,
          "connection", "Start the OAuth flow", "connections", action="connection.oauth_start"),
    Route("POST", "/api/tenant/integrations/{id}/connect/oauth/exchange", "functions.connections.exchange_oauth",
          ADMIN, "connection", "Exchange an authorization code", "connections", action="connection.oauth_exchange"),
    Route("POST", "/api/tenant/integrations/{id}/connect/api-key", "functions.connections.connect_api_key", ADMIN,
          "connection", "Connect with an API key", "connections", action="connection.connect_api_key"),
    Route("POST", "/api/tenant/integrations/{id}/connect/basic", "functions.connections.connect_basic", ADMIN,
          "connection", "Connect with basic auth", "connections", action="connection.connect_basic"),
    Route("POST", "/api/tenant/integrations/{id}/connect/custom", "functions.connections.connect_custom", ADMIN,
          "connection", "Connect with custom credentials", "connections", action="connection.connect_custom"),
    Route("GET", "/api/tenant/integrations/{id}/connection", "functions.connections.get", ADMIN, "connection",
          "Get the connection status", "connections"),
    Route("POST", "/api/tenant/integrations/{id}/connection/test", "functions.connections.test", ADMIN,
          "connection", "Test the connection", "connections", action="connection.test"),
    Route("POST", "/api/tenant/integrations/{id}/connection/refresh", "functions.connections.refresh", ADMIN,
          "connection", "Refresh the connection's token", "connections", action="connection.refresh"),
    Route("POST", "/api/tenant/integrations/{id}/disconnect", "functions.connections.disconnect", ADMIN,
          "connection", "Disconnect the integration", "connections", action="connection.disconnect"),
    Route("PATCH", "/api/tenant/integrations/{id}/credentials", "functions.connections.update_credentials", ADMIN,
          "connection", "Update the connection's credentials", "connections", action="connection.update_credentials"),
    # ---- oauth -------------------------------------------------------------------------
    Route("GET", "/api/integrations/oauth/start", "functions.oauth.start", PUBLIC, None,
          "OAuth start in the browser: binds the flow to it, redirects to the provider", "oauth"),
    Route("GET", "/api/integrations/oauth/callback", "functions.oauth.callback", PUBLIC, None,
          "OAuth callback: redirects to the return URL", "oauth"),
    # ---- user connections --------------------------------------------------------------
    Route("GET", "/api/user/integrations", "functions.user_connections.list", ANY_USER, "connection",
          "List my integrations and connections", "user_connections"),
    Route("POST", "/api/user/integrations/{id}/connect/oauth", "functions.user_connections.connect_oauth", ANY_USER,
          "connection", "Start my OAuth flow", "user_connections", action="connection.user_oauth_start"),
    Route("GET", "/api/user/integrations/{id}/connection", "functions.user_connections.get", ANY_USER, "connection",
          "Get my connection status", "user_connections"),
    Route("POST", "/api/user/integrations/{id}/connection/test", "functions.user_connections.test", ANY_USER,
          "connection", "Test my connection", "user_connections", action="connection.user_test"),
    Route("POST", "/api/user/integrations/{id}/connection/refresh", "functions.user_connections.refresh", ANY_USER,
          "connection", "Refresh my connection's token", "user_connections", action="connection.user_refresh"),
    Route("POST", "/api/user/integrations/{id}/disconnect", "functions.user_connections.disconnect", ANY_USER,
          "connection", "Disconnect my connection", "user_connections", action="connection.user_disconnect"),
    # ---- health, sync ------------------------------------------------------------------
    Route("GET", "/api/tenant/integrations/health", "functions.health.list", ADMIN, "integration",
          "Health of all the tenant's integrations", "health"),
    Route("GET", "/api/tenant/integrations/{id}/health", "functions.health.get", ADMIN, "integration",
          "Health of one integration: latest check and history", "health"),
    Route("GET", "/api/tenant/integrations/{id}/sync-logs", "functions.sync.list_logs", ADMIN, "integration",
          "Sync logs of an integration", "sync"),
    Route("POST", "/api/tenant/integrations/{id}/sync", "functions.sync.run", ADMIN, "integration",
          "Run a manual sync", "sync", action="integration.sync"),
    # ---- search, widgets ---------------------------------------------------------------
    # POST only because the query is a body; it changes nothing, but the table audits every POST
    Route("POST", "/api/integrations/search", "functions.search.global_search", ANY_USER, "search",
          "Search across the tenant's integrations", "search", action="integration.search"),
    # literal `search` outranks `{id}` of GET /api/integrations/{category}/{id} (API Gateway rule)
    Route("GET", "/api/integrations/{id}/search", "functions.search.integration_search", ANY_USER, "search",
          "Search one integration", "search"),
    Route("GET", "/api/tenant/integrations/{id}/widgets/status", "functions.widgets.status", ANY_USER, "widget",
          "Integration status for a widget", "widgets"),
    Route("GET", "/api/tenant/integrations/{id}/widgets/activity", "functions.widgets.activity", ANY_USER, "widget",
          "Integration activity for a widget", "widgets"),
    Route("GET", "/api/tenant/integrations/{id}/widgets/data", "functions.widgets.data", ANY_USER, "widget",
          "Provider data for a widget", "widgets"),
    # ---- webhooks ----------------------------------------------------------------------
    Route("POST", "/api/tenant/webhooks", "functions.webhooks.create", ADMIN, "webhook",
          "Webhooks: register an endpoint", "webhooks", action="webhook.create", idempotent=True),
    Route("GET", "/api/tenant/webhooks", "functions.webhooks.list", ADMIN, "webhook",
          "Webhooks: list endpoints", "webhooks"),
    Route("GET", "/api/tenant/webhooks/event-types", "functions.webhooks.event_types", ADMIN, "webhook",
          "Webhooks: the event-type catalog", "webhooks"),
    Route("GET", "/api/tenant/webhooks/{webhookId}", "functions.webhooks.get", ADMIN, "webhook",
          "Webhooks: get an endpoint", "webhooks"),
    Route("PATCH", "/api/tenant/webhooks/{webhookId}", "functions.webhooks.update", ADMIN, "webhook",
          "Webhooks: update an endpoint", "webhooks", action="webhook.update"),
    Route("DELETE", "/api/tenant/webhooks/{webhookId}", "functions.webhooks.delete", ADMIN, "webhook",
          "Webhooks: delete an endpoint", "webhooks", action="webhook.delete"),
    Route("POST", "/api/tenant/webhooks/{webhookId}/rotate-secret", "functions.webhooks.rotate_secret", ADMIN,
          "webhook", "Webhooks: rotate the signing secret", "webhooks", action="webhook.rotate_secret"),
    Route("POST", "/api/tenant/webhooks/{webhookId}/test", "functions.webhooks.test", ADMIN, "webhook",
          "Webhooks: send a test event", "webhooks", action="webhook.test"),
    Route("GET", "/api/tenant/webhooks/{webhookId}/deliveries", "functions.webhooks.list_deliveries", ADMIN,
          "webhook", "Webhooks: list deliveries", "webhooks"),
    Route("GET", "/api/tenant/webhooks/{webhookId}/stats", "functions.webhooks.stats", ADMIN, "webhook",
          "Webhooks: delivery statistics", "webhooks"),
    Route("POST", "/api/tenant/webhooks/{webhookId}/recover", "functions.webhooks.recover", ADMIN, "webhook",
          "Webhooks: resend failed deliveries since a time", "webhooks", action="webhook.recover"),
    Route("GET", "/api/tenant/webhooks/{webhookId}/recover/{jobId}", "functions.webhooks.get_recovery", ADMIN,
          "webhook", "Webhooks: a recover job's progress", "webhooks"),
    Route("POST", "/api/tenant/webhooks/{webhookId}/deliveries/{deliveryId}/retry",
          "functions.webhooks.retry_delivery", ADMIN, "webhook", "Webhooks: retry a delivery", "webhooks",
          action="webhook.retry_delivery"),
]
