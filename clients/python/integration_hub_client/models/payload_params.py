from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="PayloadParams")



@_attrs_define
class PayloadParams:
    """ GET /api/tenant/inbound-events/{inboundId}/payload: which event of the delivery.

        Attributes:
            index (int | Unset): the event's eventIndex (several when a provider batches) Default: 0.
     """

    index: int | Unset = 0





    def to_dict(self) -> dict[str, Any]:
        index = self.index


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if index is not UNSET:
            field_dict["index"] = index

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        index = d.pop("index", UNSET)

        payload_params = cls(
            index=index,
        )

        return payload_params

