"""A safety net for webhook retries, for cron (every few minutes): sends every due
delivery. Needed where the task backend cannot schedule (the immediate backend of
development), or if a worker died between claiming a delivery and rescheduling it;
with ``db_worker`` running, retries are already scheduled tasks and this finds little."""

from django.core.management.base import BaseCommand

from api.webhooks import delivery, tasks


class Command(BaseCommand):
    help = "Send the webhook deliveries that are due (first attempts and retries)."

    def handle(self, *args, **options):
        sent = 0
        endpoint_ids = delivery.endpoints_with_due_deliveries()
        for endpoint_id in endpoint_ids:
            sent += tasks.send(endpoint_id)
        self.stdout.write(f"Endpoints with due deliveries: {len(endpoint_ids)}; delivered: {sent}")
