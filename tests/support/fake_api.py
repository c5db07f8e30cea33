"""A provider API faked on loopback: fixed answers by path, and a record of what it was asked.

An answer's body is sent as JSON, or as it is when it is bytes (an answer no JSON encoder would
write: a body nested past the parser's stack, a truncated document)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest


class FakeProviderApi:
    """GET and POST answers by path; records what it was asked."""

    def __init__(self, answers: dict[str, tuple[int, Any]]) -> None:
        self.answers, self.requests = answers, []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # the http.server API names it
                fake.requests.append((self.path, self.headers.get("Authorization")))
                status, body = fake.answers.get(self.path, (404, {"message": "Not Found"}))
                raw = body if isinstance(body, bytes) else json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

            def do_POST(self) -> None:  # the http.server API names it
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                self.do_GET()

            def log_message(self, *_: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def fake_api() -> Iterator[FakeProviderApi]:
    api = FakeProviderApi({})
    yield api
    api.close()
