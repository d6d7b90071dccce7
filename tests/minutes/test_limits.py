"""Size and time limits: what no honest meeting reaches is refused with a message in Bangla, the
form kept and nothing saved; and no print holds a worker longer than its limit."""

import time

import pytest
from django.core.cache import cache
from django.urls import reverse

from bangla.digits import bn_number
from minutes.document import store
from minutes.document.render import RenderTimeout, html_to_pdf, render_html
from minutes.limits import MAX_DOCUMENT
from minutes.models import AgendaItem, Meeting
from tests.factories import MeetingFactory
from tests.minutes.editor_data import editor_post

pytestmark = pytest.mark.django_db

HUNDRED_THOUSAND = "ক" * 100_000  # one "word": WeasyPrint's line breaking is quadratic in its length


@pytest.fixture
def meeting(alice, office_a):
    return MeetingFactory(office=office_a, created_by=alice, date="2021-02-17")


def edit(client, meeting, **post):
    return client.post(reverse("minutes:edit", args=[meeting.pk]), editor_post(**post))


def test_a_hundred_thousand_character_word_is_refused_with_a_bangla_message(client, alice, meeting):
    client.force_login(alice)
    started = time.perf_counter()
    response = edit(
        client, meeting, items=[{"title": "শিরোনাম", "discussion": f"<p>শুরু {HUNDRED_THOUSAND}</p>"}]
    )
    assert time.perf_counter() - started < 5
    page = response.content.decode()
    assert response.status_code == 400
    assert "১,০০,০০০ অক্ষরের একটি শব্দ" in page and "শব্দ সর্বোচ্চ ৩০০ অক্ষরের হতে পারে" in page
    assert 'value="শিরোনাম"' in page  # the form is kept
    assert not AgendaItem.objects.filter(meeting=meeting).exists()


def test_too_many_rows_and_too_much_text_are_refused(client, alice, meeting):
    client.force_login(alice)
    response = edit(client, meeting, items=[{"title": "ক", "decisions": [{"text": "খ " * 6_000}]}])
    assert response.status_code == 400 and "সর্বোচ্চ ১০,০০০ অক্ষর লিখুন" in response.content.decode()
    paragraph = "অনুচ্ছেদ " * 2_500  # 22,500 characters each, under the field's limit
    items = [{"title": f"বিষয় {i}", "discussion": paragraph} for i in range(8)]
    response = edit(client, meeting, items=items)
    assert response.status_code == 400
    assert f"সর্বোচ্চ {bn_number(MAX_DOCUMENT)}" in response.content.decode()  # "কার্যবিবরণী অনেক দীর্ঘ: …"
    response = edit(
        client, meeting, attendees=[{"name": f"সদস্য {i}"} for i in range(401)], items=[{"title": "ক"}]
    )
    assert response.status_code == 400 and "সর্বোচ্চ ৪০০" in response.content.decode()
    assert not AgendaItem.objects.filter(meeting=meeting).exists()


@pytest.mark.parametrize("total", ["x", "-1", "1e9", "99999999999999999999", "১০"])
def test_a_tampered_row_count_is_a_bad_request(client, alice, meeting, total):
    client.force_login(alice)
    post = {**editor_post(items=[{"title": "ক"}]), "items-TOTAL_FORMS": total}
    for extra in ({}, {"action": "add:items"}, {"action": "up:items-0"}):
        assert client.post(reverse("minutes:edit", args=[meeting.pk]), {**post, **extra}).status_code == 400


def test_adding_a_row_does_not_loop_over_a_claimed_billion_rows(client, alice, meeting):
    client.force_login(alice)
    post = {**editor_post(items=[{"title": "ক"}]), "items-TOTAL_FORMS": str(10**9), "action": "add:items"}
    started = time.perf_counter()
    assert client.post(reverse("minutes:edit", args=[meeting.pk]), post).status_code == 400
    assert time.perf_counter() - started < 2


def test_printing_stops_at_the_time_limit_with_a_clear_message():
    meeting = MeetingFactory()
    meeting.agenda_items.create(order=0, title="পুরনো", discussion=f"<p>{HUNDRED_THOUSAND}</p>")
    html = render_html(meeting)  # with the document's own CSS and fonts
    started = time.perf_counter()
    with pytest.raises(RenderTimeout) as stopped:
        html_to_pdf(html, time_limit=2)
    assert time.perf_counter() - started < 3
    assert str(stopped.value) == "নথিটি ছাপতে ২ সেকেন্ডের বেশি সময় লাগছিল, তাই থামানো হয়েছে।"


def test_a_draft_that_cannot_be_printed_in_time_says_so(client, alice, meeting, settings, celery_eager):
    """Stored before the limits existed (or by the admin): the draft PDF stops at its limit."""
    settings.SOBHA_DRAFT_RENDER_TIME_LIMIT = 2
    meeting.agenda_items.create(order=0, title="পুরনো", discussion=f"<p>{HUNDRED_THOUSAND}</p>")
    client.force_login(alice)
    started = time.perf_counter()
    response = client.get(reverse("minutes:pdf", args=[meeting.pk]))
    assert time.perf_counter() - started < 6
    assert response.status_code == 422 and "ছাপতে ২ সেকেন্ডের বেশি সময় লাগছিল" in response.content.decode()


def test_a_drafts_pdf_is_printed_once_per_content(client, alice, meeting, celery_eager, monkeypatch):
    meeting.agenda_items.create(order=0, title="প্রথম", discussion="<p>আলোচনা</p>")
    prints = []
    monkeypatch.setattr(
        store, "html_to_pdf", lambda html, **kw: prints.append(html) or html_to_pdf(html, **kw)
    )
    client.force_login(alice)
    url = reverse("minutes:pdf", args=[meeting.pk])
    first, second = client.get(url), client.get(url)
    assert first.status_code == second.status_code == 200 and first.content == second.content
    assert len(prints) == 1
    AgendaItem.objects.filter(meeting=meeting).update(title="দ্বিতীয়")  # new content, new print
    assert client.get(url).status_code == 200 and len(prints) == 2


def test_while_a_worker_prints_the_draft_the_page_says_it_is_being_prepared(client, alice, meeting, settings):
    settings.SOBHA_DRAFT_PDF_WAIT = 0.2  # no worker runs in this test: nothing will print it
    client.force_login(alice)
    response = client.get(reverse("minutes:pdf", args=[meeting.pk]))
    assert response.status_code == 202 and "প্রস্তুত করা হচ্ছে" in response.content.decode()
    assert cache.get(store.pdf_cache_key(render_html(Meeting.objects.get(pk=meeting.pk)))) is None


def test_a_print_interrupted_in_the_parent_leaves_no_child_behind():
    """A Celery time limit (or a shutdown) raising while the parent waits: the child is killed and
    reaped at once, not waited for."""
    import os
    import signal

    from minutes.document.render import run_forked

    def slow():
        time.sleep(30)
        return b""

    def interrupt(signum, frame):
        raise TimeoutError("soft time limit")

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, 1)
    started = time.perf_counter()
    try:
        with pytest.raises(TimeoutError):
            run_forked(slow, time_limit=30)
    finally:
        signal.signal(signal.SIGALRM, previous)
    assert time.perf_counter() - started < 3
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # no child left to reap
