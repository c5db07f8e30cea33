"""safe_request's one deadline: DNS, connect, sending and the whole body read share one budget.

The receivers are raw sockets on 127.0.0.1. Time is injected (`hub.urlguard._monotonic`), so the
tests assert what is cut and when in the request's life, never how fast the machine is.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import httpx
import pytest

from hub import urlguard
from hub.urlguard import safe_request, use_resolver

BODY_BYTES = 100_000


@dataclass
class Dripper:
    """Answers 200 with a long body, one byte at a time, until the client hangs up."""

    port: int = 0
    headers_sent: threading.Event = field(default_factory=threading.Event)
    body_bytes_sent: int = 0
    hung_up: threading.Event = field(default_factory=threading.Event)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hook"


@pytest.fixture
def dripper() -> Iterator[Dripper]:
    state = Dripper()
    listener = socket.create_server(("127.0.0.1", 0))
    state.port = listener.getsockname()[1]
    stop = threading.Event()

    def serve() -> None:
        connection, _ = listener.accept()
        with connection:
            connection.recv(65536)
            connection.sendall(
                b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
                + f"Content-Length: {BODY_BYTES}\r\n\r\n".encode()
            )
            state.headers_sent.set()
            try:
                while not stop.is_set() and state.body_bytes_sent < BODY_BYTES:
                    connection.sendall(b"x")
                    state.body_bytes_sent += 1
                    time.sleep(0.002)
            except OSError:
                pass
            state.hung_up.set()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        stop.set()
        listener.close()
        thread.join(timeout=10)


@pytest.fixture
def stepping_clock(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Each reading of the deadline's clock moves it one second on: a call may look at the time
    a bounded number of times before its deadline passes, whatever the machine's speed."""
    reading = [1000.0]

    def tick() -> float:
        reading[0] += 1.0
        return reading[0]

    monkeypatch.setattr(urlguard, "_monotonic", tick)
    return reading


def test_a_receiver_dripping_its_answer_is_cut_at_the_deadline(
    dripper: Dripper, stepping_clock: list[float]
) -> None:
    # Given a receiver that sends its headers, then its body one byte at a time
    # When the hub calls it with a 40-second deadline (40 readings of the stepping clock)
    with pytest.raises(httpx.TimeoutException, match="deadline of 40 s"):
        safe_request("POST", dripper.url, content=b"{}", allow_http_loopback=True, timeout=40)
    # Then the call was cut while the body was being read, long before the body ended,
    # and the hub hung up on the receiver
    assert dripper.headers_sent.is_set()
    assert 0 < dripper.body_bytes_sent < BODY_BYTES
    assert dripper.hung_up.wait(timeout=30)


def test_a_silent_receiver_is_cut_at_the_deadline_not_at_a_per_read_timeout(dripper: Dripper) -> None:
    # Given a per-operation timeout would never fire (each byte arrives quickly),
    # When the whole call may take 0.3 s of real time
    with pytest.raises(httpx.TimeoutException):
        safe_request("GET", dripper.url, allow_http_loopback=True, timeout=0.3)
    # Then it ended with most of the body unread
    assert dripper.body_bytes_sent < BODY_BYTES


def test_name_resolution_counts_against_the_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    # Given a resolver that never answers in time
    released = threading.Event()

    def hanging(host: str, port: int) -> list[str]:
        released.wait(timeout=30)
        return ["93.184.216.34"]

    # When the call's deadline passes during DNS
    try:
        with use_resolver(hanging), pytest.raises(httpx.ConnectTimeout, match="name resolution"):
            safe_request("GET", "https://slow-dns.test/", timeout=0.2)
    finally:
        released.set()


def test_a_prompt_receiver_answers_within_the_deadline(dripper: Dripper) -> None:
    # Given the same receiver, but a body the deadline comfortably covers (1-byte body read)
    # When the hub calls it with a generous deadline and stops reading early (size limit)
    from hub.errors import ConnectionFailed

    with pytest.raises(ConnectionFailed):
        safe_request("GET", dripper.url, allow_http_loopback=True, timeout=60, max_response_bytes=3)
    # Then the cut came from the size limit, not the deadline
    assert dripper.body_bytes_sent >= 3
