"""Benchmarks that print figures (`make bench`, `python -m bench [name ...]`).

Each module here (except those starting with "_") exposes `run() -> dict[str, Any]`: it sets up
what it needs (in-process moto, loopback servers), measures a bounded amount of work, and
answers its figures; `python -m bench` runs them all and prints them.
"""
