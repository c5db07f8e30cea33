"""The base of every typed API answer (the response models the OpenAPI document describes).

An answer built from a stored record leaves out the optional fields the record does not have,
instead of answering them as `null`: the document marks those fields optional, and a record
written before a field existed reads the same as before (docs/architecture.md, Typed answers).
Fields given explicitly, `None` included (e.g. `nextOffset`), are always answered.
"""

from typing import Any

from pydantic import BaseModel, ConfigDict, SerializerFunctionWrapHandler, model_serializer


def without_unset_nulls(model: BaseModel, serialized: Any) -> Any:
    """Drop the keys whose value is null and which the model was not given."""
    if not isinstance(serialized, dict):
        return serialized
    given = model.model_fields_set
    unset: set[str] = set()
    for name, field in type(model).model_fields.items():
        if name not in given:  # answered by its name or its alias, whichever the caller asked for
            unset.update(key for key in (name, field.serialization_alias or field.alias) if key)
    return {key: value for key, value in serialized.items() if value is not None or key not in unset}


class Answer(BaseModel):
    # answers are built by the hub, never parsed from a caller: keys the model does not name are
    # left out of the answer (a stored attribute is not part of the contract by accident)
    model_config = ConfigDict(defer_build=True, extra="ignore", populate_by_name=True)

    # no return annotation: with one, pydantic would document every answer as that type
    @model_serializer(mode="wrap")
    def _omit_unset_nulls(self, handler: SerializerFunctionWrapHandler):  # type: ignore[no-untyped-def]
        return without_unset_nulls(self, handler(self))
