"""The URL guard: SSRF targets in every spelling, the return-URL allow-list, and the pinned dial.

Name resolution is faked with `use_resolver`; the only sockets opened go to servers on 127.0.0.1.
"""

from __future__ import annotations

import datetime
import http.server
import socket
import ssl
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from hub.errors import ConnectionFailed, UnsafeUrl, ValidationError
from hub.urlguard import check_return_url, check_url, safe_request, use_resolver

PUBLIC_V4 = "93.184.216.34"
PUBLIC_V6 = "2606:4700:4700::1111"

# --- check_url: what is refused ----------------------------------------------------------------

SSRF_LITERALS = [
    "https://127.0.0.1/",
    "https://127.255.255.254:8443/",
    "https://[::1]/",
    "https://169.254.169.254/latest/meta-data/",
    "https://[::ffff:169.254.169.254]/",
    "https://[::ffff:127.0.0.1]/",
    "https://[::ffff:7f00:1]/",
    "https://[::127.0.0.1]/",  # IPv4-compatible
    "https://[64:ff9b::a9fe:a9fe]/",  # NAT64 of 169.254.169.254
    "https://[64:ff9b::a00:1]/",  # NAT64 of 10.0.0.1
    "https://[2002:7f00:1::]/",  # 6to4 of 127.0.0.1
    "https://[2002:a00:1::1]/",  # 6to4 of 10.0.0.1
    "https://[2001::1]/",  # Teredo
    "https://[fd00::1]/",
    "https://[fc00::1]/",
    "https://[fe80::1]/",
    "https://[fec0::1]/",
    "https://[ff02::1]/",
    "https://[::]/",
    "https://[2001:db8::1]/",
    "https://10.0.0.1/",
    "https://172.16.0.1/",
    "https://172.31.255.255/",
    "https://192.168.1.1/",
    "https://100.64.0.1/",
    "https://100.127.255.254/",
    "https://0.0.0.0/",
    "https://0/",
    "https://224.0.0.1/",
    "https://239.255.255.250/",
    "https://255.255.255.255/",
    "https://240.0.0.1/",
    "https://198.18.0.1/",
    "https://198.19.255.255/",
    "https://192.0.2.10/",
    "https://198.51.100.10/",
    "https://203.0.113.10/",
    "https://192.0.0.170/",
    # odd IPv4 spellings of 127.0.0.1 (and of the metadata address)
    "https://2130706433/",
    "https://0x7f000001/",
    "https://0177.0.0.1/",
    "https://0x7f.1/",
    "https://127.1/",
    "https://0x7F.0.0.1/",
    "https://017700000001/",
    "https://2852039166/",  # 169.254.169.254
    "https://0xa9.0xfe.0xa9.0xfe/",
    "https://127.0.0.1./",
]


@pytest.mark.parametrize("url", SSRF_LITERALS)
def test_an_address_that_is_not_public_is_refused_in_any_spelling(url: str) -> None:
    with pytest.raises(UnsafeUrl) as raised:
        check_url(url, purpose="webhook", allow_http_loopback=False)
    assert raised.value.code == "UNSAFE_URL"
    assert raised.value.status_code == 400
    assert raised.value.details["field"] == "url"
    assert raised.value.details["reason"].startswith("the host is ")


@pytest.mark.parametrize(
    "answers",
    [
        ["10.0.0.5"],
        ["169.254.169.254"],
        ["127.0.0.1"],
        ["::1"],
        ["fd00::1"],
        ["fe80::1%eth0"],
        ["::ffff:10.0.0.5"],
        ["100.64.0.1"],
        ["0.0.0.0"],
        ["224.0.0.1"],
        [PUBLIC_V4, "10.0.0.5"],  # one bad answer is enough
        [PUBLIC_V6, "fd12:3456::1"],
    ],
)
def test_a_name_that_resolves_to_an_address_that_is_not_public_is_refused(answers: list[str]) -> None:
    # Given
    with use_resolver({"evil.test": answers}):
        # When / Then
        with pytest.raises(UnsafeUrl) as raised:
            check_url("https://evil.test/hook", purpose="webhook", allow_http_loopback=False)
    assert raised.value.details["reason"].startswith("the host resolves to ")


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://public.example/hook", "the URL must use https"),
        ("ftp://public.example/hook", "the URL must use https"),
        ("javascript:alert(1)", "the URL must use https"),
        ("//public.example/hook", "the URL must use https"),
        ("https://user:pw@public.example/", "the URL must not contain credentials (user:password@)"),
        ("https://user@public.example/", "the URL must not contain credentials (user:password@)"),
        ("https:///nohost", "the URL has no host"),
        ("https://public.example:22/", "the port must be 80, 443 or 1024 and above"),
        ("https://public.example:0/", "the port must be 80, 443 or 1024 and above"),
        ("https://public.example:99999/", "the port is not valid"),
        ("https://public.example/a b", "the URL contains whitespace, control characters or backslashes"),
        (
            "https://public.example\\@evil.test/",
            "the URL contains whitespace, control characters or backslashes",
        ),
        ("https://1.2.3.256/", "the host is not a valid IP address"),
        ("https://08.0.0.1/", "the host is not a valid IP address"),
        ("https://1.2.3.4.5/", "the host is not a valid IP address"),
        ("https://[fe80::1%25eth0]/", "the host is not a valid IPv6 address"),
        ("https://bad_host!.example/", "the host is not a valid host name"),
        ("https://exämple.com/", "use the punycode (xn--) form of international host names"),
        ("https://missing.test/", "the host name does not resolve"),
        ("", "a URL is required"),
        ("https://public.example/" + "a" * 3000, "the URL is longer than 2048 characters"),
    ],
)
def test_malformed_or_unsafe_urls_are_refused_with_a_reason(url: str, reason: str) -> None:
    with use_resolver({"public.example": [PUBLIC_V4]}):
        with pytest.raises(ValidationError) as raised:
            check_url(url, purpose="webhook", allow_http_loopback=False, field="endpointUrl")
    assert raised.value.details == {"field": "endpointUrl", "reason": reason}
    # the URL is never echoed (its query could carry a token)
    if url:
        assert url not in raised.value.message


# --- check_url: what is accepted ---------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        f"https://{PUBLIC_V4}/hook",
        f"https://[{PUBLIC_V6}]/hook",
        "https://8.8.8.8:8443/",
        "https://public.example:80/",
        "https://hooks.example.com/path?x=1#frag",
        "https://HOOKS.Example.COM:1024/",
    ],
)
def test_public_destinations_are_accepted(url: str) -> None:
    with use_resolver({"hooks.example.com": [PUBLIC_V4, PUBLIC_V6], "public.example": [PUBLIC_V4]}):
        guarded = check_url(url, purpose="webhook", allow_http_loopback=False)
    assert guarded.url == url
    assert guarded.scheme == "https"
    assert guarded.addresses


def test_the_guarded_url_carries_the_checked_addresses() -> None:
    with use_resolver({"hooks.example.com": [PUBLIC_V4, PUBLIC_V6, PUBLIC_V4]}):
        guarded = check_url("https://hooks.example.com:8443/x", purpose="webhook")
    assert guarded.host == "hooks.example.com"
    assert guarded.port == 8443
    assert guarded.addresses == (PUBLIC_V4, PUBLIC_V6)


def test_without_resolution_names_are_not_looked_up() -> None:
    def no_dns(host: str, port: int) -> list[str]:
        raise AssertionError("must not resolve")

    with use_resolver(no_dns):
        guarded = check_url("https://not-yet-in-dns.example/", purpose="provider", resolve=False)
    assert guarded.addresses == ()


@pytest.mark.parametrize(
    ("url", "answers"),
    [
        ("http://127.0.0.1:3000/callback", None),
        ("http://[::1]:8080/", None),
        ("https://127.0.0.1:8443/", None),
        ("http://localhost:8080/", ["127.0.0.1", "::1"]),
    ],
)
def test_loopback_is_accepted_only_when_the_local_stack_allows_it(
    url: str, answers: list[str] | None
) -> None:
    with use_resolver({"localhost": answers or []}):
        # Given loopback allowed (local stack)
        assert check_url(url, purpose="webhook", allow_http_loopback=True).url == url
        # Given the default for a deployed stack
        with pytest.raises(UnsafeUrl):
            check_url(url, purpose="webhook", allow_http_loopback=False)


def test_http_is_refused_for_public_hosts_even_when_loopback_is_allowed() -> None:
    with use_resolver({"public.example": [PUBLIC_V4], "mixed.test": ["127.0.0.1", PUBLIC_V4]}):
        for url in ("http://public.example/", "http://mixed.test/", f"http://{PUBLIC_V4}/"):
            with pytest.raises(UnsafeUrl):
                check_url(url, purpose="webhook", allow_http_loopback=True)


def test_localhost_names_are_loopback_without_asking_dns() -> None:
    with pytest.raises(UnsafeUrl):
        check_url("https://localhost/", purpose="webhook", allow_http_loopback=False, resolve=False)
    with pytest.raises(UnsafeUrl):
        check_url("https://api.localhost/", purpose="webhook", allow_http_loopback=False, resolve=False)
    assert check_url("http://localhost:3000/", purpose="oauth", allow_http_loopback=True, resolve=False)


def test_the_setting_is_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    from hub.settings import reset_settings

    monkeypatch.setenv("HUB_ALLOW_HTTP_LOOPBACK", "false")
    reset_settings()
    try:
        with pytest.raises(UnsafeUrl):
            check_url("http://127.0.0.1:3000/", purpose="webhook")
        monkeypatch.setenv("HUB_ALLOW_HTTP_LOOPBACK", "true")
        reset_settings()
        assert check_url("http://127.0.0.1:3000/", purpose="webhook")
    finally:
        monkeypatch.undo()
        reset_settings()


# --- check_return_url --------------------------------------------------------------------------

ALLOWED = ("https://app.example.com", "http://127.0.0.1:3000")


@pytest.mark.parametrize(
    "url",
    [
        "https://app.example.com/settings/integrations?connected=github",
        "https://app.example.com",
        "HTTPS://App.Example.COM:443/cb",
        "http://127.0.0.1:3000/done",
    ],
)
def test_return_urls_on_an_allowed_origin_are_accepted(url: str) -> None:
    assert check_return_url(url, ALLOWED, allow_http_loopback=True) == url


@pytest.mark.parametrize(
    "url",
    [
        "https://app.example.com.evil.com/",
        "https://app.example.com@evil.com/",
        "https://app.example.com:pw@evil.com/",
        "//evil.com",
        "//app.example.com/x",
        "https:/\\evil.com",
        "https:\\\\evil.com",
        "/\\evil.com",
        "https://evil.com/https://app.example.com",
        "https://evil.com?next=https://app.example.com",
        "https://app.example.com:8443/",
        "http://app.example.com/",
        "https://sub.app.example.com/",
        "https://app.example.com./",
        "javascript:alert(document.domain)",
        "data:text/html,<script>alert(1)</script>",
        "/relative/path",
        "https://app.example.com\t/x",
        "https://app.example.com%2F@evil.com/",
        "",
    ],
)
def test_return_urls_off_the_allow_list_are_refused(url: str) -> None:
    with pytest.raises(UnsafeUrl) as raised:
        check_return_url(url, ALLOWED, allow_http_loopback=True)
    assert raised.value.details["field"] == "returnUrl"


def test_an_allowed_http_loopback_origin_still_needs_the_loopback_setting() -> None:
    with pytest.raises(UnsafeUrl):
        check_return_url("http://127.0.0.1:3000/done", ALLOWED, allow_http_loopback=False)


def test_return_origins_default_to_the_settings() -> None:
    # conftest sets HUB_ALLOWED_RETURN_ORIGINS=https://app.example.com,http://127.0.0.1:3000
    assert check_return_url("https://app.example.com/x") == "https://app.example.com/x"
    with pytest.raises(UnsafeUrl):
        check_return_url("https://evil.example/x")


# --- safe_request: pinned dial -----------------------------------------------------------------


@pytest.fixture
def dial_log(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """Records every outgoing TCP connection attempt and refuses it (no packet leaves)."""
    attempts: list[tuple[str, int]] = []

    def refuse(address: tuple[str, int], *args: object, **kwargs: object) -> socket.socket:
        attempts.append(address)
        raise ConnectionRefusedError("dial blocked by test")

    monkeypatch.setattr(socket, "create_connection", refuse)
    return attempts


def test_a_name_resolving_to_a_private_address_is_never_dialled(dial_log: list[tuple[str, int]]) -> None:
    # Given evil.test resolves to an internal address at request time
    with use_resolver({"evil.test": ["10.0.0.5"]}):
        # When
        with pytest.raises(UnsafeUrl):
            safe_request("POST", "https://evil.test/hook", content=b"{}", allow_http_loopback=False)
    # Then no connection was attempted at all
    assert dial_log == []


def test_the_checked_address_is_the_one_dialled_and_dns_is_asked_once(
    dial_log: list[tuple[str, int]],
) -> None:
    # Given a resolver that would rebind to an internal address on the second question
    answers = iter([[PUBLIC_V4], ["10.0.0.5"], ["10.0.0.5"]])
    questions: list[str] = []

    def rebinding(host: str, port: int) -> list[str]:
        questions.append(host)
        return next(answers)

    with use_resolver(rebinding):
        # When (the test refuses the dial, so the call fails after it)
        with pytest.raises(httpx.ConnectError):
            safe_request("GET", "https://rebind.test/x", allow_http_loopback=False)
    # Then DNS was asked once and only the checked public address was dialled
    assert questions == ["rebind.test"]
    assert dial_log == [(PUBLIC_V4, 443)]


def test_every_checked_address_is_tried_in_order(dial_log: list[tuple[str, int]]) -> None:
    with use_resolver({"multi.test": [PUBLIC_V4, PUBLIC_V6]}):
        with pytest.raises(httpx.ConnectError):
            safe_request("GET", "https://multi.test:8443/", allow_http_loopback=False)
    assert dial_log == [(PUBLIC_V4, 8443), (PUBLIC_V6, 8443)]


def test_an_ip_literal_is_dialled_as_written(dial_log: list[tuple[str, int]]) -> None:
    with pytest.raises(httpx.ConnectError):
        safe_request("GET", f"https://[{PUBLIC_V6}]:8443/", allow_http_loopback=False)
    with pytest.raises(httpx.ConnectError):
        safe_request("GET", f"https://{PUBLIC_V4}/", allow_http_loopback=False)
    assert dial_log == [(PUBLIC_V6, 8443), (PUBLIC_V4, 443)]


def test_following_redirects_cannot_be_asked_for() -> None:
    with pytest.raises(ValueError):
        safe_request("GET", "https://public.example/", follow_redirects=True)


@dataclass
class LoopbackServer:
    port: int
    requests: list[dict[str, str]] = field(default_factory=list)

    def url(self, path: str, host: str = "127.0.0.1", scheme: str = "http") -> str:
        return f"{scheme}://{host}:{self.port}{path}"


def _serve(tls: ssl.SSLContext | None = None) -> Iterator[LoopbackServer]:
    server_state = LoopbackServer(port=0)

    class Handler(http.server.BaseHTTPRequestHandler):
        def _record(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length).decode() if length else ""
            server_state.requests.append(
                {
                    "method": self.command,
                    "path": self.path,
                    "host": self.headers.get("Host", ""),
                    "body": body,
                }
            )

        def do_GET(self) -> None:
            self._record()
            if self.path == "/redirect":
                self.send_response(302)
                self.send_header("Location", server_state.url("/target"))
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            payload = b"x" * 2000 if self.path == "/big" else b'{"ok": true}'
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        do_POST = do_GET

        def log_message(self, format: str, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    if tls is not None:
        httpd.socket = tls.wrap_socket(httpd.socket, server_side=True)
    server_state.port = httpd.server_address[1]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield server_state
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def loopback_server() -> Iterator[LoopbackServer]:
    yield from _serve()


def test_a_loopback_server_is_reached_when_allowed_and_a_302_is_not_followed(
    loopback_server: LoopbackServer,
) -> None:
    # When
    response = safe_request("GET", loopback_server.url("/redirect"), allow_http_loopback=True, timeout=5)
    # Then the redirect comes back as is, and the target was never requested
    assert response.status_code == 302
    assert response.headers["location"] == loopback_server.url("/target")
    assert [r["path"] for r in loopback_server.requests] == ["/redirect"]


def test_a_loopback_server_is_refused_by_default(loopback_server: LoopbackServer) -> None:
    with pytest.raises(UnsafeUrl):
        safe_request("GET", loopback_server.url("/ok"), allow_http_loopback=False, timeout=5)
    assert loopback_server.requests == []


def test_the_pinned_dial_keeps_the_host_header_of_the_name(loopback_server: LoopbackServer) -> None:
    # Given hooks.test resolves (fake) to the loopback server
    with use_resolver({"hooks.test": ["127.0.0.1"]}):
        # When
        response = safe_request(
            "POST",
            loopback_server.url("/hook", host="hooks.test"),
            headers={"Content-Type": "application/json", "X-Signature": "v1,abc"},
            content=b'{"event": "ping"}',
            allow_http_loopback=True,
            timeout=5,
        )
    # Then the request reached the checked address, addressed to the name
    assert response.status_code == 200
    assert response.json() == {"ok": True}
    assert loopback_server.requests == [
        {
            "method": "POST",
            "path": "/hook",
            "host": f"hooks.test:{loopback_server.port}",
            "body": '{"event": "ping"}',
        }
    ]


def test_a_response_larger_than_the_limit_is_refused(loopback_server: LoopbackServer) -> None:
    with pytest.raises(ConnectionFailed):
        safe_request(
            "GET", loopback_server.url("/big"), allow_http_loopback=True, timeout=5, max_response_bytes=100
        )


# --- TLS: the certificate is verified for the name, not the dialled IP -------------------------


def _self_signed(tmp_path: Path, name: str) -> tuple[Path, Path]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=3650))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(name)]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = tmp_path / f"{name}.pem", tmp_path / f"{name}.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return cert_path, key_path


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[tuple[LoopbackServer, ssl.SSLContext]]:
    cert_path, key_path = _self_signed(tmp_path, "hooks.test")
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_context.load_cert_chain(cert_path, key_path)
    client_context = ssl.create_default_context(cafile=str(cert_path))
    for server in _serve(server_context):
        yield server, client_context


def test_tls_verifies_the_certificate_for_the_host_name(
    tls_server: tuple[LoopbackServer, ssl.SSLContext],
) -> None:
    server, trust = tls_server
    with use_resolver({"hooks.test": ["127.0.0.1"], "other.test": ["127.0.0.1"]}):
        # When the URL names the host the certificate is for
        response = safe_request(
            "GET",
            server.url("/ok", host="hooks.test", scheme="https"),
            allow_http_loopback=True,
            ssl_context=trust,
            timeout=5,
        )
        assert response.status_code == 200
        assert server.requests[-1]["host"] == f"hooks.test:{server.port}"
        # When another name resolves to the same IP, the certificate does not match it
        with pytest.raises(httpx.ConnectError, match=r"(?i)hostname mismatch"):
            safe_request(
                "GET",
                server.url("/ok", host="other.test", scheme="https"),
                allow_http_loopback=True,
                ssl_context=trust,
                timeout=5,
            )
