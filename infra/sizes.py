#!/usr/bin/env python3
"""Print the sizes of the Lambda layers and function assets that the last synth built.

    python3 infra/sizes.py [build-dir]

Lambda's limits: 250 MB unzipped for a function plus its layers, 50 MB zipped for a direct
upload (CDK uploads through S3, where the unzipped limit is the one that matters).
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
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


if __name__ == "__main__":
    sys.exit(report(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO_ROOT / "build"))
