"""The registry of secrets to mask belongs to one invocation, holds only secret values of a
useful length, and costs the same per text however many secrets it holds."""

from __future__ import annotations

import secrets
from typing import Any

from hub.jobs.entry import job_entry
from hub.redaction import (
    MASK,
    MIN_SECRET_LENGTH,
    mask_registered,
    redact_text,
    register_secret,
    register_secret_fields,
    start_invocation,
)
from local.apigw import LambdaContext

TENANT_A_CREDENTIALS = {"kind": "basic", "tokenType": "Bearer",
                        "credentials": {"username": "roadmap", "password": "quarterly-roadmap-2026!"}}


def test_only_secret_fields_of_a_useful_length_are_registered() -> None:
    # Given an invocation that decrypted basic credentials and an OAuth payload
    start_invocation()
    register_secret_fields(TENANT_A_CREDENTIALS)
    register_secret_fields({"accessToken": "short", "refreshToken": "r" * MIN_SECRET_LENGTH})
    # When text mentions the username, the token type, the password and the tokens
    text = "roadmap Bearer quarterly-roadmap-2026! short " + "r" * MIN_SECRET_LENGTH
    # Then only the password and the long-enough token are masked
    assert mask_registered(text) == f"roadmap Bearer {MASK} short {MASK}"


def test_another_invocation_never_masks_with_an_earlier_tenants_secrets() -> None:
    # Given tenant A's request registered its credentials, through the real job entry
    @job_entry
    def tenant_a(event: dict[str, Any], context: Any) -> str:
        register_secret_fields(TENANT_A_CREDENTIALS)
        return mask_registered("search hit: quarterly-roadmap-2026! planning")

    @job_entry
    def tenant_b(event: dict[str, Any], context: Any) -> str:
        return redact_text("search hit: quarterly-roadmap-2026! planning")

    assert tenant_a({}, LambdaContext("tenant-a")) == f"search hit: {MASK} planning"
    # When tenant B's invocation returns its own search results containing the same words
    masked = tenant_b({}, LambdaContext("tenant-b"))
    # Then nothing of tenant B's text is masked
    assert masked == "search hit: quarterly-roadmap-2026! planning"


def test_the_longest_registered_secret_at_a_position_is_masked_whole() -> None:
    start_invocation()
    register_secret("abcdefgh")
    register_secret("abcdefgh-and-more")
    assert mask_registered("x abcdefgh-and-more y abcdefgh z") == f"x {MASK} y {MASK} z"


def _work_to_mask(connections: int, text: str) -> int:
    registry = start_invocation()
    for _ in range(connections):
        register_secret_fields({"accessToken": secrets.token_urlsafe(32), "refreshToken": secrets.token_urlsafe(32)})
    registry.work = 0
    mask_registered(text)
    return registry.work


def test_the_cost_of_masking_stays_flat_as_connections_are_processed() -> None:
    # Given a log line, and a job that has handled 10, then 5,000 connections' tokens
    line = "refresh of connection conn_01J9 finished: status=refreshed, expiresIn=3600 " * 4
    # When the line is masked
    few, many = _work_to_mask(10, line), _work_to_mask(5000, line)
    # Then the work (index probes + candidate comparisons) is the same: one pass over the text
    assert few == many <= len(line)
