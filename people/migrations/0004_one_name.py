"""One name per person: ``full_name``. An empty full name is filled from the first and last
name before those columns go, so no name is lost."""

from django.db import migrations
from django.db.models import Q


def fill_full_name(apps, schema_editor):
    User = apps.get_model("people", "User")
    empty = User.objects.filter(full_name="").exclude(Q(first_name="") & Q(last_name=""))
    for user in empty.only("pk", "first_name", "last_name").iterator():
        parts = (user.first_name.strip(), user.last_name.strip())
        user.full_name = " ".join(part for part in parts if part)[:200]
        user.save(update_fields=["full_name"])


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0003_roster_import"),
    ]

    operations = [
        migrations.RunPython(fill_full_name, migrations.RunPython.noop, elidable=False),
        migrations.RemoveField(model_name="user", name="first_name"),
        migrations.RemoveField(model_name="user", name="last_name"),
    ]
