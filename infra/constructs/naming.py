"""Construct ids from names: `user_connections`, `async-failures` → `UserConnections`, `AsyncFailures`."""

from __future__ import annotations

import re


def pascal(name: str) -> str:
    return "".join(part.capitalize() for part in re.split(r"[^A-Za-z0-9]+", name) if part)
