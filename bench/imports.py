"""Cold-start imports: whole-process time of `python -c "import <handler>"` for every HTTP handler,
side by side with `python -c "import boto3"`, as ratios of medians.

Goals (issue 11): every HTTP handler <= 1.5x `import boto3`; a handler that opens the vault <= 2x,
counting the vault import its first call makes (`hub.vault` is imported lazily). Which handlers
open the vault: those whose area gets KMS in infra/constructs/permissions.py.

The ratio is of CPU time (user + system of the child process, from its rusage): on a shared
machine wall time mostly measures the other processes, CPU time measures the import. Wall time
is printed beside it. Handlers that import exactly the same modules cost the same, so one
representative per import profile is timed. Rounds interleave the baseline with every profile,
so a load change hits both sides of a ratio alike. Each handler is also timed with what its first
request builds before its domain code runs (bench/_first_use.py): domain models defer their
validators, and that figure shows what the deferral moved rather than saved. `measure()` also
serves bench/lambda_imports.py.
"""

from __future__ import annotations

import hashlib
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 5
GOAL_HTTP = 1.5
GOAL_VAULT = 2.0
BASELINE = "boto3"


@dataclass(frozen=True)
class Program:
    """What one timed process imports: a handler module, plus `hub.vault` where its first call
    opens the vault."""

    module: str
    opens_vault: bool
    floor: bool = False  # not a handler: what every HTTP handler imports before any hub code

    @property
    def imports(self) -> tuple[str, ...]:
        return (self.module, "hub.vault") if self.opens_vault else (self.module,)

    @property
    def code(self) -> str:
        return "; ".join(f"import {name}" for name in self.imports)

    @property
    def first_use_code(self) -> str:
        """The import plus what its first request builds before the domain runs (bench/_first_use.py)."""
        return f"{self.code}; import bench._first_use; bench._first_use.build({self.module!r})"


def http_programs() -> list[Program]:
    from functions.routes import ROUTES
    from infra.constructs.permissions import needs_for

    # a handler opens the vault when its grants use the vault key (or it seals idempotent responses)
    opens = {route.module: needs_for(route.area, route.grants).uses_vault_key or route.idempotent for route in ROUTES}
    handlers = [Program(module, vault) for module, vault in sorted(opens.items())]
    return [*handlers, FLOOR]


# boto3, pydantic's model machinery and Powertools' Logger and Metrics: the part of every HTTP
# handler's import that is not the hub's own code (the handlers no longer import Powertools'
# event handler: hub/http/app.py)
FLOOR = Program("boto3, pydantic.main, aws_lambda_powertools.logging, aws_lambda_powertools.metrics", False,
                floor=True)


def process_environment(python_path: Sequence[Path], extra: Mapping[str, str] | None = None) -> dict[str, str]:
    from bench._env import BENCH_ENVIRONMENT

    environment = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": os.environ.get("HOME", "/")}
    environment.update(BENCH_ENVIRONMENT)
    environment["PYTHONPATH"] = os.pathsep.join(str(p) for p in python_path)
    environment.update(extra or {})
    return environment


def _profile(python: str, program: Program, environment: Mapping[str, str]) -> str:
    """A digest of the modules the program leaves in sys.modules (this run also warms caches)."""
    code = f"{program.code}; import sys; print('\\n'.join(sorted(sys.modules)))"
    run = subprocess.run(  # noqa: S603 - our interpreter and module names
        [python, "-c", code], capture_output=True, text=True, env=dict(environment), check=False
    )
    if run.returncode != 0:
        raise RuntimeError(f"{program.code} failed:\n{run.stderr[-2000:]}")
    return hashlib.sha256("\n".join(n for n in run.stdout.split() if n != program.module).encode()).hexdigest()


def _timed(python: str, code: str, environment: Mapping[str, str]) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one whole process; the bench runs one child at a time."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([python, "-c", code], env=dict(environment), check=True, capture_output=True)  # noqa: S603
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), wall


def measure(
    python: str, programs: Sequence[Program], environment: Mapping[str, str], rounds: int = ROUNDS
) -> dict[str, Any]:
    """Time the baseline and one program per import profile, `rounds` interleaved rounds."""
    groups: dict[str, list[Program]] = {}
    for program in programs:
        groups.setdefault(_profile(python, program, environment), []).append(program)
    representatives = [members[0] for members in groups.values()]
    _timed(python, f"import {BASELINE}", environment)  # warm the baseline's caches too
    first_uses = [p.first_use_code for p in representatives if not p.floor]
    samples: dict[str, list[float]] = {
        code: [] for code in [BASELINE, *(p.code for p in representatives), *first_uses]
    }
    walls: dict[str, list[float]] = {code: [] for code in samples}
    for _ in range(rounds):
        for code in samples:
            cpu, wall = _timed(python, f"import {BASELINE}" if code == BASELINE else code, environment)
            samples[code].append(cpu)
            walls[code].append(wall)
    baseline = statistics.median(samples[BASELINE])
    ratios = {
        member: statistics.median(samples[members[0].code]) / baseline
        for members in groups.values()
        for member in members
    }
    first_use_ratios = {
        member: statistics.median(samples[members[0].first_use_code]) / baseline
        for members in groups.values()
        for member in members
        if not member.floor
    }
    wall_ratios = {
        member: statistics.median(walls[members[0].code]) / statistics.median(walls[BASELINE])
        for members in groups.values()
        for member in members
    }
    return {
        "samples": samples,
        "walls": walls,
        "ratios": ratios,
        "first_use_ratios": first_use_ratios,
        "wall_ratios": wall_ratios,
        "profiles": len(groups),
        "timed_by": {member: members[0].code for members in groups.values() for member in members},
    }


def figures(result: Mapping[str, Any], label: str = "") -> dict[str, Any]:
    """The lines `make bench` prints: the baseline, each goal's worst ratio, and whether it holds."""
    ratios: dict[Program, float] = {p: r for p, r in result["ratios"].items() if not p.floor}
    out: dict[str, Any] = {
        f"{label}import boto3 CPU ms min/median/max": _ms(result["samples"][BASELINE]),
        f"{label}import boto3 wall ms min/median/max": _ms(result["walls"][BASELINE]),
        f"{label}handlers / import profiles timed": f"{len(ratios)} / {result['profiles']}",
    }
    for opens_vault, goal, name in ((False, GOAL_HTTP, "http"), (True, GOAL_VAULT, "vault")):
        group = {p: r for p, r in ratios.items() if p.opens_vault == opens_vault}
        if not group:
            continue
        worst = max(group, key=group.__getitem__)
        timed = result["timed_by"][worst]
        out[f"{label}{name} handlers CPU ratio min/median/max"] = "/".join(
            f"{v:.2f}" for v in _spread(list(group.values()))
        )
        out[f"{label}{name} handlers wall ratio max"] = f"{max(result['wall_ratios'][p] for p in group):.2f}"
        out[f"{label}{name} slowest: {worst.code}"] = (
            f"{group[worst]:.2f}x; CPU ms {_ms(result['samples'][timed])}; wall ms {_ms(result['walls'][timed])}"
        )
        out[f"{label}{name} goal <= {goal}x"] = "met" if group[worst] <= goal else "NOT met"
        # the same handlers with what their first request builds (not a goal: it shows whether a
        # deferred build only moved the cost, bench/_first_use.py)
        first = {p: result["first_use_ratios"][p] for p in group}
        slowest = max(first, key=first.__getitem__)
        out[f"{label}{name} import + first-use builds CPU ratio min/median/max"] = "/".join(
            f"{v:.2f}" for v in _spread(list(first.values()))
        )
        out[f"{label}{name} import + first-use slowest: {slowest.module}"] = f"{first[slowest]:.2f}x"
    if FLOOR in result["ratios"]:
        out[f"{label}floor: {FLOOR.code}"] = f"{result['ratios'][FLOOR]:.2f}x"
    return out


def _ms(values: Sequence[float]) -> str:
    return "/".join(f"{1000 * v:.0f}" for v in _spread(values))


def _spread(values: Sequence[float]) -> tuple[float, float, float]:
    return min(values), statistics.median(values), max(values)


def run(rounds: int = ROUNDS) -> dict[str, Any]:
    environment = process_environment([ROOT, ROOT / "layers" / "core"])
    result = measure(sys.executable, http_programs(), environment, rounds)
    return figures(result)
