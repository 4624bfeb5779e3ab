from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from security.models import SecurityEvent


class Command(BaseCommand):
    help = "Delete security log entries older than SECURITY_LOG_RETENTION_DAYS (run daily)."

    def handle(self, *args, **options):
        days = settings.SECURITY_LOG_RETENTION_DAYS
        cutoff = timezone.now() - timedelta(days=days)
        deleted, _ = SecurityEvent.objects.filter(created_at__lt=cutoff).delete()
        self.stdout.write(f"Deleted {deleted} security log entries older than {days} days.")
