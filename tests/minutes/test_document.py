"""The minutes document, HTML and PDF, against the text of the real reference minutes."""

import re
import shutil
import subprocess

import pytest
from django.urls import reverse

from minutes.document import minutes_context
from minutes.models import Meeting
from minutes.pdf import html_to_pdf, render_html, render_pdf, store_issued_document
from tests.conftest import services_required
from tests.factories import MeetingFactory
from tests.minutes.reference_fixtures import NAMES, expected_lines, make_minutes, reference_data

pytestmark = pytest.mark.django_db


def pdftotext(pdf: bytes, *options) -> str:
    if not shutil.which("pdftotext"):
        if services_required():
            pytest.fail("pdftotext (poppler-utils) is required")
        pytest.skip("pdftotext is not installed")
    return subprocess.run(
        ["pdftotext", *options, "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()


def html_text(html: str) -> str:
    html = re.sub(r"<(script|style|head)\b.*?</\1>", " ", html, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", html)
    return normalize(text.replace("&#x27;", "'").replace("&quot;", '"').replace("&amp;", "&"))


def normalize(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def joined(text: str) -> str:
    """A line may break after "-" or "/" (ই-\nগভর্ন্যান্স): compare with no space after them."""
    return re.sub(r"([-/]) ", r"\1", normalize(text))


def assert_in_order(text: str, lines: list[str]):
    text, position = joined(text), 0
    for line in lines:
        found = text.find(joined(line), position)
        assert found >= 0, f"missing or out of order: {line[:80]!r}"
        position = found + 1


@pytest.mark.parametrize("name", NAMES)
def test_the_html_page_has_every_part_of_the_original_in_order(name):
    meeting = make_minutes(name)
    assert_in_order(html_text(render_html(meeting)), expected_lines(name))


@pytest.mark.parametrize("name", NAMES)
def test_the_pdf_text_is_the_real_text_in_order(name):
    meeting = make_minutes(name)
    text = pdftotext(render_pdf(meeting), "-raw")
    # The running header (the title) and page numbers repeat on every page: not part of the body.
    text = re.sub(r"পৃষ্ঠা [০-৯]+ / [০-৯]+", " ", text)
    title = reference_data(name)["title"]
    first = text.find(title)
    text = text[: first + len(title)] + text[first + len(title) :].replace(title, " ")
    assert_in_order(normalize(text), expected_lines(name))


def test_the_memo_line_carries_both_calendars():
    html = html_text(render_html(make_minutes("000")))
    assert "স্মারক নম্বর: ৫৮.০০.০০০০.০১৮.৩১.০০৬.১৭.২৬" in html
    assert "তারিখ: ৯ ফাল্গুন ১৪২৭ / ২২ ফেব্রুয়ারি ২০২১" in html
    assert "সভার সময় : বিকাল ০৩.০০টা" in html


def test_a_draft_is_watermarked_and_has_no_memo_number(alice, office_a):
    meeting = MeetingFactory(office=office_a, created_by=alice, memo_number="58.1.1")
    html = render_html(meeting)
    assert 'class="watermark"' in html and "খসড়া" in html
    assert "৫৮.১.১" not in html
    assert "খসড়া" in pdftotext(render_pdf(meeting))


def test_the_issued_version_is_stored_once_with_its_hashes():
    meeting = make_minutes("004")
    first = store_issued_document(meeting)
    second = store_issued_document(meeting)
    assert first.pk == second.pk and len(first.pdf_sha256) == 64
    assert first.html_sha256 in first.html  # the verification line prints the content hash
    text = normalize(pdftotext(bytes(first.pdf)))
    assert first.html_sha256 in text.replace(" ", "")


def test_pdf_metadata_and_page_numbers_in_bangla():
    pdf = render_pdf(make_minutes("004"))
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    assert "Title:" in info and "মহিলা বিষয়ক অধিদপ্তরের" in info
    assert "Author:          মহিলা বিষয়ক অধিদপ্তর" in info
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert pages >= 3
    assert "পৃষ্ঠা ২ / " in pdftotext(pdf)


def test_bad_input_still_renders_within_the_page(alice, office_a):
    meeting = MeetingFactory(office=office_a, created_by=alice, show_letterhead=False)
    long_word = "ক" * 300
    url = "https://www.example.gov.bd/" + "a/" * 120
    table = "<table>" + "".join(f"<tr><td>দপ্তর {i}</td><td>ধারণা {i}</td></tr>" for i in range(40)) + "</table>"
    item = meeting.agenda_items.create(
        order=0, title="চাপ পরীক্ষা", discussion=f"<p>{long_word} {url}</p>{table}"
    )
    for i in range(200):
        item.decisions.create(order=i, text=f"সিদ্ধান্ত নম্বর {i}")
    pdf = render_pdf(meeting)  # no recipients, no attendees, no letterhead
    text = pdftotext(pdf)
    assert "ধারণা ৩৯" in text or "ধারণা 39" in text
    assert "কক) সিদ্ধান্ত নম্বর 32" in normalize(text)
    # Nothing drawn outside the A4 page: pdftotext with a crop box of the page finds all text.
    boxes = subprocess.run(
        ["pdftotext", "-bbox", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    x_max = max(float(x) for x in re.findall(r'xMax="([\d.]+)"', boxes))
    assert x_max <= 595.3


def test_html_page_query_count_does_not_grow_with_the_meeting(django_assert_max_num_queries, alice, office_a):
    small = MeetingFactory(office=office_a, created_by=alice)
    small.agenda_items.create(order=0, title="এক").decisions.create(order=0, text="ক")
    big = make_minutes("004")
    with django_assert_max_num_queries(8) as small_queries:
        minutes_context(small)
    with django_assert_max_num_queries(8) as big_queries:
        minutes_context(big)
    assert len(small_queries.captured_queries) == len(big_queries.captured_queries)


def test_staff_of_other_offices_and_anonymous_readers_cannot_open_a_draft(client, alice, charlie, office_a):
    meeting = MeetingFactory(office=office_a, created_by=alice)
    for name in ("minutes:document", "minutes:pdf"):
        url = reverse(name, args=[meeting.pk])
        assert client.get(url).status_code == 302  # to log in
        client.force_login(charlie)
        assert client.get(url).status_code == 404
        client.force_login(alice)
        assert client.get(url).status_code == 200
        client.logout()


def test_a_resource_outside_the_static_files_is_not_fetched():
    html = '<html><body><img src="file:///etc/passwd"><img src="http://example.com/x.png"><p>লেখা</p></body></html>'
    assert html_to_pdf(html).startswith(b"%PDF")


def test_the_published_page_serves_the_stored_issued_html(client):
    meeting = make_minutes("002", state=Meeting.State.PUBLISHED)
    response = client.get(reverse("public:document", args=[meeting.pk]))
    assert response.status_code == 200
    assert response.content.decode() == store_issued_document(meeting).html
    pdf = client.get(reverse("public:pdf", args=[meeting.pk]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
