from enum import StrEnum

class ProviderDraftStatusType0(StrEnum):
    ACTIVE = "active"
    BETA = "beta"
    DEPRECATED = "deprecated"
    DISABLED = "disabled"

    def __str__(self) -> str:
        return str(self.value)
