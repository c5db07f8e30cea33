"""GET /api/tenant/integrations/{id}/widgets/data: provider records of one entity for a widget."""

from typing import Annotated

from hub.http import Query, create_app, lambda_entry
from hub.http.context import current_principal
from hub.widgets.data import widget_data
from hub.widgets.models import DataParams, WidgetData

app = create_app()


@app.get("/api/tenant/integrations/<id>/widgets/data", summary="Provider data for a widget", tags=["widgets"])
def get_widget_data(id: str, query: Annotated[DataParams, Query()]) -> WidgetData:
    return WidgetData.model_validate(widget_data(current_principal(), id, query))


handler = lambda_entry(app)
