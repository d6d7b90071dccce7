"""The migration that cleans what was stored before the sanitiser was fixed (0004_clean_stored_rich_text)."""

import importlib
from html.parser import HTMLParser
from types import SimpleNamespace

import pytest
from django.apps import apps

from minutes.content.richtext import sanitize_rich_text
from minutes.document.render import render_html
from minutes.models import AgendaItem, Meeting
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


class OldApps:
    """The models as this migration saw them: issued documents kept their HTML in their rows then
    (minutes 0011-0013 moved it into files), so those rows are played by a dict {pk: html}."""

    def __init__(self, documents: dict[int, str]):
        self.documents = documents

    def get_model(self, app_label, name):
        if name != "IssuedDocument":
            return apps.get_model(app_label, name)
        documents = self.documents

        class Rows:
            def only(self, *fields):
                return self

            def iterator(self):
                return [SimpleNamespace(pk=pk, id=pk, html=html) for pk, html in list(documents.items())]

            def filter(self, pk):
                return SimpleNamespace(update=lambda html: documents.__setitem__(pk, html))

        return SimpleNamespace(objects=Rows())


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
    documents = {1: bad_html, 2: good_html}

    migration.clean(OldApps(documents), None)

    cleaned = AgendaItem.objects.get(pk=attacked.pk).discussion
    assert Tags(STORED_ATTACK).runnable() == [
        ("input", "autofocus"), ("input", "onfocus"), ("img", "src"), ("img", "onerror")
    ]  # fmt: skip
    assert Tags(cleaned).runnable() == []  # the handlers are gone; what is left is plain text
    assert AgendaItem.objects.get(pk=clean.pk).discussion == clean.discussion
    stored = documents[1]
    assert Tags(stored).runnable() == [] and "<p>x</p>" in stored
    assert stored.startswith(good_html.split("<body")[0])  # the head is kept as it was
    assert documents[2] == good_html  # clean documents never change


def test_documents_of_the_first_template_are_left_as_issued():
    """The first document template wrapped the body in <main>: nothing there can run, so it stays."""
    MeetingFactory(state=Meeting.State.ISSUED, memo_number="58.1.3")
    old = (
        '<!doctype html><html lang="bn"><head><title>সভা</title></head><body><main class="page">'
        '<h1>সভা</h1><p class="memo">স্মারক নম্বর: ৫৮.১.৩</p><a href="https://sobha.gov.bd/x">যাচাই</a>'
        "</main></body></html>"
    )
    documents = {1: old}
    migration.clean(OldApps(documents), None)
    assert documents[1] == old
