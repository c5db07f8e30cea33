"""GET /api/tenant/integrations/{id}/widgets/data: provider records of one entity for a widget."""

from hub.http import create_app, lambda_entry
from hub.http.app import parse_query
from hub.http.context import current_principal
from hub.widgets.models import DataParams
from hub.widgets.service import widget_data

app = create_app()


@app.get("/api/tenant/integrations/<id>/widgets/data", summary="Provider data for a widget", tags=["widgets"])
def get_widget_data(id: str) -> dict:
    return widget_data(current_principal(), id, parse_query(app, DataParams))


handler = lambda_entry(app)
