"""GET /api/tenant/integrations/{id}/widgets/activity: recent connection activity and sync runs."""

from typing import Annotated

from hub.http import Query, create_app, lambda_entry
from hub.http.context import current_principal
from hub.widgets.models import ActivityParams, WidgetActivity
from hub.widgets.service import widget_activity

app = create_app()


@app.get("/api/tenant/integrations/<id>/widgets/activity", summary="Integration activity for a widget",
         tags=["widgets"])
def get_widget_activity(id: str, query: Annotated[ActivityParams, Query()]) -> WidgetActivity:
    return WidgetActivity.model_validate(widget_activity(current_principal(), id, query))


handler = lambda_entry(app)
