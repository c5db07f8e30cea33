"""Tracing is cheap where it is off and never leaks our trace header to third parties.

Each case runs in its own interpreter: the X-Ray SDK patches libraries process-wide, and what is
under test is precisely which modules a process imports and patches."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = textwrap.dedent(
    """
    import json, sys, threading
    from http.server import BaseHTTPRequestHandler, HTTPServer

    seen = []

    class Receiver(BaseHTTPRequestHandler):
        def do_GET(self):
            seen.append({k.lower(): v for k, v in self.headers.items()})
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()

    import functions.system.health  # a real handler module
    imported_at_import = "aws_xray_sdk" in sys.modules

    import httpx
    from hub.observability import tracer

    @tracer.capture_lambda_handler(capture_response=False)
    def handler(event, context):
        httpx.get(f"http://127.0.0.1:{server.server_port}/")
        return "done"

    class Context:
        function_name = "probe"
        memory_limit_in_mb = 128
        invoked_function_arn = "arn:aws:lambda:us-east-1:123456789012:function:probe"
        aws_request_id = "req-1"

    result = handler({}, Context())
    patched = []
    if "aws_xray_sdk" in sys.modules:
        from aws_xray_sdk.core import patcher
        patched = sorted(patcher._PATCHED_MODULES)
    print(json.dumps({"result": result, "xray_at_import": imported_at_import,
                      "xray_loaded": "aws_xray_sdk" in sys.modules, "patched": patched, "headers": seen}))
    """
)


def _probe(**environment: str) -> dict[str, object]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("HUB_", "POWERTOOLS_", "LAMBDA_", "_X_AMZN", "AWS_XRAY"))
    }
    env.update(
        PYTHONPATH=f"{ROOT}:{ROOT / 'layers' / 'core'}",
        AWS_DEFAULT_REGION="us-east-1",
        AWS_ACCESS_KEY_ID="test",
        AWS_SECRET_ACCESS_KEY="test",
        **environment,
    )
    run = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 0, run.stderr[-3000:]
    return json.loads(run.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def test_a_process_that_does_not_trace_never_imports_the_xray_sdk() -> None:
    # Given a process outside Lambda (tests, the local stack)
    # When a handler module is imported and invoked
    outcome = _probe(POWERTOOLS_TRACE_DISABLED="true")
    # Then it works and the X-Ray SDK was never imported
    assert outcome["result"] == "done"
    assert outcome["xray_loaded"] is False


def test_inside_lambda_only_botocore_is_traced_and_third_parties_get_no_trace_header() -> None:
    # Given a Lambda environment with active tracing
    outcome = _probe(
        LAMBDA_TASK_ROOT="/var/task",
        AWS_LAMBDA_FUNCTION_NAME="probe",
        _X_AMZN_TRACE_ID="Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1",
        AWS_XRAY_DAEMON_ADDRESS="127.0.0.1:9",
        AWS_XRAY_CONTEXT_MISSING="IGNORE_ERROR",
    )
    # When a handler that calls a provider over HTTP is invoked
    # Then the SDK was loaded by the invocation, not by the import, and patched botocore only
    assert outcome["result"] == "done"
    assert outcome["xray_at_import"] is False
    assert outcome["patched"] == ["botocore"]
    # And the provider saw no X-Ray trace header
    headers = outcome["headers"]
    assert isinstance(headers, list) and len(headers) == 1
    assert "x-amzn-trace-id" not in headers[0]
