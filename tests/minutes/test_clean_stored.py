"""The migration that cleans what was stored before the sanitiser was fixed (0004_clean_stored_rich_text)."""

import importlib
from html.parser import HTMLParser

import pytest
from django.apps import apps

from minutes.content.richtext import sanitize_rich_text
from minutes.document.render import render_html
from minutes.models import AgendaItem, IssuedDocument, Meeting
from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


class Tags(HTMLParser):
    """Every (tag, attribute) in some HTML, to see what a browser would make of it."""

    def __init__(self, html):
        super().__init__()
        self.found = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.found += [(tag, name) for name, _value in attrs] or [(tag, None)]

    def runnable(self):
        return [
            (t, a) for t, a in self.found if t in ("script", "img", "input") or (a or "").startswith("on")
        ]


migration = importlib.import_module("minutes.migrations.0005_clean_stored_rich_text")

# What the old sanitiser (NFC after nh3) let through once ">" + U+0338 had become "≯" and reopened a tag.
STORED_ATTACK = "<p>x≯</p><input autofocus onfocus=alert(1)><img src=x onerror=alert(2)>"


def test_stored_discussions_and_issued_documents_are_cleaned_and_clean_ones_left_alone():
    meeting = MeetingFactory(state=Meeting.State.ISSUED, memo_number="58.1.1")
    attacked = meeting.agenda_items.create(order=0, title="ক", discussion=STORED_ATTACK)
    clean = meeting.agenda_items.create(
        order=1, title="খ", discussion=sanitize_rich_text("<p>ঠিক <b>আছে</b></p>")
    )
    good_html = render_html(meeting)
    bad_html = good_html.replace(
        "</article>", '<p onmouseover="alert(3)">x</p><script>alert(4)</script></article>'
    )
    document = IssuedDocument.objects.create(
        meeting=meeting, html=bad_html, html_sha256="0", pdf=b"%PDF", pdf_sha256="1"
    )
    other = MeetingFactory(state=Meeting.State.ISSUED, memo_number="58.1.2")
    untouched = IssuedDocument.objects.create(
        meeting=other, html=good_html, html_sha256="0", pdf=b"%PDF", pdf_sha256="1"
    )

    migration.clean(apps, None)

    cleaned = AgendaItem.objects.get(pk=attacked.pk).discussion
    assert Tags(STORED_ATTACK).runnable() == [
        ("input", "autofocus"), ("input", "onfocus"), ("img", "src"), ("img", "onerror")
    ]  # fmt: skip
    assert Tags(cleaned).runnable() == []  # the handlers are gone; what is left is plain text
    assert AgendaItem.objects.get(pk=clean.pk).discussion == clean.discussion
    stored = IssuedDocument.objects.get(pk=document.pk).html
    assert Tags(stored).runnable() == [] and "<p>x</p>" in stored
    assert stored.startswith(good_html.split("<body")[0])  # the head is kept as it was
    assert IssuedDocument.objects.get(pk=untouched.pk).html == good_html  # clean documents never change


def test_documents_of_the_first_template_are_left_as_issued():
    """The first document template wrapped the body in <main>: nothing there can run, so it stays."""
    meeting = MeetingFactory(state=Meeting.State.ISSUED, memo_number="58.1.3")
    old = (
        '<!doctype html><html lang="bn"><head><title>সভা</title></head><body><main class="page">'
        '<h1>সভা</h1><p class="memo">স্মারক নম্বর: ৫৮.১.৩</p><a href="https://sobha.gov.bd/x">যাচাই</a>'
        "</main></body></html>"
    )
    document = IssuedDocument.objects.create(
        meeting=meeting, html=old, html_sha256="0", pdf=b"%PDF", pdf_sha256="1"
    )
    migration.clean(apps, None)
    assert IssuedDocument.objects.get(pk=document.pk).html == old
