"""The committed clients are what the generators make of the committed OpenAPI document
(local/clients.py): a route or model change without `make generate` fails here, offline."""

from __future__ import annotations

from pathlib import Path

from local import clients


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and "__pycache__" not in p.parts}


def test_the_typescript_client_types_are_generated_from_the_committed_document(tmp_path: Path) -> None:
    # Given the committed docs/openapi.json, When openapi-typescript generates the types again
    fresh = tmp_path / "schema.ts"
    clients.typescript_schema(fresh)
    # Then they are the committed ones
    assert fresh.read_text() == clients.TS_SCHEMA.read_text(), "clients/typescript is stale: run make generate"


def test_the_python_client_is_generated_from_the_committed_document(tmp_path: Path) -> None:
    fresh = tmp_path / "python"
    clients.python_client(fresh)
    generated, committed = _files(fresh), _files(clients.PY_DIR)
    assert sorted(generated) == sorted(committed), "clients/python is stale: run make generate"
    stale = [name for name in generated if generated[name] != committed[name]]
    assert not stale, f"clients/python is stale ({stale[:5]}): run make generate"
