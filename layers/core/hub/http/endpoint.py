"""One handler function as the adapter (hub/http/app.py) serves it: what it takes, read once from
its signature, and what it answers.

A parameter is a path parameter unless marked `Annotated[Model, Query()]` (the query string,
validated by a pydantic model) or `Annotated[Model, Body()]` (the JSON body). `Path(...)` adds
constraints to a path parameter. The markers keep Powertools' keyword arguments so the OpenAPI
document is still built by Powertools (hub/http/openapi_bridge.py). Inputs are read and errors
located exactly as Powertools' request validation did, so clients see the same 400 details.
"""

from __future__ import annotations

import re
import typing
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from inspect import Parameter, signature
from typing import Annotated, Any, ClassVar, Union, get_args, get_origin
from urllib.parse import parse_qs

from pydantic import BaseModel, Field, TypeAdapter
from pydantic import ValidationError as PydanticValidationError

from hub.errors import UnsupportedMediaType, ValidationError
from hub.http.event import JSON, HttpEvent, Response
from hub.http.validation import (
    MAX_REPORTED_CONTENT_TYPE,
    body_text,
    is_json_media_type,
    parse_json_object,
    refuse_unknown_query,
    validation_details,
)

# a `<param>` segment holds any character but "/", as API Gateway's `{param}` does; what a
# parameter may hold is its Path marker's pattern (a 400 in the envelope), never a 404
_SEGMENT = r"[^/]+"
_PARAM = re.compile(r"<(\w+)>")
_PATH_CONSTRAINTS = ("pattern", "min_length", "max_length")


class Param:
    """Marks where a parameter comes from; `options` are Powertools' keywords for the document."""

    location: ClassVar[str] = "path"

    def __init__(self, **options: Any) -> None:
        self.options = options


class Path(Param):
    location = "path"


class Query(Param):
    location = "query"


class Body(Param):
    location = "body"


class AnswerMismatch(Exception):
    """The handler's answer does not fit its declared type: the hub's bug, never the caller's."""

    def __init__(self, errors: list[dict[str, Any]]) -> None:
        super().__init__("answer does not match its model")
        self.errors = errors


def route_pattern(rule: str, *, greedy_tail: bool) -> re.Pattern[str]:
    """`/a/<id>/b` as a regular expression; with `greedy_tail` a trailing `<name>` takes the rest
    of the path, slashes included (API Gateway's `{name+}`)."""
    head, _, tail = rule.rpartition("/")
    greedy = _PARAM.fullmatch(tail) if greedy_tail else None
    def named(match: re.Match[str]) -> str:
        return f"(?P<{match.group(1)}>{_SEGMENT})"

    if greedy:
        return re.compile(f"^{_PARAM.sub(named, head)}/(?P<{greedy.group(1)}>.+)$")
    return re.compile(f"^{_PARAM.sub(named, rule)}$")


@dataclass(frozen=True)
class Input:
    name: str
    annotation: Any  # the type without its marker
    marker: Param | None = None

    @property
    def _constraints(self) -> dict[str, Any]:
        return {k: v for k, v in (self.marker.options if self.marker else {}).items() if k in _PATH_CONSTRAINTS}

    @cached_property
    def adapter(self) -> TypeAdapter[Any]:
        constraints = self._constraints
        annotation: Any = Annotated[self.annotation, Field(**constraints)] if constraints else self.annotation
        return TypeAdapter(annotation)

    @property
    def takes_any_segment(self) -> bool:
        """A plain `str` without constraints takes every segment its route matches (never a 400);
        any other type or constraint may refuse one."""
        return self.annotation is str and not self._constraints


@dataclass
class Endpoint:
    func: Callable[..., Any]
    rule: str
    methods: tuple[str, ...]
    pattern: re.Pattern[str]
    status_code: int = 200
    validate: bool = True
    options: dict[str, Any] = field(default_factory=dict)  # summary, tags, responses: the document's

    @cached_property
    def _inputs(self) -> tuple[list[Input], Input | None, Input | None, Any]:
        hints = typing.get_type_hints(self.func, include_extras=True)
        path, query, body = [], None, None
        for name, parameter in signature(self.func).parameters.items():
            annotation = hints.get(name, str)
            marker = None
            if get_origin(annotation) is Annotated:
                base, *metadata = get_args(annotation)
                marker = next((m for m in metadata if isinstance(m, Param)), None)
                annotation = base if marker else annotation
            item = Input(name, annotation, marker)
            if isinstance(marker, Query):
                query = item
            elif isinstance(marker, Body):
                body = item
            elif f"<{name}>" in self.rule and parameter.kind is not Parameter.VAR_KEYWORD:
                path.append(item)
            else:
                raise TypeError(f"{self.func.__qualname__}: {name} is neither in {self.rule} nor Query()/Body()")
        answer = hints.get("return", Parameter.empty)
        if get_origin(answer) is Response:
            answer = get_args(answer)[0]
        elif answer is Response:
            answer = Any
        return path, query, body, answer

    @property
    def path_inputs(self) -> list[Input]:
        return self._inputs[0]

    @property
    def refuses_path(self) -> bool:
        """Whether some segment its route matches is refused with a 400 (hub/http/contract.py)."""
        return self.validate and not all(item.takes_any_segment for item in self.path_inputs)

    @property
    def query_model(self) -> type[BaseModel] | None:
        query = self._inputs[1]
        return query.annotation if query is not None else None

    @property
    def body_input(self) -> Input | None:
        return self._inputs[2]

    @property
    def answer_type(self) -> Any:
        return self._inputs[3]

    @cached_property
    def _answer_adapter(self) -> TypeAdapter[Any] | None:
        answer = self.answer_type
        return None if answer is Parameter.empty else TypeAdapter(type(None) if answer is None else answer)

    def call(self, event: HttpEvent, path_values: Mapping[str, str], *, public: bool) -> Response[Any]:
        """Bind the request to the function's parameters, call it, and check its answer."""
        arguments = self.bind(event, path_values, public=public) if self.validate else dict(path_values)
        result = self.func(**arguments)
        response = result if isinstance(result, Response) else Response(self.status_code, JSON, result)
        if self.validate:
            self._check_answer(response)
        return response

    def bind(self, event: HttpEvent, path_values: Mapping[str, str], *, public: bool) -> dict[str, Any]:
        query = self._inputs[1]
        refuse_unknown_query(query.annotation if query else None, event.query_string_parameters, public=public)
        values: dict[str, Any] = {}
        errors: list[dict[str, Any]] = []
        for item in self.path_inputs:
            values[item.name] = _validated(item.adapter, path_values.get(item.name), ("path", item.name), errors)
        if query is not None:
            given = _query_values(query.annotation, event)
            values[query.name] = _validated(query.adapter, given, ("query", query.name), errors)
        body = self.body_input
        if body is not None:
            content_type = event.headers.get("content-type", "") or ""
            if not is_json_media_type(content_type):
                raise UnsupportedMediaType(details={"contentType": content_type[:MAX_REPORTED_CONTENT_TYPE],
                                                    "supported": [JSON]})
            parsed = parse_json_object(body_text(event.body, base64_encoded=event.is_base64_encoded))
            values[body.name] = _validated(body.adapter, parsed, ("body",), errors)
        if errors:
            raise ValidationError(details=validation_details(errors))
        return values

    def _check_answer(self, response: Response[Any]) -> None:
        adapter = self._answer_adapter
        if adapter is None:
            return
        content = None if response.body == "" and self.answer_type is None else response.body
        try:
            value = adapter.validate_python(content, from_attributes=True)
        except PydanticValidationError as error:
            raise AnswerMismatch([{**e, "loc": ("response", *e["loc"])} for e in error.errors()]) from None
        response.body = adapter.dump_python(value, mode="json", by_alias=True)


def _validated(adapter: TypeAdapter[Any], value: Any, loc: tuple[str, ...], errors: list[dict[str, Any]]) -> Any:
    if value is None:
        errors.append({"type": "missing", "loc": loc, "msg": "Field required", "input": None})
        return None
    try:
        return adapter.validate_python(value, from_attributes=True)
    except PydanticValidationError as error:
        errors.extend({**e, "loc": (*loc, *e["loc"])} for e in error.errors())
        return None


def _query_values(model: type[BaseModel], event: HttpEvent) -> dict[str, Any]:
    """The model's fields from the query string. API Gateway joins a repeated parameter with
    commas: a list field gets every value, a scalar field the value as sent (its first when the
    parameter was really repeated)."""
    split = {name: value.split(",") for name, value in event.query_string_parameters.items()}
    repeated = {name for name, values in parse_qs(event.raw_query_string, keep_blank_values=True).items()
                if len(values) > 1}
    by_name = bool(model.model_config.get("validate_by_name") or model.model_config.get("populate_by_name"))
    found: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        alias = info.alias or name
        source = alias if split.get(alias) is not None else name
        values = split.get(alias) if split.get(alias) is not None else (split.get(name) if by_name else None)
        if values is None:
            continue
        if _is_sequence(info.annotation):
            found[alias] = values
        else:
            found[alias] = values[0] if len(values) == 1 or source in repeated else ",".join(values)
    return found


def _is_sequence(annotation: Any) -> bool:
    origin = get_origin(annotation) or annotation
    if isinstance(origin, type) and issubclass(origin, (list, tuple, set, frozenset)):
        return True
    if origin is Union or type(annotation).__name__ == "UnionType":
        return any(_is_sequence(arg) for arg in get_args(annotation))
    return isinstance(origin, type) and origin is Sequence
