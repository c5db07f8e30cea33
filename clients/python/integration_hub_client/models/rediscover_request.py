from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="RediscoverRequest")



@_attrs_define
class RediscoverRequest:
    """ 
        Attributes:
            apply (bool | Unset): Save the changed fields (else only show them) Default: False.
     """

    apply: bool | Unset = False





    def to_dict(self) -> dict[str, Any]:
        apply = self.apply


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if apply is not UNSET:
            field_dict["apply"] = apply

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        apply = d.pop("apply", UNSET)

        rediscover_request = cls(
            apply=apply,
        )

        return rediscover_request

