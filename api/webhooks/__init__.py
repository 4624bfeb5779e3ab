"""Signed webhooks for HR systems (Standard Webhooks): ``events`` turns what happened into
stored deliveries, ``tasks`` and ``delivery`` send them with retries, ``signing`` signs."""
