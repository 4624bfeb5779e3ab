"""Data migrations for models that move from one app to another and keep their tables
(``SeparateDatabaseAndState`` with ``db_table`` pinned).

A model's content type is its app label and model name. Relabelling it, rather than letting
``post_migrate`` create a fresh one, keeps every row that points at it: its permissions (and
so the groups and people that hold them), Wagtail's log entries, the reference index and the
search index. Run it in the migration that moves the state, before ``post_migrate``."""

from django.db import migrations


def move_content_types(from_app, to_app, model_names):
    """A reversible operation relabelling the content types of ``model_names``."""

    def relabel(source, target):
        def run(apps, schema_editor):
            ContentType = apps.get_model("contenttypes", "ContentType")
            types = ContentType.objects.using(schema_editor.connection.alias)
            for name in model_names:
                if not types.filter(app_label=source, model=name).exists():
                    continue
                if types.filter(app_label=target, model=name).exists():
                    # Two content types for one model: merging them is not a rename, and
                    # choosing which rows to keep is not this migration's call.
                    raise RuntimeError(
                        f"Both {source}.{name} and {target}.{name} content types exist: "
                        f"delete the unused one, then migrate again."
                    )
                types.filter(app_label=source, model=name).update(app_label=target)

        return run

    return migrations.RunPython(relabel(from_app, to_app), relabel(to_app, from_app))


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
