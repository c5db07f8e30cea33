"""The shell examples of README.md and docs/*.md, and how the docs-examples test runs them.

Convention (docs/architecture.md, Examples in the docs run as written):
- a ```bash block talks to the local stack (`make run`) and is run by tests/e2e/test_docs_examples.py;
- a ```bash block right after `<!-- docs-examples: skip (why) -->` is not run (it needs an AWS
  account, runs forever, ...); the reason is required;
- anything else (```text, ```json, ```python, output samples) is never run.

The blocks of one file run in order in one shell state (variables and functions carry over),
so a later block may use `$TOKEN` or `json` from an earlier one, as a reader would. They run
with `set -eo pipefail` and `curl --fail-with-body`, so an HTTP error fails the block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SKIP = re.compile(r"<!--\s*docs-examples:\s*skip\s*\((?P<why>[^)]+)\)\s*-->")
FENCE = re.compile(r"^(?P<indent>\s*)```(?P<lang>[A-Za-z0-9_+-]*)\s*$")
STACK_ASSIGNMENT = re.compile(
    r"\b([A-Z][A-Z0-9_]*)=(\"[^\"]*\"|'[^']*'|\S+)\s+(?=(?:[A-Z][A-Z0-9_]*=\S+\s+)*make run\b)")


@dataclass(frozen=True)
class Block:
    path: Path
    line: int  # 1-based line of the opening fence
    lang: str
    text: str
    skip_reason: str | None = None

    @property
    def where(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}"

    @property
    def runs(self) -> bool:
        return self.lang in ("bash", "sh", "shell") and self.skip_reason is None


def documents() -> list[Path]:
    return [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def blocks(path: Path) -> list[Block]:
    """Every fenced block of a Markdown file, dedented, with its skip mark if it has one."""
    lines = path.read_text().splitlines()
    found: list[Block] = []
    index = 0
    while index < len(lines):
        opening = FENCE.match(lines[index])
        if not opening:
            index += 1
            continue
        indent = len(opening["indent"])
        body: list[str] = []
        end = index + 1
        while end < len(lines) and not re.match(r"^\s*```\s*$", lines[end]):
            line = lines[end]
            body.append(line[indent:] if not indent or line[:indent].isspace() else line.lstrip())
            end += 1
        previous = next((line for line in reversed(lines[:index]) if line.strip()), "")
        mark = SKIP.search(previous)
        found.append(Block(path, index + 1, opening["lang"], "\n".join(body) + "\n",
                           mark["why"].strip() if mark else None))
        index = end + 1
    return found


def stack_environment(all_blocks: list[Block]) -> dict[str, str]:
    """The settings the examples start `make run` with (`HUB_X=1 make run`): the test starts
    its stack with all of them, and fails if two examples disagree."""
    environment: dict[str, str] = {}
    for block in all_blocks:
        if not block.runs:
            continue
        for name, value in STACK_ASSIGNMENT.findall(block.text):
            value = value.strip("\"'")
            if environment.setdefault(name, value) != value:
                raise ValueError(f"{block.where}: {name}={value}, but another example runs make run with "
                                 f"{environment[name]}")
    return environment


# The shell every block runs in: `make run` is the stack the test already started; `curl`
# fails on HTTP errors (printing the answer); background processes a block starts end with it.
PRELUDE = r"""
set -eo pipefail
make() {
  if [ "${1:-}" = run ]; then echo "(make run: the docs test already runs the stack at $DOCS_API)"; return 0; fi
  command make "$@"
}
curl() { command curl --fail-with-body --max-time 300 "$@"; }
__stop_jobs() { local status=$?; set +e; kill $(jobs -p) 2>/dev/null; wait 2>/dev/null; return $status; }
trap __stop_jobs EXIT
"""

SAVE_STATE = r"""
for __name in $(compgen -v); do
  case "$__name" in __*|PIPESTATUS|BASH_*|FUNCNAME|COLUMNS|LINES) continue ;; esac
  case " $__BASELINE " in *" $__name "*) continue ;; esac
  declare -p "$__name" 2>/dev/null | grep -v '^declare -[a-zA-Z]*r' || true
done > "$DOCS_STATE.new"
declare -f >> "$DOCS_STATE.new"
mv "$DOCS_STATE.new" "$DOCS_STATE"
"""


def script(block: Block, ports: dict[str, str]) -> str:
    """The bash script that runs one block: the prelude, the state of the blocks before it, the
    block (with the doc's fixed ports mapped to the test stack's), then the state saved."""
    text = block.text
    for documented, actual in ports.items():
        text = text.replace(documented, actual)
    return "\n".join([
        "__BASELINE=\"$(compgen -v | tr '\\n' ' ')\"",
        PRELUDE,
        '[ -f "$DOCS_STATE" ] && source "$DOCS_STATE"',
        'cd "$DOCS_ROOT"',
        text,
        SAVE_STATE,
    ])
