"""Issue 15, done when: a decision with a 7-working-day deadline is issued; the clock moves on; the
responsible official receives one digest, opens the link, reports progress with a file and marks the
decision done; the office's and the superior office's dashboards show it on time.

The minutes are issued on Tuesday 3 March 2026 (the reminders' world): 7 working days later, the
weekend of Friday and Saturday skipped, is Thursday 12 March. The clock then stands at Wednesday
11 March, one working day before, at the official's digest hour: the sweep runs in the test's process
under that clock, the digest is sent by a real Celery worker to a real SMTP server. The browser's
clock is real; the live server runs in the test's process, so it sees the frozen one."""

import datetime
import re
import urllib.parse

import pytest
import time_machine
from django.urls import reverse

from followup.models import DigestDelivery, Occurrence, ReminderPreference
from followup.reminders.tasks import followup_sweep
from minutes import tasks
from minutes.models import Decision, Meeting
from minutes.workflow import services as workflow
from offices.models import OfficeRole
from tests.actionplan.evidence_files import pdf
from tests.e2e.conftest import log_in, open_item_to_confirm, report_progress_then_done, screenshot
from tests.factories import GovernmentFileFactory
from tests.followup.conftest import _user, add_decision, evidence_folder, make_meeting
from tests.followup.reminder_world import DHAKA, NOW, make_world
from tests.minutes.test_delivery import Inbox, serving, wait_for
from tests.worker import running_worker

pytestmark = [pytest.mark.browser, pytest.mark.worker, pytest.mark.django_db(transaction=True)]
evidence_folder = evidence_folder  # the fixture
R = OfficeRole.Role
ISSUED_ON = NOW.date()  # Tuesday 3 March 2026
DUE = datetime.date(2026, 3, 12)  # Wed 4, Thu 5, Sun 8, Mon 9, Tue 10, Wed 11, Thu 12
DIGEST_HOUR = 8
ONE_WORKING_DAY_BEFORE = datetime.datetime(2026, 3, 11, DIGEST_HOUR, 0, tzinfo=DHAKA)
AFTER_THE_DUE_DATE = datetime.datetime(2026, 3, 15, 10, 0, tzinfo=DHAKA)  # Sunday, the next working day
TEXT = "দপ্তরের ওয়েবসাইটের সেবাবক্স হালনাগাদ করতে হবে।"


@pytest.fixture
def smtp(settings):
    yield from serving(Inbox(), settings)


def issued_decision(world) -> Decision:
    """The directorate's people, and minutes with one decision to the post, issued through the
    workflow (the follow-up makes its item when the issue commits)."""
    office = world.office
    drafter = _user(office, "dipu", None, R.DRAFTER)
    approver = _user(office, "anwar", world.head, R.APPROVER)
    issuer = _user(office, "issa", world.secretary, R.ISSUER)
    meeting = make_meeting(
        office,
        state=Meeting.State.DRAFT,
        issue_date=ISSUED_ON,
        title="ইনোভেশন টিমের ২০২৫-২৬ অর্থবছরের ৯ম সভা",
        created_by=drafter,
    )
    decision = add_decision(
        meeting, TEXT, to=[world.post], deadline_kind=Decision.Deadline.WORKING_DAYS, deadline_working_days=7
    )
    workflow.meeting_submit(meeting=meeting, by=drafter)
    workflow.meeting_approve(meeting=Meeting.objects.get(pk=meeting.pk), by=approver)
    workflow.minutes_issue(
        meeting=Meeting.objects.get(pk=meeting.pk),
        government_file=GovernmentFileFactory(office=office),
        by=issuer,
    )
    return decision


def test_the_official_is_reminded_once_closes_the_decision_in_time_and_the_dashboards_show_it(
    page, smtp, evidence_folder, monkeypatch
):
    monkeypatch.setattr(tasks.issued_minutes_store_and_distribute, "delay", lambda meeting_id: None)
    with time_machine.travel(NOW, tick=False) as clock:
        world = make_world(ISSUED_ON)
        rahim = _user(world.office, "rahim", world.rahim)  # no role: holds the post the decision names
        _user(world.superior, "nasrin", world.superior_secretary, R.APPROVER)
        ReminderPreference.objects.create(official=world.rahim, digest_hour=DIGEST_HOUR)
        decision = issued_decision(world)
        (item,) = Occurrence.objects.filter(decision=decision)
        assert item.due_date == DUE

        # The clock moves on to a working day before the due date, at the official's hour.
        clock.move_to(ONE_WORKING_DAY_BEFORE)
        with running_worker(EMAIL_URL=smtp.url):
            followup_sweep()
            followup_sweep()  # run again in the same hour: adds nothing
            assert wait_for(lambda: DigestDelivery.objects.filter(status=DigestDelivery.Status.SENT).exists())
            clock.move_to(ONE_WORKING_DAY_BEFORE + datetime.timedelta(hours=1))
            followup_sweep()  # nor does the next hour's run
        assert DigestDelivery.objects.count() == 1
        assert [recipients for recipients, _message in smtp.messages] == [[rahim.official.email]]
        (message,) = smtp.to(rahim.official.email)
        assert message["Subject"].strip() == "সভা অনুস্মারক, ২৬ ফাল্গুন ১৪৩২ / ১১ মার্চ ২০২৬: ১টি কাজ"
        text = message.get_body(("plain",)).get_content()
        assert "প্রিয় মোঃ রহিম উদ্দিন," in text and TEXT in text
        assert "শেষ তারিখ: ২৭ ফাল্গুন ১৪৩২ / ১২ মার্চ ২০২৬ (আর ১ দিন বাকি)" in text
        (link,) = re.findall(r"অগ্রগতি জানান: (\S+)", text)

        # The official opens the link (its path on the live server), reports progress with a file,
        # then marks the decision done.
        log_in(page, "rahim", "pass-1234")
        page.wait_for_url(page.base_url + "/")
        page.goto(page.base_url + urllib.parse.urlsplit(link).path)
        assert page.locator("#item-text").inner_text().strip() == TEXT
        assert page.locator("#item-due").inner_text() == "২৭ ফাল্গুন ১৪৩২ / ১২ মার্চ ২০২৬"
        evidence = evidence_folder / "সেবাবক্স.pdf"
        evidence.write_bytes(pdf())
        report_progress_then_done(
            page, "সেবাবক্সের খসড়া তৈরি হয়েছে; অনুমোদন বাকি।", evidence, "সেবাবক্স হালনাগাদ সম্পন্ন।"
        )
        screenshot(page, "followup-done-reported")

        # The approver confirms it from their list.
        open_item_to_confirm(page, "anwar")
        page.get_by_role("button", name="সম্পন্ন বলে নিশ্চিত করুন").click()
        assert "সম্পন্ন বলে নিশ্চিত করা হয়েছে।" in page.locator("main").inner_text()

        # After the due date, the office's dashboard counts it closed on time...
        clock.move_to(AFTER_THE_DUE_DATE)
        page.goto(page.base_url + reverse("followup:dashboard", args=[world.office.pk]))
        assert page.locator("#figure-on-time").inner_text() == "১০০%"
        on_time_card = page.locator(".dash-figure", has=page.locator("#figure-on-time")).inner_text()
        assert "এ বছর এ পর্যন্ত সময়সীমা আসা ১টির মধ্যে ১টি" in on_time_card, on_time_card
        assert page.locator("#figure-overdue-decisions").inner_text() == "০"
        screenshot(page, "followup-done-office-dashboard")

        # ... and so does the division's, beside its other offices.
        page.context.clear_cookies()
        log_in(page, "nasrin", "pass-1234")
        page.wait_for_url(page.base_url + "/")
        page.goto(page.base_url + reverse("followup:dashboard_subordinates", args=[world.superior.pk]))
        row = page.locator("#subordinates tbody tr", has_text=world.office.name)
        assert row.locator("[data-col=on_time]").inner_text() == "১০০% (১/১)"
        assert row.locator("[data-col=overdue_decisions]").inner_text() == "০"
        screenshot(page, "followup-done-subordinates-dashboard")
