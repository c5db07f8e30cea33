"""THE route table: every HTTP route of the hub, once (docs/architecture.md, The route table).

Read by the CDK stack (one Lambda + one API Gateway route per entry, the JWT authorizer on every
non-public route, IAM from the table access of its `area` plus its `grants`), by the local API
Gateway emulator, and by the OpenAPI document. `tests/unit/test_routes.py` fails when a module and this table disagree.

Adding an endpoint: write `functions/<area>/<name>.py` with `app`, one route and `handler`,
then add one `Route(...)` line below.
"""

from __future__ import annotations

from hub.http.routing import Route

SUPER = ("super_admin",)
ADMIN = ("tenant_admin", "super_admin")
ANY_USER = ("user", "tenant_admin", "super_admin")
PUBLIC: tuple[str, ...] = ()

# ---- grants: AWS access beyond the area's table access (infra/constructs/permissions.py) ----
# The IAM audit of `make test` checks every AWS call each function makes against these.
EVENTS = ("events:publish",)
STS = ("sts:assume-tenant-role",)  # AWS connections: verify by assuming the tenant's role
OAUTH_FLOW = ("seal:oauth-pkce-verifier", "seal:oauth-authorization-url")
# a stored credential is used; an expired token is refreshed first at the provider's token
# endpoint (the platform's client secret), the new token set written back, integration.refreshed
USE_CREDENTIALS = ("vault:read", "vault:write", "platform-secrets:read", *EVENTS)
CONNECT = ("vault:write", "vault:read", *EVENTS)  # store a new credential (or replace it), integration.connected
# revoke at the provider (reads the credential and the client secret), then delete it
REVOKE = ("vault:read", "platform-secrets:read", "vault:delete", *EVENTS)
WEBHOOK_SIGNING = ("seal:webhook-signing",)
PROXY_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
PROXY_TAILS = (("/{path+}", ""), ("", " (its API base URL itself)"))

# ---- errors: what each route's domain call can answer, "<status> <CODE>" (the pipeline's own
# 400/401/403/413/415/429 and Idempotency-Key answers follow from the route: hub/http/contract.py)
NO_PROVIDER = ("404 PROVIDER_NOT_FOUND",)
NO_INTEGRATION = ("404 INTEGRATION_NOT_FOUND",)
NO_CONNECTION = ("404 CONNECTION_NOT_FOUND",)
NO_WEBHOOK = ("404 WEBHOOK_NOT_FOUND",)
# the public webhook intake (hub/inbound/intake.py)
INTAKE = ("400 VALIDATION_ERROR", "401 INVALID_SIGNATURE", *NO_PROVIDER, "413 PAYLOAD_TOO_LARGE",
          "503 SERVICE_UNAVAILABLE")
DISCOVERY = ("400 DISCOVERY_FAILED", "400 UNSAFE_URL")
# an integration about to be connected (hub/connections/access.py connectable_spec, require_mode)
CONNECTABLE = (*NO_INTEGRATION, *NO_PROVIDER, "400 INTEGRATION_DISABLED", "400 PROVIDER_DISABLED",
               "400 PROVIDER_MISCONFIGURED", "400 AUTH_TYPE_MISMATCH")
TENANT_CONNECTABLE = (*CONNECTABLE, "400 USER_SCOPED_INTEGRATION")
OAUTH_START = ("400 PROVIDER_NOT_CONFIGURED", "400 UNSAFE_URL")
# credentials checked at the provider, then stored (hub/connections/connect.py, store.py)
CHECKED = ("400 INVALID_CREDENTIALS", "400 UNSAFE_URL", "502 CONNECTION_FAILED", "409 CONFLICT")
# the stored credential of a live connection (hub/connections/access.py live_record)
LIVE = (*NO_INTEGRATION, *NO_CONNECTION)
# a stored credential used at the provider, refreshed first when due (hub/connections/use.py)
USED = (*LIVE, "401 TOKEN_EXPIRED", "502 CONNECTION_FAILED", "502 REFRESH_FAILED")
REFRESHED = (*LIVE, "401 TOKEN_EXPIRED", "400 REFRESH_FAILED", "502 REFRESH_FAILED", "409 REFRESH_IN_PROGRESS",
             "409 CONFLICT")
# a connect page's call, authenticated by the session's token (hub/sessions/service.py open_session)
SESSION = ("401 CONNECT_SESSION_INVALID", "403 ORIGIN_NOT_ALLOWED", "409 CONNECT_SESSION_USED",
           "410 CONNECT_SESSION_EXPIRED")
# provider data read with the connection (hub/search, hub/widgets, hub/jobs/sync.py)
PROVIDER_DATA = (*USED, *NO_PROVIDER, "409 INTEGRATION_DISABLED")
SEARCHED = (*PROVIDER_DATA, "400 SEARCH_DISABLED", "400 SEARCH_NOT_SUPPORTED", "504 SEARCH_TIMEOUT")
# a provider call forwarded as it came (hub/proxy: docs/proxy.md); the provider's own answers
# pass through as they are
PROXIED = (*NO_INTEGRATION, *NO_PROVIDER, *NO_CONNECTION, "400 INVALID_PROVIDER_PATH", "400 UNSAFE_URL",
           "400 USER_SCOPED_INTEGRATION", "400 PROVIDER_DISABLED", "400 TOKEN_EXPIRED", "409 INTEGRATION_DISABLED",
           "413 RESPONSE_TOO_LARGE", "429 PROVIDER_RATE_LIMITED", "502 CONNECTION_FAILED", "502 PROVIDER_TIMEOUT",
           "502 REFRESH_FAILED", "502 PROVIDER_MISCONFIGURED")

ROUTES: list[Route] = [
    # ---- system (public) ----------------------------------------------------------------
    Route("GET", "/health", "functions.system.health", PUBLIC, None, "Liveness", "system"),
    Route("GET", "/ready", "functions.system.ready", PUBLIC, None, "Readiness: the table answers", "system",
          errors=("503 SERVICE_UNAVAILABLE",)),
    Route("GET", "/openapi.json", "functions.system.openapi", PUBLIC, None, "The OpenAPI document", "system"),
    # ---- providers (super admin) ------------------------------------------------------
    Route("POST", "/api/admin/integrations", "functions.providers.create", SUPER, "provider",
          "Create a provider", "providers", action="provider.create", idempotent=True,
          grants=("platform-secrets:write", "platform-secrets:delete"), errors=("409 PROVIDER_EXISTS",)),
    Route("GET", "/api/admin/integrations", "functions.providers.list", SUPER, "provider",
          "List providers", "providers"),
    Route("GET", "/api/admin/integrations/{category}/{id}", "functions.providers.get", SUPER, "provider",
          "Get a provider", "providers", errors=NO_PROVIDER),
    Route("PATCH", "/api/admin/integrations/{category}/{id}", "functions.providers.update", SUPER, "provider",
          "Update a provider", "providers", action="provider.update",
          grants=("platform-secrets:write", "platform-secrets:read"), errors=(*NO_PROVIDER, "409 VERSION_CONFLICT")),
    Route("DELETE", "/api/admin/integrations/{category}/{id}", "functions.providers.delete", SUPER, "provider",
          "Delete a provider", "providers", action="provider.delete", grants=("platform-secrets:delete",),
          errors=(*NO_PROVIDER, "409 PROVIDER_IN_USE")),
    Route("PATCH", "/api/admin/integrations/{category}/{id}/status", "functions.providers.set_status", SUPER,
          "provider", "Set a provider's status", "providers", action="provider.status",
          errors=(*NO_PROVIDER, "409 VERSION_CONFLICT")),
    Route("PATCH", "/api/admin/integrations/{category}/{id}/audience", "functions.providers.set_audience", SUPER,
          "provider", "Set a provider's audience", "providers", action="provider.audience",
          errors=(*NO_PROVIDER, "409 VERSION_CONFLICT")),
    Route("POST", "/api/admin/integrations/{category}/{id}/test", "functions.providers.test", SUPER, "provider",
          "Test a provider's system-level connection", "providers", action="provider.test",
          grants=("platform-secrets:read", *STS), errors=NO_PROVIDER),
    Route("POST", "/api/admin/integrations/discover", "functions.providers.discover", SUPER, "provider",
          "Preview a provider from its discovery metadata", "providers", action="provider.discover",
          errors=DISCOVERY),
    Route("POST", "/api/admin/integrations/{category}/{id}/discover", "functions.providers.rediscover", SUPER,
          "provider", "Refresh a provider from its discovery metadata", "providers", action="provider.rediscover",
          errors=(*NO_PROVIDER, *DISCOVERY, "409 VERSION_CONFLICT")),
    Route("GET", "/api/admin/integrations/{category}/{id}/inbound-webhooks", "functions.providers.inbound", SUPER,
          "provider", "A provider's inbound webhooks: intake URL, keys configured", "providers",
          errors=(*NO_PROVIDER, "400 INBOUND_NOT_SUPPORTED")),
    Route("PUT", "/api/admin/integrations/{category}/{id}/inbound-webhooks", "functions.providers.inbound", SUPER,
          "provider", "Set the keys that verify a provider's inbound webhooks", "providers",
          action="provider.inbound_keys", grants=("platform-secrets:read", "platform-secrets:write"),
          errors=(*NO_PROVIDER, "400 INBOUND_NOT_SUPPORTED")),
    Route("GET", "/api/admin/templates", "functions.providers.list_templates", SUPER, "provider",
          "List built-in provider templates", "providers"),
    Route("GET", "/api/admin/tenants/{tenantId}/integrations", "functions.integrations.admin_list", SUPER,
          "integration", "List a tenant's integration instances", "integrations"),
    # ---- inbound provider webhooks (public: the provider's signature is the credential) ---------
    # the intake reads the raw body itself (no JSON body model): 413 comes from the pipeline's size check
    Route("POST", "/api/webhooks/in/{providerId}", "functions.inbound.receive", PUBLIC, None,
          "Receive a provider's webhook (verified, acknowledged, queued)", "inbound",
          grants=("platform-secrets:read", "queue:inbound"), errors=INTAKE),
    Route("GET", "/api/webhooks/in/{providerId}", "functions.inbound.receive", PUBLIC, None,
          "Answer a provider's subscription handshake", "inbound", grants=("platform-secrets:read",),
          errors=INTAKE),
    Route("POST", "/api/webhooks/in/{providerId}/{integrationId}", "functions.inbound.receive", PUBLIC,
          None, "Receive a provider's webhook for one integration (its own signing secret)", "inbound",
          grants=("seal:inbound-signing", "queue:inbound"), errors=INTAKE),
    # a provider event too large for the bus, read by the tenant it was published to
    Route("GET", "/api/tenant/inbound-events/{inboundId}/payload", "functions.inbound.payload", ADMIN, "webhook",
          "The payload of a provider event too large to carry", "inbound_events",
          errors=("404 INBOUND_EVENT_NOT_FOUND",)),
    # ---- catalog (tenant) --------------------------------------------------------------
    Route("GET", "/api/integrations", "functions.catalog.list", ANY_USER, "provider",
          "List available integrations", "catalog"),
    Route("GET", "/api/integrations/{category}/{id}", "functions.catalog.get", ANY_USER, "provider",
          "Get integration details", "catalog", errors=NO_PROVIDER),
    # ---- integrations (tenant instances) -----------------------------------------------
    Route("POST", "/api/tenant/integrations", "functions.integrations.create", ADMIN, "integration",
          "Create an integration instance", "integrations", action="integration.create", idempotent=True,
          errors=(*NO_PROVIDER, "400 PROVIDER_DISABLED", "409 INTEGRATION_EXISTS")),
    Route("GET", "/api/tenant/integrations", "functions.integrations.list", ADMIN, "integration",
          "List integration instances", "integrations"),
    Route("GET", "/api/tenant/integrations/{id}", "functions.integrations.get", ADMIN, "integration",
          "Get an integration instance", "integrations", errors=NO_INTEGRATION),
    Route("PATCH", "/api/tenant/integrations/{id}", "functions.integrations.update", ADMIN, "integration",
          "Update an integration instance", "integrations", action="integration.update",
          errors=(*NO_INTEGRATION, "409 VERSION_CONFLICT")),
    Route("DELETE", "/api/tenant/integrations/{id}", "functions.integrations.delete", ADMIN, "integration",
          "Delete an integration instance", "integrations", action="integration.delete", grants=REVOKE,
          errors=NO_INTEGRATION),
    Route("POST", "/api/tenant/integrations/{id}/activate", "functions.integrations.activate", ADMIN,
          "integration", "Activate an integration", "integrations", action="integration.activate", grants=EVENTS,
          errors=(*NO_INTEGRATION, "400 PROVIDER_DISABLED", "409 VERSION_CONFLICT")),
    Route("POST", "/api/tenant/integrations/{id}/deactivate", "functions.integrations.deactivate", ADMIN,
          "integration", "Deactivate an integration", "integrations", action="integration.deactivate", grants=EVENTS,
          errors=(*NO_INTEGRATION, "409 VERSION_CONFLICT")),
    Route("GET", "/api/tenant/integrations/{id}/inbound-webhooks", "functions.integrations.inbound", ADMIN,
          "integration", "An integration's own webhook intake", "integrations",
          errors=(*NO_INTEGRATION, "400 INBOUND_NOT_SUPPORTED")),
    Route("PUT", "/api/tenant/integrations/{id}/inbound-webhooks", "functions.integrations.inbound", ADMIN,
          "integration", "Set an integration's webhook signing secret", "integrations",
          action="integration.inbound_secret", grants=("seal:inbound-signing",),
          errors=(*NO_INTEGRATION, "400 INBOUND_NOT_SUPPORTED")),
    Route("GET", "/api/tenant/integrations/{id}/inbound-accounts", "functions.integrations.inbound_accounts", ADMIN,
          "integration", "The provider accounts a connection answers for", "integrations",
          errors=(*LIVE, "400 INBOUND_NOT_SUPPORTED")),
    Route("PUT", "/api/tenant/integrations/{id}/inbound-accounts", "functions.integrations.inbound_accounts", ADMIN,
          "integration", "Correct the provider accounts a connection answers for", "integrations",
          action="connection.inbound_accounts", errors=(*LIVE, "400 INBOUND_NOT_SUPPORTED", "409 ACCOUNT_CLAIMED")),
    # ---- audit -------------------------------------------------------------------------
    Route("GET", "/api/tenant/audit-logs", "functions.audit.tenant_list", ADMIN, "audit",
          "The tenant's audit trail", "audit"),
    Route("GET", "/api/admin/audit-logs", "functions.audit.admin_list", SUPER, "audit",
          "The audit trail of all tenants", "audit"),
    # ---- connections -------------------------------------------------------------------
    Route("POST", "/api/tenant/integrations/{id}/connect/oauth", "functions.connections.connect_oauth", ADMIN,
          "connection", "Start the OAuth flow", "connections", action="connection.oauth_start", grants=OAUTH_FLOW,
          errors=(*TENANT_CONNECTABLE, *OAUTH_START)),
    Route("POST", "/api/tenant/integrations/{id}/connect/oauth/exchange", "functions.connections.exchange_oauth",
          ADMIN, "connection", "Exchange an authorization code", "connections", action="connection.oauth_exchange",
          grants=(*OAUTH_FLOW, *CONNECT, "platform-secrets:read"),
          errors=(*TENANT_CONNECTABLE, *OAUTH_START, "400 OAUTH_FAILED", "409 CONFLICT")),
    Route("POST", "/api/tenant/integrations/{id}/connect/api-key", "functions.connections.connect_api_key", ADMIN,
          "connection", "Connect with an API key", "connections", action="connection.connect_api_key", grants=CONNECT,
          errors=(*TENANT_CONNECTABLE, *CHECKED)),
    Route("POST", "/api/tenant/integrations/{id}/connect/basic", "functions.connections.connect_basic", ADMIN,
          "connection", "Connect with basic auth", "connections", action="connection.connect_basic", grants=CONNECT,
          errors=(*TENANT_CONNECTABLE, *CHECKED)),
    Route("POST", "/api/tenant/integrations/{id}/connect/custom", "functions.connections.connect_custom", ADMIN,
          "connection", "Connect with custom credentials", "connections", action="connection.connect_custom",
          grants=(*CONNECT, *STS), errors=(*TENANT_CONNECTABLE, *CHECKED)),
    Route("GET", "/api/tenant/integrations/{id}/connection", "functions.connections.get", ADMIN, "connection",
          "Get the connection status", "connections", errors=NO_INTEGRATION),
    Route("POST", "/api/tenant/integrations/{id}/connection/test", "functions.connections.test", ADMIN,
          "connection", "Test the connection", "connections", action="connection.test",
          grants=(*USE_CREDENTIALS, *STS), errors=USED),
    Route("POST", "/api/tenant/integrations/{id}/connection/refresh", "functions.connections.refresh", ADMIN,
          "connection", "Refresh the connection's token", "connections", action="connection.refresh",
          grants=USE_CREDENTIALS, errors=REFRESHED),
    Route("POST", "/api/tenant/integrations/{id}/disconnect", "functions.connections.disconnect", ADMIN,
          "connection", "Disconnect the integration", "connections", action="connection.disconnect", grants=REVOKE,
          errors=LIVE),
    Route("PATCH", "/api/tenant/integrations/{id}/credentials", "functions.connections.update_credentials", ADMIN,
          "connection", "Update the connection's credentials", "connections", action="connection.update_credentials",
          grants=(*CONNECT, *STS, "platform-secrets:read"),  # revokes the replaced tokens
          errors=(*TENANT_CONNECTABLE, *CHECKED, *NO_CONNECTION)),
    # ---- oauth -------------------------------------------------------------------------
    Route("GET", "/api/integrations/oauth/start", "functions.oauth.start", PUBLIC, None,
          "OAuth start in the browser: binds the flow to it, redirects to the provider", "oauth", grants=OAUTH_FLOW,
          errors=("400 OAUTH_FAILED",)),
    Route("GET", "/api/integrations/oauth/callback", "functions.oauth.callback", PUBLIC, None,
          "OAuth callback: redirects to the return URL", "oauth",
          grants=(*OAUTH_FLOW, *CONNECT, "platform-secrets:read"), errors=("400 OAUTH_FAILED",)),
    # ---- user connections --------------------------------------------------------------
    Route("GET", "/api/user/integrations", "functions.user_connections.list", ANY_USER, "connection",
          "List my integrations and connections", "user_connections"),
    Route("POST", "/api/user/integrations/{id}/connect/oauth", "functions.user_connections.connect_oauth", ANY_USER,
          "connection", "Start my OAuth flow", "user_connections", action="connection.user_oauth_start",
          grants=OAUTH_FLOW, errors=(*CONNECTABLE, *OAUTH_START)),
    Route("GET", "/api/user/integrations/{id}/connection", "functions.user_connections.get", ANY_USER, "connection",
          "Get my connection status", "user_connections", errors=NO_INTEGRATION),
    Route("POST", "/api/user/integrations/{id}/connection/test", "functions.user_connections.test", ANY_USER,
          "connection", "Test my connection", "user_connections", action="connection.user_test",
          grants=(*USE_CREDENTIALS, *STS), errors=USED),
    Route("POST", "/api/user/integrations/{id}/connection/refresh", "functions.user_connections.refresh", ANY_USER,
          "connection", "Refresh my connection's token", "user_connections", action="connection.user_refresh",
          grants=USE_CREDENTIALS, errors=REFRESHED),
    Route("POST", "/api/user/integrations/{id}/disconnect", "functions.user_connections.disconnect", ANY_USER,
          "connection", "Disconnect my connection", "user_connections", action="connection.user_disconnect",
          grants=REVOKE, errors=LIVE),
    # ---- health, sync ------------------------------------------------------------------
    Route("GET", "/api/tenant/integrations/health", "functions.health.list", ADMIN, "integration",
          "Health of all the tenant's integrations", "health"),
    Route("GET", "/api/tenant/integrations/{id}/health", "functions.health.get", ADMIN, "integration",
          "Health of one integration: latest check and history", "health", errors=NO_INTEGRATION),
    Route("GET", "/api/tenant/integrations/{id}/sync-logs", "functions.sync.list_logs", ADMIN, "integration",
          "Sync logs of an integration", "sync", errors=NO_INTEGRATION),
    Route("POST", "/api/tenant/integrations/{id}/sync", "functions.sync.run", ADMIN, "integration",
          "Run a manual sync", "sync", action="integration.sync", grants=USE_CREDENTIALS,
          errors=(*PROVIDER_DATA, "400 SYNC_NOT_SUPPORTED", "409 CONFLICT", "502 SYNC_FAILED")),
    # ---- search, widgets ---------------------------------------------------------------
    # POST only because the query is a body; it changes nothing, but the table audits every POST
    Route("POST", "/api/integrations/search", "functions.search.global_search", ANY_USER, "search",
          "Search across the tenant's integrations", "search", action="integration.search", grants=USE_CREDENTIALS,
          errors=SEARCHED),
    # literal `search` outranks `{id}` of GET /api/integrations/{category}/{id} (API Gateway rule)
    Route("GET", "/api/integrations/{id}/search", "functions.search.integration_search", ANY_USER, "search",
          "Search one integration", "search", grants=USE_CREDENTIALS, errors=SEARCHED),
    Route("GET", "/api/tenant/integrations/{id}/widgets/status", "functions.widgets.status", ANY_USER, "widget",
          "Integration status for a widget", "widgets", errors=NO_INTEGRATION),
    Route("GET", "/api/tenant/integrations/{id}/widgets/activity", "functions.widgets.activity", ANY_USER, "widget",
          "Integration activity for a widget", "widgets", errors=NO_INTEGRATION),
    Route("GET", "/api/tenant/integrations/{id}/widgets/data", "functions.widgets.data", ANY_USER, "widget",
          "Provider data for a widget", "widgets", grants=USE_CREDENTIALS,
          errors=(*PROVIDER_DATA, "400 ENTITY_NOT_READABLE")),
    # ---- proxy: any provider API call through a connection (docs/proxy.md) ---------------
    # one function per scope serves every method, below the provider's API base URL
    # (`/proxy/{path+}`) and at it (`/proxy`: API Gateway's greedy parameter needs a segment);
    # AWS connections assume the tenant's role to sign
    *(Route(method, f"/api/tenant/integrations/{{id}}/proxy{tail}", "functions.proxy.tenant", ADMIN, "proxy",
            "Call the provider's API through the tenant's connection" + at, "proxy", action="proxy.call",
            grants=(*USE_CREDENTIALS, *STS), passthrough=True, errors=PROXIED)
      for tail, at in PROXY_TAILS for method in PROXY_METHODS),
    *(Route(method, f"/api/user/integrations/{{id}}/proxy{tail}", "functions.proxy.user", ANY_USER, "proxy",
            "Call the provider's API through my connection" + at, "proxy", action="proxy.user_call",
            grants=(*USE_CREDENTIALS, *STS), passthrough=True, errors=PROXIED)
      for tail, at in PROXY_TAILS for method in PROXY_METHODS),
    # ---- connect sessions and the hosted connect page (hub/sessions, docs/frontend.md) -----
    # the page and its /api/connect routes are public to the JWT authorizer: they are
    # authenticated by the connect session's token, which the page holds instead of a JWT
    Route("POST", "/api/tenant/connect-sessions", "functions.connect.create_session", ADMIN, "connection",
          "Create a connect session for the hosted connect page", "connect", action="connect_session.create",
          errors=(*NO_INTEGRATION, "400 END_USER_REQUIRED", "400 UNSAFE_URL")),
    # the page and what it reads only read the table (they share the system routes' public role)
    Route("GET", "/connect", "functions.connect.page", PUBLIC, None, "The hosted connect page (HTML)",
          "connect_page"),
    Route("GET", "/api/connect/session", "functions.connect.session", PUBLIC, None,
          "Connect page: the session's integrations and credential forms", "connect_page", errors=SESSION),
    Route("POST", "/api/connect/integrations/{id}/credentials", "functions.connect.credentials", PUBLIC, None,
          "Connect page: connect with credentials", "connect", grants=(*CONNECT, *STS),
          errors=(*SESSION, *TENANT_CONNECTABLE, *CHECKED, "409 CONNECT_SESSION_BUSY")),
    Route("POST", "/api/connect/integrations/{id}/oauth", "functions.connect.oauth_start", PUBLIC, None,
          "Connect page: start OAuth in a popup", "connect", grants=OAUTH_FLOW,
          errors=(*SESSION, *CONNECTABLE, *OAUTH_START)),
    # it ends the OAuth flow: the OAuth routes' grants, so it shares their role (one role less
    # under CloudFormation's 500 resources), though it only reads the connection and spends the session
    Route("POST", "/api/connect/integrations/{id}/complete", "functions.connect.oauth_complete", PUBLIC, None,
          "Connect page: the connection the OAuth popup made", "connect", grants=OAUTH_FLOW,
          errors=(*SESSION, *NO_INTEGRATION, *NO_CONNECTION)),
    # ---- webhooks ----------------------------------------------------------------------
    Route("POST", "/api/tenant/webhooks", "functions.webhooks.create", ADMIN, "webhook",
          "Webhooks: register an endpoint", "webhooks", action="webhook.create", idempotent=True,
          grants=WEBHOOK_SIGNING, errors=("400 UNSAFE_URL", *NO_INTEGRATION)),
    Route("GET", "/api/tenant/webhooks", "functions.webhooks.list", ADMIN, "webhook",
          "Webhooks: list endpoints", "webhooks"),
    Route("GET", "/api/tenant/webhooks/event-types", "functions.webhooks.event_types", ADMIN, "webhook",
          "Webhooks: the event-type catalog", "webhooks"),
    Route("GET", "/api/tenant/webhooks/{webhookId}", "functions.webhooks.get", ADMIN, "webhook",
          "Webhooks: get an endpoint", "webhooks", errors=NO_WEBHOOK),
    Route("PATCH", "/api/tenant/webhooks/{webhookId}", "functions.webhooks.update", ADMIN, "webhook",
          "Webhooks: update an endpoint", "webhooks", action="webhook.update",
          errors=(*NO_WEBHOOK, "400 UNSAFE_URL", *NO_INTEGRATION)),
    Route("DELETE", "/api/tenant/webhooks/{webhookId}", "functions.webhooks.delete", ADMIN, "webhook",
          "Webhooks: delete an endpoint", "webhooks", action="webhook.delete", errors=NO_WEBHOOK),
    Route("POST", "/api/tenant/webhooks/{webhookId}/rotate-secret", "functions.webhooks.rotate_secret", ADMIN,
          "webhook", "Webhooks: rotate the signing secret", "webhooks", action="webhook.rotate_secret",
          grants=WEBHOOK_SIGNING, errors=NO_WEBHOOK),
    Route("POST", "/api/tenant/webhooks/{webhookId}/test", "functions.webhooks.test", ADMIN, "webhook",
          "Webhooks: send a test event", "webhooks", action="webhook.test",
          grants=(*WEBHOOK_SIGNING, *EVENTS), errors=(*NO_WEBHOOK, "409 WEBHOOK_DISABLED")),
    Route("GET", "/api/tenant/webhooks/{webhookId}/deliveries", "functions.webhooks.list_deliveries", ADMIN,
          "webhook", "Webhooks: list deliveries", "webhooks", errors=NO_WEBHOOK),
    Route("GET", "/api/tenant/webhooks/{webhookId}/stats", "functions.webhooks.stats", ADMIN, "webhook",
          "Webhooks: delivery statistics", "webhooks", errors=NO_WEBHOOK),
    Route("POST", "/api/tenant/webhooks/{webhookId}/recover", "functions.webhooks.recover", ADMIN, "webhook",
          "Webhooks: resend failed deliveries since a time", "webhooks", action="webhook.recover",
          errors=(*NO_WEBHOOK, "409 WEBHOOK_DISABLED")),
    Route("GET", "/api/tenant/webhooks/{webhookId}/recover/{jobId}", "functions.webhooks.get_recovery", ADMIN,
          "webhook", "Webhooks: a recover job's progress", "webhooks", errors=NO_WEBHOOK),
    Route("POST", "/api/tenant/webhooks/{webhookId}/deliveries/{deliveryId}/retry",
          "functions.webhooks.retry_delivery", ADMIN, "webhook", "Webhooks: retry a delivery", "webhooks",
          action="webhook.retry_delivery", grants=(*WEBHOOK_SIGNING, *EVENTS),
          errors=(*NO_WEBHOOK, "409 WEBHOOK_DISABLED", "409 DELIVERY_IN_PROGRESS")),
]
