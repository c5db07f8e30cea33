"""POST /api/integrations/search: search every integration the caller can read, grouped by
integration and entity; a provider that fails is listed in `errors`."""

from typing import Annotated

from hub.http import Body, create_app, lambda_entry
from hub.http.context import current_principal
from hub.search.models import GlobalSearchAnswer, SearchRequest
from hub.search.service import global_search

app = create_app()


@app.post("/api/integrations/search", summary="Search across the tenant's integrations", tags=["search"])
def post_search(body: Annotated[SearchRequest, Body()]) -> GlobalSearchAnswer:
    return GlobalSearchAnswer.model_validate(global_search(current_principal(), body))


handler = lambda_entry(app)
