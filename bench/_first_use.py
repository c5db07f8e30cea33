"""What a handler's first request builds before its domain code runs, for bench/imports.py.

Domain models defer their validators (defer_build=True) so that an import builds none: a
handler builds, at its first request, the settings model and the validators of its own route's
path, query, body and answer types. `build(module)` builds exactly those, so the bench can
report import + first-use next to import alone, and a deferral that only moves the cost shows.
Not counted: models the domain call itself validates (records read back, provider answers).
Imports only what that building needs, so it adds nothing else to the timed process."""

from __future__ import annotations

import importlib
from inspect import Parameter
from typing import Any

from pydantic import TypeAdapter


def build(module: str) -> None:
    from hub.settings import get_settings

    get_settings()
    app: Any = importlib.import_module(module).app
    for endpoint in app.endpoints:
        for item in endpoint.path_inputs:
            _ = item.adapter
        if endpoint.query_model is not None:
            TypeAdapter(endpoint.query_model)
        if endpoint.body_input is not None:
            _ = endpoint.body_input.adapter
        answer = endpoint.answer_type
        if answer is not Parameter.empty:
            TypeAdapter(type(None) if answer is None else answer)
