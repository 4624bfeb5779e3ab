"""Existing leavers (inactive, no leaving day) get the day of this migration as their
leaving day, so the retention job erases nobody by surprise: their clock starts now."""

from django.db import migrations
from django.utils import timezone


def backfill(apps, schema_editor):
    User = apps.get_model("people", "User")
    User.objects.filter(is_active=False, left_on__isnull=True).update(left_on=timezone.localdate())


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0005_lifecycle"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
