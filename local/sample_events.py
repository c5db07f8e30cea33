"""Writes events/<function>.json: one sample event per route and worker (`make events`)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from hub.http.routing import Route, Worker, route_table
from local.apigw import build_http_event

ROOT = Path(__file__).resolve().parent.parent
EVENTS = ROOT / "events"


def _sample_path(route: Route) -> tuple[str, dict[str, str]]:
    params: dict[str, str] = {}

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        value = {"tenantId": "acme", "category": "crm", "id": "int_sample"}.get(name, f"{name}_sample")
        params[name] = value
        return value

    return re.sub(r"\{([^}+]+)\+?\}", fill, route.path), params


def route_event(route: Route) -> dict[str, Any]:
    path, params = _sample_path(route)
    claims = None if route.public else {"sub": "alice", "tenant_id": "acme", "roles": [route.roles[0]]}
    body = json.dumps({}) if route.method in {"POST", "PUT", "PATCH"} else None
    event = build_http_event(route, path, path_params=params or None, claims=claims, body=body,
                             headers={"content-type": "application/json"} if body else None,
                             request_id="sample-request-id")
    event["requestContext"]["time"] = "24/Nov/2026:10:00:00 +0000"
    event["requestContext"]["timeEpoch"] = 1795514400000
    return event


# sample `detail` of consumed events and sample bodies of queue messages, by name
SAMPLE_DETAILS: dict[str, dict[str, Any]] = {
    "user.deleted": {"tenantId": "acme", "userId": "bob"},
    "content.published": {"tenantId": "acme", "contentId": "post-123", "contentType": "post",
                          "title": "Hello"},
}
SAMPLE_QUEUE_BODIES: dict[str, dict[str, Any]] = {
    "refresh": {"connectionKeys": ["acme#int_sample#TENANT"]},
}


def worker_event(worker: Worker) -> dict[str, Any]:
    if worker.trigger == "schedule":
        return {"version": "0", "id": "sample", "detail-type": "Scheduled Event", "source": "aws.events",
                "account": "000000000000", "time": "2026-11-24T10:00:00Z", "region": "us-east-1",
                "resources": [f"arn:aws:events:us-east-1:000000000000:rule/{worker.name}"], "detail": {}}
    if worker.trigger == "event":
        detail_type = worker.event_detail_types[0] if worker.event_detail_types else "sample"
        return {"version": "0", "id": "sample", "detail-type": detail_type,
                "source": worker.event_sources[0] if worker.event_sources else "platform",
                "account": "000000000000", "time": "2026-11-24T10:00:00Z", "region": "us-east-1",
                "resources": [],
                "detail": SAMPLE_DETAILS.get(detail_type, {"tenantId": "acme", "userId": "bob"})}
    body = json.dumps(SAMPLE_QUEUE_BODIES.get(worker.queue or "", {}))
    return {"Records": [{"messageId": "sample-1", "receiptHandle": "sample", "body": body,
                         "attributes": {"ApproximateReceiveCount": "1"}, "messageAttributes": {},
                         "md5OfBody": "", "eventSource": "aws:sqs",
                         "eventSourceARN": f"arn:aws:sqs:us-east-1:000000000000:integration-hub-{worker.queue}",
                         "awsRegion": "us-east-1"}]}


def write_events() -> list[Path]:
    EVENTS.mkdir(exist_ok=True)
    written = []
    for route in route_table().values():
        path = EVENTS / f"{route.function_name}.json"
        if path in written:
            continue  # a function serving several methods (the proxy): the first route's event
        path.write_text(json.dumps(route_event(route), indent=2) + "\n")
        written.append(path)
    try:
        from functions.workers import WORKERS
    except ImportError:
        WORKERS = []
    for worker in WORKERS:
        path = EVENTS / f"{worker.name}.json"
        path.write_text(json.dumps(worker_event(worker), indent=2) + "\n")
        written.append(path)
    return written


if __name__ == "__main__":
    for written_path in write_events():
        print(written_path.relative_to(ROOT))
