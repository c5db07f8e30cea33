"""A secret placed in a log call never reaches the output."""

from __future__ import annotations

import io
import json
import logging

from aws_lambda_powertools import Logger

from hub.observability import RedactingFormatter
from hub.redaction import MASK, forget_secrets, mask_value, redact, register_secret

ACCESS_TOKEN = "ya29.a0AfH6SMBx-very-secret-access-token-value"
REFRESH_TOKEN = "1//0gRefreshTokenSecretValue-xyz"
JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSIsInRlbmFudCI6ImFjbWUifQ.c2lnbmF0dXJlLXZhbHVlLWhlcmU"


def capture_logger() -> tuple[Logger, io.StringIO]:
    stream = io.StringIO()
    logger = Logger(
        service="redaction-test", logger_formatter=RedactingFormatter(), logger_handler=logging.StreamHandler(stream)
    )
    return logger, stream


def test_secret_keys_in_extra_are_masked() -> None:
    logger, stream = capture_logger()
    logger.info("token response", extra={"access_token": ACCESS_TOKEN, "refresh_token": REFRESH_TOKEN,
                                         "headers": {"Authorization": f"Bearer {ACCESS_TOKEN}"},
                                         "client_secret": "cs-123456789", "password": "hunter2hunter2"})
    output = stream.getvalue()
    for secret in (ACCESS_TOKEN, REFRESH_TOKEN, "cs-123456789", "hunter2hunter2"):
        assert secret not in output
    record = json.loads(output)
    assert record["access_token"] == MASK


def test_secrets_inside_messages_are_masked() -> None:
    logger, stream = capture_logger()
    logger.info(f"calling with Authorization: Bearer {ACCESS_TOKEN} and jwt {JWT}")
    logger.info("form body: grant_type=refresh_token&refresh_token=" + REFRESH_TOKEN + "&client_secret=abcdefgh12")
    logger.warning("webhook secret whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
    output = stream.getvalue()
    for secret in (ACCESS_TOKEN, REFRESH_TOKEN, JWT, "abcdefgh12", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"):
        assert secret not in output


def test_values_the_vault_decrypted_are_masked_anywhere() -> None:
    register_secret("plain-looking-api-key-7788")
    try:
        logger, stream = capture_logger()
        logger.info("provider said: key plain-looking-api-key-7788 is rate limited")
        logger.exception("boom", extra={"detail": ["nested", {"x": "plain-looking-api-key-7788"}]})
        assert "plain-looking-api-key-7788" not in stream.getvalue()
    finally:
        forget_secrets()


def test_exceptions_with_secrets_are_masked() -> None:
    logger, stream = capture_logger()
    try:
        raise RuntimeError(f"provider rejected access_token={ACCESS_TOKEN}")
    except RuntimeError:
        logger.exception("refresh failed")
    assert ACCESS_TOKEN not in stream.getvalue()


def test_safe_keys_stay_readable() -> None:
    assert redact({"token_type": "Bearer", "tokenUrl": "https://x"}) == {"token_type": "Bearer", "tokenUrl": "https://x"}


def test_mask_value_shows_at_most_four_characters() -> None:
    assert mask_value("sk_live_1234567890abcd") == MASK + "abcd"
    assert mask_value("short") == MASK
    assert mask_value("12345678") == MASK + "78"


def test_records_propagated_to_the_root_logger_are_already_masked(caplog) -> None:
    from hub.observability import logger

    register_secret(ACCESS_TOKEN)  # as the vault does when it decrypts
    with caplog.at_level(logging.INFO):
        logger.info(f"got {ACCESS_TOKEN}", extra={"refresh_token": REFRESH_TOKEN, "note": f"Bearer {ACCESS_TOKEN}"})
        logger.info({"message": "dict", "client_secret": "cs-abcdef123"})
    captured = caplog.text + " ".join(str(r.__dict__) for r in caplog.records)
    forget_secrets()
    for secret in (ACCESS_TOKEN, REFRESH_TOKEN, "cs-abcdef123"):
        assert secret not in captured


def test_json_bodies_inside_strings_are_redacted_by_key() -> None:
    body = json.dumps({"credentialType": "custom", "credentials": {"secretAccessKey": "wJalr-LEAKED-SECRET-1",
                       "accessToken": "at-LEAKED-2", "codeVerifier": "cv-LEAKED-3",
                       "serviceAccountKey": {"private_key": "-----BEGIN PRIVATE KEY-----LEAKED-4"}}})
    out = json.dumps(redact({"event": {"body": body, "rawQueryString": "code=LEAKED-5&state=acme.LEAKED-6"}}))
    for n in range(1, 7):
        assert f"LEAKED-{n}" not in out
    assert "credentialType" in out


def test_camel_case_secrets_in_free_text_are_masked() -> None:
    text = 'refreshToken="rt-LEAKED" accessToken: at-LEAKED token=tk-LEAKED'
    assert "LEAKED" not in redact_text_public(text)


def redact_text_public(text: str) -> str:
    from hub.redaction import redact_text

    return redact_text(text)
