"""Distribution by e-mail: a real worker on Redis hands the issued minutes to a local SMTP server."""

import datetime
import email
import email.policy
import socket
import threading
import time

import pytest
import time_machine
from aiosmtpd.controller import Controller
from django.urls import reverse
from django.utils import timezone

from minutes.delivery.services import (
    deliveries_record,
    deliveries_recover_stale,
    delivery_claim,
    delivery_send,
)
from minutes.document.selectors import issued_pdf
from minutes.document.store import store_issued_document
from minutes.models import Delivery, Meeting
from minutes.workflow import services as workflow
from offices.models import OfficeRole
from tests.factories import GovernmentFileFactory, MeetingFactory, OfficialFactory, user_with_role
from tests.minutes.test_document import pdftotext
from tests.worker import running_worker

R = OfficeRole.Role


class Inbox:
    """An SMTP server's handler that keeps what it receives; it can refuse or stall on purpose."""

    def __init__(self):
        self.messages = []
        self.refuse = set()
        self.stall_seconds = 0
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.stall_seconds:
            time.sleep(self.stall_seconds)
        with self.lock:
            message = email.message_from_bytes(envelope.content, policy=email.policy.default)
            self.messages.append((envelope.rcpt_tos, message))
        return "250 Message accepted"

    def to(self, address):
        return [m for rcpt, m in self.messages if address in rcpt]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serving(inbox, settings):
    """Run a local SMTP server with this handler, and point the test's mail settings at it."""
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", controller.port, 3
    inbox.url = f"smtp://127.0.0.1:{controller.port}"
    yield inbox
    controller.stop()


@pytest.fixture
def smtp(settings):
    yield from serving(Inbox(), settings)


def issued_meeting(office, recipients) -> Meeting:
    drafter = user_with_role(office, R.DRAFTER)
    meeting = MeetingFactory(office=office, created_by=drafter, state=Meeting.State.APPROVED)
    meeting.agenda_items.create(order=0, title="বিবিধ").decisions.create(order=0, text="প্রমাণক সংরক্ষণ করবে।")
    for i, address in enumerate(recipients):
        meeting.recipients.create(order=i, designation=f"উপসচিব {i}", office_name=office.name, email=address)
    return meeting


def wait_for(condition, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.3)
    return False


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_issuing_mails_every_recipient_once_with_the_pdf_and_lists_the_rest_for_print(client, smtp, office_a):
    addresses = [f"officer{i}@example.gov.bd" for i in range(3)]
    meeting = issued_meeting(office_a, [*addresses, ""])
    issuer = user_with_role(office_a, R.ISSUER)
    issuer.official = OfficialFactory(office=office_a, name="জনাব মো: মনিরুজ্জামান", designation="উপসচিব")
    issuer.save()
    nothi = GovernmentFileFactory(office=office_a, number="58.00.0000.018.31.006.17", last_serial=25)
    office_a.publish_on_issue = True  # so the e-mail's link to the website leads somewhere
    office_a.save()
    with running_worker(EMAIL_URL=smtp.url, SOBHA_DELIVERY_RETRY_SECONDS="1"):
        workflow.minutes_issue(meeting=meeting, government_file=nothi, by=issuer)
        assert wait_for(lambda: Delivery.objects.filter(status=Delivery.Status.SENT).count() == 3)
    stored_pdf = issued_pdf(meeting)[0]
    assert "৫৮.০০.০০০০.০১৮.৩১.০০৬.১৭.২৬" in pdftotext(stored_pdf)  # rendered by the worker, after issue
    for address in addresses:
        (message,) = smtp.to(address)
        assert "৫৮.০০.০০০০.০১৮.৩১.০০৬.১৭.২৬" in message["Subject"]
        body = message.get_body(("plain",)).get_content()
        assert "জারি করা হয়েছে" in body and f"/public/minutes/{meeting.pk}/" in body
        (attachment,) = message.iter_attachments()
        assert attachment.get_content_type() == "application/pdf"
        assert attachment.get_content() == stored_pdf  # the issued document exactly as stored
    client.force_login(issuer)
    page = client.get(reverse("minutes:detail", args=[meeting.pk])).content.decode()
    assert page.count("পাঠানো হয়েছে") >= 3
    assert "ই-মেইল নেই: এঁদের ছাপা কপি পাঠান" in page and "উপসচিব 3" in page


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_refusing_smtp_server_is_retried_with_back_off_and_nothing_is_sent_twice(smtp, office_a):
    meeting = issued_meeting(office_a, ["ok@example.gov.bd", "busy@example.gov.bd"])
    nothi = GovernmentFileFactory(office=office_a)
    smtp.refuse.add("busy@example.gov.bd")
    with running_worker(EMAIL_URL=smtp.url, SOBHA_DELIVERY_RETRY_SECONDS="1"):
        workflow.minutes_issue(meeting=meeting, government_file=nothi, by=user_with_role(office_a, R.ISSUER))
        busy = lambda: Delivery.objects.filter(email="busy@example.gov.bd").first() or Delivery()  # noqa: E731
        assert wait_for(lambda: busy().status == Delivery.Status.FAILED and busy().attempts >= 2)
        assert "550" in busy().last_error
        smtp.refuse.clear()  # the server takes mail again: the next retry goes through
        assert wait_for(lambda: busy().status == Delivery.Status.SENT)
    assert len(smtp.to("ok@example.gov.bd")) == 1
    assert len(smtp.to("busy@example.gov.bd")) == 1


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_task_queued_twice_sends_once(smtp, office_a):
    from minutes.tasks import delivery_send_task

    meeting = issued_meeting(office_a, ["twice@example.gov.bd"])
    Meeting.objects.filter(pk=meeting.pk).update(state=Meeting.State.ISSUED, memo_number="58.1.1")
    store_issued_document(Meeting.objects.get(pk=meeting.pk))
    (delivery_id,) = deliveries_record(meeting=meeting)
    with running_worker(EMAIL_URL=smtp.url):
        delivery_send_task.delay(delivery_id)
        delivery_send_task.delay(delivery_id)
        assert wait_for(lambda: Delivery.objects.get(pk=delivery_id).status == Delivery.Status.SENT)
        time.sleep(2)  # give the second task its chance to (wrongly) send
    assert len(smtp.to("twice@example.gov.bd")) == 1
    assert Delivery.objects.get(pk=delivery_id).attempts == 1


def test_a_timeout_is_recorded_as_a_failure_with_its_reason(smtp, office_a):
    meeting = issued_meeting(office_a, ["slow@example.gov.bd"])
    Meeting.objects.filter(pk=meeting.pk).update(state=Meeting.State.ISSUED, memo_number="58.1.2")
    store_issued_document(Meeting.objects.get(pk=meeting.pk))
    (delivery_id,) = deliveries_record(meeting=meeting)
    smtp.stall_seconds = 5  # longer than EMAIL_TIMEOUT
    assert delivery_claim(delivery_id)
    with pytest.raises(Exception, match="timed out"):
        delivery_send(delivery_id)
    delivery = Delivery.objects.get(pk=delivery_id)
    assert delivery.status == Delivery.Status.FAILED and "timed out" in delivery.last_error


def test_a_send_interrupted_by_a_dead_worker_is_recovered_and_sent_once(smtp, office_a):
    meeting = issued_meeting(office_a, ["interrupted@example.gov.bd"])
    Meeting.objects.filter(pk=meeting.pk).update(state=Meeting.State.ISSUED, memo_number="58.1.3")
    store_issued_document(Meeting.objects.get(pk=meeting.pk))
    (delivery_id,) = deliveries_record(meeting=meeting)
    assert delivery_claim(delivery_id)  # the worker claimed it, then was killed before sending
    assert not delivery_claim(delivery_id)  # nobody else may take it meanwhile
    assert deliveries_recover_stale() == []  # not stale yet
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=11)):
        assert deliveries_recover_stale() == [delivery_id]
    assert delivery_claim(delivery_id)
    delivery_send(delivery_id)
    assert len(smtp.to("interrupted@example.gov.bd")) == 1
    assert Delivery.objects.get(pk=delivery_id).status == Delivery.Status.SENT


def test_only_the_issuing_officer_resends(client, smtp, office_a):
    meeting = issued_meeting(office_a, ["again@example.gov.bd"])
    (delivery_id,) = deliveries_record(meeting=meeting)
    Delivery.objects.filter(pk=delivery_id).update(status=Delivery.Status.FAILED, attempts=6)
    url = reverse("minutes:delivery_retry", args=[delivery_id])
    client.force_login(user_with_role(office_a, R.APPROVER))
    assert client.post(url).status_code == 403
    client.force_login(user_with_role(office_a, R.ISSUER))
    assert client.post(url).status_code == 302
    delivery = Delivery.objects.get(pk=delivery_id)
    assert (delivery.status, delivery.attempts) == (Delivery.Status.QUEUED, 0)
