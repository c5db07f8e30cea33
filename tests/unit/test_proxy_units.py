"""The proxy's pure rules: which paths, headers and waits it accepts (hub/proxy/paths.py,
headers.py, retry.py)."""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import format_datetime

import pytest

from hub import clock
from hub.errors import ValidationError
from hub.providers.templates import RateLimitHeaders
from hub.proxy import headers, paths, retry


@pytest.fixture(autouse=True)
def frozen() -> None:
    clock.freeze()
    yield
    clock.reset()


def test_a_path_is_encoded_again_segment_by_segment() -> None:
    assert paths.provider_path("v1/files/a b/ü") == "/v1/files/a%20b/%C3%BC"
    assert paths.provider_path("v1/things/") == "/v1/things/"
    assert paths.provider_path("repos/o/r/issues:search@x") == "/repos/o/r/issues:search@x"


@pytest.mark.parametrize("raw", ["", "/abs", "//evil.example/x", "https://evil.example/x", "mailto:x", "a/../b",
                                 "a/./b", "..", "a//b", "a\\b", "a?b", "a#b", "a/%2e%2e/b", "a%2Fb", "a%252e",
                                 "a\x00b", "x" * 2049])
def test_paths_that_could_leave_the_base_url_are_refused(raw: str) -> None:
    with pytest.raises(ValidationError) as refused:
        paths.provider_path(raw)
    assert refused.value.code in ("INVALID_PROVIDER_PATH", "VALIDATION_ERROR")


def test_the_joined_url_stays_on_the_base_urls_origin_and_path() -> None:
    url = paths.join("https://api.example.com/v2", "/items", [("q", "a b"), ("q", "c")])
    assert url == "https://api.example.com/v2/items?q=a+b&q=c"


def test_path_templates_hide_ids_and_addresses() -> None:
    assert paths.path_template("/v1/customers/cus_9f8a7/orders") == "/v1/customers/{id}/orders"
    assert paths.path_template("/users/ada@example.com") == "/users/{id}"
    assert paths.path_template("/api/me") == "/api/me"


def test_a_callers_api_key_parameter_is_dropped_and_repeats_are_kept() -> None:
    assert paths.query_pairs("a=1&api_key=mine&a=2&b=", drop=["api_key"]) == (("a", "1"), ("a", "2"), ("b", ""))


def test_request_headers_keep_content_negotiation_versions_and_x_headers_only() -> None:
    given = {"Authorization": "Bearer hub-jwt", "Accept": "text/csv", "Notion-Version": "2022-06-28",
             "X-Trace": "1", "X-Auth-Token": "t", "X-Api-Key": "k", "Cookie": "c", "Connection": "close",
             "X-Hub-Retry": "true", "X-Forwarded-For": "10.0.0.1", "Host": "evil", "X-Session-Id": "s",
             "Stripe-Account": "acct", "X-Custom": "v"}
    assert headers.request_headers(given, auth_headers=["X-Custom"]) == {
        "accept": "text/csv", "notion-version": "2022-06-28", "x-trace": "1"}


def test_response_headers_never_carry_cookies_and_join_repeats() -> None:
    kept = headers.response_headers([("Set-Cookie", "a=1"), ("Link", "<a>"), ("Link", "<b>"), ("ETag", '"e"'),
                                     ("Transfer-Encoding", "chunked"), ("X-RateLimit-Remaining", "4")])
    assert kept == {"link": "<a>, <b>", "etag": '"e"', "x-ratelimit-remaining": "4"}


def test_the_wait_the_provider_asks_for_is_read_in_each_form() -> None:
    later = datetime.fromtimestamp(clock.now() + 7, tz=UTC)
    assert retry.requested_wait(503, {"Retry-After": "3"}, None) == 3
    assert retry.requested_wait(503, {"retry-after": format_datetime(later, usegmt=True)}, None) == \
        pytest.approx(7, abs=1)
    hints = RateLimitHeaders(reset="X-Reset", resetFormat="epoch_milliseconds")
    reset_at = str(int((clock.now() + 5) * 1000))
    assert retry.requested_wait(429, {"X-Reset": reset_at}, hints) == pytest.approx(5, abs=0.01)
    delta = RateLimitHeaders(reset="X-Reset", resetFormat="delta_seconds")
    assert retry.requested_wait(429, {"X-Reset": "9"}, delta) == 9
    assert retry.requested_wait(500, {"X-Reset": "9"}, delta) is None


def test_no_retry_past_the_attempts_the_limit_or_the_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    from hub.settings import reset_settings

    monkeypatch.setenv("HUB_PROXY_MAX_ATTEMPTS", "3")
    monkeypatch.setenv("HUB_PROXY_MAX_RETRY_AFTER_SECONDS", "10")
    reset_settings()
    assert retry.wait_before_retry(1, 2.0, 20.0) == pytest.approx(2.0, abs=0.26)  # never sooner than asked
    assert retry.wait_before_retry(3, None, 20.0) is None  # the third attempt was the last
    assert retry.wait_before_retry(1, 11.0, 20.0) is None  # asked for longer than the hub waits
    assert retry.wait_before_retry(1, 5.0, 4.0) is None  # would not end before the deadline
    reset_settings()
