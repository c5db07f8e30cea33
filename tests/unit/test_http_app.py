"""The typed adapter (hub/http/app.py) serving requests of one warm module on several threads,
as the local stack does (local/stack.py serves the emulator threaded)."""

from __future__ import annotations

import json
import threading

from hub.http import create_app
from hub.http.event import HttpEvent


def _event(path: str) -> dict:
    return {"rawPath": path, "requestContext": {"http": {"method": "GET"}, "stage": "$default"}}


def test_a_request_never_reads_the_event_of_another_served_at_the_same_time() -> None:
    # Given a module whose handler reads the request's event, and request "a" paused inside it
    app = create_app()
    b_answered = threading.Event()

    @app.get("/items/<name>")
    def read(name: str) -> dict[str, str]:
        if name == "a":
            assert b_answered.wait(timeout=30)  # a guard against a hang, not a timing assumption
        return {"path": app.current_event.path}

    seen: dict[str, dict] = {}
    first = threading.Thread(target=lambda: seen.update(a=app.resolve(_event("/items/a"), None)))
    first.start()
    # When request "b" is served meanwhile on another thread
    seen["b"] = app.resolve(_event("/items/b"), None)
    b_answered.set()
    first.join()
    # Then each request read its own event
    assert json.loads(seen["b"]["body"]) == {"path": "/items/b"}
    assert json.loads(seen["a"]["body"]) == {"path": "/items/a"}


def test_a_named_stage_is_taken_off_the_path_only_as_a_whole_segment() -> None:
    def path(raw: str) -> str:
        return HttpEvent({"rawPath": raw, "requestContext": {"stage": "prod"}}).path

    # Given a stage named "prod", When paths start with it as a segment or as a mere prefix
    # Then only the segment is the stage
    assert path("/prod/api/x") == "/api/x" and path("/prod") == "/"
    assert path("/products/x") == "/products/x"
