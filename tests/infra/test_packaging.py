"""Packaging without Docker and the stack's configuration: fast checks, no synth."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest

from infra import packaging
from infra.config import ConfigError, HubConfig

pytestmark = pytest.mark.infra


class Context:
    def __init__(self, **values: Any) -> None:
        self.values = values

    def try_get_context(self, key: str) -> Any:
        return self.values.get(key)


def _write(root: Path, relative: str, text: str = "") -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


@pytest.fixture
def source(tmp_path: Path) -> Path:
    """Given a functions package where one handler imports a helper of its area."""
    root = tmp_path / "src"
    _write(root, "functions/__init__.py")
    _write(root, "functions/routes.py", "ROUTES = []\n")
    _write(root, "functions/workers.py", "WORKERS = []\n")
    _write(root, "functions/connections/__init__.py")
    _write(root, "functions/connections/_common.py", "from hub.errors import HubError\n")
    _write(
        root,
        "functions/connections/connect.py",
        "from functions.connections._common import HubError\nhandler = None\n",
    )
    _write(root, "functions/connections/disconnect.py", "from . import _common\nhandler = None\n")
    _write(root, "functions/connections/unrelated.py", "handler = None\n")
    return root


def _files(path: Path) -> set[str]:
    return {p.relative_to(path).as_posix() for p in path.rglob("*") if p.is_file()}


def test_function_asset_holds_the_tables_its_module_and_the_helpers_it_imports(
    source: Path, tmp_path: Path
) -> None:
    asset = packaging.build_function_asset(
        "connections-connect", "functions.connections.connect", tmp_path / "b", root=source
    )
    assert _files(asset) == {
        "functions/__init__.py",
        "functions/routes.py",
        "functions/workers.py",
        "functions/connections/__init__.py",
        "functions/connections/connect.py",
        "functions/connections/_common.py",
    }
    relative = packaging.build_function_asset(
        "connections-disconnect", "functions.connections.disconnect", tmp_path / "b", root=source
    )
    assert "functions/connections/_common.py" in _files(relative)
    assert "functions/connections/unrelated.py" not in _files(relative)


def test_function_asset_is_rebuilt_from_scratch_and_takes_extra_files(source: Path, tmp_path: Path) -> None:
    build = tmp_path / "b"
    stale = build / "functions" / "connections-connect" / "functions" / "stale.py"
    _write(stale.parent, stale.name)
    asset = packaging.build_function_asset(
        "connections-connect",
        "functions.connections.connect",
        build,
        root=source,
        extra_files={"functions/openapi.json": "{}"},
    )
    assert not stale.exists()
    assert (asset / "functions" / "openapi.json").read_text() == "{}"


def test_a_module_missing_from_disk_fails_loudly(source: Path, tmp_path: Path) -> None:
    with pytest.raises(packaging.PackagingError, match=r"functions\.connections\.nope"):
        packaging.build_function_asset("x", "functions.connections.nope", tmp_path / "b", root=source)


def _lambda_magic() -> bytes:
    """The bytecode magic number of Lambda's Python (3.13), asked of that interpreter."""
    script = "import importlib.util, sys; sys.stdout.write(importlib.util.MAGIC_NUMBER.hex())"
    run = subprocess.run([packaging.lambda_python(), "-c", script], capture_output=True, text=True, check=True)
    return bytes.fromhex(run.stdout)


def _assert_ships_lambda_bytecode(root: Path) -> None:
    magic = _lambda_magic()
    sources = list(root.rglob("*.py"))
    assert sources
    for source in sources:
        compiled = source.parent / "__pycache__" / f"{source.stem}.cpython-313.pyc"
        header = compiled.read_bytes()[:8]
        # magic of CPython 3.13; flags 0b01 = hash-based, source not checked ("unchecked-hash")
        assert header[:4] == magic, source
        assert int.from_bytes(header[4:8], "little") == 0b01, source
    strays = [p.name for p in root.rglob("*.pyc") if ".cpython-313." not in p.name]
    assert strays == []


def test_core_layer_ships_lambdas_bytecode_for_every_module(tmp_path: Path) -> None:
    # Given the domain package, possibly with a developer's own __pycache__ beside it
    # When the core layer is built
    layer = packaging.build_core_layer(tmp_path)
    # Then every module has CPython 3.13 bytecode that is valid whatever the files' mtimes
    files = _files(layer.path)
    assert "python/hub/__init__.py" in files and "python/hub/settings.py" in files
    _assert_ships_lambda_bytecode(layer.path / "python")


def test_lambdas_python_loads_the_layer_from_its_bytecode_without_writing(tmp_path: Path) -> None:
    # Given the built core layer, read as Lambda reads /opt: no bytecode can be written there
    layer = packaging.build_core_layer(tmp_path)
    environment = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(layer.path / "python"), "PYTHONDONTWRITEBYTECODE": "1"}
    # When Lambda's Python imports a module of the layer
    run = subprocess.run(
        [packaging.lambda_python(), "-v", "-c", "import hub.ids"],
        capture_output=True, text=True, env=environment, check=True,
    )
    # Then the code object comes from the shipped bytecode, not from compiling the source
    shipped = layer.path / "python" / "hub" / "__pycache__" / "ids.cpython-313.pyc"
    assert f"code object from '{shipped}'" in run.stderr


def test_function_assets_get_lambdas_bytecode(source: Path, tmp_path: Path) -> None:
    # Given a built function asset
    asset = packaging.build_function_asset(
        "connections-connect", "functions.connections.connect", tmp_path / "b", root=source
    )
    # When the stack compiles the assets (one process for all of them)
    packaging.compile_bytecode([asset], packaging.FUNCTION_ROOT)
    # Then each of its modules ships CPython 3.13 bytecode
    _assert_ships_lambda_bytecode(asset)


def test_runtime_requirements_leave_out_what_lambda_provides() -> None:
    requirements = packaging.runtime_requirements()
    names = {packaging.canonical_name(r) for r in requirements}
    assert "aws-lambda-powertools" in names and "pydantic" in names
    assert not names & packaging.RUNTIME_PROVIDED and {"urllib3", "six"} <= packaging.RUNTIME_PROVIDED
    assert packaging.canonical_name("aws_lambda_powertools[tracer]>=3.37") == "aws-lambda-powertools"


def test_pip_targets_lambda_arm64_python313_binary_wheels_only() -> None:
    command = packaging.pip_command(["pydantic>=2"], Path("/t"))
    joined = " ".join(command)
    assert "--platform manylinux2014_aarch64" in joined
    assert "--only-binary=:all:" in command
    assert "--python-version 3.13" in joined and "--implementation cp" in joined
    assert command[command.index("--target") + 1] == "/t"


def test_deps_layer_is_cached_by_a_stamp_of_the_requirements(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[list[str]] = []

    def fake_pip(command: list[str], **_: Any) -> subprocess.CompletedProcess[str]:
        calls.append(command)
        target = Path(command[command.index("--target") + 1])
        (target / "pydantic").mkdir(parents=True)
        (target / "pydantic" / "__init__.py").write_text("")
        (target / "boto3").mkdir()
        (target / "botocore-1.0.dist-info").mkdir()
        # botocore's own dependencies, as pip installs them: a RECORD names every file
        (target / "dateutil").mkdir()
        (target / "dateutil" / "parser.py").write_text("")
        (target / "six.py").write_text("")
        for dist, files in {"python_dateutil-2.9.0": ["dateutil/parser.py"], "six-1.17.0": ["six.py"]}.items():
            (target / f"{dist}.dist-info").mkdir()
            (target / f"{dist}.dist-info" / "RECORD").write_text(
                "".join(f"{name},sha256=x,1\n" for name in [*files, f"{dist}.dist-info/RECORD"])
            )
        return subprocess.CompletedProcess(command, 0, "", "")

    real_run = subprocess.run
    monkeypatch.setattr(
        packaging.subprocess,
        "run",
        lambda command, **kw: fake_pip(command) if "pip" in command else real_run(command, **kw),
    )
    # Given pip installs the runtime dependencies plus boto3, botocore and their dependencies
    # When the layer is built twice
    first = packaging.build_deps_layer(tmp_path)
    second = packaging.build_deps_layer(tmp_path)
    # Then pip ran once, and only what the Lambda runtime lacks is kept, with its bytecode
    assert len(calls) == 1 and first.path == second.path
    assert sorted(p.name for p in (first.path / "python").iterdir()) == ["pydantic"]
    assert (first.path / "python" / "pydantic" / "__pycache__" / "__init__.cpython-313.pyc").is_file()
    packaging.build_deps_layer(tmp_path, force=True)
    assert len(calls) == 2


def test_a_pip_failure_stops_the_build_with_pips_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        packaging.subprocess,
        "run",
        lambda command, **_: subprocess.CompletedProcess(command, 1, "", "No matching distribution"),
    )
    with pytest.raises(packaging.PackagingError, match="No matching distribution"):
        packaging.build_deps_layer(tmp_path)


# ---- configuration -------------------------------------------------------------------------


def test_config_defaults_to_cognito_and_a_stage_scoped_secret_prefix() -> None:
    config = HubConfig.from_context(Context())
    assert config.uses_cognito and config.stage == "dev"
    assert config.secret_prefix == "integration-hub/dev"


def test_the_vault_backend_is_chosen_by_context_with_secrets_manager_by_default() -> None:
    assert HubConfig.from_context(Context()).vault_backend == "secretsmanager"
    assert HubConfig.from_context(Context(vaultBackend="table")).vault_backend == "table"


def test_the_vault_scope_is_chosen_by_context_with_the_functions_own_role_by_default() -> None:
    # the values are the setting's (hub/settings.py vault_scope), declared there once
    assert HubConfig.from_context(Context()).vault_scope == "function"
    assert HubConfig.from_context(Context(vaultScope="tenant")).vault_scope == "tenant"


def test_config_reads_lists_from_cli_strings_and_cdk_json_lists() -> None:
    from_cli = HubConfig.from_context(
        Context(
            jwtIssuer="https://id.example.com",
            jwtAudience="a, b",
            allowedReturnOrigins="https://x.example.com",
        )
    )
    from_json = HubConfig.from_context(Context(jwtIssuer="https://id.example.com", jwtAudience=["a", "b"]))
    assert from_cli.jwt_audience == from_json.jwt_audience == ("a", "b")
    assert from_cli.allowed_return_origins == ("https://x.example.com",)
    assert not from_cli.uses_cognito


@pytest.mark.parametrize(
    ("context", "message"),
    [
        ({"jwtIssuer": "https://id.example.com"}, "jwtAudience"),
        ({"jwtAudience": "a"}, "jwtIssuer"),
        ({"jwtIssuer": "http://id.example.com", "jwtAudience": "a"}, "https"),
        ({"secretPrefix": "hub/*"}, "secretPrefix"),
        ({"vaultBackend": "dynamo"}, "vaultBackend"),
        ({"vaultScope": "tenants"}, "vaultScope"),
        ({"stage": "Prod!"}, "stage"),
        ({"logRetentionDays": "12"}, "logRetentionDays"),
        ({"allowedReturnOrigins": "https://app.example.com/path"}, "origins"),
        # a production hub names its return origins, https only (OAuth sends browsers there)
        ({"stage": "prod"}, "allowedReturnOrigins"),
        ({"stage": "production", "allowedReturnOrigins": "https://app.example.com,http://app.example.com"},
         "http://"),
        ({"publicApiUrl": "api.example.com/hub"}, "publicApiUrl"),
    ],
)
def test_config_rejects_what_cannot_be_deployed(context: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        HubConfig.from_context(Context(**context))


def test_a_production_stage_with_https_return_origins_is_accepted() -> None:
    config = HubConfig.from_context(Context(stage="prod", allowedReturnOrigins="https://app.example.com"))
    assert config.is_production and config.allowed_return_origins == ("https://app.example.com",)


def test_skip_deps_layer_comes_from_context_or_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HUB_SKIP_DEPS_LAYER", raising=False)
    assert HubConfig.from_context(Context()).skip_deps_layer is False
    assert HubConfig.from_context(Context(skipDepsLayer="true")).skip_deps_layer is True
    monkeypatch.setenv("HUB_SKIP_DEPS_LAYER", "1")
    assert HubConfig.from_context(Context()).skip_deps_layer is True


def test_schedules_come_from_the_context_and_name_known_workers() -> None:
    from hub.http.routing import Worker

    # Given the worker table's own schedules
    workers = [
        Worker("refresh-due-connections", "functions.jobs.refresh_due_connections", "schedule", "jobs",
               schedule_minutes=5),
        Worker("refresh-worker", "functions.consumers.refresh_worker", "queue", "jobs", queue="refresh"),
    ]
    # When a deployment sets one in cdk.json or on the command line
    from_json = HubConfig.from_context(Context(scheduleMinutes={"refresh-due-connections": 10}))
    from_cli = HubConfig.from_context(Context(scheduleMinutes="refresh-due-connections=10"))
    # Then that worker runs on the deployment's schedule and the others keep theirs
    assert from_json.with_schedules(workers) == from_cli.with_schedules(workers)
    assert [w.schedule_minutes for w in from_json.with_schedules(workers)] == [10, None]
    assert HubConfig.from_context(Context()).with_schedules(workers) == workers
    # And an unknown worker or a bad number stops the synth
    with pytest.raises(ConfigError, match="names no scheduled worker"):
        HubConfig.from_context(Context(scheduleMinutes="refresh-worker=3")).with_schedules(workers)
    with pytest.raises(ConfigError, match="scheduleMinutes"):
        HubConfig.from_context(Context(scheduleMinutes={"refresh-due-connections": 0}))
