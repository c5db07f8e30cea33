from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.credential_field_view_type import CredentialFieldViewType
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="CredentialFieldView")



@_attrs_define
class CredentialFieldView:
    """ One input of a credential form, from the provider template's credential fields.

        Attributes:
            name (str):
            label (str):
            type_ (CredentialFieldViewType):
            required (bool):
            secret (bool):
            help_ (None | str | Unset):
            pattern (None | str | Unset):
            default (None | str | Unset):
     """

    name: str
    label: str
    type_: CredentialFieldViewType
    required: bool
    secret: bool
    help_: None | str | Unset = UNSET
    pattern: None | str | Unset = UNSET
    default: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        label = self.label

        type_ = self.type_.value

        required = self.required

        secret = self.secret

        help_: None | str | Unset
        if isinstance(self.help_, Unset):
            help_ = UNSET
        else:
            help_ = self.help_

        pattern: None | str | Unset
        if isinstance(self.pattern, Unset):
            pattern = UNSET
        else:
            pattern = self.pattern

        default: None | str | Unset
        if isinstance(self.default, Unset):
            default = UNSET
        else:
            default = self.default


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "name": name,
            "label": label,
            "type": type_,
            "required": required,
            "secret": secret,
        })
        if help_ is not UNSET:
            field_dict["help"] = help_
        if pattern is not UNSET:
            field_dict["pattern"] = pattern
        if default is not UNSET:
            field_dict["default"] = default

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        label = d.pop("label")

        type_ = CredentialFieldViewType(d.pop("type"))




        required = d.pop("required")

        secret = d.pop("secret")

        def _parse_help_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        help_ = _parse_help_(d.pop("help", UNSET))


        def _parse_pattern(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pattern = _parse_pattern(d.pop("pattern", UNSET))


        def _parse_default(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        default = _parse_default(d.pop("default", UNSET))


        credential_field_view = cls(
            name=name,
            label=label,
            type_=type_,
            required=required,
            secret=secret,
            help_=help_,
            pattern=pattern,
            default=default,
        )


        credential_field_view.additional_properties = d
        return credential_field_view

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
