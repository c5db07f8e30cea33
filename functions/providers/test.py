"""POST /api/admin/integrations/{category}/{id}/test: test the system-level connection."""

from hub.catalog.models import ProviderTestResult
from hub.catalog.service import test_provider
from hub.http import create_app, lambda_entry

app = create_app()


@app.post("/api/admin/integrations/<category>/<id>/test", summary="Test a provider's system-level connection",
          tags=["providers"])
def post_test(category: str, id: str) -> ProviderTestResult:
    return test_provider(category, id)


handler = lambda_entry(app)
