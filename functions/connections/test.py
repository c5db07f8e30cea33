"""POST /api/tenant/integrations/{id}/connection/test: run the provider's verification request."""

from hub.connections.answers import TestResult
from hub.connections.operations import test_connection
from hub.http import create_app, lambda_entry
from hub.http.context import current_principal

app = create_app()


@app.post("/api/tenant/integrations/<id>/connection/test", summary="Test the connection", tags=["connections"])
def post_test(id: str) -> TestResult:
    return TestResult.model_validate(test_connection(current_principal(), id))


handler = lambda_entry(app)
