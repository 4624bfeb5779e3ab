"""Data migrations for models that move from one app to another and keep their tables
(``SeparateDatabaseAndState`` with ``db_table`` pinned).

A model's content type is its app label and model name. Relabelling it, rather than letting
``post_migrate`` create a fresh one, keeps every row that points at it: its permissions (and
so the groups and people that hold them), Wagtail's log entries, the reference index and the
search index. Run it in the migration that moves the state, before ``post_migrate``.

A content type may already exist under the new label: created by a request served by the new
code before ``migrate`` ran, or by ``post_migrate`` after a partial reversal. It is merged
into the one being relabelled: whatever points at it is moved over (a permission that both
have becomes one, keeping every group and person that held either), then it is deleted."""

from django.db import IntegrityError, migrations, transaction


def move_content_types(from_app, to_app, model_names):
    """A reversible operation relabelling the content types of ``model_names``."""

    def relabel(source, target):
        def run(apps, schema_editor):
            ContentType = apps.get_model("contenttypes", "ContentType")
            using = schema_editor.connection.alias
            types = ContentType.objects.using(using)
            for name in model_names:
                moving = types.filter(app_label=source, model=name).first()
                if moving is None:
                    continue
                existing = types.filter(app_label=target, model=name).first()
                if existing is not None:
                    _merge(apps, using, keep=moving, drop=existing)
                types.filter(pk=moving.pk).update(app_label=target)

        return run

    return migrations.RunPython(relabel(from_app, to_app), relabel(to_app, from_app))


def _merge(apps, using, keep, drop):
    """Everything pointing at content type ``drop`` points at ``keep``; ``drop`` goes."""
    Permission = apps.get_model("auth", "Permission")
    for permission in Permission.objects.using(using).filter(content_type=drop):
        twin = Permission.objects.using(using).filter(content_type=keep, codename=permission.codename).first()
        if twin is None:
            Permission.objects.using(using).filter(pk=permission.pk).update(content_type=keep)
        else:
            _repoint(apps, using, Permission, permission.pk, twin.pk)
            Permission.objects.using(using).filter(pk=permission.pk).delete()
    _repoint(apps, using, apps.get_model("contenttypes", "ContentType"), drop.pk, keep.pk)
    type(drop).objects.using(using).filter(pk=drop.pk).delete()


def _repoint(apps, using, target, old_pk, new_pk):
    """Rows of every model (many-to-many tables included) that point at ``target`` row
    ``old_pk`` point at ``new_pk``; a row the database refuses as a repeat of one already
    pointing there (a group holding both permissions) goes."""
    for model in apps.get_models(include_auto_created=True):
        rows = model._base_manager.using(using)
        for field in model._meta.concrete_fields:
            if not (field.many_to_one and field.related_model is target):
                continue
            pointing = rows.filter(**{field.attname: old_pk})
            try:
                with transaction.atomic(using=using):
                    pointing.update(**{field.attname: new_pk})
            except IntegrityError:
                for pk in pointing.values_list("pk", flat=True):
                    try:
                        with transaction.atomic(using=using):
                            rows.filter(pk=pk).update(**{field.attname: new_pk})
                    except IntegrityError:
                        rows.filter(pk=pk).delete()


def rename_stored_strings(app_label, model_name, field, renames):
    """A reversible operation rewriting stored identifiers (a queued task's import path, a log
    entry's action) from old to new, and back when the migration is reversed."""

    def rewrite(pairs):
        def run(apps, schema_editor):
            model = apps.get_model(app_label, model_name)
            rows = model.objects.using(schema_editor.connection.alias)
            for old, new in pairs:
                rows.filter(**{field: old}).update(**{field: new})

        return run

    return migrations.RunPython(
        rewrite(renames.items()), rewrite([(new, old) for old, new in renames.items()])
    )
