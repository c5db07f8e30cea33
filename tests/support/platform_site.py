"""A platform's app on its own loopback origin, for the connect page's browser test: a static
page (platform_site.html) and "its backend", which makes connect sessions with the platform's
tenant-admin token (the browser never sees that token)."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx

PAGE = (Path(__file__).parent / "platform_site.html").read_bytes()


@dataclass
class PlatformSite:
    hub_url: str
    admin_token: str
    session_origin: str | None = None  # the origin its sessions name (default: its own)
    sessions: list[dict[str, Any]] = field(default_factory=list)
    _server: ThreadingHTTPServer | None = None

    @property
    def origin(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def make_session(self, integrations: list[str]) -> dict[str, Any]:
        """The backend's call: POST /api/tenant/connect-sessions with the platform's own token."""
        answer = httpx.post(f"{self.hub_url}/api/tenant/connect-sessions", timeout=300,
                            headers={"Authorization": f"Bearer {self.admin_token}"},
                            json={"integrations": integrations, "origin": self.session_origin or self.origin})
        answer.raise_for_status()
        session: dict[str, Any] = answer.json()
        self.sessions.append(session)
        return session

    def start(self, port: int = 0) -> PlatformSite:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *_: Any) -> None:
                return

            def _send(self, status: int, body: bytes, content_type: str) -> None:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:
                if urlsplit(self.path).path == "/":
                    self._send(200, PAGE, "text/html; charset=utf-8")
                else:
                    self._send(404, b"not found", "text/plain")

            def do_POST(self) -> None:
                parts = urlsplit(self.path)
                if parts.path != "/backend/session":
                    self._send(404, b"not found", "text/plain")
                    return
                integrations = parse_qs(parts.query).get("integration", [])
                session = site.make_session(integrations)
                self._send(200, json.dumps({"connectUrl": session["connectUrl"]}).encode(), "application/json")

        self._server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        threading.Thread(target=self._server.serve_forever, name="platform-site", daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
