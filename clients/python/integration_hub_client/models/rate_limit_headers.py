from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.rate_limit_headers_resetformat import RateLimitHeadersResetformat
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="RateLimitHeaders")



@_attrs_define
class RateLimitHeaders:
    """ 
        Attributes:
            limit (None | str | Unset):
            remaining (None | str | Unset):
            reset (None | str | Unset):
            reset_format (RateLimitHeadersResetformat | Unset):  Default: RateLimitHeadersResetformat.EPOCH_SECONDS.
            retry_after (None | str | Unset):
     """

    limit: None | str | Unset = UNSET
    remaining: None | str | Unset = UNSET
    reset: None | str | Unset = UNSET
    reset_format: RateLimitHeadersResetformat | Unset = RateLimitHeadersResetformat.EPOCH_SECONDS
    retry_after: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        limit: None | str | Unset
        if isinstance(self.limit, Unset):
            limit = UNSET
        else:
            limit = self.limit

        remaining: None | str | Unset
        if isinstance(self.remaining, Unset):
            remaining = UNSET
        else:
            remaining = self.remaining

        reset: None | str | Unset
        if isinstance(self.reset, Unset):
            reset = UNSET
        else:
            reset = self.reset

        reset_format: str | Unset = UNSET
        if not isinstance(self.reset_format, Unset):
            reset_format = self.reset_format.value


        retry_after: None | str | Unset
        if isinstance(self.retry_after, Unset):
            retry_after = UNSET
        else:
            retry_after = self.retry_after


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if limit is not UNSET:
            field_dict["limit"] = limit
        if remaining is not UNSET:
            field_dict["remaining"] = remaining
        if reset is not UNSET:
            field_dict["reset"] = reset
        if reset_format is not UNSET:
            field_dict["resetFormat"] = reset_format
        if retry_after is not UNSET:
            field_dict["retryAfter"] = retry_after

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_limit(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        limit = _parse_limit(d.pop("limit", UNSET))


        def _parse_remaining(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        remaining = _parse_remaining(d.pop("remaining", UNSET))


        def _parse_reset(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reset = _parse_reset(d.pop("reset", UNSET))


        _reset_format = d.pop("resetFormat", UNSET)
        reset_format: RateLimitHeadersResetformat | Unset
        if isinstance(_reset_format,  Unset):
            reset_format = UNSET
        else:
            reset_format = RateLimitHeadersResetformat(_reset_format)




        def _parse_retry_after(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        retry_after = _parse_retry_after(d.pop("retryAfter", UNSET))


        rate_limit_headers = cls(
            limit=limit,
            remaining=remaining,
            reset=reset,
            reset_format=reset_format,
            retry_after=retry_after,
        )

        return rate_limit_headers

