from enum import StrEnum

class ProviderStatusViewStatus(StrEnum):
    ACTIVE = "active"
    BETA = "beta"
    DEPRECATED = "deprecated"
    DISABLED = "disabled"

    def __str__(self) -> str:
        return str(self.value)
