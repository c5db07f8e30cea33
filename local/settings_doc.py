"""`python -m local.settings_doc [--check]`: write docs/settings.md from hub/settings.py.

The reference is generated, never edited by hand: `make settings-doc` rewrites it and
tests/unit/test_settings.py fails when it differs from what the definition renders.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from annotated_types import Ge, Gt, Le, Lt, MaxLen, MinLen

from hub.settings import Settings

DOC = Path(__file__).resolve().parent.parent / "docs" / "settings.md"

HEADER = """# Settings

Every variable the hub reads, generated from `layers/core/hub/settings.py` by
`make settings-doc` (do not edit by hand; `tests/unit/test_settings.py` fails when this file and
the definition differ). A value out of bounds stops the function with an error that names the
variable. The CDK stack sets the deployment values (`infra/stack.py`); a deployment changes the
others through CDK context (`infra/config.py`), never through the shell that runs the synth.
Worker schedules are not settings: they live in `functions/workers.py` and a deployment changes
them with the CDK context `scheduleMinutes`. `HUB_SKIP_DEPS_LAYER=1` is not a setting either:
it tells a template-only synth to use a placeholder dependencies layer (`make synth-fast`).

| Variable | Default | Bounds | Meaning |
|---|---|---|---|
"""


def _default(value: Any) -> str:
    if isinstance(value, bool):
        return "`true`" if value else "`false`"
    if isinstance(value, tuple):
        return f"`{','.join(_item(v) for v in value)}`" if value else "(none)"
    if isinstance(value, dict):
        return f"`{json.dumps(value, separators=(',', ':'))}`"
    if value == "":
        return "(empty)"
    return f"`{_number(value)}`"


def _item(value: Any) -> str:
    if isinstance(value, tuple):  # an inclusive range
        low, high = value
        return str(low) if low == high else f"{low}-{high}"
    return _number(value)


def _number(value: Any) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def _bounds(metadata: list[Any]) -> str:
    parts = []
    for item in metadata:
        for kind, attribute, symbol in ((Ge, "ge", "≥"), (Gt, "gt", ">"), (Le, "le", "≤"), (Lt, "lt", "<")):
            if isinstance(item, kind):
                parts.append(f"{symbol} {_number(getattr(item, attribute))}")
        if isinstance(item, MinLen) and item.min_length:
            parts.append(f"length ≥ {item.min_length}")
        if isinstance(item, MaxLen):
            parts.append(f"length ≤ {item.max_length}")
    return ", ".join(parts)


def render() -> str:
    rows = []
    for name, field in Settings.model_fields.items():
        variables = " or ".join(f"`{v}`" for v in Settings.variables(name))
        rows.append(
            f"| {variables} | {_default(field.default)} | {_bounds(field.metadata)} | {field.description} |"
        )
    return HEADER + "\n".join(rows) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when docs/settings.md is stale")
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        stale = not DOC.exists() or DOC.read_text() != text
        print("docs/settings.md is stale: run make settings-doc" if stale else "docs/settings.md is current")
        return 1 if stale else 0
    DOC.write_text(text)
    print(f"wrote {DOC.relative_to(DOC.parent.parent)} ({len(Settings.model_fields)} settings)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
