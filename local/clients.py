"""`python -m local.clients` (`make clients`): the typed API clients, generated from the committed
docs/openapi.json by two well-kept generators, so no client code is written by hand:

- clients/typescript/src/schema.ts: openapi-typescript (pinned in clients/typescript/package.json)
  types, used by openapi-fetch in clients/typescript/src/index.ts;
- clients/python: openapi-python-client (pinned in pyproject.toml), configured by
  clients/openapi-python-client.yml.

tests/unit/test_clients_fresh.py generates both into a temporary folder and fails when the
committed ones differ; run `make generate` after changing a route or a model.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "docs" / "openapi.json"
TS_DIR = ROOT / "clients" / "typescript"
TS_SCHEMA = TS_DIR / "src" / "schema.ts"
PY_DIR = ROOT / "clients" / "python"
PY_CONFIG = ROOT / "clients" / "openapi-python-client.yml"


def typescript_schema(output: Path, spec: Path = SPEC) -> None:
    cli = TS_DIR / "node_modules" / ".bin" / "openapi-typescript"
    if not cli.exists():
        raise SystemExit(f"{cli} is missing: run make install (npm ci in {TS_DIR.relative_to(ROOT)})")
    subprocess.run([str(cli), str(spec), "--output", str(output)], cwd=TS_DIR, check=True, capture_output=True)


def python_client(output_dir: Path, spec: Path = SPEC) -> None:
    cli = Path(sys.executable).parent / "openapi-python-client"
    subprocess.run([str(cli), "generate", "--path", str(spec), "--config", str(PY_CONFIG),
                    "--output-path", str(output_dir), "--overwrite"], cwd=ROOT, check=True, capture_output=True)


def generate(ts_schema: Path = TS_SCHEMA, py_dir: Path = PY_DIR) -> None:
    typescript_schema(ts_schema)
    # generated beside the target and swapped in, so a failed run leaves the committed client
    with tempfile.TemporaryDirectory(dir=py_dir.parent) as scratch:
        fresh = Path(scratch) / "python"
        python_client(fresh)
        if py_dir.exists():
            shutil.rmtree(py_dir)
        fresh.rename(py_dir)


if __name__ == "__main__":
    generate()
    print(f"wrote {TS_SCHEMA.relative_to(ROOT)} and {PY_DIR.relative_to(ROOT)}/", file=sys.stderr)
