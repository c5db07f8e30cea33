#!/usr/bin/env python3
"""Print the sizes of the Lambda layers and function assets that the last synth built, and the
CloudFormation templates' use of their limits.

    python3 infra/sizes.py [build-dir [cdk.out]]

Lambda's limits: 250 MB unzipped for a function plus its layers, 50 MB zipped for a direct
upload (CDK uploads through S3, where the unzipped limit is the one that matters).
CloudFormation's, per template: 500 resources, 200 parameters, 200 outputs, 1 MB
(infra/templates.py; the functions of each area are a nested stack of their own).
"""

from __future__ import annotations

import io
import json
import sys
import zipfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:  # run as a script: `infra` is a package of the repository
    sys.path.insert(0, str(REPO_ROOT))

from infra.templates import RESOURCE_LIMIT, growth, load  # noqa: E402

UNZIPPED_LIMIT = 250 * 1024 * 1024


def sizes(path: Path) -> tuple[int, int, int]:
    """(files, bytes unzipped, bytes zipped) of a directory."""
    files = [p for p in sorted(path.rglob("*")) if p.is_file()]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in files:
            archive.write(file, file.relative_to(path).as_posix())
    return len(files), sum(f.stat().st_size for f in files), buffer.tell()


def human(size: int) -> str:
    for unit in ("B", "KB", "MB"):
        if size < 1024 or unit == "MB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024  # type: ignore[assignment]
    return str(size)


def report(build_root: Path) -> int:
    layers = [build_root / "layers" / name for name in ("core", "deps", "deps-placeholder")]
    functions = sorted((build_root / "functions").glob("*")) if (build_root / "functions").exists() else []
    if not functions:
        print(
            f"nothing built under {build_root}: run `python3 infra/app.py` (make synth) first",
            file=sys.stderr,
        )
        return 1
    print(f"{'asset':<44} {'files':>6} {'unzipped':>10} {'zipped':>10}")
    layer_total = 0
    for layer in layers:
        if layer.exists():
            count, raw, packed = sizes(layer)
            if layer.name != "deps-placeholder":
                layer_total += raw
            print(f"{'layer/' + layer.name:<44} {count:>6} {human(raw):>10} {human(packed):>10}")
    largest = 0
    for function in functions:
        count, raw, packed = sizes(function)
        largest = max(largest, raw)
        print(f"{'function/' + function.name:<44} {count:>6} {human(raw):>10} {human(packed):>10}")
    total = layer_total + largest
    share = total / UNZIPPED_LIMIT
    print(f"\nlargest function + layers: {human(total)} of Lambda's 250 MB unzipped limit ({share:.0%})")
    return 0


def templates_report(outdir: Path) -> int:
    manifest = outdir / "manifest.json"
    if not manifest.exists():
        print(f"no cloud assembly in {outdir}: run `python3 infra/app.py` (make synth) first", file=sys.stderr)
        return 1
    artifacts = json.loads(manifest.read_text())["artifacts"].values()
    stacks = [a["properties"]["templateFile"] for a in artifacts if a.get("type") == "aws:cloudformation:stack"]
    for template_file in stacks:
        templates = load(outdir, template_file)
        print(f"\n{'template':<70} {'resources':>9} {'params':>6} {'outputs':>7} {'size':>9}")
        for name, template in sorted(templates.files.items(), key=lambda item: item[0] != template_file):
            print(f"{name:<70} {len(template['Resources']):>9} {len(template.get('Parameters', {})):>6} "
                  f"{len(template.get('Outputs', {})):>7} {human((outdir / name).stat().st_size):>9}")
        cost = growth(templates)
        parent = len(templates.parent["Resources"])
        print(f"one more function: {cost.area_cost:.2f} resources in its area's stack, {cost.parent_cost:.2f} in "
              f"the parent ({cost.parent_fixed} fixed); fullest area {cost.fullest_area} of {RESOURCE_LIMIT}, "
              f"parent {parent} of {RESOURCE_LIMIT}: room for about {cost.room(parent)} more functions even if "
              "all join the fullest area")
    return 0


if __name__ == "__main__":
    build = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO_ROOT / "build"
    outdir = Path(sys.argv[2]) if len(sys.argv) > 2 else REPO_ROOT / "cdk.out"
    sys.exit(report(build) or templates_report(outdir))
