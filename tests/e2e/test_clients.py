"""The generated clients (clients/, `make clients`) against the running local stack: a provider,
an instance, an API-key connect, its status, a filtered list and the error envelope."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from local.sandbox import DEFAULT_API_KEYS
from tests.e2e.conftest import HTTP_TIMEOUT, ROOT, RunningStack

pytestmark = pytest.mark.e2e
TS_DIR = ROOT / "clients" / "typescript"


def test_the_python_client_connects_and_reads_back(local_stack: RunningStack) -> None:
    import httpx
    from integration_hub_client import AuthenticatedClient
    from integration_hub_client.api.connections import connections_connect_api_key, connections_get
    from integration_hub_client.api.integrations import integrations_create, integrations_get, integrations_list
    from integration_hub_client.api.providers import providers_create
    from integration_hub_client.models import (
        ApiKeyConnectRequest,
        ConnectionStatusView,
        ErrorEnvelope,
        IntegrationCreate,
        IntegrationList,
        IntegrationsListStatus,
        IntegrationView,
        ProviderCreate,
    )

    def client(role: str, tenant: str, user: str) -> AuthenticatedClient:
        return AuthenticatedClient(base_url=local_stack.api_url, token=local_stack.token(role, tenant, user),
                                   timeout=httpx.Timeout(HTTP_TIMEOUT))

    platform, admin = client("super_admin", "platform", "root"), client("tenant_admin", "py-client", "pat")
    # Given a provider the platform created from the sandbox's API-key template
    provider = providers_create.sync_detailed(client=platform, body=ProviderCreate(
        provider="py-client-sandbox", template_id="sandbox-apikey"))
    assert provider.status_code == 201, provider.content
    # And an instance of it in the tenant
    created = integrations_create.sync(client=admin, body=IntegrationCreate(
        provider_id="py-client-sandbox", name="From the Python client"))
    assert isinstance(created, IntegrationView)

    # When a wrong key is given, Then the error envelope comes back typed
    refused = connections_connect_api_key.sync_detailed(created.id, client=admin,
                                                        body=ApiKeyConnectRequest(api_key="sbx_wrong_key_0000"))
    assert refused.status_code == 400 and isinstance(refused.parsed, ErrorEnvelope)
    assert refused.parsed.error.code == "INVALID_CREDENTIALS"
    assert refused.parsed.error.request_id == refused.headers["x-request-id"]

    # When the right key is given, Then the connection is active
    connected = connections_connect_api_key.sync_detailed(created.id, client=admin,
                                                          body=ApiKeyConnectRequest(api_key=DEFAULT_API_KEYS[0]))
    assert connected.status_code == 200, connected.content
    status = connections_get.sync(created.id, client=admin)
    assert isinstance(status, ConnectionStatusView)  # a typed answer (docs/openapi.json)
    assert status.status == "active" and status.connected is True
    assert status.connection_id == json.loads(connected.content)["connectionId"]

    # And the filtered list holds it, with the page fields
    listed = integrations_list.sync(client=admin, provider_name="py-client-sandbox",
                                    status=IntegrationsListStatus.CONNECTED, limit=10)
    assert isinstance(listed, IntegrationList)
    assert [i.id for i in listed.integrations] == [created.id] and listed.total == 1 and listed.has_more is False

    # And an unknown id is a typed 404
    missing = integrations_get.sync_detailed("int_missing", client=admin)
    assert missing.status_code == 404 and isinstance(missing.parsed, ErrorEnvelope)
    assert missing.parsed.error.code == "INTEGRATION_NOT_FOUND"


def test_the_typescript_client_compiles_and_connects_in_node(local_stack: RunningStack, tmp_path: Path) -> None:
    # Given the TypeScript client and its e2e script, type-checked and compiled by tsc
    out = tmp_path / "dist"
    compiled = subprocess.run([str(TS_DIR / "node_modules" / ".bin" / "tsc"), "-p", str(TS_DIR), "--outDir", str(out)],
                              capture_output=True, text=True, cwd=TS_DIR, timeout=HTTP_TIMEOUT)
    assert compiled.returncode == 0, compiled.stdout + compiled.stderr
    # the compiled files resolve openapi-fetch from the client's node_modules
    (out / "node_modules").symlink_to(TS_DIR / "node_modules")
    (out / "package.json").write_text(json.dumps({"type": "module"}))
    # When node runs it against the local stack
    env = {**os.environ, "HUB_API_URL": local_stack.api_url, "HUB_PROVIDER_ID": "ts-client-sandbox",
           "HUB_API_KEY": DEFAULT_API_KEYS[0],
           "HUB_SUPER_ADMIN_TOKEN": local_stack.token("super_admin", "platform", "root"),
           "HUB_TENANT_ADMIN_TOKEN": local_stack.token("tenant_admin", "ts-client", "tess")}
    ran = subprocess.run(["node", str(out / "test" / "e2e.js")], capture_output=True, text=True, env=env,
                         timeout=HTTP_TIMEOUT)
    # Then every assertion in clients/typescript/test/e2e.ts held
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert json.loads(ran.stdout.strip().splitlines()[-1])["ok"] is True


# ---- the README's client examples ("Calling a provider"), run as written ----------------------


def readme_example(lang: str) -> str:
    from tests.support.docs_examples import blocks

    section = [b for b in blocks(ROOT / "README.md") if b.lang == lang and "proxy" in b.text]
    assert len(section) == 1, f"one {lang} proxy example in README.md, found {len(section)}"
    return section[0].text


def connected_apikey_integration(stack: RunningStack, tenant: str) -> tuple[str, str]:
    """An API-key `sandbox-apikey` integration of `tenant`, connected; its id and an admin token."""
    token = stack.token("tenant_admin", tenant, "rita")
    with stack.client("tenant_admin", tenant, "rita") as admin:
        created = admin.post("/api/tenant/integrations", json={"providerId": "sandbox-apikey", "name": "README"})
        assert created.status_code == 201, created.text
        integration_id = str(created.json()["id"])
        connected = admin.post(f"/api/tenant/integrations/{integration_id}/connect/api-key",
                               json={"apiKey": DEFAULT_API_KEYS[0]})
        assert connected.status_code == 200, connected.text
    return integration_id, token


def test_the_readme_python_proxy_example_runs_as_written(local_stack: RunningStack, tmp_path: Path) -> None:
    # Given the README's Python example and a connected API-key integration
    integration_id, token = connected_apikey_integration(local_stack, "readme-py")
    script = tmp_path / "example.py"
    script.write_text(readme_example("python"))
    # When it runs with the environment the README names (the client on the path, as installed)
    env = {**os.environ, "API_URL": local_stack.api_url, "API_TOKEN": token, "INTEGRATION_ID": integration_id,
           "PYTHONPATH": str(ROOT / "clients" / "python")}
    ran = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env=env, timeout=HTTP_TIMEOUT)
    # Then it prints the provider's status, the hub's attempt count and the sandbox's own answer
    assert ran.returncode == 0, ran.stdout + ran.stderr
    status, attempts, answer = ran.stdout.strip().split(" ", 2)
    assert (status, attempts) == ("200", "1")
    assert "sandbox" in answer.lower() and DEFAULT_API_KEYS[0] not in ran.stdout


def test_the_readme_typescript_proxy_example_compiles_and_runs_as_written(local_stack: RunningStack,
                                                                          tmp_path: Path) -> None:
    # Given the client compiled by tsc and installed as the package the README imports
    out = tmp_path / "dist"
    compiled = subprocess.run([str(TS_DIR / "node_modules" / ".bin" / "tsc"), "-p", str(TS_DIR), "--outDir", str(out)],
                              capture_output=True, text=True, cwd=TS_DIR, timeout=HTTP_TIMEOUT)
    assert compiled.returncode == 0, compiled.stdout + compiled.stderr
    modules = tmp_path / "node_modules"
    modules.mkdir()
    for entry in (TS_DIR / "node_modules").iterdir():
        (modules / entry.name).symlink_to(entry)
    package = modules / "@integration-hub" / "client"
    package.mkdir(parents=True)
    (package / "package.json").write_text(json.dumps({"name": "@integration-hub/client", "type": "module",
                                                      "main": "dist/index.js", "types": "dist/index.d.ts"}))
    (package / "dist").symlink_to(out / "src")
    (tmp_path / "package.json").write_text(json.dumps({"type": "module"}))
    # And the README's TypeScript example, type-checked against it
    example = tmp_path / "example.ts"
    example.write_text(readme_example("ts"))
    checked = subprocess.run([str(TS_DIR / "node_modules" / ".bin" / "tsc"), "--strict", "--target", "ES2022",
                              "--module", "NodeNext", "--moduleResolution", "NodeNext", "--lib", "ES2022,DOM",
                              "--types", "node", "--skipLibCheck", str(example)],
                             capture_output=True, text=True, cwd=tmp_path, timeout=HTTP_TIMEOUT)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    # When node runs it with the environment the README names
    integration_id, token = connected_apikey_integration(local_stack, "readme-ts")
    env = {**os.environ, "API_URL": local_stack.api_url, "API_TOKEN": token, "INTEGRATION_ID": integration_id}
    ran = subprocess.run(["node", str(tmp_path / "example.js")], capture_output=True, text=True, env=env,
                         timeout=HTTP_TIMEOUT)
    # Then it prints the provider's status, the hub's attempt count and the sandbox's own answer
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert ran.stdout.startswith("200 1 {") and "sandbox" in ran.stdout.lower()
    assert DEFAULT_API_KEYS[0] not in ran.stdout


def test_the_python_client_posts_a_json_body_through_the_proxy(local_stack: RunningStack) -> None:
    import httpx
    from integration_hub_client import AuthenticatedClient
    from integration_hub_client.api.proxy import proxy_tenant_post
    from integration_hub_client.models import ProxyTenantPostJsonBody

    # Given a connected API-key integration and the generated client
    integration_id, token = connected_apikey_integration(local_stack, "py-proxy-post")
    hub = AuthenticatedClient(base_url=local_stack.api_url, token=token, timeout=httpx.Timeout(HTTP_TIMEOUT))
    # When it posts a JSON object to the sandbox's echo endpoint through the proxy
    sent = proxy_tenant_post.sync_detailed(integration_id, "api/echo/notes", client=hub,
                                           body=ProxyTenantPostJsonBody.from_dict({"title": "hello"}))
    # Then the provider received it as JSON, and its answer came back as it was
    assert sent.status_code == 200, sent.content
    echoed = json.loads(sent.content)
    assert echoed["method"] == "POST" and echoed["headers"]["content-type"] == "application/json"
    assert json.loads(base64.b64decode(echoed["bodyBase64"])) == {"title": "hello"}
