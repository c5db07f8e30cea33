"""cdk-nag 3 acknowledgements: each one names the finding and says why it is acceptable.

Acknowledgements attach to the construct they are about; cdk-nag honours them for that
construct and everything under it.
"""

from __future__ import annotations

import aws_cdk as cdk
from constructs import IConstruct


def acknowledge(scope: IConstruct, rule: str, reason: str) -> None:
    """`rule` is a finding id as cdk-nag reports it, e.g. `AwsSolutions-IAM5[Resource::*]`."""
    if len(reason.strip()) < 20:
        raise ValueError(f"an acknowledgement of {rule} needs a specific reason, got {reason!r}")
    cdk.Validations.of(scope).acknowledge(cdk.Acknowledgment(id=rule, reason=reason))
