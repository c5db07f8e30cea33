"""Signature verification, one function per scheme of `SignatureSpec.scheme`.

Every scheme compares in constant time, accepts any of several keys (a secret being rotated),
and reads time from hub/clock.py so tests move it deliberately. A refusal raises
`SignatureRejected` with a short reason that is safe to count and log (never the signature).

- hmac-sha256: HMAC-SHA256 of the raw body, hex or base64, after an optional prefix
  (Shopify `X-Shopify-Hmac-Sha256` base64; GitHub and Meta `X-Hub-Signature-256` `sha256=` hex);
- stripe: `Stripe-Signature: t=…,v1=…[,v1=…]`, HMAC-SHA256 hex of `{t}.{body}`;
- slack-v0: `X-Slack-Signature: v0=` + HMAC-SHA256 hex of `v0:{timestamp}:{body}`;
- hubspot-v3: `X-HubSpot-Signature-v3`, base64 HMAC-SHA256 of method + URI + body + timestamp (ms);
- ed25519: Discord's `X-Signature-Ed25519` over timestamp + body, checked with `cryptography`;
- standard-webhooks: `webhook-signature` (`v1,…`) over `{id}.{timestamp}.{body}`, signed by
  hub/webhooks/signing.py (the same code that signs the hub's own deliveries).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import unquote

from hub import clock
from hub.inbound.spec import SignatureSpec
from hub.webhooks import signing


class SignatureRejected(Exception):
    """The request does not prove it comes from the provider. `reason` is one of: missing,
    malformed, stale, mismatch, no_key."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class SignedRequest:
    """What a signature may cover: method, the URL as the provider called it, headers (names
    lower-cased) and the raw body bytes."""

    method: str
    url: str
    headers: Mapping[str, str]
    body: bytes

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


def _hmac(key: str | bytes, content: bytes) -> bytes:
    return hmac.new(key.encode("utf-8") if isinstance(key, str) else key, content, hashlib.sha256).digest()


def _any_equal(candidates: Sequence[str], expected: Sequence[str]) -> bool:
    # compare every pair (no early exit on the first key that fails)
    found = False
    for given in candidates:
        for wanted in expected:
            found |= hmac.compare_digest(given.encode("utf-8"), wanted.encode("utf-8"))
    return found


def _required(request: SignedRequest, name: str | None) -> str:
    value = request.header(name) if name else None
    if not value:
        raise SignatureRejected("missing")
    return value.strip()


def _check_age(timestamp: float, spec: SignatureSpec) -> None:
    if spec.tolerance_seconds is not None and abs(clock.now() - timestamp) > spec.tolerance_seconds:
        raise SignatureRejected("stale")


def _seconds(text: str, *, milliseconds: bool = False) -> float:
    # str.isdigit() is true for "²" (int() refuses it) and for Arabic-Indic digits (int() reads
    # them, and the signed content, built from the header as ASCII, cannot hold them): only ASCII
    # digits are a timestamp
    if not (text.isascii() and text.isdigit()) or len(text) > 16:
        raise SignatureRejected("malformed")
    return int(text) / 1000 if milliseconds else float(int(text))


def _hmac_sha256(spec: SignatureSpec, request: SignedRequest, keys: Sequence[str]) -> None:
    given = _required(request, spec.header)
    if spec.prefix:
        if not given.startswith(spec.prefix):
            raise SignatureRejected("malformed")
        given = given[len(spec.prefix):]
    digests = [_hmac(key, request.body) for key in keys]
    if spec.encoding == "hex":
        expected = [d.hex() for d in digests]
        given = given.lower()
    else:
        expected = [base64.b64encode(d).decode("ascii") for d in digests]
    if not _any_equal([given], expected):
        raise SignatureRejected("mismatch")


def _stripe(spec: SignatureSpec, request: SignedRequest, keys: Sequence[str]) -> None:
    parts = [item.split("=", 1) for item in _required(request, spec.header).split(",")]
    pairs = [(p[0].strip(), p[1].strip()) for p in parts if len(p) == 2]
    timestamps = [value for name, value in pairs if name == "t"]
    signatures = [value for name, value in pairs if name == "v1"]
    if len(timestamps) != 1 or not signatures:
        raise SignatureRejected("malformed")
    _check_age(_seconds(timestamps[0]), spec)
    content = timestamps[0].encode("ascii") + b"." + request.body
    if not _any_equal(signatures, [_hmac(key, content).hex() for key in keys]):
        raise SignatureRejected("mismatch")


def _slack(spec: SignatureSpec, request: SignedRequest, keys: Sequence[str]) -> None:
    timestamp = _required(request, spec.timestamp_header)
    given = _required(request, spec.header)
    _check_age(_seconds(timestamp), spec)
    content = b"v0:" + timestamp.encode("ascii") + b":" + request.body
    if not _any_equal([given], ["v0=" + _hmac(key, content).hex() for key in keys]):
        raise SignatureRejected("mismatch")


# HubSpot signs the URI with these characters decoded (its "Validate the v3 request signature")
_HUBSPOT_DECODED = ("%3A", "%2F", "%3F", "%40", "%21", "%24", "%27", "%28", "%29", "%2A", "%2C", "%3B")


def hubspot_uri(url: str) -> str:
    for encoded in _HUBSPOT_DECODED:
        url = url.replace(encoded, unquote(encoded)).replace(encoded.lower(), unquote(encoded))
    return url


def _hubspot_v3(spec: SignatureSpec, request: SignedRequest, keys: Sequence[str]) -> None:
    timestamp = _required(request, spec.timestamp_header)
    given = _required(request, spec.header)
    _check_age(_seconds(timestamp, milliseconds=True), spec)
    content = (request.method.upper() + hubspot_uri(request.url)).encode("utf-8") + request.body + \
        timestamp.encode("ascii")
    if not _any_equal([given], [base64.b64encode(_hmac(key, content)).decode("ascii") for key in keys]):
        raise SignatureRejected("mismatch")


def _ed25519(spec: SignatureSpec, request: SignedRequest, keys: Sequence[str]) -> None:
    # imported here: the connection modules reach this module for SignedRequest alone, and
    # `cryptography` cost them ~30 ms of every cold start (bench/imports.py)
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    timestamp = _required(request, spec.timestamp_header)
    given = _required(request, spec.header)
    if timestamp.isascii() and timestamp.isdigit():
        _check_age(_seconds(timestamp), spec)
    try:
        signature = bytes.fromhex(given)
    except ValueError:
        raise SignatureRejected("malformed") from None
    message = timestamp.encode("utf-8") + request.body
    for key in keys:
        try:
            Ed25519PublicKey.from_public_bytes(bytes.fromhex(key)).verify(signature, message)
            return
        except (InvalidSignature, ValueError):
            continue
    raise SignatureRejected("mismatch")


def _standard_webhooks(spec: SignatureSpec, request: SignedRequest, keys: Sequence[str]) -> None:
    message_id = _required(request, "webhook-id")
    timestamp = _required(request, "webhook-timestamp")
    given = _required(request, spec.header).split()
    _check_age(_seconds(timestamp), spec)
    try:
        expected = [signing.sign(key, message_id, int(timestamp), request.body) for key in keys]
    except (ValueError, binascii.Error):
        raise SignatureRejected("no_key") from None
    if not _any_equal(given, expected):
        raise SignatureRejected("mismatch")


_SCHEMES: dict[str, Callable[[SignatureSpec, SignedRequest, Sequence[str]], None]] = {
    "hmac-sha256": _hmac_sha256,
    "stripe": _stripe,
    "slack-v0": _slack,
    "hubspot-v3": _hubspot_v3,
    "ed25519": _ed25519,
    "standard-webhooks": _standard_webhooks,
}


def verify_signature(spec: SignatureSpec, request: SignedRequest, keys: Sequence[str]) -> None:
    """Return when one of `keys` verifies the request; raise SignatureRejected otherwise."""
    usable = [key for key in keys if key]
    if not usable:
        raise SignatureRejected("no_key")
    _SCHEMES[spec.scheme](spec, request, usable)
