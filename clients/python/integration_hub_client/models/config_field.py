from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ConfigField")



@_attrs_define
class ConfigField:
    """ Account configuration (not secret) that fills `{name}` placeholders in URLs and paths.

        Attributes:
            name (str):
            label (str):
            required (bool | Unset):  Default: True.
            pattern (None | str | Unset):
            description (None | str | Unset):
            default (None | str | Unset):
            example (None | str | Unset):
     """

    name: str
    label: str
    required: bool | Unset = True
    pattern: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    default: None | str | Unset = UNSET
    example: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        label = self.label

        required = self.required

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

        example: None | str | Unset
        if isinstance(self.example, Unset):
            example = UNSET
        else:
            example = self.example


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
            "label": label,
        })
        if required is not UNSET:
            field_dict["required"] = required
        if pattern is not UNSET:
            field_dict["pattern"] = pattern
        if description is not UNSET:
            field_dict["description"] = description
        if default is not UNSET:
            field_dict["default"] = default
        if example is not UNSET:
            field_dict["example"] = example

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        label = d.pop("label")

        required = d.pop("required", UNSET)

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


        def _parse_example(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        example = _parse_example(d.pop("example", UNSET))


        config_field = cls(
            name=name,
            label=label,
            required=required,
            pattern=pattern,
            description=description,
            default=default,
            example=example,
        )

        return config_field

