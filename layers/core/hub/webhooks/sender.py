"""One HTTP attempt: POST a signed body through the URL guard and describe what came back.

The attempt has one deadline (`webhook_timeout_seconds`, DNS and the whole answer included; see
hub/urlguard.py). Only the first `webhook_response_keep_bytes` of an answer are read back into
the record, redacted. Redirects are not followed and count as failures.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any

from hub import clock
from hub.errors import HubError, UnsafeUrl
from hub.redaction import redact_text
from hub.settings import get_settings

URL_PURPOSE = "webhook"
USER_AGENT = "IntegrationHub-Webhooks/1.0"


@dataclass(frozen=True)
class SendResult:
    status_code: int | None
    duration_ms: float
    response_body: str | None = None
    error: str | None = None
    retry_after: float | None = None

    @property
    def succeeded(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300

    @property
    def gone(self) -> bool:
        return self.status_code == 410


def parse_retry_after(value: str | None, now: float) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():  # isdigit() alone takes "²", which float() refuses
        return float(value)
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - now)
    except (TypeError, ValueError):
        return None


def _failure_text(status: int) -> str:
    if 300 <= status < 400:
        return f"redirect not followed (HTTP {status})"
    return f"HTTP {status}"


_ssl_context: Any = None
_ssl_lock = threading.Lock()


def _shared_ssl_context() -> Any:
    """One verifying TLS context per process: building one loads the CA store (~15 ms), which
    would otherwise be paid on every delivery."""
    global _ssl_context
    if _ssl_context is None:
        with _ssl_lock:
            if _ssl_context is None:
                import httpx

                _ssl_context = httpx.create_ssl_context(trust_env=False)
    return _ssl_context


def allowed_ports() -> Sequence[tuple[int, int]]:
    return get_settings().webhook_allowed_ports


def check_endpoint_url(url: str) -> None:
    """The one URL guard, with the webhook port rule (443 and 8443 unless configured)."""
    from hub.urlguard import check_url

    check_url(url, purpose=URL_PURPOSE, allowed_ports=allowed_ports())


def send(url: str, body: bytes, headers: dict[str, str]) -> SendResult:
    """POST once through the URL guard: the address dialled is the one checked; no redirects."""
    import httpx

    from hub.urlguard import safe_request

    settings = get_settings()
    started = time.perf_counter()

    def elapsed() -> float:
        return round((time.perf_counter() - started) * 1000, 1)

    try:
        response = safe_request(
            "POST", url, headers=headers, content=body, purpose=URL_PURPOSE,
            timeout=settings.webhook_timeout_seconds, follow_redirects=False,
            ssl_context=_shared_ssl_context(), allowed_ports=allowed_ports(),
        )
    except UnsafeUrl as error:  # the guard refused the address (e.g. DNS now answers private): not dialled
        return SendResult(None, elapsed(), error=f"unsafe_url: {error.message}")
    except HubError as error:  # e.g. an answer larger than the guard reads
        return SendResult(None, elapsed(), error=f"error: {error.message}")
    except httpx.TimeoutException:
        return SendResult(None, elapsed(), error="timeout")
    except httpx.HTTPError as error:
        return SendResult(None, elapsed(), error=f"connection_error: {type(error).__name__}")
    except Exception as error:  # noqa: BLE001 - one bad endpoint must never break the batch
        return SendResult(None, elapsed(), error=f"error: {type(error).__name__}")
    duration = elapsed()
    status = response.status_code
    kept = response.content[: settings.webhook_response_keep_bytes]
    text = redact_text(kept.decode("utf-8", errors="replace")) if kept else ""
    retry_after = None
    if status in (429, 503):
        retry_after = parse_retry_after(response.headers.get("retry-after"), clock.now())
    failure = None if 200 <= status < 300 else _failure_text(status)
    return SendResult(status, duration, response_body=text or None, error=failure, retry_after=retry_after)
