"""E-mail alerts: double opt-in, one-click unsubscribe, each new minutes told once, rate limits."""

import datetime
import re

import pytest
import time_machine
from django.core import mail, signing
from django.test import Client, TestCase

from tests.factories import OfficeFactory
from tests.minutes.test_delivery import smtp, wait_for  # noqa: F401 - the SMTP server fixture
from tests.website.following_world import minutes_in, publish, published_in, withdraw
from tests.worker import running_worker
from website.alerts import services
from website.alerts.models import Alert, AlertItem, Subscription
from website.alerts.tokens import UNSUBSCRIBE_SALT, unsubscribe_token

pytestmark = pytest.mark.usefixtures("celery_eager")


@pytest.fixture
def ministry(db):
    return OfficeFactory(name="সুরক্ষা সেবা বিভাগ", slug="ssd")


def link_in(message, kind: str) -> str:
    (path,) = re.findall(rf"https?://[^/\s]+(/public/feeds/alerts/{kind}/[^/\s]+/)", message.body)
    return path


def subscribe(client, email="reader@example.com", **params) -> mail.EmailMessage:
    with TestCase.captureOnCommitCallbacks(execute=True):  # the e-mail is queued after the commit
        response = client.post("/public/feeds/alerts/", {"email": email, **params})
    assert response.status_code == 200, response.content.decode()[:2000]
    assert email in response.content.decode()  # "we have sent a link to …"
    return mail.outbox[-1]


def confirmed(client, **params) -> Subscription:
    confirmation = subscribe(client, **params)
    assert client.post(link_in(confirmation, "confirm")).status_code == 200
    return Subscription.objects.get()


def test_subscribing_stores_nothing_and_mails_a_link_that_a_get_does_not_confirm(client, ministry):
    page = client.get("/public/feeds/alerts/?office=ssd&sub=1&q=ই-নথি")
    assert page.status_code == 200
    assert "সুরক্ষা সেবা বিভাগ ও এর অধীন দপ্তরসমূহ · “ই-নথি”" in page.content.decode()

    message = subscribe(client, office="ssd", sub="1", q="ই-নথি")

    assert Subscription.objects.count() == 0
    assert message.to == ["reader@example.com"]
    assert "নিশ্চিত" in message.subject
    assert "সুরক্ষা সেবা বিভাগ ও এর অধীন দপ্তরসমূহ · “ই-নথি”" in message.body
    confirm = link_in(message, "confirm")
    assert "Confirm" not in client.get(confirm).content.decode()  # in Bangla
    assert Subscription.objects.count() == 0  # opening the link only shows the button

    response = client.post(confirm)

    assert response.status_code == 200
    subscription = Subscription.objects.get()
    assert (subscription.email, subscription.office, subscription.subordinates, subscription.query) == (
        "reader@example.com",
        ministry,
        True,
        "ই-নথি",
    )
    assert subscription.language == "bn"
    client.post(confirm)  # confirming again changes nothing
    assert Subscription.objects.count() == 1


def test_a_confirmation_link_expires_and_cannot_be_altered(client, ministry):
    confirm = link_in(subscribe(client, office="ssd"), "confirm")
    token = confirm.split("/")[-2]
    altered = confirm.replace(token, token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb"))
    assert client.post(altered).status_code == 400
    assert client.post("/public/feeds/alerts/confirm/" + "x" * 5000 + "/").status_code == 400
    with time_machine.travel(datetime.datetime.now() + datetime.timedelta(days=4)):
        response = client.post(confirm)
    assert response.status_code == 400
    assert "মেয়াদ" in response.content.decode()
    assert Subscription.objects.count() == 0


def test_a_bad_address_or_criteria_keeps_the_form_and_sends_nothing(client, ministry):
    response = client.post("/public/feeds/alerts/", {"email": "not an address", "office": "ssd"})
    assert response.status_code == 400
    assert 'value="ssd"' in response.content.decode()  # the criteria are kept
    assert client.post("/public/feeds/alerts/", {"email": "a@example.com", "fy": "soon"}).status_code == 400
    assert (
        client.post("/public/feeds/alerts/", {"email": "a@example.com\nBcc: x@example.com"}).status_code
        == 400
    )
    assert mail.outbox == []


def test_requests_are_limited_per_address_and_per_e_mail(client, ministry):
    for _ in range(3):
        subscribe(client, email="same@example.com")
    response = client.post("/public/feeds/alerts/", {"email": "same@example.com"})
    assert response.status_code == 429
    for number in range(6):
        subscribe(client, email=f"other{number}@example.com")
    assert client.post("/public/feeds/alerts/", {"email": "eleventh@example.com"}).status_code == 429
    assert len(mail.outbox) == 9
    other = Client(REMOTE_ADDR="10.0.0.9")
    assert other.post("/public/feeds/alerts/", {"email": "fresh@example.com"}).status_code == 200


def test_new_matching_minutes_are_told_once_with_a_one_click_unsubscribe(
    client, ministry, django_capture_on_commit_callbacks
):
    steps = django_capture_on_commit_callbacks
    published_in(steps, ministry, title="আগের ই-নথি সভা")  # published before the subscription: not news
    subscription = confirmed(client, office="ssd", q="ই-নথি")
    mail.outbox.clear()
    wanted = published_in(steps, ministry, title="ই-নথি বিষয়ক সভা")
    # Matched as the search matches: words of the title, the agenda and the decisions.
    published_in(steps, ministry, title="অন্য বিষয়ের সভা", item="ওয়েবসাইট", decisions=("<p>ওয়েবসাইট হালনাগাদ।</p>",))
    published_in(steps, OfficeFactory(), title="ই-নথি, অন্য দপ্তর")

    with steps(execute=True):
        services.alerts_collect()

    (message,) = mail.outbox
    assert message.to == ["reader@example.com"]
    assert "নতুন" in message.subject and "১" in message.subject
    assert wanted.title in message.body and "অন্য" not in message.body and "আগের" not in message.body
    assert f"/public/ssd/2023-24/{wanted.memo_number}/" in message.body
    unsubscribe = link_in(message, "unsubscribe")
    assert message.extra_headers["List-Unsubscribe"] == f"<http://127.0.0.1:8000{unsubscribe}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # Again, and again after a withdrawal and a new publication: never told twice.
    with steps(execute=True):
        services.alerts_collect()
    withdraw(steps, wanted)
    publish(steps, wanted)
    with steps(execute=True):
        services.alerts_collect()
    assert len(mail.outbox) == 1
    assert AlertItem.objects.filter(subscription=subscription).count() == 1

    # Opening the link does not unsubscribe; the mail program's one-click POST (no CSRF token) does.
    assert client.get(unsubscribe).status_code == 200
    assert Subscription.objects.exists()
    mail_program = Client(enforce_csrf_checks=True)
    response = mail_program.post(
        unsubscribe, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert not Subscription.objects.exists()
    assert client.post(unsubscribe).status_code == 200  # twice: still fine
    assert client.get(unsubscribe).status_code == 200


def test_minutes_withdrawn_before_the_e_mail_leaves_are_left_out(
    client, ministry, django_capture_on_commit_callbacks
):
    steps = django_capture_on_commit_callbacks
    confirmed(client, office="ssd")
    mail.outbox.clear()
    kept = published_in(steps, ministry, title="থাকবে")
    gone = published_in(steps, ministry, title="প্রত্যাহার হবে")
    services.alerts_collect()  # recorded; the e-mail's task not run yet
    withdraw(steps, gone)

    (alert,) = Alert.objects.all()
    assert services.alert_claim(alert.pk) and not services.alert_claim(alert.pk)
    services.alert_send(alert.pk)

    (message,) = mail.outbox
    assert kept.title in message.body and gone.title not in message.body
    assert not services.alert_claim(alert.pk)  # sent: never again


def test_an_alert_in_english_for_a_reader_who_chose_english(
    client, ministry, django_capture_on_commit_callbacks
):
    client.cookies["django_language"] = "en"
    confirmed(client, office="ssd")
    published_in(django_capture_on_commit_callbacks, ministry, title="সভা")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.alerts_collect()
    (message,) = mail.outbox
    assert "new minutes" in message.subject and "58.00" in message.body


def test_unsubscribe_links_of_another_reader_or_altered_ones_do_nothing(client, ministry):
    first = confirmed(client, office="ssd", email="one@example.com")
    now = datetime.datetime.now(datetime.UTC)
    other = Subscription.objects.create(
        email="two@example.com", criteria_key="x", confirmed_at=now, checked_until=now
    )
    token = unsubscribe_token(other)

    altered = token[:-2] + ("xx" if not token.endswith("xx") else "yy")
    assert client.post(f"/public/feeds/alerts/unsubscribe/{altered}/").status_code == 400
    assert client.post("/public/feeds/alerts/unsubscribe/garbage/").status_code == 400
    # A link names a subscription and its address: one that does not match both cancels nothing.
    mismatched = signing.dumps({"s": other.pk, "e": first.email}, salt=UNSUBSCRIBE_SALT)
    assert client.post(f"/public/feeds/alerts/unsubscribe/{mismatched}/").status_code == 200
    assert Subscription.objects.count() == 2
    # A confirmation link is no unsubscribe link (each has its own salt).
    assert client.post(f"/public/feeds/alerts/unsubscribe/{other.pk}/").status_code == 400
    assert client.post(f"/public/feeds/alerts/unsubscribe/{token}/").status_code == 200
    assert list(Subscription.objects.all()) == [first]


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_the_worker_sends_the_confirmation_and_then_each_alert_once(client, smtp, settings):  # noqa: F811
    office = OfficeFactory(name="কারা অধিদপ্তর", slug="prisons")
    with running_worker(EMAIL_URL=smtp.url):
        client.post("/public/feeds/alerts/", {"email": "reader@example.com", "office": "prisons"})
        assert wait_for(lambda: smtp.to("reader@example.com"))
        (confirmation,) = smtp.to("reader@example.com")
        body = confirmation.get_body(("plain",)).get_content()
        (confirm,) = re.findall(r"https?://[^/\s]+(/public/feeds/alerts/confirm/[^/\s]+/)", body)
        client.post(confirm)
        assert Subscription.objects.count() == 1

        from minutes.workflow import services as workflow
        from tests.website.following_world import issuer_of
        from website.tasks import alerts_collect_task

        meeting = minutes_in(office, title="কারা অধিদপ্তরের সভা")
        workflow.minutes_publish(meeting=meeting, by=issuer_of(office))
        alerts_collect_task.delay()
        alerts_collect_task.delay()
        assert wait_for(lambda: len(smtp.to("reader@example.com")) == 2)
        assert wait_for(lambda: Alert.objects.filter(sent_at__isnull=False).exists())
    _, alert = smtp.to("reader@example.com")
    assert "কারা অধিদপ্তরের সভা" in alert.get_body(("plain",)).get_content()
    assert alert["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert len(smtp.to("reader@example.com")) == 2
