"""Infra fixtures: the CDK app synthesized once per session (jsii start-up and the first synth
cost seconds; every template test reads the same result).

Four synths:
- `hub_synth`: the real route, worker and queue tables, Cognito by default, placeholder deps
  layer (the template is what is under test, not the wheels);
- `tenant_scope_synth`: the same with the tenant-scoped vault (vaultScope=tenant);
- `detach_synth`: the same as phase 1 of the upgrade from before the nested stacks (upgrade=detach);
- `sample_synth`: a sample table with routes of several areas and one worker per trigger kind,
  behind an external JWT issuer, so wiring is tested even while WORKERS is still empty.
"""

from __future__ import annotations

import os

# Before aws_cdk is imported: Node 20 prints an end-of-life banner through jsii otherwise.
os.environ.setdefault("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20")

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from hub.http.routing import Route, Worker
from infra.templates import StackTemplates, load

REPO_ROOT = Path(__file__).resolve().parents[2]

# The IAM audit checks what the unit/integration/e2e run recorded; `make test` sets the variable
# for both runs. Without it there is nothing to check, so the module is not collected.
collect_ignore = [] if os.environ.get("HUB_IAM_AUDIT_DIR") else ["test_iam_audit.py"]
REPORT_KEY = pytest.StashKey[str]()  # test_iam_audit.py puts its report here


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    """The audit's report (denials, grants never used) after the infra run."""
    report = config.stash.get(REPORT_KEY, None)
    if report:
        terminalreporter.write_sep("-", "IAM audit")
        terminalreporter.write_line(report)


@dataclass
class Synthesized:
    stack: Any
    template: Any  # aws_cdk.assertions.Template of `raw`
    raw: dict[str, Any]  # the parent and its nested stacks merged into one (infra/templates.py)
    templates: StackTemplates  # each template as deployed
    outdir: Path
    build_root: Path
    routes: list[Route]
    workers: list[Worker]
    queues: list[str]

    def resources(self, resource_type: str) -> dict[str, dict[str, Any]]:
        return {k: v for k, v in self.raw["Resources"].items() if v["Type"] == resource_type}

    def function_by_handler(self, handler: str) -> tuple[str, dict[str, Any]]:
        matches = [
            (k, v)
            for k, v in self.resources("AWS::Lambda::Function").items()
            if v["Properties"]["Handler"] == handler
        ]
        assert len(matches) == 1, f"expected one function with handler {handler}, found {len(matches)}"
        return matches[0]

    def function_by_name(self, name: str) -> tuple[str, dict[str, Any]]:
        matches = [
            (k, v)
            for k, v in self.resources("AWS::Lambda::Function").items()
            if v["Properties"].get("FunctionName", "").endswith(f"-{name}")
        ]
        assert len(matches) == 1, f"expected one function named *-{name}, found {len(matches)}"
        return matches[0]


def _synthesize(tmp_root: Path, context: dict[str, Any], **tables: Any) -> Synthesized:
    from aws_cdk.assertions import Template

    from infra.app import build_app, load_tables

    outdir, build_root = tmp_root / "cdk.out", tmp_root / "build"
    app, stack = build_app(context, outdir=outdir, build_root=build_root, **tables)
    app.synth()  # raises ValidationFailed on an unacknowledged cdk-nag finding
    templates = load(outdir, stack.template_file)
    raw = templates.merged()
    routes, workers, queues = load_tables()
    return Synthesized(
        stack=stack,
        template=Template.from_json(raw),
        raw=raw,
        templates=templates,
        outdir=outdir,
        build_root=build_root,
        routes=list(tables.get("routes") or routes),
        workers=list(tables["workers"] if "workers" in tables else workers),
        queues=list(tables.get("queue_names") or queues),
    )


SYNTH_CONTEXT = {
    "stage": "test",
    "skipDepsLayer": "true",
    "alarmEmail": "ops@example.com",
    "allowedReturnOrigins": "https://app.example.com,http://127.0.0.1:3000",
}


@pytest.fixture(scope="session")
def hub_synth(tmp_path_factory: pytest.TempPathFactory) -> Synthesized:
    return _synthesize(tmp_path_factory.mktemp("hub"), dict(SYNTH_CONTEXT))


@pytest.fixture(scope="session")
def tenant_scope_synth(tmp_path_factory: pytest.TempPathFactory) -> Synthesized:
    """The same stack with the tenant-scoped vault (context vaultScope=tenant)."""
    return _synthesize(tmp_path_factory.mktemp("tenant-scope"), {**SYNTH_CONTEXT, "vaultScope": "tenant"})


@pytest.fixture(scope="session")
def detach_synth(tmp_path_factory: pytest.TempPathFactory) -> Synthesized:
    """Upgrade phase 1 of the same stack (context upgrade=detach, infra/upgrade.py)."""
    return _synthesize(tmp_path_factory.mktemp("detach"), {**SYNTH_CONTEXT, "upgrade": "detach"})


SAMPLE_ROUTES = [
    Route("GET", "/health", "functions.system.health", (), None, "Liveness", "system"),
    Route(
        "GET",
        "/api/integrations",
        "functions.catalog.list_catalog",
        ("user",),
        "integration",
        "Catalog",
        "catalog",
    ),
    Route(
        "POST",
        "/api/admin/integrations",
        "functions.providers.create_provider",
        ("super_admin",),
        "provider",
        "Create provider",
        "providers",
        action="provider.create",
        idempotent=True,
    ),
    Route(
        "GET",
        "/api/integrations/oauth/callback",
        "functions.oauth.callback",
        (),
        None,
        "OAuth callback",
        "oauth",
    ),
    Route(
        "POST",
        "/api/tenant/webhooks",
        "functions.webhooks.create_webhook",
        ("tenant_admin",),
        "webhook",
        "Create webhook",
        "webhooks",
    ),
]
SAMPLE_WORKERS = [
    Worker(
        "refresh-due-connections",
        "functions.jobs.refresh_due_connections",
        "schedule",
        "jobs",
        "Refresh tokens that are due",
        schedule_minutes=5,
        timeout_seconds=300,
        memory_mb=1024,
    ),
    Worker(
        "refresh-connection",
        "functions.consumers.refresh_connection",
        "queue",
        "consumers",
        "Refresh one connection",
        queue="refresh",
        timeout_seconds=60,
        batch_size=5,
    ),
    Worker(
        "on-user-deleted",
        "functions.consumers.user_deleted",
        "event",
        "consumers",
        "Remove a deleted user's connections",
        event_detail_types=("user.deleted",),
    ),
]


@pytest.fixture(scope="session")
def sample_source_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A functions package holding the sample modules (the packager copies, never imports them)."""
    root = tmp_path_factory.mktemp("sample-src")
    package = root / "functions"
    package.mkdir()
    for name in ("__init__.py", "routes.py", "workers.py"):
        shutil.copy(REPO_ROOT / "functions" / name, package / name)
    for module in {r.module for r in SAMPLE_ROUTES} | {w.module for w in SAMPLE_WORKERS}:
        path = root.joinpath(*module.split(".")).with_suffix(".py")
        path.parent.mkdir(parents=True, exist_ok=True)
        (path.parent / "__init__.py").touch()
        path.write_text('"""sample handler"""\n\ndef handler(event, context):\n    return {}\n')
    return root


@pytest.fixture(scope="session")
def sample_synth(tmp_path_factory: pytest.TempPathFactory, sample_source_root: Path) -> Synthesized:
    return _synthesize(
        tmp_path_factory.mktemp("sample"),
        {
            "stage": "sample",
            "skipDepsLayer": "true",
            "jwtIssuer": "https://issuer.example.com/",
            "jwtAudience": "hub-api",
            "secretPrefix": "hub-vault",
        },
        routes=SAMPLE_ROUTES,
        workers=SAMPLE_WORKERS,
        source_root=sample_source_root,
    )
