from .clients import ApiClient, validate_scopes

__all__ = ["ApiClient", "validate_scopes"]
