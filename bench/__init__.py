"""Benchmarks behind `make bench`: each module exposes `run()` and prints nothing but progress."""
