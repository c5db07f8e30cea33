from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="QuotaLimits")



@_attrs_define
class QuotaLimits:
    """ A provider's request budget for one connection: `requests` per `perSeconds`, spent at
    most `burst` at once (default: all of them).

        Attributes:
            requests (int): Requests allowed per period
            per_seconds (int): The period, in seconds
            burst (int | None | Unset): Most requests at once (default: `requests`)
     """

    requests: int
    per_seconds: int
    burst: int | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        requests = self.requests

        per_seconds = self.per_seconds

        burst: int | None | Unset
        if isinstance(self.burst, Unset):
            burst = UNSET
        else:
            burst = self.burst


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "requests": requests,
            "perSeconds": per_seconds,
        })
        if burst is not UNSET:
            field_dict["burst"] = burst

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        requests = d.pop("requests")

        per_seconds = d.pop("perSeconds")

        def _parse_burst(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        burst = _parse_burst(d.pop("burst", UNSET))


        quota_limits = cls(
            requests=requests,
            per_seconds=per_seconds,
            burst=burst,
        )

        return quota_limits

