"""GET /api/tenant/webhooks: the tenant's endpoints, paginated (status and event filters)."""

from typing import Annotated

from hub.http import Query, create_app, lambda_entry
from hub.http.context import current_principal
from hub.webhooks.models import WebhookList, WebhookListParams
from hub.webhooks.service import list_endpoints

app = create_app()


@app.get("/api/tenant/webhooks", summary="Webhooks: list endpoints", tags=["webhooks"])
def get_webhooks(query: Annotated[WebhookListParams, Query()]) -> WebhookList:
    return list_endpoints(current_principal().tenant_id, query)


handler = lambda_entry(app)
