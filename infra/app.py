#!/usr/bin/env python3
"""The CDK app: `python3 infra/app.py` (or `npx cdk synth|deploy`, which runs it via cdk.json).

Synthesizes without Docker, without the CDK CLI and without AWS credentials. The route table
(functions/routes.py), the worker table (functions/workers.py) and the queue list
(QUEUES in functions/workers.py) decide what is deployed. cdk-nag's AWS Solutions pack runs at synth
through CDK's validation plugins: an unacknowledged finding fails the synth and is listed in
cdk.out's validation report.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
# `python3 infra/app.py` puts infra/ first on sys.path, where infra/constructs would shadow the
# `constructs` library; the repository root and the domain layer take its place.
sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != REPO_ROOT / "infra"]
for entry in (str(REPO_ROOT / "layers" / "core"), str(REPO_ROOT)):
    if entry not in sys.path:
        sys.path.insert(0, entry)
# Node 20 prints an end-of-life banner through jsii on every run otherwise.
os.environ.setdefault("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20")

from collections.abc import Mapping, Sequence  # noqa: E402
from typing import Any  # noqa: E402

import aws_cdk as cdk  # noqa: E402
from cdk_nag import AwsSolutionsChecks  # noqa: E402

from hub.http.routing import Route, Worker  # noqa: E402
from infra import packaging  # noqa: E402
from infra.config import HubConfig  # noqa: E402
from infra.stack import IntegrationHubStack  # noqa: E402

CDK_JSON = REPO_ROOT / "cdk.json"


def file_context() -> dict[str, Any]:
    """cdk.json's context, so a direct `python3 infra/app.py` sees the same defaults as the CLI
    (values the CLI passes take precedence over these)."""
    if not CDK_JSON.exists():
        return {}
    return dict(json.loads(CDK_JSON.read_text()).get("context", {}))


def load_tables() -> tuple[list[Route], list[Worker], list[str]]:
    from functions.routes import ROUTES
    from functions.workers import QUEUES, WORKERS

    return list(ROUTES), list(WORKERS), list(QUEUES)


def build_app(
    context: Mapping[str, Any] | None = None,
    *,
    outdir: str | Path | None = None,
    build_root: Path = packaging.DEFAULT_BUILD_ROOT,
    routes: Sequence[Route] | None = None,
    workers: Sequence[Worker] | None = None,
    queue_names: Sequence[str] | None = None,
    source_root: Path = packaging.REPO_ROOT,
) -> tuple[cdk.App, IntegrationHubStack]:
    """The app with its one stack; tests pass their own context, outdir and tables."""
    # The CLI tells the app where to write through CDK_OUTDIR; run directly, it is ./cdk.out.
    out = outdir or os.environ.get("CDK_OUTDIR") or REPO_ROOT / "cdk.out"
    app = cdk.App(outdir=str(out), context={**file_context(), **(context or {})}, stack_traces=False)
    config = HubConfig.from_context(app.node)
    table_routes, table_workers, table_queues = load_tables()
    stack = IntegrationHubStack(
        app,
        f"IntegrationHub-{config.stage}",
        config=config,
        routes=table_routes if routes is None else routes,
        workers=config.with_schedules(table_workers if workers is None else workers),
        queue_names=table_queues if queue_names is None else queue_names,
        build_root=build_root,
        source_root=source_root,
    )
    cdk.Validations.of(app).add_plugins(AwsSolutionsChecks(app, verbose=True))
    return app, stack


def main() -> int:
    try:
        app, stack = build_app()
    except (ValueError, packaging.PackagingError) as error:
        # configuration, route/worker table or packaging problems: say what to fix, no traceback
        print(f"cannot build the stack: {error}", file=sys.stderr)
        return 2
    try:
        app.synth()
    except Exception as error:  # noqa: BLE001 - show the report's place, not a jsii stack trace
        print(f"synth failed: {error}", file=sys.stderr)
        print(f"see {app.outdir}/ for the validation report", file=sys.stderr)
        return 1
    detaching = app.node.try_get_context("upgrade")
    deployed = "upgrade phase 1: no functions" if detaching else f"{len(stack.specs)} functions"
    print(f"synthesized {stack.stack_name} into {app.outdir} ({deployed})")
    return 0


if __name__ == "__main__":
    code = main()
    # The cloud assembly is written; skip jsii's teardown of its Node process at interpreter
    # exit, which costs about a second and does nothing we need.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
