"""A webhook receiver on loopback that a person can run and watch (and tests and benches reuse).

    python -m local.receiver --port 9200 --secret whsec_… [--fail-first 3] [--status 500]

prints one line per request: the message id, event type, the attempt number for that message,
the answer given and whether the Standard Webhooks signature verified (with the independent
`standardwebhooks` library). `--fail-first N` answers `--status` to the first N attempts of each
message and 200 after; `--down` always answers `--status`; `--status 410` makes the hub disable
the endpoint; `--redirect URL` answers 302.
"""

from __future__ import annotations

import argparse
import json
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class ReceivedRequest:
    path: str
    headers: dict[str, str]
    body: bytes
    received_at: float
    attempt: int
    answered: int = 0
    verified: bool | None = None

    @property
    def message_id(self) -> str:
        return self.headers.get("webhook-id", "")

    @property
    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Answer:
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b'{"ok":true}'


Responder = Callable[[ReceivedRequest], Answer]


def verify(body: bytes, headers: dict[str, str], secrets: Sequence[str]) -> bool:
    """True if any of `secrets` verifies the request, checked by the `standardwebhooks` library."""
    from standardwebhooks.webhooks import Webhook, WebhookVerificationError

    for secret in secrets:
        try:
            Webhook(secret).verify(body, headers)
            return True
        except WebhookVerificationError:
            continue
    return False


class _Server(ThreadingHTTPServer):
    # the default listen backlog (5) resets connections when a sender opens 16 at once
    request_queue_size = 256


class Receiver:
    """A threaded HTTP server that records every request and answers as configured."""

    def __init__(
        self,
        *,
        port: int = 0,
        fail_first: int = 0,
        status: int = 500,
        down: bool = False,
        secrets: Sequence[str] = (),
        responder: Responder | None = None,
        on_request: Callable[[ReceivedRequest], None] | None = None,
    ) -> None:
        self.fail_first = fail_first
        self.status = status
        self.down = down
        self.secrets = list(secrets)
        self.responder = responder
        self.on_request = on_request
        self.requests: list[ReceivedRequest] = []
        self.attempts: Counter[str] = Counter()
        self._lock = threading.Lock()
        self._server = _Server(("127.0.0.1", port), self._handler_class())
        self._server.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hooks"

    def start(self) -> Receiver:
        self._thread = threading.Thread(target=self._server.serve_forever, name="webhook-receiver", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> Receiver:
        return self.start()

    def __exit__(self, *_: Any) -> None:
        self.stop()

    def for_message(self, message_id: str) -> list[ReceivedRequest]:
        with self._lock:
            return [r for r in self.requests if r.message_id == message_id]

    def answer_for(self, request: ReceivedRequest) -> Answer:
        if self.responder is not None:
            return self.responder(request)
        if self.down or request.attempt <= self.fail_first:
            return Answer(self.status, body=b'{"ok":false}')
        return Answer()

    def _record(self, path: str, headers: dict[str, str], body: bytes) -> ReceivedRequest:
        with self._lock:
            message_id = headers.get("webhook-id", "")
            self.attempts[message_id] += 1
            request = ReceivedRequest(path, headers, body, time.time(), self.attempts[message_id])
            self.requests.append(request)
        return request

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                # not a webhook: lets a script wait until the receiver listens (README)
                body = b"webhook receiver: POST webhooks here\n"
                self.send_response(200)
                self.send_header("content-type", "text/plain")
                self.send_header("content-length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length)
                headers = {k.lower(): v for k, v in self.headers.items()}
                request = receiver._record(self.path, headers, body)
                if receiver.secrets:
                    request.verified = verify(body, headers, receiver.secrets)
                answer = receiver.answer_for(request)
                request.answered = answer.status
                self.send_response(answer.status)
                for name, value in answer.headers.items():
                    self.send_header(name, value)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(answer.body)))
                self.end_headers()
                self.wfile.write(answer.body)
                if receiver.on_request is not None:
                    receiver.on_request(request)

            def log_message(self, format: str, *args: Any) -> None:
                return

        return Handler


def _print_request(request: ReceivedRequest) -> None:
    try:
        event_type = request.json.get("type", "?")
    except ValueError:
        event_type = "(not JSON)"
    verdict = {True: "signature verified", False: "SIGNATURE INVALID", None: "not verified (no --secret)"}
    print(
        f"{time.strftime('%H:%M:%S')}  {request.message_id}  {event_type:<26} attempt {request.attempt}"
        f"  -> {request.answered}  {verdict[request.verified]}",
        flush=True,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m local.receiver", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=9200)
    parser.add_argument("--secret", action="append", default=[], help="signing secret(s) to verify with")
    parser.add_argument("--fail-first", type=int, default=0, help="fail the first N attempts of each message")
    parser.add_argument("--status", type=int, default=500, help="the status answered when failing")
    parser.add_argument("--down", action="store_true", help="fail every attempt")
    parser.add_argument("--redirect", help="answer 302 to this Location on failures")
    args = parser.parse_args(argv)

    responder: Responder | None = None
    if args.redirect:
        def responder(request: ReceivedRequest) -> Answer:
            if args.down or request.attempt <= max(args.fail_first, 1):
                return Answer(302, headers={"location": args.redirect}, body=b"")
            return Answer()

    receiver = Receiver(port=args.port, fail_first=args.fail_first, status=args.status, down=args.down,
                        secrets=args.secret, responder=responder, on_request=_print_request)
    print(f"webhook receiver on {receiver.url}  (Ctrl-C to stop)", flush=True)
    try:
        receiver._server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        receiver._server.server_close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
