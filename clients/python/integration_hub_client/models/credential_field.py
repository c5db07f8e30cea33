from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.credential_field_type import CredentialFieldType
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="CredentialField")



@_attrs_define
class CredentialField:
    """ A credential the tenant enters (API key, password, service-account key, role ARN).

        Attributes:
            name (str):
            label (str):
            type_ (CredentialFieldType | Unset):  Default: CredentialFieldType.STRING.
            required (bool | Unset):  Default: True.
            secret (bool | Unset):  Default: False.
            pattern (None | str | Unset):
            description (None | str | Unset):
            default (None | str | Unset):
            generated (bool | Unset):  Default: False.
     """

    name: str
    label: str
    type_: CredentialFieldType | Unset = CredentialFieldType.STRING
    required: bool | Unset = True
    secret: bool | Unset = False
    pattern: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    default: None | str | Unset = UNSET
    generated: bool | Unset = False





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        label = self.label

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value


        required = self.required

        secret = self.secret

        pattern: None | str | Unset
        if isinstance(self.pattern, Unset):
            pattern = UNSET
        else:
            pattern = self.pattern

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        default: None | str | Unset
        if isinstance(self.default, Unset):
            default = UNSET
        else:
            default = self.default

        generated = self.generated


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
            "label": label,
        })
        if type_ is not UNSET:
            field_dict["type"] = type_
        if required is not UNSET:
            field_dict["required"] = required
        if secret is not UNSET:
            field_dict["secret"] = secret
        if pattern is not UNSET:
            field_dict["pattern"] = pattern
        if description is not UNSET:
            field_dict["description"] = description
        if default is not UNSET:
            field_dict["default"] = default
        if generated is not UNSET:
            field_dict["generated"] = generated

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        label = d.pop("label")

        _type_ = d.pop("type", UNSET)
        type_: CredentialFieldType | Unset
        if isinstance(_type_,  Unset):
            type_ = UNSET
        else:
            type_ = CredentialFieldType(_type_)




        required = d.pop("required", UNSET)

        secret = d.pop("secret", UNSET)

        def _parse_pattern(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pattern = _parse_pattern(d.pop("pattern", UNSET))


        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


        def _parse_default(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        default = _parse_default(d.pop("default", UNSET))


        generated = d.pop("generated", UNSET)

        credential_field = cls(
            name=name,
            label=label,
            type_=type_,
            required=required,
            secret=secret,
            pattern=pattern,
            description=description,
            default=default,
            generated=generated,
        )

        return credential_field

