"""Digests handed to a real SMTP server (aiosmtpd) by a real Celery worker on Redis, counted at the
server: re-runs, two sweeps at once, a worker killed mid-batch, a broker that lost its queue and a
refusing server neither repeat a digest nor lose one. The sweep runs in the test's process (with a
frozen clock where the dates matter), the sends in the worker."""

import asyncio
import re
import signal
import threading
import time

import pytest
import redis
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from bangla.dates import format_dual_date
from followup.models import DigestDelivery
from followup.reminders.tasks import followup_sweep
from offices.models import OfficeRole
from tests.factories import OfficialFactory, user_with_role
from tests.followup.reminder_world import DAY, DUE_IN, TODAY, make_world
from tests.minutes.test_delivery import Inbox, serving, wait_for
from tests.worker import running_worker, stop

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]
Status = DigestDelivery.Status


class StallingInbox(Inbox):
    """Also holds a recipient at RCPT (before anything is accepted) or after keeping the message
    (accepted, but the client never hears so) until `release` is set."""

    def __init__(self):
        super().__init__()
        self.hold_before, self.hold_after = set(), set()
        self.holding = threading.Event()
        self.release = threading.Event()

    async def _hold(self):
        self.holding.set()
        while not self.release.is_set():
            await asyncio.sleep(0.1)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.hold_before:
            await self._hold()
        return await super().handle_RCPT(server, session, envelope, address, rcpt_options)

    async def handle_DATA(self, server, session, envelope):
        answer = await super().handle_DATA(server, session, envelope)
        if set(envelope.rcpt_tos) & self.hold_after:
            await self._hold()
        return answer

    def counts(self) -> dict[str, int]:
        found: dict[str, int] = {}
        for recipients, _message in self.messages:
            for address in recipients:
                found[address] = found.get(address, 0) + 1
        return found


@pytest.fixture
def smtp(settings):
    for inbox in serving(StallingInbox(), settings):
        yield inbox
        inbox.release.set()  # a handler still holding lets the server stop


def sent() -> int:
    return DigestDelivery.objects.filter(status=Status.SENT).count()


def officials_with_items(count: int, today):
    """A world and `count` officials, each responsible for an item due today and one 3 days overdue."""
    world = make_world(today)
    officials = [OfficialFactory(office=world.office, email=f"officer{i}@dnc.gov.bd") for i in range(count)]
    for i, official in enumerate(officials):
        for days in (0, -3):
            world.add_decision(f"{i}:{days}", today + days * DAY, post=None, official=official)
    return world, officials


def test_each_official_gets_one_digest_in_bangla_with_both_calendars_html_and_links(smtp, reminders_clock):
    world = make_world()
    for label, days in DUE_IN.items():
        world.add_decision(label, TODAY + days * DAY)
    with running_worker(EMAIL_URL=smtp.url):
        followup_sweep()
        assert wait_for(lambda: sent() == 3)
        time.sleep(1)
    assert smtp.counts() == {"rahim@dnc.gov.bd": 1, "dg@dnc.gov.bd": 1, "ds@ssd.gov.bd": 1}
    (message,) = smtp.to("rahim@dnc.gov.bd")
    subject = message["Subject"].strip()  # the header is folded from its first line on
    assert subject == f"সভা অনুস্মারক, {format_dual_date(TODAY)}: ৫টি কাজ"
    assert subject == "সভা অনুস্মারক, ১৮ ফাল্গুন ১৪৩২ / ৩ মার্চ ২০২৬: ৫টি কাজ"
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    for expected in (
        "প্রিয় মোঃ রহিম উদ্দিন,",
        "== সময়সীমা পেরিয়ে গেছে (২) ==",
        "== আজ শেষ দিন (১) ==",
        "== শেষ দিন শিগগির (২) ==",
        "৩০ দিন পেরিয়ে গেছে",
        "৩ দিন পেরিয়ে গেছে",
        "আজ শেষ দিন",
        "আর ৭ দিন বাকি",
        "আর ১ দিন বাকি",
        f"শেষ তারিখ: {format_dual_date(TODAY + 7 * DAY)}",  # both calendars, Bangla first
        "ইনোভেশন টিমের ২০২৫-২৬ অর্থবছরের ৮ম সভার কার্যবিবরণী (স্মারক নম্বর ৫৮.০০.০০০০.০১৮.৩১.০০৬.১৭.২৬)",
        "in 7 days: ই-নথির ব্যবহার শতভাগে উন্নীত করবে।",
        "অগ্রগতি জানান: http://",
    ):
        assert expected in text, expected
    assert '<html lang="bn">' in html and "আর ৭ দিন বাকি" in html and "অগ্রগতি জানান</a>" in html
    due_lines = [line for line in text.splitlines() if "শেষ তারিখ:" in line]
    assert len(due_lines) == 5 and not re.search(r"[0-9]", "".join(due_lines) + subject)  # Bangla digits only
    assert re.fullmatch(r"<reminders\.\d+\.20260303@[\w.-]+>", message["Message-ID"])
    (escalation,) = smtp.to("dg@dnc.gov.bd")
    body = escalation.get_body(("plain",)).get_content()
    assert (
        "== দীর্ঘদিন অনিষ্পন্ন (আপনার অবগতির জন্য) (১) ==" in body
        and "দায়িত্বপ্রাপ্ত: মোঃ রহিম উদ্দিন, সিস্টেম এনালিস্ট" in body
    )


def test_running_the_sweep_again_and_two_sweeps_at_once_send_each_digest_once(smtp, settings):
    settings.SOBHA_REMINDER_DIGEST_HOUR = 0
    _world, officials = officials_with_items(8, timezone.localdate())
    start = threading.Barrier(2)

    def sweep():
        start.wait()
        try:
            followup_sweep()
        finally:
            connection.close()

    with running_worker(EMAIL_URL=smtp.url):
        threads = [threading.Thread(target=sweep) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        followup_sweep()
        followup_sweep()
        assert wait_for(lambda: sent() == 8)
        time.sleep(2)  # time for a wrong second copy to arrive
    assert smtp.counts() == {official.email: 1 for official in officials}


def test_a_worker_killed_mid_batch_neither_repeats_nor_loses_a_digest(smtp, settings):
    settings.SOBHA_REMINDER_DIGEST_HOUR = 0
    _world, officials = officials_with_items(5, timezone.localdate())
    smtp.hold_before.add(officials[2].email)  # the server stalls on the third digest, before accepting it
    worker_env = {"EMAIL_URL": smtp.url, "SOBHA_REMINDER_SENDING_TIMEOUT": "3"}
    with running_worker(**worker_env) as worker:
        followup_sweep()
        assert smtp.holding.wait(60)
        stop(worker, signal.SIGKILL)  # killed while sending the third digest
    assert sorted(DigestDelivery.objects.values_list("status", flat=True)) == sorted(
        [Status.SENT, Status.SENT, Status.SENDING, Status.PENDING, Status.PENDING]
    )
    smtp.release.set()  # the dead worker's connection: nothing was accepted on it
    with running_worker(flush=False, **worker_env):  # the queue is as the killed worker left it
        assert wait_for(lambda: sent() == 4)
        followup_sweep()  # too early: the third send is not stale yet
        time.sleep(3.5)
        followup_sweep()  # now it is: taken up again
        assert wait_for(lambda: sent() == 5)
        time.sleep(2)
    assert smtp.counts() == {official.email: 1 for official in officials}
    interrupted = DigestDelivery.objects.get(address=officials[2].email)
    assert interrupted.attempts == 2


def test_a_worker_killed_after_the_server_accepted_sends_a_second_copy_with_the_same_message_id(
    smtp, settings
):
    """The one window exactly-once cannot close (docs/reminders.md): the SMTP server accepted the digest,
    the worker died before recording it. The copy sent again carries the same Message-ID, which lets
    the receiving side show it once."""
    settings.SOBHA_REMINDER_DIGEST_HOUR = 0
    _world, (official,) = officials_with_items(1, timezone.localdate())
    smtp.hold_after.add(official.email)
    worker_env = {"EMAIL_URL": smtp.url, "SOBHA_REMINDER_SENDING_TIMEOUT": "2"}
    with running_worker(**worker_env) as worker:
        followup_sweep()
        assert smtp.holding.wait(60)
        stop(worker, signal.SIGKILL)
    smtp.release.set()
    smtp.hold_after.clear()
    time.sleep(2.5)
    with running_worker(flush=False, **worker_env):
        followup_sweep()
        assert wait_for(lambda: sent() == 1)
    first, second = smtp.to(official.email)
    assert first["Message-ID"] == second["Message-ID"]


def test_digests_lost_with_the_brokers_queue_are_queued_again_by_the_next_sweep(smtp, settings):
    settings.SOBHA_REMINDER_DIGEST_HOUR = 0
    settings.SOBHA_REMINDER_REQUEUE_AFTER = 1
    _world, officials = officials_with_items(3, timezone.localdate())
    followup_sweep()  # queued while no worker runs
    redis.Redis.from_url(settings.CELERY_BROKER_URL).flushdb()  # the broker restarts without its queue
    with running_worker(EMAIL_URL=smtp.url):
        time.sleep(3)
        assert sent() == 0
        followup_sweep()
        assert wait_for(lambda: sent() == 3)
        time.sleep(1)
    assert smtp.counts() == {official.email: 1 for official in officials}


def test_a_refused_digest_is_retried_with_back_off_shown_failed_and_sent_again_by_the_administrator(
    smtp, settings, client
):
    settings.SOBHA_REMINDER_DIGEST_HOUR = 0
    world, (official,) = officials_with_items(1, timezone.localdate())
    smtp.refuse.add(official.email)
    worker_env = {
        "EMAIL_URL": smtp.url,
        "SOBHA_REMINDER_RETRY_SECONDS": "1",
        "SOBHA_REMINDER_MAX_ATTEMPTS": "3",
    }
    with running_worker(**worker_env):
        followup_sweep()
        delivery = lambda: DigestDelivery.objects.get(address=official.email)  # noqa: E731
        assert wait_for(lambda: delivery().attempts == 3 and delivery().status == Status.FAILED)
        assert delivery().recover_after is None  # given up: no more tries, nothing for the sweep
        assert "550" in delivery().last_error
        admin = user_with_role(world.office, OfficeRole.Role.ADMIN)
        client.force_login(admin)
        page = client.get(reverse("reminders:office_sent", args=[world.office.pk]) + "?status=failed")
        text = page.content.decode()
        assert official.name in text and "ব্যর্থ" in text and "৩ বার চেষ্টা" in text and "550" in text
        smtp.refuse.clear()
        client.post(reverse("reminders:send_again", args=[delivery().pk]))
        assert wait_for(lambda: delivery().status == Status.SENT)
    assert smtp.counts() == {official.email: 1}
