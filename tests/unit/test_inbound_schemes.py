"""Inbound webhook signatures: every scheme of hub/inbound/schemes.py, with vectors from the
providers' documentation where they publish one, and vectors computed here where they do not."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from collections.abc import Iterator

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from hub import clock
from hub.inbound.schemes import SignatureRejected, SignedRequest, hubspot_uri, verify_signature
from hub.inbound.spec import SignatureSpec
from hub.providers.templates import get_template


@pytest.fixture(autouse=True)
def frozen_clock() -> Iterator[None]:
    clock.freeze()
    yield
    clock.reset()


def at(epoch: float) -> None:
    """Given the hub's clock at `epoch`."""
    clock.advance(epoch - clock.now())


def spec_of(template_id: str) -> SignatureSpec:
    template = get_template(template_id)
    assert template is not None and template.inbound_webhooks is not None
    return template.inbound_webhooks.signature


def request(headers: dict[str, str], body: bytes, *, method: str = "POST",
            url: str = "https://hub.example.com/api/webhooks/in/x") -> SignedRequest:
    return SignedRequest(method=method, url=url, headers={k.lower(): v for k, v in headers.items()}, body=body)


def rejected(reason: str, spec: SignatureSpec, req: SignedRequest, keys: list[str]) -> None:
    with pytest.raises(SignatureRejected) as caught:
        verify_signature(spec, req, keys)
    assert caught.value.reason == reason


# ---- vectors from the providers' documentation ------------------------------------------------

def test_github_documented_vector_verifies() -> None:
    """GitHub's test values (https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries,
    "Testing the webhook payload validation"): secret "It's a Secret to Everybody", payload
    "Hello, World!"."""
    spec = spec_of("github")
    signature = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"
    verify_signature(spec, request({"X-Hub-Signature-256": signature}, b"Hello, World!"),
                     ["It's a Secret to Everybody"])
    rejected("mismatch", spec, request({"X-Hub-Signature-256": signature}, b"Hello, World?"),
             ["It's a Secret to Everybody"])


SLACK_BODY = (b"token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
              b"&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
              b"&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRs"
              b"kXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c")
SLACK_HEADERS = {"X-Slack-Request-Timestamp": "1531420618",
                 "X-Slack-Signature": "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503"}


def test_slack_documented_vector_verifies_within_five_minutes() -> None:
    """Slack's walk-through (https://api.slack.com/authentication/verifying-requests-from-slack):
    signing secret 8f742231b10e8888abcd99yyyzzz85a5, timestamp 1531420618."""
    spec = spec_of("slack")
    at(1531420618 + 299)
    verify_signature(spec, request(SLACK_HEADERS, SLACK_BODY), ["8f742231b10e8888abcd99yyyzzz85a5"])
    at(1531420618 + 301)
    rejected("stale", spec, request(SLACK_HEADERS, SLACK_BODY), ["8f742231b10e8888abcd99yyyzzz85a5"])


def test_standard_webhooks_documented_vector_verifies() -> None:
    """The Standard Webhooks specification's example
    (https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md)."""
    spec = spec_of("sandbox")
    at(1614265330)
    headers = {"webhook-id": "msg_p5jXN8AQM9LWM0D4loKWxJek", "webhook-timestamp": "1614265330",
               "webhook-signature": "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="}
    verify_signature(spec, request(headers, b'{"test": 2432232314}'), ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"])
    rejected("mismatch", spec, request(headers, b'{"test": 2432232315}'), ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"])


# ---- vectors computed here (the providers publish the algorithm, not a vector) ----------------

def test_shopify_base64_body_hmac_with_the_client_secret() -> None:
    """Shopify: base64 HMAC-SHA256 of the raw body with the app's client secret (the expected
    value computed with `openssl dgst -sha256 -hmac shpss_secret -binary | base64`)
    (https://shopify.dev/docs/apps/build/webhooks/subscribe/https#step-5-verify-the-webhook)."""
    spec = spec_of("shopify")
    body = b'{"id":820982911946154508,"email":"jon@example.com"}'
    digest = base64.b64encode(hmac.new(b"shpss_secret", body, hashlib.sha256).digest()).decode()
    assert digest == "vo+n5h/cLxNKGlgJ0Fd1aDzU0aOaajK8Hs9m0hPqWiQ="
    verify_signature(spec, request({"X-Shopify-Hmac-Sha256": digest}, body), ["shpss_secret"])
    rejected("mismatch", spec, request({"X-Shopify-Hmac-Sha256": digest}, body + b" "), ["shpss_secret"])
    rejected("missing", spec, request({}, body), ["shpss_secret"])


def test_meta_sha256_prefixed_hex_with_the_app_secret() -> None:
    """Meta (Instagram): `X-Hub-Signature-256: sha256=<hex>` of the body with the app secret
    (https://developers.facebook.com/docs/graph-api/webhooks/getting-started#validate-payloads)."""
    spec = spec_of("instagram")
    body = b'{"object":"instagram","entry":[{"id":"17841400000000000","changes":[{"field":"comments"}]}]}'
    signature = "sha256=" + hmac.new(b"app-secret", body, hashlib.sha256).hexdigest()
    verify_signature(spec, request({"X-Hub-Signature-256": signature}, body), ["app-secret"])
    rejected("malformed", spec, request({"X-Hub-Signature-256": signature[7:]}, body), ["app-secret"])


def stripe_header(secret: str, timestamp: int, body: bytes) -> str:
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest},v0=ignored"


def test_stripe_timestamped_signature_and_its_tolerance() -> None:
    """Stripe: `t=…,v1=…`, HMAC-SHA256 hex of "{t}.{body}", 5 minutes of tolerance
    (https://docs.stripe.com/webhooks#verify-manually)."""
    spec = spec_of("stripe")
    body = b'{"id":"evt_1","type":"payment_intent.succeeded","account":"acct_1"}'
    header = stripe_header("whsec_test", 1700000000, body)
    assert header.split(",")[1] == "v1=" + hmac.new(b"whsec_test", b"1700000000." + body, hashlib.sha256).hexdigest()
    at(1700000000 + 300)
    verify_signature(spec, request({"Stripe-Signature": header}, body), ["whsec_old", "whsec_test"])
    at(1700000000 + 301)
    rejected("stale", spec, request({"Stripe-Signature": header}, body), ["whsec_test"])
    rejected("malformed", spec, request({"Stripe-Signature": "v1=abc"}, body), ["whsec_test"])


def test_hubspot_v3_signs_method_uri_body_and_timestamp() -> None:
    """HubSpot v3: base64 HMAC-SHA256 of method + URI + body + timestamp (ms) with the client
    secret; the URI with %3A, %2F, %3F, … decoded; 5 minutes
    (https://developers.hubspot.com/docs/api/webhooks/validating-requests). The body is the
    example of that page."""
    spec = spec_of("hubspot")
    body = (b'[{"eventId":1,"subscriptionId":12345,"portalId":62515,"occurredAt":1564113600000,'
            b'"subscriptionType":"contact.creation","attemptNumber":0,"objectId":123,"changeSource":"CRM",'
            b'"changeFlag":"NEW","appId":54321}]')
    url = "https://hub.example.com/api/webhooks/in/hubspot?next=%2Fa%3Ab"
    assert hubspot_uri(url) == "https://hub.example.com/api/webhooks/in/hubspot?next=/a:b"
    source = b"POST" + hubspot_uri(url).encode() + body + b"1700000000000"
    signature = base64.b64encode(hmac.new(b"client-secret", source, hashlib.sha256).digest()).decode()
    headers = {"X-HubSpot-Signature-v3": signature, "X-HubSpot-Request-Timestamp": "1700000000000"}
    at(1700000000 + 10)
    verify_signature(spec, request(headers, body, url=url), ["client-secret"])
    rejected("mismatch", spec, request(headers, body, url=url.replace("hubspot", "hubspot2")), ["client-secret"])
    at(1700000000 + 301)
    rejected("stale", spec, request(headers, body, url=url), ["client-secret"])


def test_discord_ed25519_with_the_application_public_key() -> None:
    """Discord: ed25519 signature over timestamp + body, checked with the application's public
    key (https://discord.com/developers/docs/interactions/overview#setting-up-an-endpoint-validating-security-request-headers)."""
    spec = spec_of("discord")
    private = Ed25519PrivateKey.generate()
    public = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex()
    body = json.dumps({"type": 1}).encode()
    signature = private.sign(b"1700000000" + body).hex()
    headers = {"X-Signature-Ed25519": signature, "X-Signature-Timestamp": "1700000000"}
    verify_signature(spec, request(headers, body), [public])
    rejected("mismatch", spec, request(headers, body + b" "), [public])
    rejected("malformed", spec, request({**headers, "X-Signature-Ed25519": "zz"}, body), [public])


def test_no_key_configured_is_a_refusal_not_an_error() -> None:
    rejected("no_key", spec_of("github"), request({"X-Hub-Signature-256": "sha256=00"}, b"{}"), [])


# headers of each timestamped scheme with the timestamp `{t}` (signatures that would never match)
TIMESTAMPED = {
    "stripe": {"Stripe-Signature": "t={t},v1=abc"},
    "slack": {"X-Slack-Request-Timestamp": "{t}", "X-Slack-Signature": "v0=abc"},
    "hubspot": {"X-HubSpot-Request-Timestamp": "{t}", "X-HubSpot-Signature-v3": "abc"},
    "discord": {"X-Signature-Timestamp": "{t}", "X-Signature-Ed25519": "ab"},
    "sandbox": {"webhook-id": "msg_1", "webhook-timestamp": "{t}", "webhook-signature": "v1,abc"},
}


@pytest.mark.parametrize("timestamp", ["²", "\u0661\u0667" + "\u0660" * 8],
                         ids=["superscript two", "Arabic-Indic digits"])
@pytest.mark.parametrize("template_id", list(TIMESTAMPED))
def test_a_timestamp_of_digits_other_than_ascii_is_refused(template_id: str, timestamp: str) -> None:
    # Given a request whose timestamp Python calls digits (str.isdigit) but that is no ASCII number
    # (at the time those digits stand for, so no age check refuses it first)
    at(1700000000)
    headers = {name: value.replace("{t}", timestamp) for name, value in TIMESTAMPED[template_id].items()}
    # When its signature is checked, Then it is refused (malformed where the scheme reads the
    # timestamp as a number), never a ValueError or UnicodeEncodeError: a 500 at the public intake
    with pytest.raises(SignatureRejected) as caught:
        verify_signature(spec_of(template_id), request(headers, b"{}"), ["key"])
    assert caught.value.reason == ("mismatch" if template_id == "discord" else "malformed")
