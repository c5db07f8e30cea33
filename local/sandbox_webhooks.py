"""The sandbox provider's webhooks: signed events it sends to the hub's intake for the local demo
(docs/inbound-webhooks.md). `POST /_sandbox/webhooks/emit` (loopback callers only) takes

    {"url": "http://127.0.0.1:3000/api/webhooks/in/sandbox", "secret": "whsec_…",
     "type": "item.created", "accountId": "acct_…" (default: the sandbox user's), "data": {…}}

and POSTs `{"id", "type", "account_id", "created", "data"}` signed with Standard Webhooks
(`webhook-id`, `webhook-timestamp`, `webhook-signature`), the scheme of the sandbox template's
`inboundWebhooks` section. It answers the hub's status and body.
"""

from __future__ import annotations

import json
import secrets
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import httpx
from pydantic import BaseModel, ConfigDict, Field

from hub.webhooks.signing import signing_headers

_LOOPBACK = {"127.0.0.1", "localhost", "::1"}


class EmitRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: str = Field(min_length=8, max_length=2048)
    secret: str = Field(min_length=8, max_length=200)
    type: str = Field(default="item.created", pattern=r"^[A-Za-z0-9_.:/-]{1,100}$")
    accountId: str | None = Field(default=None, max_length=200)
    data: dict[str, Any] = Field(default_factory=lambda: {"item": {"id": "itm_demo", "title": "Roadmap"}})


def emit(request: EmitRequest, default_account: str, clock: Callable[[], float] = time.time) -> tuple[int, str]:
    """Sign and send one event; (status, body) of the hub's answer."""
    host = urlsplit(request.url).hostname or ""
    if host not in _LOOPBACK:
        raise ValueError("the sandbox sends webhooks to loopback URLs only")
    message_id = "msg_" + secrets.token_hex(12)
    now = int(clock())
    body = json.dumps({"id": message_id, "type": request.type, "account_id": request.accountId or default_account,
                       "created": now, "data": request.data}).encode()
    headers = {"content-type": "application/json", **signing_headers([request.secret], message_id, now, body)}
    answer = httpx.post(request.url, content=body, headers=headers, timeout=30)
    return answer.status_code, answer.text
