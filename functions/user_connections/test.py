"""POST /api/user/integrations/{id}/connection/test: run the provider's verification request on my connection."""

from hub.connections.answers import TestResult
from hub.connections.operations import test_connection
from hub.http import create_app, lambda_entry
from hub.http.context import current_principal

app = create_app()


@app.post("/api/user/integrations/<id>/connection/test", summary="Test my connection", tags=["user_connections"])
def post_user_test(id: str) -> TestResult:
    return TestResult.model_validate(test_connection(current_principal(), id, user_scoped=True))


handler = lambda_entry(app)
