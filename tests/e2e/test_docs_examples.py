"""Every shell example in README.md and docs/*.md runs as written against a local stack
(`python -m local run` on free ports). The convention is in tests/support/docs_examples.py and
docs/architecture.md; a failing block is reported with its file, line and output."""

from __future__ import annotations

import ast
import importlib
import importlib.util
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from local.stack import free_port
from tests.e2e.conftest import RunningStack, start_local_stack, stop_local_stack
from tests.support.docs_examples import ROOT, Block, blocks, documents, script, stack_environment

pytestmark = pytest.mark.e2e

DOCUMENTS = documents()
BLOCK_LIMIT_SECONDS = 600  # a hang guard per block, not a speed target


@pytest.fixture(scope="module")
def docs_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningStack]:
    # Given the stack started with every setting the examples start `make run` with
    environment = stack_environment([b for path in DOCUMENTS for b in blocks(path)])
    stack = start_local_stack(tmp_path_factory.mktemp("docs-stack") / "stack.log", environment)
    yield stack
    stop_local_stack(stack.process)


def run_block(block: Block, stack: RunningStack, state: Path, ports: dict[str, str]) -> None:
    env = {**os.environ, "DOCS_STATE": str(state), "DOCS_ROOT": str(ROOT), "DOCS_API": stack.api_url,
           "HUB_LOCAL_STACK_FILE": str(stack.state_file)}  # `python -m local put-event` finds this stack
    for name in ("VIRTUAL_ENV", "PYTHONPATH"):  # as a reader's shell: nothing activated
        env.pop(name, None)
    result = subprocess.run(["bash", "-c", script(block, ports)], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=BLOCK_LIMIT_SECONDS)
    if result.returncode != 0:
        pytest.fail(f"the example at {block.where} failed (exit {result.returncode}):\n"
                    f"--- block ---\n{block.text}--- output ---\n{result.stdout}{result.stderr}", pytrace=False)


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_shell_example_of_the_document_runs_as_written(document: Path, docs_stack: RunningStack,
                                                            tmp_path: Path) -> None:
    runnable = [b for b in blocks(document) if b.runs]
    # the doc's fixed local ports, mapped to this stack's (and a free one for the webhook receiver)
    receiver_port = free_port()
    ports = {"127.0.0.1:3000": docs_stack.api_url.removeprefix("http://"),
             "127.0.0.1:9100": docs_stack.sandbox_url.removeprefix("http://"),
             **{f"{prefix}9200": f"{prefix}{receiver_port}" for prefix in ("127.0.0.1:", "--port ")}}
    # When each block runs, in order, in the shell state the blocks before it left
    for block in runnable:
        run_block(block, docs_stack, tmp_path / "state.sh", ports)
    # Then none failed (run_block fails the test naming the block)


def test_every_bash_block_runs_or_says_why_not() -> None:
    # Given every fenced block of the docs
    every = [b for path in DOCUMENTS for b in blocks(path)]
    # Then the shell blocks either run or carry a reason, and at least the README's do run
    assert all(b.skip_reason for b in every if b.lang in ("bash", "sh", "shell") and not b.runs)
    assert sum(1 for b in every if b.runs and b.path.name == "README.md") >= 8
    assert not [b.where for b in every if b.lang in ("sh", "shell", "console", "")
                and b.text.lstrip().startswith(("curl ", "make ", "python "))], "mark shell examples ```bash"


def test_the_python_examples_compile_and_import_names_that_exist() -> None:
    # Given every ```python block of the docs
    examples = [b for path in DOCUMENTS for b in blocks(path) if b.lang == "python"]
    assert examples
    missing = []
    for block in examples:
        # When it is compiled and each `from module import name` is looked up
        tree = ast.parse(block.text, filename=block.where)
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                module = importlib.import_module(node.module)
                missing += [f"{block.where}: {node.module}.{alias.name}" for alias in node.names
                            if not hasattr(module, alias.name)
                            and importlib.util.find_spec(f"{node.module}.{alias.name}") is None]
    # Then every imported name exists
    assert missing == []
