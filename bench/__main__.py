"""`python -m bench [name ...]`: run every bench module (or the named ones) and print figures."""

from __future__ import annotations

import importlib
import pkgutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def bench_names() -> list[str]:
    import bench

    return sorted(m.name for m in pkgutil.iter_modules(bench.__path__) if not m.name.startswith("_"))


def main(argv: list[str] | None = None) -> int:
    sys.path[:0] = [str(ROOT), str(ROOT / "layers" / "core")]
    from bench._env import prepare

    prepare()
    names = (argv if argv is not None else sys.argv[1:]) or bench_names()
    unknown = sorted(set(names) - set(bench_names()))
    if unknown:
        print(f"no bench named {', '.join(unknown)}; have {', '.join(bench_names())}", file=sys.stderr)
        return 2
    for name in names:
        started = time.perf_counter()
        figures = importlib.import_module(f"bench.{name}").run()
        print(f"{name} ({time.perf_counter() - started:.1f} s)")
        width = max((len(key) for key in figures), default=0)
        for key, value in figures.items():
            # a float as its bench rounded it (a ratio's second decimal decides a goal)
            shown = f"{value:,}" if isinstance(value, float) else str(value)
            print(f"  {key:<{width}}  {shown}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
