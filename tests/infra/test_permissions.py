"""The area → needs table: every area the hub uses is decided, unknown ones are refused."""

from __future__ import annotations

import pytest

from infra.constructs.permissions import (
    AREA_NEEDS,
    UnknownAreaError,
    UnknownGrantError,
    UnknownQueueError,
    check_queues,
    needs_for,
    needs_for_area,
    pipeline_needs,
)

pytestmark = pytest.mark.infra

AREAS = {
    "system",
    "providers",
    "catalog",
    "integrations",
    "audit",
    "connections",
    "oauth",
    "user_connections",
    "health",
    "sync",
    "search",
    "widgets",
    "webhooks",
    "jobs",
    "consumers",
}


def test_every_area_of_the_hub_has_its_needs_decided() -> None:
    assert set(AREA_NEEDS) >= AREAS


def test_an_unknown_area_is_refused_with_the_known_ones_listed() -> None:
    with pytest.raises(UnknownAreaError, match="known areas: audit"):
        needs_for_area("billing")


def test_read_only_areas_never_get_write_actions_and_no_area_grants_anything_but_the_table() -> None:
    for area in ("catalog", "audit", "system"):
        needs = needs_for_area(area)
        assert not {"dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"} & set(
            needs.table_action_list()
        )
    # the vault, keys, events and queues are granted per route / worker entry, never per area
    assert all(not needs.grants for needs in AREA_NEEDS.values())


def test_an_unknown_grant_is_refused_with_the_known_ones_listed() -> None:
    with pytest.raises(UnknownGrantError, match="vault:read"):
        needs_for("connections", ["vault:everything"])


def test_nobody_may_scan_the_table() -> None:
    for area in AREA_NEEDS:
        assert "dynamodb:Scan" not in needs_for_area(area).table_action_list()


def test_the_pipeline_adds_only_what_a_route_does_around_its_handler() -> None:
    assert (
        pipeline_needs(public=True, rate_limited=False, mutation=False, idempotent=False).table_actions
        == frozenset()
    )
    rate_limited_get = pipeline_needs(public=False, rate_limited=True, mutation=False, idempotent=False)
    assert rate_limited_get.table_actions == {"dynamodb:UpdateItem"}
    audited_post = pipeline_needs(public=False, rate_limited=False, mutation=True, idempotent=False)
    assert audited_post.table_actions == {"dynamodb:PutItem"}
    combined = needs_for_area("catalog") | rate_limited_get
    assert (
        "dynamodb:UpdateItem" in combined.table_action_list()
        and "dynamodb:PutItem" not in combined.table_action_list()
    )


def test_a_function_sending_to_a_queue_that_does_not_exist_is_refused() -> None:
    needs = needs_for("jobs", ["queue:refresh"])
    with pytest.raises(UnknownQueueError, match="refresh"):
        check_queues(needs, ["webhook"], "refresh-due-connections")
    check_queues(needs, ["refresh", "webhook"], "refresh-due-connections")
