from enum import StrEnum

class OAuthConfigInputTokenBodyFormatType0(StrEnum):
    FORM = "form"
    JSON = "json"

    def __str__(self) -> str:
        return str(self.value)
