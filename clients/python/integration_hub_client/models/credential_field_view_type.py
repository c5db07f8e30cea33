from enum import StrEnum

class CredentialFieldViewType(StrEnum):
    EMAIL = "email"
    JSON = "json"
    SECRET = "secret"
    STRING = "string"
    URL = "url"

    def __str__(self) -> str:
        return str(self.value)
