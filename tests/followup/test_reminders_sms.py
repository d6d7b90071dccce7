"""SMS by configuration: the HTTP gateway adapter against a local fake gateway (http.server in a
thread): JSON and form bodies as Bangladesh's gateways take them, Bangla text in Unicode, time-outs
and non-2xx answers retried, the API key never logged nor shown; and the channels chosen by settings."""

import json
import logging
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.checks import run_checks

from followup.models import DigestDelivery, ReminderPreference
from followup.reminders.channels import ChannelError, enabled_channels, get_channel
from followup.reminders.channels.base import Message
from followup.reminders.channels.sms import HttpSmsChannel
from followup.reminders.tasks import followup_sweep

API_KEY = "sk-live-4f9c2b7e-secret"
MESSAGE = Message(
    subject="সভা অনুস্মারক",
    text="",
    html="",
    short_text="সভা অনুস্মারক ৩ মার্চ ২০২৬: সময়সীমা পেরিয়ে গেছে ২, আজ শেষ দিন ১। http://127.0.0.1:8000/",
    message_id="<x@y>",
)


class Gateway:
    """A fake SMS gateway: keeps each request; answers with the next of `answers` (200 when none),
    after `delay` seconds."""

    def __init__(self):
        self.requests, self.answers, self.delay = [], [], 0.0
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                gateway.requests.append((self.path, self.headers["Content-Type"], body))
                time.sleep(gateway.delay)
                status = gateway.answers.pop(0) if gateway.answers else 200
                payload = b'{"status": "SUCCESS"}' if status == 200 else b'{"status": "FAILED"}'
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.handle_error = lambda request, address: None  # a client that gave up: expected here
        self.url = f"http://127.0.0.1:{self.server.server_port}/api/v3/send-sms"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def gateway(settings):
    fake = Gateway()
    settings.SOBHA_SMS = {
        "URL": fake.url,
        "API_KEY": API_KEY,
        "SENDER_ID": "8809617000000",
        "FORMAT": "json",
        "TIMEOUT": 1.0,
        "FIELDS": {},
        "EXTRA": {"type": "unicode"},
    }
    yield fake
    fake.close()


def test_it_posts_json_with_the_key_the_sender_the_number_and_the_bangla_text(gateway):
    HttpSmsChannel().send(MESSAGE, address="01711000001", reference="SOBHA17")
    ((path, content_type, body),) = gateway.requests
    assert path == "/api/v3/send-sms" and content_type.startswith("application/json")
    assert json.loads(body.decode("utf-8")) == {
        "api_token": API_KEY,
        "sid": "8809617000000",
        "msisdn": "01711000001",
        "sms": MESSAGE.short_text,
        "csms_id": "SOBHA17",  # the gateway refuses a second message with the same id
        "type": "unicode",
    }


def test_a_form_gateway_gets_its_own_field_names_in_utf_8(gateway, settings):
    settings.SOBHA_SMS = {
        **settings.SOBHA_SMS,
        "FORMAT": "form",
        "FIELDS": {
            "api_key": "api_key",
            "sender": "senderid",
            "to": "number",
            "text": "message",
            "reference": "",
        },
    }
    HttpSmsChannel().send(MESSAGE, address="01711000001", reference="SOBHA17")
    ((_path, content_type, body),) = gateway.requests
    assert content_type.startswith("application/x-www-form-urlencoded")
    assert dict(urllib.parse.parse_qsl(body.decode())) == {
        "api_key": API_KEY,
        "senderid": "8809617000000",
        "number": "01711000001",
        "message": MESSAGE.short_text,
        "type": "unicode",
    }


@pytest.mark.parametrize("status", [500, 503, 401, 429])
def test_an_answer_other_than_2xx_is_an_error_to_retry_that_never_shows_the_key(gateway, status, caplog):
    gateway.answers = [status]
    with caplog.at_level(logging.DEBUG), pytest.raises(ChannelError) as raised:
        HttpSmsChannel().send(MESSAGE, address="01711000001", reference="SOBHA1")
    assert str(raised.value) == f"the SMS gateway 127.0.0.1 answered {status}"
    assert API_KEY not in caplog.text


def test_a_gateway_that_does_not_answer_in_time_is_an_error_to_retry(gateway):
    gateway.delay = 2.0  # the timeout is 1 second
    started = time.monotonic()
    with pytest.raises(ChannelError, match="not reached: .*timed out"):
        HttpSmsChannel().send(MESSAGE, address="01711000001", reference="SOBHA1")
    assert time.monotonic() - started < 1.9


def test_an_unreachable_gateway_is_an_error_to_retry_without_the_key(settings):
    settings.SOBHA_SMS = {"URL": "http://127.0.0.1:9/send", "API_KEY": API_KEY, "TIMEOUT": 1.0}
    with pytest.raises(ChannelError, match="was not reached") as raised:
        HttpSmsChannel().send(MESSAGE, address="01711000001", reference="SOBHA1")
    assert API_KEY not in str(raised.value)


def test_the_channels_are_chosen_by_settings_and_an_unknown_one_is_reported(settings, db):
    # (db: on PostgreSQL the checks also read the database's character type, minutes/checks.py)
    settings.SOBHA_REMINDER_CHANNELS = ["email", "log"]
    assert [c.name for c in enabled_channels()] == ["email", "log"]
    settings.SOBHA_REMINDER_CHANNELS = ["email", "fax"]
    assert [e.id for e in run_checks() if e.id.startswith("followup")] == ["followup.E001"]
    settings.SOBHA_REMINDER_CHANNEL_CLASSES = {"fax": "followup.reminders.channels.log.LogChannel"}
    assert get_channel("fax").name == "log"
    assert [e.id for e in run_checks() if e.id.startswith("followup")] == []


@pytest.mark.usefixtures("celery_eager", "reminders_clock")
def test_with_sms_switched_on_each_official_with_a_mobile_gets_one_sms_retried_after_a_failure(
    reminders_world, gateway, settings, mailoutbox
):
    settings.SOBHA_REMINDER_CHANNELS = ["email", "sms"]
    gateway.answers = [503]  # the first try fails; the retry goes through
    followup_sweep()
    sms = [json.loads(body) for _path, _type, body in gateway.requests]
    assert [s["msisdn"] for s in sms] == ["01711000001", "01711000001"]  # rahim only has a mobile
    text = sms[-1]["sms"]
    assert text.startswith("সভা অনুস্মারক ৩ মার্চ ২০২৬: সময়সীমা পেরিয়ে গেছে ২, আজ শেষ দিন ১, শেষ দিন শিগগির ২। ")
    delivery = DigestDelivery.objects.get(channel="sms", address="01711000001")
    assert (delivery.status, delivery.attempts, delivery.address) == (
        DigestDelivery.Status.SENT,
        2,
        "01711000001",
    )
    # The officials without a mobile number are listed, not sent to; each still gets the e-mail.
    skipped = DigestDelivery.objects.filter(channel="sms", status=DigestDelivery.Status.SKIPPED)
    assert skipped.count() == 2
    assert len(mailoutbox) == 3


@pytest.mark.usefixtures("celery_eager", "reminders_clock")
def test_an_official_who_wants_no_sms_gets_the_e_mail_only(reminders_world, gateway, settings, mailoutbox):
    settings.SOBHA_REMINDER_CHANNELS = ["email", "sms"]
    ReminderPreference.objects.create(official=reminders_world.rahim, by_sms=False)
    followup_sweep()
    assert gateway.requests == []
    assert "rahim@dnc.gov.bd" in {m.to[0] for m in mailoutbox}
