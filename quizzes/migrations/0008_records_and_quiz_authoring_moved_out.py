"""Learning records (to records) and quiz questions and choices (to courses) leave the quizzes
app's state; every table and row stays where it is."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('courses', '0003_quiz_authoring_from_quizzes'),
        ('quizzes', '0007_xapi_indexes'),
        ('records', '0001_initial'),
    ]

    operations = [
        # State only: the tables stay, now owned by records and courses (their migrations),
        # and the answer rows' links point at the same question and choice tables.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='assignmentrule',
                    name='course',
                ),
                migrations.RemoveField(
                    model_name='assignmentrule',
                    name='department',
                ),
                migrations.RemoveField(
                    model_name='assignmentrule',
                    name='manager',
                ),
                migrations.RemoveField(
                    model_name='enrolment',
                    name='assignment_rule',
                ),
                migrations.RemoveField(
                    model_name='coursecompletion',
                    name='course',
                ),
                migrations.RemoveField(
                    model_name='coursecompletion',
                    name='revoked_by',
                ),
                migrations.RemoveField(
                    model_name='coursecompletion',
                    name='user',
                ),
                migrations.RemoveField(
                    model_name='reminderlog',
                    name='completion',
                ),
                migrations.RemoveField(
                    model_name='enrolment',
                    name='course',
                ),
                migrations.RemoveField(
                    model_name='enrolment',
                    name='user',
                ),
                migrations.RemoveField(
                    model_name='reminderlog',
                    name='enrolment',
                ),
                migrations.RemoveField(
                    model_name='moduleprogress',
                    name='module',
                ),
                migrations.RemoveField(
                    model_name='moduleprogress',
                    name='user',
                ),
                migrations.RemoveField(
                    model_name='quizchoice',
                    name='question',
                ),
                migrations.AlterField(
                    model_name='selectedchoice',
                    name='choice',
                    field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='courses.quizchoice'),
                ),
                migrations.RemoveField(
                    model_name='quizquestion',
                    name='module',
                ),
                migrations.AlterField(
                    model_name='answerrecord',
                    name='question',
                    field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='courses.quizquestion'),
                ),
                migrations.RemoveField(
                    model_name='reflectionanswer',
                    name='module',
                ),
                migrations.RemoveField(
                    model_name='reflectionanswer',
                    name='user',
                ),
                migrations.RemoveField(
                    model_name='reminderlog',
                    name='recipient',
                ),
                migrations.DeleteModel(
                    name='SyncClock',
                ),
                migrations.DeleteModel(
                    name='AssignmentRule',
                ),
                migrations.DeleteModel(
                    name='CourseCompletion',
                ),
                migrations.DeleteModel(
                    name='Enrolment',
                ),
                migrations.DeleteModel(
                    name='ModuleProgress',
                ),
                migrations.DeleteModel(
                    name='QuizChoice',
                ),
                migrations.DeleteModel(
                    name='QuizQuestion',
                ),
                migrations.DeleteModel(
                    name='ReflectionAnswer',
                ),
                migrations.DeleteModel(
                    name='ReminderLog',
                ),
            ],
        ),
    ]
