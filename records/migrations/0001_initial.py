"""Learning records move from quizzes to records with their tables (quizzes_enrolment,
quizzes_coursecompletion, ...), rows, indexes and constraints unchanged; their content
types are relabelled, so permissions, group permissions, Wagtail log entries and the
reference index follow, and reminder emails already queued under the old task path still
run. quizzes/migrations/0008 removes them from the quizzes app's state."""

import django.db.models.deletion
import django.utils.timezone
import records.models.progress
import records.models.sync
from django.conf import settings
from django.db import migrations, models

from elearning.model_moves import move_content_types, rename_stored_strings


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('courses', '0003_quiz_authoring_from_quizzes'),
        ('people', '0002_user_people_user_username_ci_unique'),
        ('quizzes', '0007_xapi_indexes'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('wagtailcore', '0097_baselogentry_uuid_action_timestamp_indexes'),
        ('django_tasks_database', '0021_conditional_partial_index_ordering'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # The tables, columns, indexes and constraints stay as they are: only Django's
        # idea of which app a model belongs to changes.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='SyncClock',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('last_stamp_us', models.BigIntegerField(default=0)),
                    ],
                    options={
                        'verbose_name': 'sync clock',
                        'db_table': 'quizzes_syncclock',
                    },
                ),
                migrations.CreateModel(
                    name='AssignmentRule',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('course_code', models.CharField(editable=False, max_length=32, verbose_name='course code')),
                        ('course_title', models.CharField(editable=False, max_length=255, verbose_name='course title')),
                        ('target', models.CharField(choices=[('everyone', 'Everyone'), ('department', 'A department'), ('country', 'A country or office'), ('reporting_line', "A manager's reporting line")], default='department', max_length=20, verbose_name='assign to')),
                        ('country', models.CharField(blank=True, help_text="Matched against each person's country or office, ignoring case.", max_length=100, verbose_name='country or office')),
                        ('due_days', models.PositiveSmallIntegerField(default=30, verbose_name='due after (days)')),
                        ('due_from', models.CharField(choices=[('assignment', 'the assignment date'), ('start_date', "the person's start date")], default='assignment', help_text='Without a start date, the assignment date is used.', max_length=20, verbose_name='counted from')),
                        ('recurring', models.BooleanField(default=False, help_text="Recertification: when a person's certificate expires, the course is due again the same number of days after the expiry date.", verbose_name='recurring')),
                        ('active', models.BooleanField(default=True, verbose_name='active')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                        ('course', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='courses.coursepage', verbose_name='course')),
                        ('department', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='people.department', verbose_name='department')),
                        ('manager', models.ForeignKey(blank=True, help_text='Everyone who reports to this person, directly or indirectly.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='manager')),
                    ],
                    options={
                        'verbose_name': 'assignment rule',
                        'verbose_name_plural': 'assignment rules',
                        'db_table': 'quizzes_assignmentrule',
                        'ordering': ['course_code', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='CourseCompletion',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('course_code', models.CharField(db_index=True, max_length=32, verbose_name='course code')),
                        ('course_title', models.CharField(max_length=255, verbose_name='course title')),
                        ('course_language', models.CharField(max_length=10, verbose_name='course language')),
                        ('completed_at', models.DateTimeField(verbose_name='completed at')),
                        ('score', models.DecimalField(blank=True, decimal_places=2, help_text="The average of the best passing percentage of each required module's quiz.", max_digits=5, null=True, verbose_name='score (%)')),
                        ('certificate_id', models.CharField(default=records.models.progress.new_certificate_id, max_length=32, unique=True, verbose_name='certificate ID')),
                        ('valid_until', models.DateField(blank=True, null=True, verbose_name='valid until')),
                        ('revoked_at', models.DateTimeField(blank=True, null=True, verbose_name='revoked at')),
                        ('revoked_reason', models.TextField(blank=True, verbose_name='reason for revocation')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                        ('updated_at', records.models.sync.SyncStampField(blank=True, editable=False, verbose_name='updated at')),
                        ('course', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='courses.coursepage')),
                        ('revoked_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='completions', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'course completion',
                        'verbose_name_plural': 'course completions',
                        'db_table': 'quizzes_coursecompletion',
                        'ordering': ['-completed_at'],
                        'permissions': [('revoke_coursecompletion', 'Can revoke a course completion')],
                    },
                ),
                migrations.CreateModel(
                    name='Enrolment',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('course_code', models.CharField(max_length=32, verbose_name='course code')),
                        ('course_title', models.CharField(max_length=255, verbose_name='course title')),
                        ('source', models.CharField(choices=[('self', 'Self-enrolled'), ('assigned', 'Assigned')], default='self', max_length=20, verbose_name='source')),
                        ('status', models.CharField(choices=[('not_started', 'Not started'), ('in_progress', 'In progress'), ('completed', 'Completed'), ('overdue', 'Overdue'), ('expired', 'Expired')], default='not_started', max_length=20, verbose_name='status')),
                        ('status_changed_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='status changed at')),
                        ('due_date', models.DateField(blank=True, null=True, verbose_name='due date')),
                        ('cycle', models.PositiveSmallIntegerField(default=1, verbose_name='cycle')),
                        ('enrolled_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='enrolled at')),
                        ('completed_at', models.DateTimeField(blank=True, null=True, verbose_name='completed at')),
                        ('updated_at', records.models.sync.SyncStampField(blank=True, editable=False, verbose_name='updated at')),
                        ('assignment_rule', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='enrolments', to='records.assignmentrule')),
                        ('course', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='courses.coursepage')),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='enrolments', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'enrolment',
                        'verbose_name_plural': 'enrolments',
                        'db_table': 'quizzes_enrolment',
                    },
                ),
                migrations.CreateModel(
                    name='ModuleProgress',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('module_key', models.UUIDField(verbose_name='module key')),
                        ('module_title', models.CharField(max_length=255, verbose_name='module title')),
                        ('course_code', models.CharField(db_index=True, max_length=32, verbose_name='course code')),
                        ('started_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='started at')),
                        ('read_at', models.DateTimeField(blank=True, null=True, verbose_name='marked as read at')),
                        ('completed_at', models.DateTimeField(blank=True, null=True, verbose_name='completed at')),
                        ('module', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='courses.modulepage')),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='module_progress', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'module progress',
                        'verbose_name_plural': 'module progress',
                        'db_table': 'quizzes_moduleprogress',
                    },
                ),
                migrations.CreateModel(
                    name='ReflectionAnswer',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('module_title', models.CharField(max_length=255, verbose_name='module title')),
                        ('block_id', models.CharField(max_length=64, verbose_name='prompt ID')),
                        ('prompt', models.TextField(verbose_name='prompt')),
                        ('answer', models.TextField(verbose_name='answer')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                        ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
                        ('module', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='courses.modulepage', verbose_name='module')),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='reflections', to=settings.AUTH_USER_MODEL, verbose_name='staff member')),
                    ],
                    options={
                        'verbose_name': 'reflection answer',
                        'verbose_name_plural': 'reflection answers',
                        'db_table': 'quizzes_reflectionanswer',
                    },
                ),
                migrations.CreateModel(
                    name='ReminderLog',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('due_soon', 'Due in a week'), ('due_today', 'Due today'), ('overdue', 'Overdue'), ('expiring', 'Certificate expires in a month'), ('manager_digest', "Manager's weekly digest")], max_length=20, verbose_name='kind')),
                        ('key', models.CharField(max_length=40, verbose_name='key')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                        ('sent_at', models.DateTimeField(blank=True, null=True, verbose_name='sent at')),
                        ('completion', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='reminders', to='records.coursecompletion')),
                        ('enrolment', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='reminders', to='records.enrolment')),
                        ('recipient', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='recipient')),
                    ],
                    options={
                        'verbose_name': 'reminder',
                        'verbose_name_plural': 'reminders',
                        'db_table': 'quizzes_reminderlog',
                    },
                ),
                migrations.AddIndex(
                    model_name='coursecompletion',
                    index=models.Index(fields=['user', 'course_code', '-completed_at'], name='quizzes_completion_latest'),
                ),
                migrations.AddIndex(
                    model_name='coursecompletion',
                    index=models.Index(fields=['updated_at', 'id'], name='quizzes_completion_sync'),
                ),
                migrations.AddIndex(
                    model_name='coursecompletion',
                    index=models.Index(fields=['created_at', 'id'], name='quizzes_completion_xapi'),
                ),
                migrations.AddConstraint(
                    model_name='coursecompletion',
                    constraint=models.CheckConstraint(condition=models.Q(('revoked_at__isnull', True), models.Q(('revoked_reason', ''), _negated=True), _connector='OR'), name='quizzes_completion_revocation_has_reason'),
                ),
                migrations.AddIndex(
                    model_name='enrolment',
                    index=models.Index(fields=['updated_at', 'id'], name='quizzes_enrolment_sync'),
                ),
                migrations.AddConstraint(
                    model_name='enrolment',
                    constraint=models.UniqueConstraint(fields=('user', 'course_code'), name='quizzes_enrolment_once_per_course'),
                ),
                migrations.AddConstraint(
                    model_name='moduleprogress',
                    constraint=models.UniqueConstraint(fields=('user', 'module_key'), name='quizzes_progress_once_per_module'),
                ),
                migrations.AddConstraint(
                    model_name='reflectionanswer',
                    constraint=models.UniqueConstraint(fields=('user', 'module', 'block_id'), name='quizzes_reflection_one_per_prompt'),
                ),
                migrations.AddConstraint(
                    model_name='reminderlog',
                    constraint=models.UniqueConstraint(condition=models.Q(('enrolment__isnull', False)), fields=('kind', 'enrolment', 'key'), name='quizzes_reminder_once_per_enrolment'),
                ),
                migrations.AddConstraint(
                    model_name='reminderlog',
                    constraint=models.UniqueConstraint(condition=models.Q(('completion__isnull', False)), fields=('kind', 'completion', 'key'), name='quizzes_reminder_once_per_completion'),
                ),
                migrations.AddConstraint(
                    model_name='reminderlog',
                    constraint=models.UniqueConstraint(condition=models.Q(('completion__isnull', True), ('enrolment__isnull', True)), fields=('kind', 'recipient', 'key'), name='quizzes_reminder_once_per_recipient'),
                ),
            ],
        ),
        move_content_types(
            'quizzes',
            'records',
            ['syncclock', 'assignmentrule', 'coursecompletion', 'enrolment', 'moduleprogress', 'reflectionanswer', 'reminderlog'],
        ),
        rename_stored_strings(
            'django_tasks_database',
            'DBTaskResult',
            'task_path',
            {'quizzes.tasks.send_reminder_email': 'records.services.reminders.send_reminder_email'},
        ),
        rename_stored_strings(
            'wagtailcore', 'ModelLogEntry', 'action', {'quizzes.revoke_completion': 'records.revoke_completion'}
        ),
    ]
