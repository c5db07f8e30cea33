"""HTTP plumbing shared by every handler: the app, the request pipeline, responses."""

from hub.http.app import App, create_app, lambda_entry
from hub.http.context import current_request, record_change
from hub.http.endpoint import Body, Path, Query
from hub.http.event import HttpEvent, Response

__all__ = ["App", "Body", "HttpEvent", "Path", "Query", "Response", "create_app", "current_request",
           "lambda_entry", "record_change"]
