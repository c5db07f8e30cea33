"""Run every HTTP handler as a cold Lambda would, one after another in this interpreter.

`python -m tests.support.fresh_handlers` (tests/integration/test_fresh_handlers.py runs it in a
subprocess): in-process moto holds the hub's resources; before each route, every `hub.*` and
`functions.*` module is dropped from `sys.modules`, so the route's module imports its domain code
as on a cold start (handlers import lazily, and a name first imported inside an error path would
otherwise be found already loaded by an earlier test). Each route then answers a few requests
that take its first-use paths: a minimal request, a body that is not JSON, a caller without the
route's role. Then each job and consumer (functions/workers.py) handles its sample event from
events/. Prints one line per answer, `FRESH-ANSWER {json}` (route, case, status, error
code), among the handlers' own log lines; an unhandled error is a 500 and a raise is status 0.
"""

from __future__ import annotations

import json
import os
import sys
import uuid
from pathlib import Path
from typing import Any

os.environ.update({
    "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_SESSION_TOKEN": "testing",
    "AWS_DEFAULT_REGION": "us-east-1", "AWS_REGION": "us-east-1",
    "POWERTOOLS_SERVICE_NAME": "integration-hub", "POWERTOOLS_METRICS_NAMESPACE": "IntegrationHub",
    "POWERTOOLS_TRACE_DISABLED": "true", "HUB_STAGE": "test",
})
for name in ("HUB_AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL"):
    os.environ.pop(name, None)

EVENTS = Path(__file__).resolve().parents[2] / "events"  # a sample event per function
# a value for each path parameter: real enough to reach the domain call, absent from the table
PARAMS = {"category": "crm", "id": "hubspot", "providerId": "sandbox", "tenantId": "acme", "path+": "api/me"}
ROLE_ORDER = ("tenant_admin", "user", "super_admin")


def _claims(role: str, tenant: str = "acme") -> dict[str, Any]:
    return {"sub": "alice", "tenant_id": tenant, "roles": role}


def _event(method: str, path_template: str, claims: dict[str, Any] | None, body: str | None) -> dict[str, Any]:
    params = {}
    path = path_template
    for segment in path_template.split("/"):
        if segment.startswith("{") and segment.endswith("}"):
            name = segment[1:-1]
            value = PARAMS.get(name, f"missing-{name.lower()}")
            params[name.rstrip("+")] = value
            path = path.replace(segment, value)
    event: dict[str, Any] = {
        "version": "2.0", "routeKey": f"{method} {path_template}", "rawPath": path, "rawQueryString": "",
        "headers": {"content-type": "application/json", "origin": "https://app.example.com"},
        "requestContext": {
            "accountId": "000000000000", "apiId": "local", "domainName": "127.0.0.1", "domainPrefix": "local",
            "http": {"method": method, "path": path, "protocol": "HTTP/1.1", "sourceIp": "127.0.0.1",
                     "userAgent": "fresh"},
            "requestId": uuid.uuid4().hex[:20], "routeKey": f"{method} {path_template}", "stage": "$default",
            "time": "30/Nov/2026:00:00:00 +0000", "timeEpoch": 1_795_000_000_000,
        },
        "isBase64Encoded": False,
    }
    if params:
        event["pathParameters"] = params
    if body is not None:
        event["body"] = body
    if claims is not None:
        event["requestContext"]["authorizer"] = {"jwt": {"claims": claims, "scopes": None}}
    return event


def _cases(method: str, path: str, roles: tuple[str, ...]) -> list[tuple[str, dict[str, Any]]]:
    role = next((r for r in ROLE_ORDER if r in roles), None)
    claims = _claims(role) if role else None
    has_body = method in ("POST", "PUT", "PATCH")
    cases = [("minimal", _event(method, path, claims, "{}" if has_body else None))]
    if has_body:
        cases.append(("not-json", _event(method, path, claims, "{not json")))
    outsider = next((r for r in ROLE_ORDER if r not in roles), None) if roles else None
    if outsider:
        cases.append(("wrong-role", _event(method, path, _claims(outsider), None)))
    if roles:
        cases.append(("no-claims", _event(method, path, None, None)))
    return cases


def _forget_hub() -> None:
    for name in list(sys.modules):
        if name in ("hub", "functions") or name.startswith(("hub.", "functions.")):
            del sys.modules[name]


def main() -> None:
    from moto import mock_aws

    with mock_aws():
        from functions.routes import ROUTES
        from functions.workers import WORKERS
        from local.apigw import LambdaContext as Context  # the emulator's, so both build one context
        from local.resources import create_resources

        os.environ.update(create_resources().environment())
        routes = [(r.method, r.path, r.module, r.roles, r.function_name) for r in ROUTES]
        workers = [(w.name, w.module, w.name) for w in WORKERS]
        for method, path, module, roles, function_name in routes:
            _forget_hub()
            handler = __import__(module, fromlist=["handler"]).handler
            for case, event in _cases(method, path, roles):
                try:
                    answer = handler(event, Context(function_name))
                    status = int(answer.get("statusCode", 200))
                    body = answer.get("body") or ""
                    try:
                        code = (json.loads(body).get("error") or {}).get("code") if status >= 400 else None
                    except (ValueError, AttributeError):
                        code = "NOT-AN-ENVELOPE"
                except Exception as error:  # reported: a Lambda error is what this looks for
                    status, code = 0, f"RAISED {type(error).__name__}: {error}"
                line = {"route": f"{method} {path}", "case": case, "status": status, "code": code}
                print("FRESH-ANSWER " + json.dumps(line), flush=True)
        for name, module, function_name in workers:
            _forget_hub()
            handler = __import__(module, fromlist=["handler"]).handler
            sample = json.loads((EVENTS / f"{name}.json").read_text(encoding="utf-8"))
            try:
                result = handler(sample, Context(function_name))
                outcome = "failed items" if isinstance(result, dict) and result.get("batchItemFailures") else "ok"
            except Exception as error:  # reported: a Lambda error is what this looks for
                outcome = f"RAISED {type(error).__name__}: {error}"
            print("FRESH-ANSWER " + json.dumps({"worker": name, "outcome": outcome}), flush=True)


if __name__ == "__main__":
    main()
