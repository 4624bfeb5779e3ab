"""Background tasks (Django's task framework, django-tasks): run by ``manage.py db_worker``
in production, inline under the immediate backend in development and tests."""

from django_tasks import task

from quizzes.services import reminders


@task
def send_reminder_email(log_id):
    """Send the reminder logged as ``ReminderLog`` ``log_id`` (see quizzes.services.reminders)."""
    return reminders.send_reminder(log_id)
