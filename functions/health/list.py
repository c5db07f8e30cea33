"""GET /api/tenant/integrations/health: every integration of the tenant with its health."""

from typing import Annotated

from hub.http import Query, create_app, lambda_entry
from hub.http.context import current_principal
from hub.jobs.answers import HealthList
from hub.jobs.health_views import HealthListParams, integrations_health

app = create_app()


@app.get("/api/tenant/integrations/health", summary="Health of all integrations", tags=["health"])
def get_all_health(query: Annotated[HealthListParams, Query()]) -> HealthList:
    return HealthList.model_validate(integrations_health(current_principal().tenant_id, query))


handler = lambda_entry(app)
