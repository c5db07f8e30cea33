"""The synthesized stack read back from cdk.out: the parent template, its nested stacks' templates
(one per area, infra/constructs/functions.py), and all of them merged into one.

The merged template is what the checks that follow references read (the IAM audit in
infra/iam_audit.py, tests/infra): every resource of every template in one `Resources` map, each
nested stack's parameters replaced by the values the parent passes, and the parent's
`Fn::GetAtt <nested stack>.Outputs.<name>` by the nested output's value. So a function's `Role`
is the `Fn::GetAtt` of the role in the parent again, and a rule's target is the function's ARN,
as if the stack were one template. Limits (resources, parameters, outputs per template) and
cfn-lint apply to each template as deployed: `files`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

NESTED_STACK = "AWS::CloudFormation::Stack"
# CloudFormation's limits per template (a template over 51,200 bytes goes through S3, as CDK's do)
RESOURCE_LIMIT = 500
REFERENCE_LIMIT = 200  # parameters, and outputs
BYTES_LIMIT = 1_000_000
# parent resources that come with functions: their roles (one per distinct set of needs), the
# nested stack of a new area, a worker's EventBridge rule and its invoke permission
PARENT_PER_FUNCTION = frozenset({"AWS::IAM::Role", NESTED_STACK, "AWS::Events::Rule", "AWS::Lambda::Permission"})


class TemplateError(ValueError):
    pass


@dataclass(frozen=True)
class StackTemplates:
    """The parent template and each nested stack's template, by the nested stack's logical id."""

    parent: dict[str, Any]
    nested: dict[str, dict[str, Any]] = field(default_factory=dict)
    files: dict[str, dict[str, Any]] = field(default_factory=dict)  # file name in cdk.out -> template

    def merged(self) -> dict[str, Any]:
        resources: dict[str, Any] = {}
        for where, stack_resources in self.by_stack().items():
            _add(resources, stack_resources, where or "parent")
        return {**self._parent_with_outputs(), "Resources": resources}

    def by_stack(self) -> dict[str, dict[str, Any]]:
        """Each template's resources with references resolved as in `merged`, by where they are
        deployed: "" for the parent (its nested stacks left out), the nested stack's logical id
        for the others. A resource is one CloudFormation manages by (stack, logical id)."""
        stacks = {logical: self._inlined(logical)["Resources"] for logical in self.nested}
        parent = self._parent_with_outputs()["Resources"]
        return {"": {k: v for k, v in parent.items() if v["Type"] != NESTED_STACK}, **stacks}

    def _inlined(self, logical: str) -> dict[str, Any]:
        parameters = self.parent["Resources"][logical]["Properties"].get("Parameters", {})
        return dict(_substitute(self.nested[logical], parameters))

    def _parent_with_outputs(self) -> dict[str, Any]:
        outputs: dict[tuple[str, str], Any] = {}
        for logical in self.nested:
            for name, output in self._inlined(logical).get("Outputs", {}).items():
                outputs[(logical, f"Outputs.{name}")] = output["Value"]
        return dict(_replace_outputs(self.parent, outputs))


@dataclass(frozen=True)
class Growth:
    """What one more function costs, measured on the synthesized templates."""

    functions: int
    area_cost: float  # resources per function in the area stacks (function, log group, routes…)
    parent_cost: float  # resources per function in the parent (PARENT_PER_FUNCTION)
    parent_fixed: int  # the parent's other resources
    fullest_area: int  # resources of the fullest area stack

    def room(self, parent_resources: int) -> int:
        """More functions that fit even if all join the fullest area."""
        return int(min((RESOURCE_LIMIT - self.fullest_area) / self.area_cost,
                       (RESOURCE_LIMIT - parent_resources) / self.parent_cost if self.parent_cost else 1e9))


def growth(templates: StackTemplates) -> Growth:
    areas = [template["Resources"] for template in templates.nested.values()]
    functions = sum(1 for area in areas for r in area.values() if r["Type"] == "AWS::Lambda::Function")
    grows = sum(1 for r in templates.parent["Resources"].values() if r["Type"] in PARENT_PER_FUNCTION)
    return Growth(
        functions=functions,
        area_cost=sum(len(area) for area in areas) / max(functions, 1),
        parent_cost=grows / max(functions, 1),
        parent_fixed=len(templates.parent["Resources"]) - grows,
        fullest_area=max((len(area) for area in areas), default=0),
    )


def load(outdir: Path, template_file: str) -> StackTemplates:
    """The stack `template_file` of the cloud assembly in `outdir`, with its nested stacks."""
    parent = _read(outdir / template_file)
    assets = _read(outdir / template_file.replace(".template.json", ".assets.json")).get("files", {})
    nested: dict[str, dict[str, Any]] = {}
    files = {template_file: parent}
    for logical, resource in parent["Resources"].items():
        if resource["Type"] != NESTED_STACK:
            continue
        url = json.dumps(resource["Properties"]["TemplateURL"])
        asset = next((digest for digest in assets if f"/{digest}.json" in url), None)
        if asset is None:
            raise TemplateError(f"nested stack {logical}: no template in {outdir} matches {url}")
        name = assets[asset]["source"]["path"]
        nested[logical] = files[name] = _read(outdir / name)
        if any(r["Type"] == NESTED_STACK for r in nested[logical]["Resources"].values()):
            raise TemplateError(f"{name} nests stacks itself: only one level is read")
    return StackTemplates(parent=parent, nested=nested, files=files)


def _read(path: Path) -> dict[str, Any]:
    return dict(json.loads(path.read_text(encoding="utf-8")))


def _add(into: dict[str, Any], resources: Mapping[str, Any], where: str) -> None:
    clash = set(into) & set(resources)
    if clash:
        raise TemplateError(f"logical ids {sorted(clash)} of {where} are used by another template too")
    into.update(resources)


def _substitute(value: Any, parameters: Mapping[str, Any]) -> Any:
    """`{"Ref": <parameter>}` → the value the parent passes for it."""
    if isinstance(value, list):
        return [_substitute(v, parameters) for v in value]
    if isinstance(value, dict):
        if set(value) == {"Ref"} and value["Ref"] in parameters:
            return parameters[value["Ref"]]
        return {k: _substitute(v, parameters) for k, v in value.items()}
    return value


def _replace_outputs(value: Any, outputs: Mapping[tuple[str, str], Any]) -> Any:
    """`{"Fn::GetAtt": [<nested stack>, "Outputs.<name>"]}` → the nested output's value."""
    if isinstance(value, list):
        return [_replace_outputs(v, outputs) for v in value]
    if isinstance(value, dict):
        target = value.get("Fn::GetAtt")
        if set(value) == {"Fn::GetAtt"} and isinstance(target, list) and tuple(target) in outputs:
            return outputs[(target[0], target[1])]
        return {k: _replace_outputs(v, outputs) for k, v in value.items()}
    return value
