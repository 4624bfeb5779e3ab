"""Quiz questions and choices move from quizzes to courses: they are page content, edited
on the module page. Their tables (quizzes_quizquestion, quizzes_quizchoice) stay."""

import django.core.validators
import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models

from elearning.model_moves import move_content_types


class Migration(migrations.Migration):

    dependencies = [
        ('courses', '0002_modulepage_quiz_attempt_limit_and_more'),
        ('quizzes', '0007_xapi_indexes'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        # The tables, columns, indexes and constraints stay as they are: only Django's
        # idea of which app a model belongs to changes.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='QuizQuestion',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('kind', models.CharField(choices=[('single', 'Single choice (one correct answer)'), ('multiple', 'Multiple choice (pick every correct answer)'), ('true_false', 'True or false')], default='single', max_length=20, verbose_name='type')),
                        ('prompt', models.TextField(verbose_name='question')),
                        ('points', models.PositiveSmallIntegerField(default=1, help_text='Multiple-choice questions score their points only when every correct choice, and no other, is picked.', validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(100)], verbose_name='points')),
                        ('explanation', models.TextField(blank=True, help_text='Shown after answering, per the feedback setting.', verbose_name='explanation')),
                        ('module', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='quiz_questions', to='courses.modulepage')),
                    ],
                    options={
                        'verbose_name': 'question',
                        'verbose_name_plural': 'questions',
                        'db_table': 'quizzes_quizquestion',
                        'ordering': ['sort_order'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='QuizChoice',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('text', models.CharField(max_length=500, verbose_name='text')),
                        ('is_correct', models.BooleanField(default=False, verbose_name='correct')),
                        ('feedback', models.TextField(blank=True, help_text='Shown to people who picked this choice.', verbose_name='feedback')),
                        ('question', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='choices', to='courses.quizquestion')),
                    ],
                    options={
                        'verbose_name': 'choice',
                        'verbose_name_plural': 'choices',
                        'db_table': 'quizzes_quizchoice',
                        'ordering': ['sort_order'],
                        'abstract': False,
                    },
                ),
            ],
        ),
        move_content_types('quizzes', 'courses', ['quizquestion', 'quizchoice']),
    ]
