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


# path parameters, query and body of each route's sample event. Ids are placeholders that
# `python -m local invoke` makes records for and fills in (local/samples.py, PLACEHOLDERS)
PATH_DEFAULTS = {"tenantId": "acme", "category": "crm", "id": "int_sample", "webhookId": "wh_sample",
                 "deliveryId": "whd_sample", "jobId": "whr_sample"}
_ADMIN = {"category": "crm", "id": "sample-admin"}
_BASIC = {"username": "ops", "password": "sample-password-1"}
_SESSION = {"authorization": "Bearer cs_sample_token"}
SAMPLE_REQUESTS: dict[str, dict[str, Any]] = {
    "providers-create": {"body": {"provider": "sample-created", "name": "Sample Created",
                                  "displayName": "Sample Created", "category": "crm", "authType": "basic"}},
    "providers-get": {"path": _ADMIN},
    "providers-update": {"path": _ADMIN, "body": {"description": "Changed by the sample event"}},
    "providers-delete": {"path": _ADMIN},
    "providers-set-status": {"path": _ADMIN, "body": {"status": "active"}},
    "providers-set-audience": {"path": _ADMIN, "body": {"audience": "system"}},
    "providers-test": {"path": {"category": "developer", "id": "sandbox"}},
    "providers-discover": {"body": {"url": "http://sandbox.sample"}},
    "providers-rediscover": {"path": {"category": "crm", "id": "sample-oidc"}, "body": {"apply": False}},
    "catalog-get": {"path": {"category": "developer", "id": "sandbox"}},
    "integrations-create": {"body": {"providerId": "sample-fresh", "name": "Sample created by its event"}},
    "integrations-update": {"body": {"description": "Changed by the sample event"}},
    "integrations-delete": {"path": {"id": "int_sample_spare"}},
    "connections-connect-oauth": {"path": {"id": "int_sample_oauth"},
                                  "body": {"returnUrl": "http://127.0.0.1:5173/integrations/done"}},
    "connections-exchange-oauth": {"path": {"id": "int_sample_oauth"}},
    "connections-connect-api-key": {"body": {"apiKey": "sbx_test_key_valid_0001"}},
    "connections-connect-basic": {"path": {"id": "int_sample_basic"}, "body": _BASIC},
    "connections-connect-custom": {"path": {"id": "int_sample_custom"},
                                   "body": {"credentials": {"token": "sample-token-123"}}},
    "connections-refresh": {"path": {"id": "int_sample_oauth"}},
    "connections-update-credentials": {"body": {"credentialType": "api_key",
                                                "credentials": {"apiKey": "sbx_test_key_valid_0001"}}},
    "user-connections-connect-oauth": {"path": {"id": "int_sample_user"},
                                       "body": {"returnUrl": "http://127.0.0.1:5173/integrations/done"}},
    "user-connections-get": {"path": {"id": "int_sample_user"}},
    "user-connections-test": {"path": {"id": "int_sample_user"}},
    "user-connections-refresh": {"path": {"id": "int_sample_user"}},
    "user-connections-disconnect": {"path": {"id": "int_sample_user"}},
    "sync-run": {"path": {"id": "int_sample_oauth"}},
    "search-global-search": {"body": {"query": "sample"}},
    "search-integration-search": {"path": {"id": "int_sample_oauth"}, "query": {"query": "sample"}},
    "widgets-data": {"path": {"id": "int_sample_oauth"}, "query": {"entity": "items"}},
    "webhooks-create": {"body": {"url": "http://receiver.sample/hooks", "events": ["integration.connected"],
                                 "description": "created by the sample event"}},
    "webhooks-update": {"body": {"description": "sample"}},
    "webhooks-delete": {"path": {"webhookId": "wh_sample_spare"}},
    "webhooks-recover": {"body": {"since": "2026-11-01T00:00:00Z"}},
    "proxy-tenant": {"path": {"path": "api/me"}},  # the sandbox's own API
    "proxy-user": {"path": {"id": "int_sample_user", "path": "api/me"}},
    # the connect page's calls carry a connect session's token (local/samples.py makes a fresh one)
    "connect-create-session": {"body": {"integrations": ["int_sample"], "origin": "http://127.0.0.1:5173"}},
    "connect-session": {"headers": _SESSION},
    "connect-credentials": {"headers": _SESSION, "body": {"credentials": {"apiKey": "sbx_test_key_valid_0001"}}},
    "connect-oauth-start": {"path": {"id": "int_sample_oauth"}, "headers": _SESSION},
    "connect-oauth-complete": {"path": {"id": "int_sample_oauth"}, "headers": _SESSION},
    # inbound provider webhooks: invoke signs a fresh sandbox request (local/samples_inbound.py)
    "inbound-receive": {"path": {"providerId": "sandbox"}},
    "providers-inbound": {"path": {"category": "developer", "id": "sandbox"}},
    "integrations-inbound": {"path": {"id": "int_sample_stripe"}},
    "integrations-inbound-accounts": {"path": {"id": "int_sample_oauth"}},
    "inbound-payload": {"path": {"inboundId": "inb_sample"}, "query": {"index": "0"}},
}


def _sample_path(route: Route) -> tuple[str, dict[str, str]]:
    params: dict[str, str] = {}
    overrides = SAMPLE_REQUESTS.get(route.function_name, {}).get("path", {})

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        value = overrides.get(name) or PATH_DEFAULTS.get(name, f"{name}_sample")
        params[name] = value
        return value

    return re.sub(r"\{([^}+]+)\+?\}", fill, route.path), params


def route_event(route: Route) -> dict[str, Any]:
    path, params = _sample_path(route)
    sample = SAMPLE_REQUESTS.get(route.function_name, {})
    claims = None if route.public else {"sub": "alice", "tenant_id": "acme", "roles": [route.roles[0]]}
    body = json.dumps(sample.get("body", {})) if route.method in {"POST", "PUT", "PATCH"} else None
    event = build_http_event(route, path, path_params=params or None, claims=claims, body=body,
                             query=sample.get("query"),
                             headers={**({"content-type": "application/json"} if body else {}),
                                      **sample.get("headers", {})} or None,
                             request_id="sample-request-id")
    if not route.public and route.roles[0] == "super_admin":  # as `make run`'s super admin token
        event["requestContext"]["authorizer"]["jwt"]["claims"].update({"sub": "root", "tenant_id": "platform"})
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
    "refresh": {"connectionKeys": ["acme#int_sample_oauth#TENANT"]},
    "inbound": {"providerId": "sandbox", "deliveryId": "inbound_sample_delivery"},
    # a hub event as the bus rule puts it on the webhook queue
    "webhook": {"version": "0", "id": "sample-event", "detail-type": "integration.connected",
                "source": "integration-hub", "account": "000000000000", "time": "2026-11-24T10:00:00Z",
                "region": "us-east-1", "resources": [],
                "detail": {"eventId": "evt_sample", "type": "integration.connected", "time": "2026-11-24T10:00:00Z",
                           "tenantId": "acme", "integrationId": "int_sample", "providerId": "sandbox-apikey",
                           "via": "api_key"}},
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
