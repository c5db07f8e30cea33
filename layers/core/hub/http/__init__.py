"""HTTP plumbing shared by every handler: the app factory, the request pipeline, responses."""

from hub.http.app import create_app, lambda_entry
from hub.http.context import current_request, record_change

__all__ = ["create_app", "current_request", "lambda_entry", "record_change"]
