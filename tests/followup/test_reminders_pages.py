"""The reminders' pages: the office's policy and what was sent (office administration, their office
only), the official's own preferences; Bangla digits in and out; bad input refused in Bangla; the
daily sweep in django-celery-beat's schedule, once."""

from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django_celery_beat.models import PeriodicTask

from config.celery_app import app
from followup.models import Digest, DigestDelivery, ReminderPolicy, ReminderPreference
from offices.models import AuditEntry, OfficeRole
from tests.factories import OfficeFactory, user_with_role

R = OfficeRole.Role
Status = DigestDelivery.Status


@pytest.fixture
def office_admin(reminders_world):
    return user_with_role(reminders_world.office, R.ADMIN, username="admin-dnc")


def policy_url(office):
    return reverse("reminders:office_policy", args=[office.pk])


def sent_url(office):
    return reverse("reminders:office_sent", args=[office.pk])


def test_the_office_administrator_sets_the_days_in_bangla_digits_and_the_change_is_audited(
    client, reminders_world, office_admin
):
    office = reminders_world.office
    client.force_login(office_admin)
    page = client.get(policy_url(office)).content.decode()
    assert 'value="৭, ১"' in page and 'value="১৪"' in page  # the defaults, in Bangla digits
    assert not ReminderPolicy.objects.exists()  # a GET never writes
    response = client.post(
        policy_url(office),
        {
            "days_before": "১০, ৩",
            "overdue_every_days": "৫",
            "escalate_after_days": "২১",
            "escalate_to_superior": "",
        },
    )
    assert response.status_code == 302
    policy = ReminderPolicy.objects.get(office=office)
    assert (policy.days_before, policy.overdue_every_days, policy.escalate_after_days) == ([10, 3], 5, 21)
    assert not policy.escalate_to_superior
    assert AuditEntry.objects.filter(office=office, actor=office_admin).exists()
    assert 'value="১০, ৩"' in client.get(policy_url(office)).content.decode()


@pytest.mark.parametrize(
    "days, message",
    [
        ("৭, ক", "দিনের সংখ্যা কমা দিয়ে আলাদা করে লিখুন, যেমন ৭, ১।"),
        ("০", "প্রতিটি দিনের সংখ্যা ১ থেকে ৯০-এর মধ্যে হতে হবে।"),
        ("১, ২, ৩, ৪, ৫, ৬", "শেষ তারিখের আগে সর্বোচ্চ ৫টি অনুস্মারক।"),
    ],
)
def test_bad_days_are_refused_in_bangla_with_the_form_kept_and_nothing_saved(
    client, reminders_world, office_admin, days, message
):
    client.force_login(office_admin)
    data = {"days_before": days, "overdue_every_days": "৭", "escalate_after_days": "৪০০"}
    response = client.post(policy_url(reminders_world.office), data)
    page = response.content.decode()
    assert response.status_code == 400
    assert message in page and "১ থেকে ৩৬৫" in page  # the escalation days are out of range too
    assert f'value="{days}"' in page
    assert not ReminderPolicy.objects.exists()


def test_only_the_offices_administrators_and_those_above_see_its_reminder_pages(client, reminders_world):
    office = reminders_world.office
    client.force_login(user_with_role(OfficeFactory(), R.ADMIN))  # another office's administrator
    assert client.get(policy_url(office)).status_code == 404
    assert client.get(sent_url(office)).status_code == 404
    client.force_login(user_with_role(office, R.DRAFTER, R.APPROVER))  # of the office, not its administrator
    assert client.get(policy_url(office)).status_code == 403
    client.force_login(user_with_role(reminders_world.superior, R.ADMIN))  # the superior office's
    assert client.get(policy_url(office)).status_code == 200


def _delivery(official, day, status, **fields):
    digest = Digest.objects.create(official=official, for_date=day)
    return DigestDelivery.objects.create(
        digest=digest, channel="email", address=official.email, status=status, **fields
    )


def test_the_sent_page_lists_the_offices_digests_only_and_filters_the_failed(
    client, reminders_world, office_admin, django_assert_num_queries
):
    w = reminders_world
    day = w.meeting.issue_date
    _delivery(w.rahim, day, Status.SENT)
    _delivery(
        w.head, day, Status.FAILED, attempts=6, last_error="SMTPRecipientsRefused: 550 mailbox unavailable"
    )
    _delivery(w.superior_secretary, day, Status.SENT)  # the superior office's official: not listed here
    client.force_login(office_admin)
    client.get(sent_url(w.office))  # warm the session and the user's roles
    # session, user, office, the user's roles, the offices below theirs, the deliveries' count and page
    with django_assert_num_queries(7):
        page = client.get(sent_url(w.office)).content.decode()
    assert w.rahim.name in page and w.head.name in page and w.superior_secretary.name not in page
    assert 'text-bg-success">পাঠানো হয়েছে</span>' in page and 'text-bg-danger">ব্যর্থ</span>' in page
    assert "550 mailbox unavailable" in page
    failed = client.get(sent_url(w.office) + "?status=failed").content.decode()
    assert w.head.name in failed and w.rahim.name not in failed
    assert "১টি সারসংক্ষেপ পাঠানো যায়নি।" in client.get(policy_url(w.office)).content.decode()


def test_send_again_is_a_post_of_the_offices_administrators(
    client, reminders_world, office_admin, celery_eager
):
    w = reminders_world
    delivery = _delivery(w.head, w.meeting.issue_date, Status.FAILED, attempts=6)
    url = reverse("reminders:send_again", args=[delivery.pk])
    client.force_login(office_admin)
    assert client.get(url).status_code == 405
    client.force_login(user_with_role(OfficeFactory(), R.ADMIN))
    assert client.post(url).status_code == 404
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (Status.FAILED, 6)


def test_the_administrations_menu_has_the_reminders(client, reminders_world, office_admin):
    client.force_login(office_admin)
    page = client.get(reverse("offices:manage", args=[reminders_world.office.pk])).content.decode()
    assert policy_url(reminders_world.office) in page and "অনুস্মারক" in page


def test_an_official_chooses_the_hour_and_leaves_out_early_reminders(client, reminders_world):
    user = user_with_role(reminders_world.office, R.DRAFTER, username="rahim")
    user.official = reminders_world.rahim
    user.save()
    client.force_login(user)
    url = reverse("reminders:preferences")
    page = client.get(url).content.decode()
    assert "সকাল ০৯.০০টা" in page and 'id="nav-my-reminders"' in page
    assert "এসএমএসেও" not in page  # the portal sends no SMS: not asked
    assert not ReminderPreference.objects.exists()
    response = client.post(url, {"digest_hour": "14"})
    assert response.status_code == 302
    preference = ReminderPreference.objects.get(official=reminders_world.rahim)
    assert (preference.digest_hour, preference.include_soon_due, preference.by_sms) == (14, False, True)
    assert client.post(url, {"digest_hour": "25"}).status_code == 400


def test_an_account_without_an_official_is_told_why_no_reminders_come(client, reminders_world):
    client.force_login(user_with_role(reminders_world.office, R.DRAFTER))
    page = client.get(reverse("reminders:preferences")).content.decode()
    assert 'id="no-official"' in page and "<form" not in page.split('id="no-official"')[1]


@pytest.mark.django_db
def test_the_daily_sweep_is_one_periodic_task_in_the_database_schedule():
    (task,) = PeriodicTask.objects.filter(task="followup.reminders.sweep")
    assert task.name == "daily follow-up sweep" and task.enabled
    assert (task.crontab.minute, task.crontab.hour, str(task.crontab.timezone)) == ("5", "*", "Asia/Dhaka")
    app.loader.import_default_modules()  # what a worker does on start: autodiscovery finds followup.tasks
    assert task.task in app.tasks
    assert settings.CELERY_BEAT_SCHEDULER == "django_celery_beat.schedulers:DatabaseScheduler"
    procfile = (Path(settings.BASE_DIR) / "Procfile").read_text()
    assert "--scheduler django_celery_beat.schedulers:DatabaseScheduler" in procfile
