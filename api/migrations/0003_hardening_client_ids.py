"""API clients' primary key becomes the key's public prefix; it was "prefix.hash of the
key", which put the hash in admin URLs (old URLs now 404). Rows that point at a client
(webhook endpoints, department limits, Wagtail's log entries) follow. Django creates foreign
keys deferred on PostgreSQL and SQLite, so they are checked at the end of the migration."""

from django.db import migrations
from django.db.models import F


def prefix_ids(apps, schema_editor):
    ApiClient = apps.get_model("api", "ApiClient")
    WebhookEndpoint = apps.get_model("api", "WebhookEndpoint")
    ContentType = apps.get_model("contenttypes", "ContentType")
    ModelLogEntry = apps.get_model("wagtailcore", "ModelLogEntry")
    Departments = ApiClient.departments.through
    content_type = ContentType.objects.filter(app_label="api", model="apiclient").first()
    for old, prefix in list( ApiClient.objects.exclude(id=F("prefix")).values_list("id", "prefix")):
        WebhookEndpoint.objects.filter(client_id=old).update(client_id=prefix)
        Departments.objects.filter(apiclient_id=old).update(apiclient_id=prefix)
        if content_type is not None:
            ModelLogEntry.objects.filter(content_type=content_type, object_id=old).update(object_id=prefix)
        ApiClient.objects.filter(id=old).update(id=prefix)


class Migration(migrations.Migration):
    dependencies = [
        ("api", "0002_webhooks"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0068_log_entry_empty_object"),
    ]

    operations = [migrations.RunPython(prefix_ids, migrations.RunPython.noop, elidable=True)]
