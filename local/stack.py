"""The local stack behind `make run`: moto server on loopback, the hub's resources created from
the same definitions as the CDK stack, the API Gateway emulator, and the extras later issues add
(sandbox OAuth provider, scheduler, queue poller). Nothing here is deployed."""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hub.settings import PROCESS_ENVIRONMENT
from local.issuer import STATE_DIR

# where a running stack says where it is (`invoke` and `put-event` read it); tests that run
# several stacks at once give each its own file
STATE_FILE = Path(os.environ.get("HUB_LOCAL_STACK_FILE") or STATE_DIR / "stack.json")
ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PortInUse(RuntimeError):
    """A port the stack must listen on is taken (often: another `make run`)."""


def ensure_free(port: int, what: str) -> None:
    """Fail before anything starts, so a refused `make run` leaves no process behind."""
    if not port:
        return
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        # as the servers themselves bind: a port in TIME_WAIT is free, one with a listener is not
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            raise PortInUse(f"port {port} ({what}) is already in use: stop the other process, or pick "
                            f"another port (make run PORT=3001, python -m local run --sandbox-port 9101)") from None


def wait_for_port(port: int, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return
        time.sleep(0.1)
    raise TimeoutError(f"nothing listens on 127.0.0.1:{port}")


def local_origins(api_url: str) -> list[str]:
    """CORS and return origins of the local stack: the API itself, a dev server on 5173 (Vite's
    default), and whatever HUB_ALLOWED_RETURN_ORIGINS adds (`HUB_ALLOWED_RETURN_ORIGINS=
    http://127.0.0.1:8080 make run` for a frontend served elsewhere)."""
    port = api_url.rsplit(":", 1)[-1]
    defaults = [api_url, f"http://localhost:{port}", "http://127.0.0.1:5173", "http://localhost:5173"]
    added = [o.strip() for o in os.environ.get("HUB_ALLOWED_RETURN_ORIGINS", "").split(",") if o.strip()]
    return list(dict.fromkeys([*defaults, *added]))


def base_environment(api_url: str, moto_url: str) -> dict[str, str]:
    """The Lambda-like environment the handlers run with locally."""
    return {
        **PROCESS_ENVIRONMENT,
        "AWS_ACCESS_KEY_ID": "local",
        "AWS_SECRET_ACCESS_KEY": "local",
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_REGION": "us-east-1",
        "HUB_AWS_ENDPOINT_URL": moto_url,
        "HUB_STAGE": "local",
        "HUB_PUBLIC_API_URL": api_url,
        "HUB_ALLOW_HTTP_LOOPBACK": "true",
        # loopback receivers (python -m local.receiver) listen on high ports; deployments keep 443/8443
        "HUB_WEBHOOK_ALLOWED_PORTS": "443,8443,1024-65535",
        "HUB_ALLOWED_RETURN_ORIGINS": ",".join(local_origins(api_url)),
        "POWERTOOLS_SERVICE_NAME": "integration-hub",
        "POWERTOOLS_METRICS_NAMESPACE": "IntegrationHub",
        "POWERTOOLS_METRICS_DISABLED": "true",
        "POWERTOOLS_TRACE_DISABLED": "true",
        "POWERTOOLS_LOG_LEVEL": os.environ.get("POWERTOOLS_LOG_LEVEL", "WARNING"),
    }


@dataclass
class LocalStack:
    port: int = 3000
    moto_port: int = 0
    sandbox_port: int = 0
    quiet: bool = False
    extras: list[Callable[[LocalStack], Any]] = field(default_factory=list)
    api_url: str = ""
    moto_url: str = ""
    sandbox_url: str = ""
    _moto: subprocess.Popen[bytes] | None = None
    _server: Any = None
    _threads: list[threading.Thread] = field(default_factory=list)
    _stoppers: list[Callable[[], None]] = field(default_factory=list)

    def start(self) -> LocalStack:
        """Start everything, or nothing: a failure part-way stops what had started (moto's
        process, the sandbox, the job threads) before the error is raised."""
        import warnings

        warnings.filterwarnings("ignore", message="No application metrics to publish")
        ensure_free(self.port, "the API")
        ensure_free(self.sandbox_port, "the sandbox OAuth provider")
        ensure_free(self.moto_port, "moto")
        self.moto_port = self.moto_port or free_port()
        self.api_url = f"http://127.0.0.1:{self.port}"
        self.moto_url = f"http://127.0.0.1:{self.moto_port}"
        try:
            self._start_moto()
            os.environ.update(base_environment(self.api_url, self.moto_url))
            self._start_sandbox()
            self._create_resources()
            for extra in self.extras:
                extra(self)
            self._start_api()
            self._write_state()
        except BaseException:
            self.stop()
            raise
        return self

    def _start_moto(self) -> None:
        log = open(STATE_DIR / "moto.log", "wb") if STATE_DIR.exists() else subprocess.DEVNULL
        self._moto = subprocess.Popen(
            [sys.executable, "-m", "local.moto_server", str(self.moto_port), str(os.getpid())],
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        wait_for_port(self.moto_port)

    def _start_sandbox(self) -> None:
        try:
            from local.sandbox import start_sandbox
        except ImportError:
            return
        sandbox = start_sandbox(port=self.sandbox_port)
        self.sandbox_url = sandbox.base_url
        os.environ["HUB_SANDBOX_BASE_URL"] = sandbox.base_url
        self._stoppers.append(sandbox.stop)

    def _create_resources(self) -> None:
        from hub import aws
        from hub.settings import reset_settings
        from local.resources import create_resources

        resources = create_resources(endpoint_url=self.moto_url)
        os.environ.update(resources.environment())
        reset_settings()
        aws.reset_clients()

    def _start_api(self) -> None:
        import logging

        from werkzeug.serving import make_server

        logging.getLogger("werkzeug").setLevel(logging.ERROR)  # the emulator logs each request itself

        from local.emulator import ApiGatewayEmulator
        from local.issuer import LocalIssuer

        emulator = ApiGatewayEmulator(LocalIssuer(), log=not self.quiet)
        self._server = make_server("127.0.0.1", self.port, emulator, threaded=True)
        thread = threading.Thread(target=self._server.serve_forever, name="api", daemon=True)
        thread.start()
        self._threads.append(thread)

    def _write_state(self) -> None:
        STATE_DIR.mkdir(parents=True, exist_ok=True)
        STATE_FILE.write_text(json.dumps({
            "apiUrl": self.api_url,
            "motoUrl": self.moto_url,
            "sandboxUrl": self.sandbox_url,
            "pid": os.getpid(),
        }))

    def stop(self) -> None:
        for stopper in reversed(self._stoppers):
            with contextlib.suppress(Exception):
                stopper()
        self._stoppers.clear()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._moto is not None:
            self._moto.terminate()
            try:
                self._moto.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self._moto.kill()
                self._moto.wait()
            self._moto = None
        if self._owns_state_file():
            STATE_FILE.unlink()

    def _owns_state_file(self) -> bool:
        # another stack (a second checkout's `make run`, a parallel test) may have written it
        try:
            return int(json.loads(STATE_FILE.read_text()).get("pid", 0)) == os.getpid()
        except (FileNotFoundError, ValueError):
            return False
