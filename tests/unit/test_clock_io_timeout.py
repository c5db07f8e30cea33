"""A network wait's real-time timeout follows the hub's clock (hub/clock.py, io_timeout)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from hub import clock


@pytest.fixture
def real_clock() -> Iterator[None]:
    clock.reset()
    yield
    clock.reset()


def test_on_the_real_clock_a_network_wait_gets_the_time_left(real_clock: None) -> None:
    assert clock.io_timeout(2.5) == 2.5


def test_on_a_frozen_clock_a_network_wait_outlasts_any_deadline_a_test_moves_past(real_clock: None) -> None:
    # Given the hub's clock frozen (a test's), with 2.5 s of a deadline left
    clock.freeze()
    # When a provider call asks how long its network wait may take
    timeout = clock.io_timeout(2.5)
    # Then it is bounded by a minute of real time, not by the 2.5 s that only advance() can spend
    assert timeout == clock.FROZEN_IO_SECONDS
    assert clock.io_timeout(90) == 90
