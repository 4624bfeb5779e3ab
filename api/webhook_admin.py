"""Webhook endpoints and their delivery log in the Wagtail admin (HR admins)."""
