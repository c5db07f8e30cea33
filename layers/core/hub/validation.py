"""Shared input types: text without control characters, and JSON documents with bounds that
DynamoDB and the audit trail can always hold (no 500 from an odd but "valid" input)."""

from __future__ import annotations

import json
import math
import re
from typing import Annotated, Any

from pydantic import AfterValidator, SecretStr

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CONTROL_OR_NEWLINE = re.compile(r"[\x00-\x1f\x7f]")
# JSON may escape a lone UTF-16 surrogate ("\\ud800"): Python accepts it, UTF-8 (DynamoDB, logs) cannot
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_NOT_HEADER_TEXT = re.compile(r"[^\x20-\x7e]")
MAX_DOCUMENT_BYTES = 16 * 1024
MAX_DEPTH = 8
MAX_KEY_LENGTH = 64
MAX_NUMBER = 10**38  # DynamoDB numbers hold 38 significant digits


def parse_json(text: str | bytes) -> Any:
    """JSON text the hub did not write: a query parameter, a credential, a claim, a provider's
    answer. Every failure is a ValueError, as json.loads's own are, including nesting past the
    parser's stack: that is a RecursionError, which an `except ValueError` lets through as a 500."""
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError("the JSON nests too deeply") from None


def encodable(value: str) -> str:
    if _SURROGATE.search(value):
        raise ValueError("must be valid Unicode (no unpaired surrogates)")
    return value


def _single_line(value: str) -> str:
    if _CONTROL_OR_NEWLINE.search(value):
        raise ValueError("must not contain control characters")
    return encodable(value)


def _multi_line(value: str) -> str:
    if _CONTROL.search(value):
        raise ValueError("must not contain control characters")
    return encodable(value)


def _header_text(value: Any) -> Any:
    text = value.get_secret_value() if hasattr(value, "get_secret_value") else value
    if _NOT_HEADER_TEXT.search(text):
        raise ValueError("must be printable ASCII: it is sent in an HTTP header")
    return value


def _check_node(node: Any, depth: int) -> None:
    if depth > MAX_DEPTH:
        raise ValueError(f"nests deeper than {MAX_DEPTH} levels")
    if isinstance(node, dict):
        for key, item in node.items():
            if (not isinstance(key, str) or not 1 <= len(key) <= MAX_KEY_LENGTH or _CONTROL_OR_NEWLINE.search(key)
                    or _SURROGATE.search(key)):
                raise ValueError(f"keys are 1 to {MAX_KEY_LENGTH} characters without control characters")
            _check_node(item, depth + 1)
    elif isinstance(node, list):
        for item in node:
            _check_node(item, depth + 1)
    elif isinstance(node, bool) or node is None:
        return
    elif isinstance(node, int):
        if abs(node) >= MAX_NUMBER:
            raise ValueError("numbers must be smaller than 10^38")
    elif isinstance(node, float):
        if not math.isfinite(node) or abs(node) >= MAX_NUMBER:
            raise ValueError("numbers must be finite and smaller than 10^38")
    elif isinstance(node, str):
        if _CONTROL.search(node):
            raise ValueError("strings must not contain control characters")
        encodable(node)
    else:
        raise ValueError("only JSON values are allowed")


def _bounded_document(value: Any) -> Any:
    if value is None:
        return value
    _check_node(value, 0)
    if len(json.dumps(value, separators=(",", ":")).encode()) > MAX_DOCUMENT_BYTES:
        raise ValueError(f"is larger than {MAX_DOCUMENT_BYTES // 1024} KB")
    return value


SingleLine = Annotated[str, AfterValidator(_single_line)]
MultiLine = Annotated[str, AfterValidator(_multi_line)]
# a secret the hub puts into an HTTP header (an API key): printable ASCII
HeaderSecret = Annotated[SecretStr, AfterValidator(_header_text)]
BoundedDocument = Annotated[dict[str, Any], AfterValidator(_bounded_document)]
