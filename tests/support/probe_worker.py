"""A worker that records what it is handed (local job runner tests)."""

from __future__ import annotations

import threading
from typing import Any

RECEIVED: list[dict[str, Any]] = []
FAIL_TIMES: list[int] = [0]
_lock = threading.Lock()


def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    with _lock:
        RECEIVED.append(event)
        if FAIL_TIMES[0] > 0:
            FAIL_TIMES[0] -= 1
            raise RuntimeError("probe failure")
    if "Records" in event:
        failed = [{"itemIdentifier": r["messageId"]} for r in event["Records"] if r["body"] == "fail"]
        return {"batchItemFailures": failed}
    return {"ok": True}
