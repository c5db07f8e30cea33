"""Inbound provider webhooks: acknowledged events per second at the intake, next to the outgoing
deliveries per second the same events become.

`events` sandbox events, signed with Standard Webhooks as the sandbox provider signs them, are
handed to the intake function (`functions.inbound.receive`) one request at a time, as API Gateway
would: signature check, the conditional put that dedupes, the SendMessage to the inbound queue,
the acknowledgement. Then the inbound processor takes the queue in batches (attribution to the
one connection linked to the account, `provider.event` ten to a PutEvents), and the webhook
dispatcher sends each to a loopback receiver subscribed to `sandbox:item.created`, which verifies
every signature with the `standardwebhooks` library. All against in-process moto; AWS calls are
counted at botocore (deterministic), rates depend on the machine.
"""

from __future__ import annotations

import json
import time
from typing import Any


def run(events: int = 500) -> dict[str, Any]:
    from bench._env import prepare

    prepare()
    from moto import mock_aws

    with mock_aws():
        return _measure(events)


def _measure(count: int) -> dict[str, Any]:
    import os

    from bench.webhooks import _aws_seconds, _count_aws_calls, _restore
    from functions.inbound.receive import handler as intake
    from functions.routes import ROUTES
    from functions.workers import WORKERS
    from hub import aws, clock
    from hub.http.context import RequestState, set_request
    from hub.inbound import secrets
    from hub.inbound.records import AccountLink
    from hub.inbound.repository import InboundRepository
    from hub.settings import reset_settings
    from hub.webhooks.models import WebhookCreate
    from hub.webhooks.service import create_endpoint
    from hub.webhooks.signing import generate_secret, signing_headers
    from local.apigw import LambdaContext, build_http_event
    from local.jobs import local_jobs
    from local.moto_atomic import make_moto_dynamodb_atomic
    from local.receiver import Receiver
    from local.resources import create_resources
    from local.seed import seed_sandbox_providers
    from local.webhooks_dev import install_webhook_rule, pump_webhook_queue

    make_moto_dynamodb_atomic()
    aws.reset_clients()
    reset_settings()
    os.environ.update(create_resources().environment())
    reset_settings()
    seed_sandbox_providers()
    signing = generate_secret()
    secrets.store("sandbox", {"signingSecret": signing})
    InboundRepository().link([AccountLink(tenant_id="bench", integration_id="int_bench", connection_id="conn_bench",
                                          provider_id="sandbox", account_id="acct_bench")])
    install_webhook_rule()
    route = next(r for r in ROUTES if r.module == "functions.inbound.receive")
    processor = next(w for w in WORKERS if w.name == "inbound-processor")
    jobs = local_jobs(workers=[processor])
    with Receiver() as receiver:
        set_request(RequestState(request_id="bench", route_key="bench"))
        endpoint = create_endpoint("bench", WebhookCreate(url=receiver.url, events=["sandbox:item.created"]))
        receiver.secrets = [endpoint.secret]
        requests = []
        for i in range(count):
            body = json.dumps({"id": f"msg_{i}", "type": "item.created", "account_id": "acct_bench",
                               "data": {"item": {"id": f"itm_{i}", "title": "bench"}}})
            headers = {"content-type": "application/json",
                       **signing_headers([signing], f"msg_{i}", int(clock.now()), body)}
            requests.append(build_http_event(route, "/api/webhooks/in/sandbox", path_params={"providerId": "sandbox"},
                                             headers=headers, body=body))
        calls = _count_aws_calls()
        _aws_seconds[0] = 0.0
        started = time.perf_counter()
        for event in requests:
            answer = intake(event, LambdaContext(route.function_name))
            if answer["statusCode"] != 200:
                raise RuntimeError(f"the intake refused an event: {answer['body']}")
        intake_seconds = time.perf_counter() - started
        intake_calls = dict(calls)
        intake_calls.pop("_restore", None)
        calls.clear()
        started = time.perf_counter()
        processed = jobs.pump_queue(processor)
        processor_seconds = time.perf_counter() - started
        started = time.perf_counter()
        pump_webhook_queue()
        outgoing_seconds = time.perf_counter() - started
        for undo in _restore:
            undo()
        _restore.clear()
    verified = sum(1 for r in receiver.requests if r.verified)
    aws.reset_clients()
    acked = count / intake_seconds
    delivered = verified / outgoing_seconds if outgoing_seconds else 0.0
    made = sum(intake_calls.values())
    return {
        "events": count,
        "acknowledged events per second (intake)": round(acked, 1),
        "AWS calls per acknowledged event": round(made / count, 3),
        "intake AWS calls by operation": dict(sorted(intake_calls.items())),
        "events attributed per second (processor)": round(processed / processor_seconds, 1),
        "outgoing deliveries per second (dispatcher)": round(delivered, 1),
        "ratio intake / outgoing": round(acked / delivered, 2) if delivered else 0.0,
        "delivered and verified by standardwebhooks": verified,
    }
