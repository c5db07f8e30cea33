"""GET /api/tenant/integrations/{id}/widgets/status: the integration's state for a dashboard widget."""

from hub.http import create_app, lambda_entry
from hub.http.context import current_principal
from hub.widgets.models import WidgetStatus
from hub.widgets.service import widget_status

app = create_app()


@app.get("/api/tenant/integrations/<id>/widgets/status", summary="Integration status for a widget",
         tags=["widgets"])
def get_widget_status(id: str) -> WidgetStatus:
    return WidgetStatus.model_validate(widget_status(current_principal(), id))


handler = lambda_entry(app)
