"""How `make bench` shows a ratio against its goal: rounding never turns a miss into "met"."""

from __future__ import annotations

import pytest

from bench.proxy import against_goal


@pytest.mark.parametrize(("ratio", "shown"), [
    (1.245, "1.25x (goal <= 1.2x: NOT met)"),  # the lead's 65.6 / 52.7, once printed as "1.2"
    (1.2001, "1.21x (goal <= 1.2x: NOT met)"),
    (1.2, "1.20x (goal <= 1.2x: met)"),
    (1.13, "1.13x (goal <= 1.2x: met)"),
])
def test_a_ratio_is_shown_rounded_up_to_two_decimals_with_the_verdict_of_its_exact_value(ratio: float,
                                                                                          shown: str) -> None:
    # Given a measured ratio / When it is shown against the 1.2x goal / Then
    assert against_goal(ratio) == shown
