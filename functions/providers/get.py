"""GET /api/admin/integrations/{category}/{id}: one provider."""

from hub.catalog.models import ProviderView
from hub.catalog.service import get_provider
from hub.http import create_app, lambda_entry

app = create_app()


@app.get("/api/admin/integrations/<category>/<id>", summary="Get a provider", tags=["providers"])
def get_one(category: str, id: str) -> ProviderView:
    return get_provider(category, id)


handler = lambda_entry(app)
