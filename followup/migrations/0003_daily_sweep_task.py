"""The periodic task "daily follow-up sweep", created once in django-celery-beat's tables, where the
administrators see and edit it (Django admin: Periodic tasks). It runs at five past every hour: each
run records what falls due today (once) and sends the digests of the officials whose hour has come
(followup/reminders/tasks.py). Created only if missing, so an edited schedule is kept."""

from django.db import migrations
from django.utils import timezone

NAME = "daily follow-up sweep"
TASK = "followup.reminders.sweep"


def create_sweep(apps, schema_editor):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTasks = apps.get_model("django_celery_beat", "PeriodicTasks")
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    if PeriodicTask.objects.filter(name=NAME).exists():
        return
    every_hour, _ = CrontabSchedule.objects.get_or_create(
        minute="5", hour="*", day_of_week="*", day_of_month="*", month_of_year="*", timezone="Asia/Dhaka"
    )
    PeriodicTask.objects.create(
        name=NAME,
        task=TASK,
        crontab=every_hour,
        description=(
            "Follow-up reminders: records the reminders due today and sends each official's daily "
            "digest at their hour. Runs hourly; safe to run again (docs/reminders.md)."
        ),
    )
    # Tells a running DatabaseScheduler that the schedule changed (what the admin's save does).
    PeriodicTasks.objects.update_or_create(ident=1, defaults={"last_update": timezone.now()})


def remove_sweep(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name=NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("followup", "0002_reminders"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create_sweep, remove_sweep)]
