"""A real OpenID provider on loopback for the OAuth tests: panva/oidc-provider on Node, from
tests/support/oidc (package.json + package-lock.json, installed by `make install`). Started
once per test session on a free port; `OidcBrowser` plays a person at the provider (logged in
as `account`), following the provider's redirects until it is sent back to the hub."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urljoin, urlsplit

import httpx
import pytest

from local.stack import free_port

SERVER_DIR = Path(__file__).with_name("oidc")
HUB_CALLBACK = "http://127.0.0.1:3000/api/integrations/oauth/callback"
FRONTEND_CALLBACK = "https://app.example.com/oauth/done"
CLIENTS = {"basic": "hub-basic", "body": "hub-post"}


@dataclass
class RunningOidc:
    issuer: str
    process: subprocess.Popen[str]

    @staticmethod
    def client_secret(client_id: str) -> str:
        return f"{client_id}-secret"


@pytest.fixture(scope="session")
def oidc_server() -> Iterator[RunningOidc]:
    node = shutil.which("node")
    if node is None or not (SERVER_DIR / "node_modules" / "oidc-provider").is_dir():
        pytest.fail("the test OpenID provider is not installed: run `make install` (npm ci in tests/support/oidc)")
    port = free_port()
    env = {**os.environ, "PORT": str(port), "REDIRECT_URIS": f"{HUB_CALLBACK},{FRONTEND_CALLBACK}",
           "NODE_ENV": "test"}
    process = subprocess.Popen([node, "server.mjs"], cwd=SERVER_DIR, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True)
    assert process.stdout is not None
    line = process.stdout.readline()  # blocks until the server listens (or exits)
    if not line.startswith("READY "):
        process.kill()
        pytest.fail(f"the test OpenID provider did not start: {line!r}")
    try:
        yield RunningOidc(issuer=line.split(" ", 1)[1].strip(), process=process)
    finally:
        process.terminate()
        process.wait(timeout=10)


class OidcBrowser:
    """A person's browser at the provider (its own cookies), logged in as `account`."""

    def __init__(self, account: str = "alice") -> None:
        self.client = httpx.Client(follow_redirects=False, timeout=10)
        self.client.cookies.set("test_account", account, domain="127.0.0.1")

    def authorize(self, provider_url: str, *, until: str = HUB_CALLBACK) -> dict[str, str]:
        """Follow the provider's redirects; the query it finally sends to `until` (the hub's
        callback or a frontend page): code, state and iss, or an error."""
        url = provider_url
        for _ in range(10):
            if url.startswith(until):
                return dict(parse_qsl(urlsplit(url).query))
            response = self.client.get(url)
            assert response.status_code in (302, 303), (response.status_code, response.text[:300])
            url = urljoin(url, response.headers["location"])
        raise AssertionError("the provider never sent the browser back")
