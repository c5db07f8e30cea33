"""Time-ordered identifiers (UUIDv7 layout, RFC 9562) so sort keys sort by creation time."""

from __future__ import annotations

import secrets
import time
import uuid


def new_id(prefix: str = "") -> str:
    millis = time.time_ns() // 1_000_000
    rand = secrets.randbits(74)
    value = (millis & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76  # version 7
    value |= ((rand >> 62) & 0xFFF) << 64
    value |= 0b10 << 62  # RFC 4122 variant
    value |= rand & ((1 << 62) - 1)
    text = str(uuid.UUID(int=value))
    return f"{prefix}_{text}" if prefix else text
