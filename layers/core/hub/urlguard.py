"""The one guard for every URL a tenant (or a provider template) can make the hub call or redirect to.

- `check_url` before storing a webhook endpoint or a custom provider URL, and again (through
  `safe_request`) before every call: https only, no userinfo, ports 80/443/>=1024, and the host,
  whether an IP literal in any spelling or a name, must only reach public unicast addresses.
- `check_return_url` for OAuth return URLs: the origin must be on the allow-list (open redirects).
- `safe_request` makes the call: it resolves the host once, checks every address, and dials a
  checked address itself while TLS still verifies the certificate for the original host name, so
  a DNS answer that changes between check and connect (DNS rebinding) cannot reach an internal
  address. Redirects are never followed (a redirect target would need its own check).
- `safe_request`'s `timeout` is one deadline for the whole call: name resolution, connect, TLS,
  sending, and reading the whole answer. A receiver that drips one byte a second is cut at the
  deadline (every socket operation waits at most the time left), so callers can size their
  leases from it.

Tests replace name resolution with `use_resolver(...)`, so "evil.test" can resolve to 10.0.0.5
without DNS. Loopback is refused unless `allow_http_loopback` (settings; the local stack and
tests), which then allows http and https to loopback addresses only.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any
from urllib.parse import SplitResult, urlsplit

from hub.errors import ConnectionFailed, UnsafeUrl
from hub.settings import get_settings

if TYPE_CHECKING:  # pragma: no cover - typing only
    import httpx

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Sequence[str]]
"""(host, port) -> the IP addresses a connection to that host could reach."""

MAX_URL_LENGTH = 2048
DEFAULT_MAX_RESPONSE_BYTES = 5 * 1024 * 1024
_DEFAULT_PORTS = {"https": 443, "http": 80}

# Checked before anything else: whitespace and control characters are stripped or rewritten
# differently by different URL parsers, and browsers read "\" as "/" ("https:/\evil.com").
_FORBIDDEN_CHARS = re.compile(r"[\x00-\x20\x7f\\]")
_LABEL = re.compile(r"^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$")
# One part of an IPv4 address as inet_aton / the WHATWG URL standard read it: hex, octal, decimal.
_IPV4_PART = re.compile(r"^(?:0x[0-9a-f]*|0[0-7]*|[1-9][0-9]*)$")
_NUMERIC_LABEL = re.compile(r"^(?:[0-9]+|0x[0-9a-f]*)$")

_BLOCKED_V4: tuple[tuple[ipaddress.IPv4Network, str], ...] = tuple(
    (ipaddress.IPv4Network(net), reason)
    for net, reason in (
        ("0.0.0.0/8", "an unspecified address"),
        ("10.0.0.0/8", "a private address"),
        ("100.64.0.0/10", "a carrier-grade NAT address"),
        ("127.0.0.0/8", "a loopback address"),
        ("169.254.0.0/16", "a link-local address"),  # includes the 169.254.169.254 metadata service
        ("172.16.0.0/12", "a private address"),
        ("192.0.0.0/24", "an IETF protocol address"),
        ("192.0.2.0/24", "a documentation address"),
        ("192.88.99.0/24", "a 6to4 relay address"),
        ("192.168.0.0/16", "a private address"),
        ("198.18.0.0/15", "a benchmarking address"),
        ("198.51.100.0/24", "a documentation address"),
        ("203.0.113.0/24", "a documentation address"),
        ("224.0.0.0/4", "a multicast address"),
        ("255.255.255.255/32", "a broadcast address"),
        ("240.0.0.0/4", "a reserved address"),
    )
)
_BLOCKED_V6: tuple[tuple[ipaddress.IPv6Network, str], ...] = tuple(
    (ipaddress.IPv6Network(net), reason)
    for net, reason in (
        ("::/128", "an unspecified address"),
        ("::1/128", "a loopback address"),
        ("::/96", "an IPv4-compatible address"),  # deprecated; nothing legitimate uses it
        ("64:ff9b:1::/48", "a local NAT64 address"),
        ("100::/64", "a discard address"),
        ("2001::/23", "an IETF protocol address"),  # Teredo, benchmarking, ORCHID...
        ("2001:db8::/32", "a documentation address"),
        ("3fff::/20", "a documentation address"),
        ("5f00::/16", "a segment routing address"),
        ("fc00::/7", "a unique local address"),
        ("fe80::/10", "a link-local address"),
        ("fec0::/10", "a site-local address"),
        ("ff00::/8", "a multicast address"),
    )
)
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_GLOBAL_UNICAST_V6 = ipaddress.IPv6Network("2000::/3")


@dataclass(frozen=True)
class GuardedUrl:
    """A URL that passed `check_url`, with the addresses it was checked against (empty when the
    check did not resolve the name)."""

    url: str
    scheme: str
    host: str
    port: int
    addresses: tuple[str, ...]


# --- the deadline ------------------------------------------------------------------------------


def _monotonic() -> float:
    """The deadline's time source (tests replace it to move time without waiting)."""
    return time.monotonic()


class Deadline:
    """One wall-clock budget for a whole outbound call."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._ends = _monotonic() + seconds

    def remaining(self) -> float:
        return self._ends - _monotonic()

    def bound(self, timeout: float | None, error: Callable[[str], Exception]) -> float:
        """The time one operation may take: its own timeout, never past the deadline."""
        left = self.remaining()
        if left <= 0:
            raise error(f"the request took longer than its deadline of {self.seconds:g} s")
        return left if timeout is None else min(timeout, left)


_dns_pool: Any = None
_dns_lock = threading.Lock()


def _resolve_within(host: str, port: int, deadline: Deadline) -> Sequence[str]:
    """getaddrinfo has no timeout of its own: run it aside and stop waiting at the deadline."""
    global _dns_pool
    from concurrent.futures import ThreadPoolExecutor
    from concurrent.futures import TimeoutError as FutureTimeout

    if _dns_pool is None:
        with _dns_lock:
            if _dns_pool is None:
                _dns_pool = ThreadPoolExecutor(max_workers=16, thread_name_prefix="urlguard-dns")
    future = _dns_pool.submit(_resolver, host, port)
    try:
        return list(future.result(timeout=max(0.0, deadline.remaining())))
    except FutureTimeout:
        import httpx

        future.cancel()
        raise httpx.ConnectTimeout(
            f"name resolution took longer than the deadline of {deadline.seconds:g} s"
        ) from None


# --- name resolution (the test seam) -----------------------------------------------------------


def system_resolver(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


_resolver: Resolver = system_resolver
_resolver_lock = threading.Lock()


def set_resolver(resolver: Resolver | None) -> Resolver:
    """Replace name resolution (tests); None restores the system resolver. Returns the previous one."""
    global _resolver
    with _resolver_lock:
        previous = _resolver
        _resolver = resolver or system_resolver
    return previous


@contextmanager
def use_resolver(resolver: Resolver | Mapping[str, Sequence[str]]) -> Iterator[None]:
    """Resolve names with `resolver` (a function, or a {host: [addresses]} map) inside the block."""
    if isinstance(resolver, Mapping):
        table = {host.lower(): list(addresses) for host, addresses in resolver.items()}

        def from_table(host: str, port: int) -> list[str]:
            if host not in table:
                raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
            return table[host]

        function: Resolver = from_table
    else:
        function = resolver
    previous = set_resolver(function)
    try:
        yield
    finally:
        set_resolver(previous)


# --- the checks --------------------------------------------------------------------------------


def check_url(
    url: str,
    *,
    purpose: str,
    allow_http_loopback: bool | None = None,
    resolve: bool = True,
    field: str = "url",
    deadline: Deadline | None = None,
    allowed_ports: Sequence[tuple[int, int]] | None = None,
) -> GuardedUrl:
    """Refuse (UnsafeUrl, a 400 ValidationError) any URL the hub must not call for `purpose`.

    With `resolve=False` only the URL itself is checked (IP literals included) and names are
    not looked up; `safe_request` always resolves and checks again right before dialling.
    With a `deadline`, name resolution stops waiting when it passes (httpx.ConnectTimeout).
    `allowed_ports` (inclusive ranges) narrows the ports further, e.g. webhooks: 443 and 8443.
    """
    allow_loopback = (
        get_settings().allow_http_loopback if allow_http_loopback is None else allow_http_loopback
    )
    parts = _split(url, field)
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS:
        raise _unsafe(field, "the URL must use https")
    host, literal = _host(parts, field)
    port = _port(parts, scheme, field)
    if allowed_ports is not None and not any(low <= port <= high for low, high in allowed_ports):
        shown = ", ".join(str(low) if low == high else f"{low}-{high}" for low, high in allowed_ports)
        raise _unsafe(field, f"the port must be one of {shown}")

    if literal is not None:
        candidates: list[IPAddress] = [literal]
    elif resolve:
        candidates = _resolve(host, port, field, deadline)
    else:
        candidates = []

    loopback_name = host.rstrip(".") == "localhost" or host.rstrip(".").endswith(".localhost")
    all_loopback = bool(candidates) or loopback_name
    for address in candidates:
        kind, reason = _classify(address)
        if kind == "public":
            all_loopback = False
        elif kind == "blocked" or not allow_loopback:
            raise _unsafe(field, f"the host is {reason}" if literal else f"the host resolves to {reason}")
    if loopback_name and not allow_loopback:
        raise _unsafe(field, "the host is a loopback address")
    if scheme == "http" and not (allow_loopback and all_loopback):
        raise _unsafe(field, "the URL must use https")
    return GuardedUrl(
        url=url,
        scheme=scheme,
        host=host,
        port=port,
        addresses=tuple(dict.fromkeys(str(address) for address in candidates)),
    )


def check_return_url(
    url: str,
    allowed_origins: Sequence[str] | None = None,
    *,
    allow_http_loopback: bool | None = None,
    field: str = "returnUrl",
) -> str:
    """Guard against open redirects: the URL's origin must exactly match an allowed origin
    (settings.allowed_return_origins by default). Returns the URL unchanged."""
    settings = get_settings()
    origins = settings.allowed_return_origins if allowed_origins is None else allowed_origins
    allow_loopback = settings.allow_http_loopback if allow_http_loopback is None else allow_http_loopback
    parts = _split(url, field)
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS:
        raise _unsafe(field, "the URL must be an absolute https URL")
    host, literal = _host(parts, field)
    port = _port(parts, scheme, field)
    allowed = set()
    for origin in origins:
        normalized = _origin_of(origin)
        if normalized is not None:
            allowed.add(normalized)
    if _format_origin(scheme, host, port) not in allowed:
        raise _unsafe(field, "the URL's origin is not an allowed return origin")
    if scheme == "http":
        loopback = (literal is not None and _classify(literal)[0] == "loopback") or host == "localhost"
        if not (allow_loopback and loopback):
            raise _unsafe(field, "the URL must use https")
    return url


def _split(url: Any, field: str) -> SplitResult:
    if not isinstance(url, str) or not url:
        raise _unsafe(field, "a URL is required")
    if len(url) > MAX_URL_LENGTH:
        raise _unsafe(field, f"the URL is longer than {MAX_URL_LENGTH} characters")
    if _FORBIDDEN_CHARS.search(url):
        raise _unsafe(field, "the URL contains whitespace, control characters or backslashes")
    try:
        parts = urlsplit(url)
    except ValueError:
        raise _unsafe(field, "the URL is malformed") from None
    if "@" in parts.netloc:
        raise _unsafe(field, "the URL must not contain credentials (user:password@)")
    return parts


def _host(parts: SplitResult, field: str) -> tuple[str, IPAddress | None]:
    """The host (lower case, brackets removed) and, if it is an IP literal, the address."""
    raw = parts.hostname or ""
    if not raw:
        raise _unsafe(field, "the URL has no host")
    if not raw.isascii():
        raise _unsafe(field, "use the punycode (xn--) form of international host names")
    if parts.netloc.startswith("["):
        if "%" in raw:
            # A zone id ("fe80::1%eth0") names a local interface; never meaningful for the hub.
            raise _unsafe(field, "the host is not a valid IPv6 address")
        try:
            return raw, ipaddress.IPv6Address(raw)
        except ValueError:
            raise _unsafe(field, "the host is not a valid IPv6 address") from None
    ipv4 = _parse_ipv4(raw)
    if ipv4 is not None:
        return raw, ipv4
    name = raw[:-1] if raw.endswith(".") else raw
    labels = name.split(".")
    if _NUMERIC_LABEL.match(labels[-1]):
        # "1.2.3.256", "0x1g", "08.0.0.1": what URL parsers read as a (broken) IPv4 address.
        raise _unsafe(field, "the host is not a valid IP address")
    if len(name) > 253 or not all(_LABEL.match(label) for label in labels):
        raise _unsafe(field, "the host is not a valid host name")
    return raw, None


def _parse_ipv4(host: str) -> ipaddress.IPv4Address | None:
    """Every spelling inet_aton accepts: "127.0.0.1", "2130706433", "0x7f000001", "0177.0.0.1",
    "0x7f.1", "127.1". None if `host` is not written as an IPv4 address at all."""
    parts = host.split(".")
    if len(parts) > 1 and parts[-1] == "":
        parts.pop()  # a trailing dot
    if not 1 <= len(parts) <= 4 or not all(_IPV4_PART.match(part) for part in parts):
        return None
    values = []
    for part in parts:
        if part.startswith("0x"):
            values.append(int(part[2:] or "0", 16))
        elif part.startswith("0") and len(part) > 1:
            values.append(int(part, 8))
        else:
            values.append(int(part))
    *leading, last = values
    if any(value > 255 for value in leading) or last >= 256 ** (5 - len(values)):
        return None  # out of range: reported by the caller as an invalid IP address
    number = last
    for index, value in enumerate(leading):
        number += value << (8 * (3 - index))
    return ipaddress.IPv4Address(number)


def _port(parts: SplitResult, scheme: str, field: str) -> int:
    try:
        port = parts.port
    except ValueError:
        raise _unsafe(field, "the port is not valid") from None
    if port is None:
        return _DEFAULT_PORTS[scheme]
    if port in (80, 443) or 1024 <= port <= 65535:
        return port
    raise _unsafe(field, "the port must be 80, 443 or 1024 and above")


def _resolve(host: str, port: int, field: str, deadline: Deadline | None = None) -> list[IPAddress]:
    try:
        answers = _resolver(host, port) if deadline is None else _resolve_within(host, port, deadline)
    except (OSError, UnicodeError):
        raise _unsafe(field, "the host name does not resolve") from None
    addresses: list[IPAddress] = []
    for answer in answers:
        try:
            addresses.append(ipaddress.ip_address(answer.split("%", 1)[0]))
        except ValueError:
            raise _unsafe(field, "the host name does not resolve to an IP address") from None
    if not addresses:
        raise _unsafe(field, "the host name does not resolve")
    return addresses


def _classify(address: IPAddress) -> tuple[str, str]:
    """("public", ""), ("loopback", reason) or ("blocked", reason)."""
    if isinstance(address, ipaddress.IPv6Address):
        # Forms that carry an IPv4 address are judged by the address they reach.
        if address.ipv4_mapped is not None:
            return _classify(address.ipv4_mapped)
        if address in _NAT64:
            return _classify(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
        if address.sixtofour is not None:
            return _classify(address.sixtofour)
        if address == ipaddress.IPv6Address("::1"):
            return "loopback", "a loopback address"
        for network6, reason in _BLOCKED_V6:
            if address in network6:
                return "blocked", reason
        if address not in _GLOBAL_UNICAST_V6 or not address.is_global:
            return "blocked", "a reserved address"
        return "public", ""
    if address.is_loopback:
        return "loopback", "a loopback address"
    for network4, reason in _BLOCKED_V4:
        if address in network4:
            return "blocked", reason
    if not address.is_global:
        return "blocked", "a reserved address"
    return "public", ""


def _origin_of(url: str) -> str | None:
    try:
        parts = urlsplit(url.strip())
        scheme = parts.scheme.lower()
        host = (parts.hostname or "").lower()
        port = parts.port or _DEFAULT_PORTS.get(scheme)
    except ValueError:
        return None
    if scheme not in _DEFAULT_PORTS or not host or port is None or "@" in parts.netloc:
        return None
    return _format_origin(scheme, host, port)


def _format_origin(scheme: str, host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"{scheme}://{shown}" if port == _DEFAULT_PORTS[scheme] else f"{scheme}://{shown}:{port}"


def _unsafe(field: str, reason: str) -> UnsafeUrl:
    # The URL itself is not echoed: a query string may carry a token.
    return UnsafeUrl(f"The URL is not allowed: {reason}", details={"field": field, "reason": reason})


# --- the pinned HTTP call ----------------------------------------------------------------------


def safe_request(
    method: str,
    url: str,
    *,
    headers: Mapping[str, str] | None = None,
    content: bytes | str | None = None,
    data: Mapping[str, str] | None = None,
    json: Any = None,
    timeout: float | None = None,
    follow_redirects: bool = False,
    purpose: str = "outbound",
    allow_http_loopback: bool | None = None,
    max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    ssl_context: ssl.SSLContext | None = None,
    allowed_ports: Sequence[tuple[int, int]] | None = None,
) -> httpx.Response:
    """Call a tenant-supplied URL without letting it reach anything internal.

    The host is resolved once; every address is checked; the connection goes to a checked
    address while the Host header, SNI and certificate verification use the URL's host name.
    A 3xx comes back as is. Network failures raise httpx errors (callers map them); a body
    larger than `max_response_bytes` raises ConnectionFailed. `ssl_context` replaces the system
    trust store (tests, private CAs); verification itself cannot be turned off.
    `timeout` (default `http_timeout_seconds`) is the deadline of the whole call, DNS and the
    whole body read included; passing it raises an httpx.TimeoutException.
    """
    if follow_redirects:
        raise ValueError("safe_request never follows redirects; check the Location with safe_request again")
    import httpx

    seconds = timeout if timeout is not None else get_settings().http_timeout_seconds
    deadline = Deadline(seconds)
    guarded = check_url(url, purpose=purpose, allow_http_loopback=allow_http_loopback, resolve=True,
                        deadline=deadline, allowed_ports=allowed_ports)
    transport = _pinned_transport_class()(guarded, deadline, ssl_context=ssl_context)
    with httpx.Client(
        transport=transport, trust_env=False, follow_redirects=False, timeout=seconds
    ) as client:
        request = client.build_request(
            method, url, headers=dict(headers or {}), content=content, data=data, json=json
        )
        response = client.send(request, stream=True)
        try:
            body = bytearray()
            for chunk in response.iter_bytes():
                body.extend(chunk)
                if len(body) > max_response_bytes:
                    raise ConnectionFailed(
                        "The remote response is too large", details={"limit": max_response_bytes}
                    )
                deadline.bound(None, httpx.ReadTimeout)
        finally:
            response.close()
    # The body is already decoded, so the encoding headers no longer describe it.
    kept = [
        (name, value)
        for name, value in response.headers.multi_items()
        if name.lower() not in {"content-encoding", "content-length", "transfer-encoding"}
    ]
    return httpx.Response(
        response.status_code,
        headers=kept,
        content=bytes(body),
        request=response.request,
        extensions={
            "http_version": response.extensions.get("http_version", b"HTTP/1.1"),
            "reason_phrase": response.extensions.get("reason_phrase", b""),
        },
    )


@lru_cache(maxsize=1)
def _default_ssl_context() -> ssl.SSLContext:
    """The system trust store, loaded once per process: loading the CA bundle costs ~15 ms of CPU,
    which every provider call paid before. An SSLContext is safe to share between connections
    and threads."""
    import httpx

    return httpx.create_ssl_context(trust_env=False)


@lru_cache(maxsize=1)
def _pinned_transport_class() -> Callable[..., httpx.HTTPTransport]:
    """Built on first use so that importing this module does not import httpx/httpcore."""
    import httpcore
    import httpx

    class DeadlineStream(httpcore.NetworkStream):  # type: ignore[misc]
        """A socket whose every read, write and handshake waits at most until the deadline: a
        per-read timeout alone lets a server that drips a byte at a time hold a call forever."""

        def __init__(self, inner: httpcore.NetworkStream, deadline: Deadline) -> None:
            self._inner = inner
            self._deadline = deadline

        def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
            return bytes(self._inner.read(max_bytes, self._deadline.bound(timeout, httpcore.ReadTimeout)))

        def write(self, buffer: bytes, timeout: float | None = None) -> None:
            self._inner.write(buffer, self._deadline.bound(timeout, httpcore.WriteTimeout))

        def close(self) -> None:
            self._inner.close()

        def start_tls(
            self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
        ) -> httpcore.NetworkStream:
            inner = self._inner.start_tls(
                ssl_context, server_hostname, self._deadline.bound(timeout, httpcore.ConnectTimeout)
            )
            return DeadlineStream(inner, self._deadline)

        def get_extra_info(self, info: str) -> Any:
            return self._inner.get_extra_info(info)

    class PinnedBackend(httpcore.SyncBackend):  # type: ignore[misc]
        """Dials only the pre-checked addresses, and only for the checked host and port, within
        the call's deadline."""

        def __init__(self, guarded: GuardedUrl, deadline: Deadline) -> None:
            self._host = guarded.host
            self._port = guarded.port
            self._addresses = guarded.addresses
            self._deadline = deadline

        def connect_tcp(
            self,
            host: str,
            port: int,
            timeout: float | None = None,
            local_address: str | None = None,
            socket_options: Any = None,
        ) -> httpcore.NetworkStream:
            if host.strip("[]").lower() != self._host or port != self._port or not self._addresses:
                raise httpcore.ConnectError("refusing to dial a host that was not checked")
            failure: Exception | None = None
            for address in self._addresses:
                try:
                    bounded = self._deadline.bound(timeout, httpcore.ConnectTimeout)
                    stream = super().connect_tcp(address, port, bounded, local_address, socket_options)
                    return DeadlineStream(stream, self._deadline)
                except (httpcore.ConnectError, httpcore.ConnectTimeout) as error:
                    failure = error
            assert failure is not None
            raise failure

        def connect_unix_socket(
            self, path: str, timeout: float | None = None, socket_options: Any = None
        ) -> Any:
            raise httpcore.ConnectError("unix sockets are not allowed")

    class PinnedTransport(httpx.HTTPTransport):
        """An httpx transport whose connection pool dials through PinnedBackend, never via DNS,
        and never through a proxy from the environment."""

        def __init__(
            self, guarded: GuardedUrl, deadline: Deadline, *, ssl_context: ssl.SSLContext | None = None
        ) -> None:
            # HTTPTransport.__init__ is skipped on purpose: it would build (and load CAs for) a
            # pool we would throw away. The transport's methods only use `self._pool`.
            context = ssl_context or _default_ssl_context()
            self._pool = httpcore.ConnectionPool(
                ssl_context=context,
                max_connections=1,
                retries=0,
                network_backend=PinnedBackend(guarded, deadline),
            )

    return PinnedTransport
