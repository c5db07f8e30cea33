from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="TokenBaseUrl")



@_attrs_define
class TokenBaseUrl:
    """ The API base URL comes from a token-response field (Salesforce instance_url).

        Attributes:
            field (str):
            allowed_host_suffixes (list[str]):
            path_suffix (str | Unset):  Default: ''.
     """

    field: str
    allowed_host_suffixes: list[str]
    path_suffix: str | Unset = ''





    def to_dict(self) -> dict[str, Any]:
        field = self.field

        allowed_host_suffixes = self.allowed_host_suffixes



        path_suffix = self.path_suffix


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "field": field,
            "allowedHostSuffixes": allowed_host_suffixes,
        })
        if path_suffix is not UNSET:
            field_dict["pathSuffix"] = path_suffix

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        field = d.pop("field")

        allowed_host_suffixes = cast(list[str], d.pop("allowedHostSuffixes"))


        path_suffix = d.pop("pathSuffix", UNSET)

        token_base_url = cls(
            field=field,
            allowed_host_suffixes=allowed_host_suffixes,
            path_suffix=path_suffix,
        )

        return token_base_url

