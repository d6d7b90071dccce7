"""The schedule as it runs in production: a real `celery beat` process reads the periodic task
"daily follow-up sweep" from the database (django-celery-beat), a real worker on Redis runs each sweep
and hands the digests to a real SMTP server. Run every two seconds here instead of hourly, the sweeps
follow one another (and overlap the sends) and still send each official's digest once."""

import importlib
import time

import pytest
from django.apps import apps as installed_apps
from django.utils import timezone
from django_celery_beat.models import IntervalSchedule, PeriodicTask

from tests.followup.test_reminders_delivery import officials_with_items, sent, smtp  # noqa: F401
from tests.minutes.test_delivery import wait_for
from tests.worker import LOGS, running_beat, running_worker

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]
sweep_migration = importlib.import_module("followup.migrations.0003_daily_sweep_task")


def test_beat_runs_the_sweep_from_the_database_schedule_and_each_digest_goes_once(smtp):  # noqa: F811
    _world, officials = officials_with_items(3, timezone.localdate())
    # The periodic task as the migration makes it (a transactional test empties the tables first),
    # then set to every two seconds, as an administrator could in the admin.
    sweep_migration.create_sweep(installed_apps, None)
    task = PeriodicTask.objects.get(name=sweep_migration.NAME)
    assert task.task == "followup.reminders.sweep" and task.crontab.minute == "5"
    every_two_seconds = IntervalSchedule.objects.create(every=2, period=IntervalSchedule.SECONDS)
    PeriodicTask.objects.filter(pk=task.pk).update(interval=every_two_seconds, crontab=None)
    env = {"EMAIL_URL": smtp.url, "SOBHA_REMINDER_DIGEST_HOUR": "0"}  # every official's hour has come
    log = LOGS / "celery-beat.log"
    start = log.stat().st_size if log.exists() else 0

    def sweeps_sent() -> int:
        return log.read_bytes()[start:].count(b"Sending due task daily follow-up sweep")

    with running_worker(**env), running_beat(**env):
        assert wait_for(lambda: sent() == len(officials), seconds=90), "beat never ran the sweep"
        runs = sweeps_sent()
        assert wait_for(lambda: sweeps_sent() >= runs + 3, seconds=30)  # three more sweeps
        time.sleep(2)  # what they might still hand over
    assert smtp.counts() == {official.email: 1 for official in officials}
    assert sent() == len(officials)
