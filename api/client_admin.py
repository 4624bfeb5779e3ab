"""API clients in the Wagtail admin (HR admins)."""
