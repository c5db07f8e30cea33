"""GET /openapi.json: the merged OpenAPI document of every handler module."""

from hub.http import create_app, lambda_entry
from hub.openapi import openapi_document

app = create_app()


@app.get("/openapi.json", summary="The OpenAPI document", tags=["system"])
def get_openapi() -> dict:
    return openapi_document()


handler = lambda_entry(app)
