from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.delivery_counts import DeliveryCounts
  from ..models.recent_failure import RecentFailure





T = TypeVar("T", bound="EndpointStats")



@_attrs_define
class EndpointStats:
    """ 
        Attributes:
            webhook_id (str):
            since (str):
            deliveries (DeliveryCounts):
            success_rate (float | None): delivered / (delivered + failed); null before any ended
            attempts (int):
            failed_attempts (int):
            recent_failures (list[RecentFailure]): the latest failed attempts, newest first
            sampled (int): deliveries read to compute these figures (at most 2000)
            last_success_at (None | str | Unset):
            last_failure_at (None | str | Unset):
            failing_since (None | str | Unset):
     """

    webhook_id: str
    since: str
    deliveries: DeliveryCounts
    success_rate: float | None
    attempts: int
    failed_attempts: int
    recent_failures: list[RecentFailure]
    sampled: int
    last_success_at: None | str | Unset = UNSET
    last_failure_at: None | str | Unset = UNSET
    failing_since: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.delivery_counts import DeliveryCounts # noqa: PLC0415
        from ..models.recent_failure import RecentFailure # noqa: PLC0415
        webhook_id = self.webhook_id

        since = self.since

        deliveries = self.deliveries.to_dict()

        success_rate: float | None
        success_rate = self.success_rate

        attempts = self.attempts

        failed_attempts = self.failed_attempts

        recent_failures = []
        for recent_failures_item_data in self.recent_failures:
            recent_failures_item = recent_failures_item_data.to_dict()
            recent_failures.append(recent_failures_item)



        sampled = self.sampled

        last_success_at: None | str | Unset
        if isinstance(self.last_success_at, Unset):
            last_success_at = UNSET
        else:
            last_success_at = self.last_success_at

        last_failure_at: None | str | Unset
        if isinstance(self.last_failure_at, Unset):
            last_failure_at = UNSET
        else:
            last_failure_at = self.last_failure_at

        failing_since: None | str | Unset
        if isinstance(self.failing_since, Unset):
            failing_since = UNSET
        else:
            failing_since = self.failing_since


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "webhookId": webhook_id,
            "since": since,
            "deliveries": deliveries,
            "successRate": success_rate,
            "attempts": attempts,
            "failedAttempts": failed_attempts,
            "recentFailures": recent_failures,
            "sampled": sampled,
        })
        if last_success_at is not UNSET:
            field_dict["lastSuccessAt"] = last_success_at
        if last_failure_at is not UNSET:
            field_dict["lastFailureAt"] = last_failure_at
        if failing_since is not UNSET:
            field_dict["failingSince"] = failing_since

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.delivery_counts import DeliveryCounts # noqa: PLC0415
        from ..models.recent_failure import RecentFailure # noqa: PLC0415
        d = dict(src_dict)
        webhook_id = d.pop("webhookId")

        since = d.pop("since")

        deliveries = DeliveryCounts.from_dict(d.pop("deliveries"))




        def _parse_success_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        success_rate = _parse_success_rate(d.pop("successRate"))


        attempts = d.pop("attempts")

        failed_attempts = d.pop("failedAttempts")

        recent_failures = []
        _recent_failures = d.pop("recentFailures")
        for recent_failures_item_data in (_recent_failures):
            recent_failures_item = RecentFailure.from_dict(recent_failures_item_data)



            recent_failures.append(recent_failures_item)


        sampled = d.pop("sampled")

        def _parse_last_success_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_success_at = _parse_last_success_at(d.pop("lastSuccessAt", UNSET))


        def _parse_last_failure_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_failure_at = _parse_last_failure_at(d.pop("lastFailureAt", UNSET))


        def _parse_failing_since(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        failing_since = _parse_failing_since(d.pop("failingSince", UNSET))


        endpoint_stats = cls(
            webhook_id=webhook_id,
            since=since,
            deliveries=deliveries,
            success_rate=success_rate,
            attempts=attempts,
            failed_attempts=failed_attempts,
            recent_failures=recent_failures,
            sampled=sampled,
            last_success_at=last_success_at,
            last_failure_at=last_failure_at,
            failing_since=failing_since,
        )


        endpoint_stats.additional_properties = d
        return endpoint_stats

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
