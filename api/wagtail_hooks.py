from . import client_admin, webhook_admin  # noqa: F401 - each registers its admin views
