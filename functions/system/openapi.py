"""GET /openapi.json: the merged OpenAPI document of every handler module."""

from hub.http import create_app, lambda_entry
from hub.openapi import openapi_document
from hub.system import OpenApiDocument

app = create_app()


@app.get("/openapi.json", summary="The OpenAPI document", tags=["system"])
def get_openapi() -> OpenApiDocument:
    return OpenApiDocument.model_validate(openapi_document())


handler = lambda_entry(app)
