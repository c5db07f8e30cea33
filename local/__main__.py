"""`python -m local run|token|invoke|put-event|openapi` — the local developer entry points."""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import threading
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def cmd_run(args: argparse.Namespace) -> int:
    from local.iam_recorder import install_from_environment

    install_from_environment()  # the e2e tests' local stack records its calls for the IAM audit
    from local.issuer import LocalIssuer
    from local.stack import LocalStack, PortInUse

    stack = LocalStack(port=args.port, moto_port=args.moto_port, sandbox_port=args.sandbox_port,
                       quiet=args.quiet)
    from local.seed import seed_sandbox

    stack.extras.append(seed_sandbox)

    def start_webhooks(running: Any) -> None:
        # imported here, not above: hub modules create the Powertools logger on import, and it
        # must see the environment the stack sets (service name, log level)
        from local.webhooks_dev import start_webhooks as start

        start(running)

    stack.extras.append(start_webhooks)
    from local.jobs import start_jobs  # the scheduler, queue poller and event router

    stack.extras.append(start_jobs)
    try:
        stack.start()  # starts everything or, on failure, stops what it had started
    except PortInUse as error:
        print(f"make run: {error}", file=sys.stderr)
        return 1
    issuer = LocalIssuer()
    print(f"\nIntegration Hub is running on {stack.api_url}")
    print(f"  OpenAPI:   {stack.api_url}/openapi.json")
    print(f"  Swagger:   {stack.api_url}/docs")
    print(f"  moto:      {stack.moto_url}")
    if stack.sandbox_url:
        print(f"  sandbox:   {stack.sandbox_url}  (OAuth2 provider for the `sandbox` template)")
    print("\nDev tokens (valid 12 h; `make token ROLE=… TENANT=… USER=…` for more):")
    for role, tenant, user in (("super_admin", "platform", "root"), ("tenant_admin", "acme", "alice"),
                               ("user", "acme", "bob"), ("tenant_admin", "globex", "gina")):
        print(f"  {role:<13} tenant={tenant:<9} user={user:<6} {issuer.issue(role=role, tenant=tenant, user=user)}")
    print("\nPress Ctrl-C to stop.", flush=True)
    stopped = threading.Event()

    def _stop(*_: Any) -> None:
        stopped.set()

    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)
    stopped.wait()
    print("\nStopping…", flush=True)
    stack.stop()
    return 0


def cmd_token(args: argparse.Namespace) -> int:
    from local.issuer import LocalIssuer

    print(LocalIssuer().issue(role=args.role, tenant=args.tenant, user=args.user, ttl_seconds=args.ttl))
    return 0


def cmd_openapi(args: argparse.Namespace) -> int:
    from hub.http.responses import to_json
    from hub.openapi import build_openapi

    text = json.dumps(json.loads(to_json(build_openapi())), indent=2)
    if args.output == "-":
        print(text)
    else:
        Path(args.output).write_text(text + "\n")
        print(f"wrote {args.output}", file=sys.stderr)
    return 0


def _find_function(name: str) -> tuple[str, Any]:
    from hub.http.routing import route_table

    for route in route_table().values():
        if name in (route.function_name, route.module, route.module.rsplit(".", 1)[-1]):
            return route.module, route
    try:
        from functions.workers import WORKERS

        for worker in WORKERS:
            if name in (worker.name, worker.module, worker.module.rsplit(".", 1)[-1]):
                return worker.module, worker
    except ImportError:
        pass
    raise SystemExit(f"no function named {name!r} (see functions/routes.py and functions/workers.py)")


def _running_stack() -> dict[str, Any] | None:
    """The state of the `make run` stack of this checkout, if its process is still alive."""
    from local.stack import STATE_FILE

    if not STATE_FILE.exists():
        return None
    state: dict[str, Any] = json.loads(STATE_FILE.read_text())
    try:
        os.kill(int(state.get("pid", 0)), 0)
    except (OSError, ValueError):
        return None  # left behind by a stack that did not stop cleanly
    return state


def cmd_invoke(args: argparse.Namespace) -> int:
    """Run one function with a sample event, like `sam local invoke`: against the running local
    stack when there is one, else against an in-process moto with fresh resources."""
    import contextlib
    import importlib

    from local.stack import base_environment

    state = _running_stack()
    target: contextlib.AbstractContextManager[Any]
    # The environment goes first: settings are read (and cached) by the first module that asks,
    # and functions/workers.py asks at import, so a later change would leave jobs on real AWS.
    if state is not None:
        os.environ.update(base_environment(state["apiUrl"], state["motoUrl"]))
        if state.get("sandboxUrl"):
            os.environ["HUB_SANDBOX_BASE_URL"] = state["sandboxUrl"]
        target = contextlib.nullcontext()
        print(f"invoking against the local stack at {state['apiUrl']}", file=sys.stderr)
    else:
        from moto import mock_aws

        os.environ.update(base_environment("http://127.0.0.1:3000", ""))
        os.environ.pop("HUB_AWS_ENDPOINT_URL", None)
        target = mock_aws()
        print("no local stack is running (make run): invoking against an empty in-process moto", file=sys.stderr)
    from hub import aws
    from hub.settings import reset_settings

    with target:
        from local.resources import create_resources

        # idempotent: finds what the stack created
        os.environ.update(create_resources(endpoint_url=state["motoUrl"] if state else None).environment())
        reset_settings()
        aws.reset_clients()
        from local.apigw import LambdaContext

        module_name, record = _find_function(args.function)
        event = json.loads(Path(args.event).read_text()) if args.event else {}
        if state is not None and state.get("sandboxUrl"):
            from local.samples import prepare

            # the records the event names, made on the stack, their ids filled in (local/samples.py)
            event = prepare(getattr(record, "function_name", getattr(record, "name", "")), event,
                            state["apiUrl"], state["sandboxUrl"])
        timeout = float(getattr(record, "timeout_seconds", 30) or 30)
        context = LambdaContext(getattr(record, "function_name", getattr(record, "name", "local")), timeout)
        result = importlib.import_module(module_name).handler(event, context)
    print(json.dumps(result, indent=2, default=str))
    return 0


def cmd_put_event(args: argparse.Namespace) -> int:
    """Put one event on the running local stack's bus, as another service of the platform would
    (what `aws events put-events` does against AWS), so its rules route it to the consumers."""
    import boto3

    from local.stack import base_environment

    state = _running_stack()
    if state is None:
        print("no local stack is running: start it with make run", file=sys.stderr)
        return 1
    os.environ.update(base_environment(state["apiUrl"], state["motoUrl"]))  # moto's dummy credentials
    events = boto3.client("events", endpoint_url=state["motoUrl"])
    detail = json.dumps(json.loads(args.detail))  # refuse what is not JSON before sending it
    answer = events.put_events(Entries=[{"EventBusName": args.bus, "Source": args.source,
                                         "DetailType": args.detail_type, "Detail": detail}])
    print(json.dumps({"failed": answer.get("FailedEntryCount", 0),
                      "eventIds": [e.get("EventId") for e in answer.get("Entries", [])]}))
    return 1 if answer.get("FailedEntryCount") else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m local", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="start the whole API on loopback")
    run.add_argument("--port", type=int, default=int(os.environ.get("PORT", "3000")))
    run.add_argument("--moto-port", type=int, default=0)
    run.add_argument("--sandbox-port", type=int, default=int(os.environ.get("SANDBOX_PORT", "9100")))
    run.add_argument("--quiet", action="store_true")
    token = sub.add_parser("token", help="print a dev token")
    token.add_argument("--role", default="tenant_admin")
    token.add_argument("--tenant", default="acme")
    token.add_argument("--user", default="alice")
    token.add_argument("--ttl", type=int, default=12 * 3600)
    invoke = sub.add_parser("invoke", help="run one function with a sample event")
    invoke.add_argument("function")
    invoke.add_argument("event", nargs="?")
    put_event = sub.add_parser("put-event", help="put an event on the local stack's bus")
    put_event.add_argument("--source", required=True, help="e.g. user-service (not the hub's own source)")
    put_event.add_argument("--detail-type", required=True, help="e.g. user.deleted")
    put_event.add_argument("--detail", required=True, help="the detail, a JSON object")
    put_event.add_argument("--bus", default="integration-hub")
    openapi = sub.add_parser("openapi", help="write the OpenAPI document")
    openapi.add_argument("--output", "-o", default="-")
    args = parser.parse_args(argv)
    sys.path[:0] = [str(ROOT), str(ROOT / "layers" / "core")]
    handlers = {"run": cmd_run, "token": cmd_token, "invoke": cmd_invoke, "put-event": cmd_put_event,
                "openapi": cmd_openapi}
    return handlers[args.command](args)


if __name__ == "__main__":
    raise SystemExit(main())
