"""THE route table: every HTTP route of the hub, once (DESIGN.md §2).

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
    # ---- catalog (tenant) --------------------------------------------------------------
    # ---- integrations (tenant instances) -----------------------------------------------
    # ---- audit -------------------------------------------------------------------------
    # ---- connections -------------------------------------------------------------------
    # ---- oauth -------------------------------------------------------------------------
    # ---- user connections --------------------------------------------------------------
    # ---- health, sync ------------------------------------------------------------------
    # ---- search, widgets ---------------------------------------------------------------
    # ---- webhooks ----------------------------------------------------------------------
    Route("POST", "/api/tenant/webhooks", "functions.webhooks.create", ADMIN, "webhook",
          "Webhooks: register an endpoint", "webhooks", action="webhook.create", idempotent=True),
    Route("GET", "/api/tenant/webhooks", "functions.webhooks.list", ADMIN, "webhook",
          "Webhooks: list endpoints", "webhooks"),
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
    Route("POST", "/api/tenant/webhooks/{webhookId}/deliveries/{deliveryId}/retry",
          "functions.webhooks.retry_delivery", ADMIN, "webhook", "Webhooks: retry a delivery", "webhooks",
          action="webhook.retry_delivery"),
]
