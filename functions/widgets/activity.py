"""GET /api/tenant/integrations/{id}/widgets/activity: recent connection activity and sync runs."""

from hub.http import create_app, lambda_entry
from hub.http.app import parse_query
from hub.http.context import current_principal
from hub.widgets.models import ActivityParams
from hub.widgets.service import widget_activity

app = create_app()


@app.get("/api/tenant/integrations/<id>/widgets/activity", summary="Integration activity for a widget",
         tags=["widgets"])
def get_widget_activity(id: str) -> dict:
    return widget_activity(current_principal(), id, parse_query(app, ActivityParams))


handler = lambda_entry(app)
