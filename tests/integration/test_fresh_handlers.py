"""Every handler serves requests on a cold start: imported in a fresh set of hub modules
(nothing another handler or test imported first), its first minimal request, a body that is not
JSON, a caller of the wrong role and one without claims each answer a documented status in the
error envelope, never a Lambda error or a 500; every job and consumer handles its sample event
(handlers import their domain code lazily: tests/support/fresh_handlers.py says how it runs)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from functions.routes import ROUTES
from functions.workers import WORKERS

ROOT = Path(__file__).resolve().parents[2]


def test_every_handler_answers_its_first_requests_in_a_fresh_interpreter_with_a_documented_envelope() -> None:
    # Given each route's handler imported as on a cold start, one after another in a subprocess
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "layers" / "core")])}
    run = subprocess.run([sys.executable, "-m", "tests.support.fresh_handlers"], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=600, check=False)
    assert run.returncode == 0, run.stderr[-4000:]
    # When each answers a minimal request, a body that is not JSON, a wrong role and no claims
    lines = [json.loads(line.removeprefix("FRESH-ANSWER ")) for line in run.stdout.splitlines()
             if line.startswith("FRESH-ANSWER ")]
    answers = [line for line in lines if "route" in line]
    # Then every route answered
    assert {a["route"] for a in answers} == {route.key for route in ROUTES}
    document = json.loads((ROOT / "docs" / "openapi.json").read_text())
    wrong = []
    for answer in answers:
        method, path = answer["route"].split(" ", 1)
        documented = document["paths"][path.replace("+}", "}")][method.lower()]["responses"]
        # And none raised or was an unhandled error (500), every error is an envelope with a code,
        # and every status is one the OpenAPI document lists for the route
        if (not 200 <= answer["status"] < 500 or str(answer["status"]) not in documented
                or (answer["status"] >= 400 and not answer["code"])):
            wrong.append(answer)
    assert not wrong, wrong
    # And the error paths were reached: every protected route refused the wrong callers
    assert {a["route"] for a in answers if a["case"] == "no-claims" and a["code"] == "UNAUTHORIZED"} == {
        route.key for route in ROUTES if route.roles}
    # And every job and consumer handled its sample event (events/) without raising
    assert {line["worker"]: line["outcome"] for line in lines if "worker" in line} == {
        worker.name: "ok" for worker in WORKERS}
