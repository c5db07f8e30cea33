"""A provider on loopback that records every request and answers from a script: what the proxy
tests use to see exactly what the hub sent (credentials included) and to make a provider fail
on cue. `sigv4_check` verifies an AWS Signature Version 4 with botocore's own signer."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import pytest
from werkzeug.serving import WSGIRequestHandler, make_server
from werkzeug.wrappers import Request, Response

from hub import clock


@dataclass
class Seen:
    method: str
    path: str
    query: list[tuple[str, str]]
    headers: dict[str, str]
    body: bytes
    url: str


@dataclass
class Scripted:
    status: int = 200
    body: bytes = b'{"ok":true}'
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "application/json"})


class _Quiet(WSGIRequestHandler):
    def log(self, type: str, message: str, *args: Any) -> None:
        pass


class CaptureProvider:
    def __init__(self) -> None:
        self.seen: list[Seen] = []
        self.script: list[Scripted] = []
        self._lock = threading.Lock()
        self._server = make_server("127.0.0.1", 0, self._app, threaded=True, request_handler=_Quiet)
        self.base_url = f"http://127.0.0.1:{self._server.server_port}"
        self._thread = threading.Thread(target=self._server.serve_forever, name="capture", daemon=True)
        self._thread.start()

    def answer(self, *answers: Scripted) -> None:
        """The next answers, in order; after them every request gets 200 {"ok": true}."""
        with self._lock:
            self.script.extend(answers)

    def reset(self) -> None:
        with self._lock:
            self.seen.clear()
            self.script.clear()

    def _app(self, environ: dict[str, Any], start_response: Any) -> Any:
        request = Request(environ)
        seen = Seen(method=request.method, path=request.path, query=list(request.args.items(multi=True)),
                    headers={k.lower(): v for k, v in request.headers.items()}, body=request.get_data(),
                    url=request.url)
        with self._lock:
            self.seen.append(seen)
            scripted = self.script.pop(0) if self.script else Scripted()
        response = Response(scripted.body, status=scripted.status)
        response.headers.clear()
        for name, value in scripted.headers.items():
            response.headers[name] = value
        return response(environ, start_response)

    def stop(self) -> None:
        self._server.shutdown()


@pytest.fixture
def capture() -> Iterator[CaptureProvider]:
    provider = CaptureProvider()
    yield provider
    provider.stop()


def sigv4_check(seen: Seen, credentials: Mapping[str, str], service: str, region: str) -> bool:
    """Whether the request carries a valid SigV4 signature for these credentials, computed again
    by botocore's signer over the headers the request says it signed."""
    from botocore.auth import S3SigV4Auth, SigV4Auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials

    authorization = seen.headers["authorization"]
    scheme, _, rest = authorization.partition(" ")
    parts = dict(part.strip().split("=", 1) for part in rest.split(","))
    signed = parts["SignedHeaders"].split(";")
    assert scheme == "AWS4-HMAC-SHA256" and parts["Credential"].split("/")[3] == service
    headers = {name: seen.headers[name] for name in signed}
    request = AWSRequest(method=seen.method, url=seen.url, data=seen.body, headers=headers)
    request.context["timestamp"] = seen.headers["x-amz-date"]
    signer_class = S3SigV4Auth if service == "s3" else SigV4Auth
    signer = signer_class(Credentials(credentials["AccessKeyId"], credentials["SecretAccessKey"],
                                      credentials.get("SessionToken") or None), service, region)
    canonical = signer.canonical_request(request)
    expected = signer.signature(signer.string_to_sign(request, canonical), request)
    return bool(parts["Signature"] == expected)


def echo_json(seen: Seen) -> Any:
    return json.loads(seen.body) if seen.body else None


class Waits:
    """Waits taken on the hub's clock (hub.proxy.retry.use_sleeper), never the wall clock."""

    def __init__(self) -> None:
        self.waited: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waited.append(seconds)
        clock.advance(seconds)
