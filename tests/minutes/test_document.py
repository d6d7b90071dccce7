"""The minutes document, HTML page and PDF, checked against the text of three real minutes.

The fidelity tests read the text extracted from the published originals (reference/*.txt)
line by line: every heading, number, date, decision letter, recipient and signature line
must appear in the portal's HTML text and in `pdftotext` of its PDF, in the same order.
Each fixture sets its original's conventions (minutes/demo/minutes-*.json: the date and time forms,
the memo block, the numbering), so every line is printed word for word; only what was written by
hand on the paper copy (the attendance sheet's signature cells) is not printed.
"""

import datetime
import html as htmllib
import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pypdf import PdfReader

from minutes.document.context import minutes_context
from minutes.document.render import _url_fetcher, html_to_pdf, render_html, static_file
from minutes.document.selectors import StoredFileChanged, issued_html, issued_pdf, read_stored
from minutes.document.store import sha256, store_issued_document
from minutes.models import Decision, Meeting
from offices.models import OfficeRole
from tests.conftest import services_required
from tests.factories import MeetingFactory, user_with_role
from tests.minutes.reference_fixtures import (
    NAMES,
    make_minutes,
    make_minutes_000,
    make_minutes_002,
    make_minutes_004,
    original_text,
)

pytestmark = pytest.mark.django_db


def render_pdf(source: Meeting | str) -> bytes:
    """The PDF of a meeting as it is now, or of document HTML."""
    return html_to_pdf(source if isinstance(source, str) else render_html(source))


# Original line -> what the portal prints instead ([] = not printed), with the reason.
PORTAL_FORMS: dict[str, dict[str, list[str]]] = {"000": {}, "002": {}, "004": {}}
PORTAL_SUBSTITUTIONS: list[tuple[str, str]] = []
# 002's handwritten attendance sheet: the signature column (dates scribbled in it), the header
# repeated on its second printed page and the empty rows ৭.–১১. are not printed by the portal.
SIGNATURE_CELL = re.compile(r"^\s*(২৮-০?৮-২২|28/06/2022)$")


def expected_segments(name: str) -> tuple[list[str], set[str]]:
    """The original's lines, in order, as the portal prints them, table rows split into cells;
    and the set of those that are cells of the agenda table (ক্র:নং | আলোচ্যসূচি | …)."""
    segments, cells_of_agenda_table, in_agenda_table, header_seen = [], set(), False, False
    for raw in original_text(name).splitlines():
        line = re.sub(r"^- ", "", raw.replace("**", "").strip()).strip("<>").strip()
        if not line:
            continue
        for pattern, replacement in PORTAL_SUBSTITUTIONS:
            line = re.sub(pattern, replacement, line)
        if line.startswith("ক্র. নং"):
            if header_seen:
                continue
            header_seen = True
        if line in PORTAL_FORMS[name]:
            segments += PORTAL_FORMS[name][line]
            continue
        cells = [c.strip() for c in line.split("\t") if c.strip() and not SIGNATURE_CELL.match(c)]
        if re.fullmatch(r"[০-৯]+\.", cells[0]) and len(cells) == 1:
            continue  # an empty row of the attendance sheet
        in_agenda_table = "\t" in line and (in_agenda_table or line.startswith("ক্র:নং"))
        if in_agenda_table and not line.startswith("ক্র:নং"):
            cells_of_agenda_table.update(cells)
        segments += cells
    return segments, cells_of_agenda_table


def normalize(text: str) -> str:
    """Whitespace collapsed; a line may break after "-" or "/" (ই-\\nগভর্ন্যান্স), so no space after them."""
    return re.sub(r"([-/]) ", r"\1", re.sub(r"\s+", " ", text)).strip()


def html_text(html: str) -> str:
    html = re.sub(r"<(head|style|script)\b.*?</\1>", " ", html, flags=re.S)
    return normalize(htmllib.unescape(re.sub(r"<[^>]+>", " ", html)))


def pdftotext(pdf: bytes, *options: str) -> str:
    if not shutil.which("pdftotext"):
        if services_required():
            pytest.fail("pdftotext (poppler-utils) is required")
        pytest.skip("pdftotext is not installed")
    run = subprocess.run(["pdftotext", *options, "-", "-"], input=pdf, capture_output=True, check=True)
    return run.stdout.decode()


def pdf_body_text(pdf: bytes, title: str) -> str:
    """The PDF's text without page numbers and without the running title repeated on later pages."""
    text = normalize(re.sub(r"পৃষ্ঠা [০-৯]+ / [০-৯]+", " ", pdftotext(pdf, "-raw")))
    title, first = normalize(title), text.find(normalize(title))
    end = first + len(title)
    return normalize(text[:end] + text[end:].replace(title, " "))


def pdfinfo(pdf: bytes) -> str:
    return subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout.decode()


def assert_has(text: str, *lines: str):
    for line in lines:
        assert normalize(line) in text, f"missing: {line!r}"


def assert_in_order(text: str, segments: list[str], loose: set[str] = frozenset()):
    """Each segment found after the previous one.

    Segments in `loose` (cells of the agenda table, in the PDF) may come in pieces and in another
    order within the table: for a row split across pages pdftotext gives each cell's first part,
    then on the next page the rest of each, and a cell may start on the next page altogether.
    """
    position = table_start = table_end = 0
    for segment in map(normalize, segments):
        if segment in loose:
            table_start = table_start or position
            end = find_in_pieces(text, segment, table_start)
            table_end = max(table_end, end or 0)
        else:
            position, table_start = max(position, table_end), 0
            found = text.find(segment, position)
            end = found + len(segment) if found >= 0 else None
        assert end is not None, (
            f"missing or out of order: {segment[:90]!r}\n…after: {text[position - 80 : position]!r}"
        )
        position = end if not table_start else position


def find_in_pieces(text: str, segment: str, start: int) -> int | None:
    """The end of `segment` found after `start`, whole or as pieces in order of at least 3 words."""
    found = text.find(segment, start)
    if found >= 0:
        return found + len(segment)
    words = segment.split(" ")
    for cut in range(len(words) - 3, 2, -1):
        head = " ".join(words[:cut])
        found = text.find(head, start)
        if found >= 0 and (end := find_in_pieces(text, " ".join(words[cut:]), found + len(head))):
            return end
    return None


@pytest.mark.parametrize("name", NAMES)
def test_the_html_page_has_every_line_of_the_original_in_order(name):
    segments, _ = expected_segments(name)
    assert len(segments) > 40
    assert_in_order(html_text(render_html(make_minutes(name))), segments)


@pytest.mark.parametrize("name", NAMES)
def test_the_pdf_text_has_every_line_of_the_original_in_order(name):
    meeting = make_minutes(name)
    segments, cells_of_agenda_table = expected_segments(name)
    assert_in_order(pdf_body_text(render_pdf(meeting), meeting.title), segments, cells_of_agenda_table)


def test_numbering_letters_and_memo_line_of_the_three_layouts():
    assert_has(
        html_text(render_html(make_minutes_000())),
        "১.০ আলোচ্য সূচি-১:",
        "১.১ আলোচনা: সভায়",
        "১.২ সিদ্ধান্ত: ক) সুরক্ষা",
        "খ) মার্চ ২০২১",
        "৩.২ সিদ্ধান্ত: ক) এ বিভাগের",
        "সভার সময় : বিকাল ০৩.০০টা",
        # The memo block: the number, then the two calendars' dates one above the other.
        "স্মারক নম্বর: ৫৮.০০.০০০০.০১৮.৩১.০০৬.১৭.২৬ তারিখ: ৯ ফাল্গুন ১৪২৭ ২২ ফেব্রুয়ারি ২০২১",
        "বিতরণ (জ্যেষ্ঠতার ক্রমানুসারে নয়) : ১) অধিদপ্তর প্রধান (সকল)",
    )
    assert_has(
        html_text(render_html(make_minutes_002())),
        "০২। এ পর্যায়ে ইনোভেশন কমিটির",  # the opening is paragraph ০১, unnumbered
        "০৬। বিস্তারিত আলোচনা শেষে নিম্নরূপ সিদ্ধান্ত গৃহীত হয়: সিদ্ধান্তসমূহ: ক)",
        "ঘ) বাছাইকৃত উদ্ভাবনী উদ্যোগসমূহ",
        "০৭। সভায় আর কোনো",
    )
    assert_has(
        html_text(render_html(make_minutes_004())),
        "শেখ হাসিনার বারতা নারী-পুরুষ সমতা গণপ্রজাতন্ত্রী বাংলাদেশ সরকার মহিলা বিষয়ক অধিদপ্তর",
        "৩৭/৩ ইস্কাটন গার্ডেন রোড, ঢাকা http://www.dwa.gov.bd",
        "ক্র:নং আলোচ্যসূচি আলোচনা সিদ্ধান্ত বাস্তবায়নকারী",
        "প্রশাসন শাখা, ইনোভেশন শাখা, প্রশিক্ষণ শাখা, ক্ষুদ্রঋণ শাখা ও হোস্টেল শাখা",
        "০৪-০৮-২০২৪ কেয়া খান মহাপরিচালক ০২-৪৮৩১৯১৪৯, dwadhaka@gmail.com",
        # Dates first, then "নম্বর:", as the directorate prints them; recipients "১।".
        "২০ শ্রাবণ ১৪৩১ বঙ্গাব্দ তারিখ: ০৪ আগস্ট ২০২৪ খ্রিস্টাব্দ নম্বর: ৩২.০১.০০০০.০২১.১৮.০০৩.২৪.৪৮",
        "১। পরিচালক, পরিচালকের দপ্তর",
        "০৪-০৮-২০২৪ কেয়া খান মহাপরিচালক ও সভাপতি",
    )


def test_paragraph_titles_run_into_their_paragraph_and_the_closing_follows(alice, office_a):
    meeting = MeetingFactory(office=office_a, created_by=alice, layout=Meeting.Layout.PARAGRAPHS)
    meeting.agenda_items.create(
        order=0, title="ইনোভেশন ব্যাংক", discussion="<p>তিনি জানান।</p><p>দ্বিতীয় অনুচ্ছেদ।</p>"
    )
    meeting.agenda_items.create(order=1, title="সদস্য-সচিব বিষয়টি উপস্থাপন করেন।", discussion="")
    html = render_html(meeting)
    assert "<strong>ইনোভেশন ব্যাংক:</strong> তিনি জানান।</p><p>দ্বিতীয় অনুচ্ছেদ।</p>" in html
    # No decisions: no "সিদ্ধান্তসমূহ:" paragraph, and the closing is paragraph ০৪.
    assert_has(html_text(html), "০২। ইনোভেশন ব্যাংক: তিনি জানান।", "০৩। সদস্য-সচিব বিষয়টি উপস্থাপন করেন। ০৪। সভায় আর")
    assert "সিদ্ধান্তসমূহ" not in html


def test_deadlines_implementers_and_online_venue(alice, office_a):
    meeting = MeetingFactory(
        office=office_a,
        created_by=alice,
        venue="জুম",
        online_link="https://zoom.us/j/123456789",
        print_deadlines=True,
        print_responsible=True,
    )
    item = meeting.agenda_items.create(order=0, title="ওয়েবসাইট হালনাগাদ", discussion="")
    D = Decision.Deadline
    for order, (kind, extra, who) in enumerate(
        [
            (D.DATE, {"deadline_date": datetime.date(2021, 2, 15)}, "আইসিটি সেল"),
            (D.WORKING_DAYS, {"deadline_working_days": 7}, "প্রশাসন শাখা"),
            (D.RULE, {"deadline_rule": "প্রতি ত্রৈমাসিকের তৃতীয় মাসের প্রথম সপ্তাহের মধ্যে"}, "আইসিটি সেল"),
        ]
    ):
        decision = item.decisions.create(
            order=order, text=f"<p>সিদ্ধান্ত {order}</p>", deadline_kind=kind, **extra
        )
        decision.responsibilities.create(label=who)
    assert_has(
        html_text(render_html(meeting)),
        "স্থান : জুম https://zoom.us/j/123456789",
        "১.১ সিদ্ধান্ত: ক) সিদ্ধান্ত 0 (সময়সীমা: ১৫.০২.২০২১ তারিখের মধ্যে) [বাস্তবায়নকারী: আইসিটি সেল]",
        "খ) সিদ্ধান্ত 1 (সময়সীমা: জারির ০৭ কার্যদিবসের মধ্যে) [বাস্তবায়নকারী: প্রশাসন শাখা]",
        "গ) সিদ্ধান্ত 2 (সময়সীমা: প্রতি ত্রৈমাসিকের তৃতীয় মাসের প্রথম সপ্তাহের মধ্যে)",
    )

    meeting.layout = Meeting.Layout.TABLE
    meeting.state, meeting.memo_number = Meeting.State.ISSUED, "58.1.1"
    meeting.issue_date = datetime.date(2024, 9, 1)  # a Sunday: 7 working days end on Tuesday 10 September
    assert_has(html_text(render_html(meeting)), "জারির ০৭ কার্যদিবসের মধ্যে, অর্থাৎ ১০.০৯.২০২৪ তারিখের মধ্যে")
    assert "<td>আইসিটি সেল, প্রশাসন শাখা</td>" in render_html(meeting)  # the implementers, each once


def test_deadlines_and_responsible_are_printed_only_where_the_meeting_chooses(alice, office_a):
    """By default the document prints the decision's own words only: they often give the deadline."""
    meeting = MeetingFactory(office=office_a, created_by=alice)
    item = meeting.agenda_items.create(order=0, title="ওয়েবসাইট", discussion="")
    decision = item.decisions.create(
        order=0,
        text="আগামী ০৭ (সাত) কার্যদিবসের মধ্যে হালনাগাদ করতে হবে।",
        deadline_kind=Decision.Deadline.WORKING_DAYS,
        deadline_working_days=7,
    )
    decision.responsibilities.create(label="আইসিটি সেল")
    text = html_text(render_html(meeting))
    assert "ক) আগামী ০৭ (সাত) কার্যদিবসের মধ্যে হালনাগাদ করতে হবে।" in text
    assert "সময়সীমা" not in text and "বাস্তবায়নকারী" not in text and "অনুমোদিত" not in text
    meeting.layout = Meeting.Layout.TABLE  # the table's implementer column shows them all the same
    assert "<td>আইসিটি সেল</td>" in render_html(meeting)


def test_a_draft_is_watermarked_and_has_no_memo_number(alice, office_a):
    meeting = MeetingFactory(office=office_a, created_by=alice, memo_number="58.1.1", issue_date="2024-08-04")
    html = render_html(meeting)
    assert '<div class="watermark" aria-hidden="true">খসড়া</div>' in html
    assert "স্মারক নম্বর" not in html and "৫৮.১.১" not in html and "শ্রাবণ" not in html
    text = pdftotext(render_pdf(meeting), "-raw")  # -raw: the watermark is drawn rotated
    assert "খসড়া" in text and "স্মারক নম্বর" not in text


def test_the_issued_version_is_stored_once_with_its_hashes():
    meeting = make_minutes_004()
    assert issued_pdf(meeting) is None
    first = store_issued_document(meeting)
    assert store_issued_document(meeting).pk == first.pk
    pdf, html = issued_pdf(meeting)[0], issued_html(meeting)
    assert issued_pdf(meeting) == (pdf, first.pdf_sha256) and sha256(pdf) == first.pdf_sha256
    assert first.pdf_size == len(pdf) and pdf.startswith(b"%PDF")
    # Files of the "documents" storage, named by the hash of their bytes: written once, never overwritten.
    assert first.pdf_file.name == f"minutes/{meeting.pk}/{first.pdf_sha256}.pdf"
    assert first.html_file.name == f"minutes/{meeting.pk}/{sha256(html.encode())}.html"
    assert "খসড়া" not in html
    # The printed verification line carries the hash of the document's content.
    assert f"বিষয়বস্তুর হ্যাশ (SHA-256): {first.html_sha256}" in html_text(html)
    assert first.html_sha256 in pdftotext(pdf).replace("\n", "").replace(" ", "")


def test_a_stored_file_changed_where_it_is_kept_is_not_read():
    meeting = make_minutes_000()
    stored = store_issued_document(meeting)
    path = Path(stored.pdf_file.storage.path(stored.pdf_file.name))
    original = path.read_bytes()
    try:
        path.write_bytes(original.replace(b"%PDF", b"%PDX", 1))
        with pytest.raises(StoredFileChanged):
            read_stored(stored.pdf_file.name)
    finally:
        path.write_bytes(original)
    assert read_stored(stored.pdf_file.name) == original


def test_pdf_metadata_running_header_and_page_numbers_in_bangla():
    meeting = make_minutes_004()
    page_two = pdftotext(render_pdf(meeting), "-f", "2", "-l", "2")
    assert page_two.startswith("ক্র:নং")  # no running header set: the page starts with the table's head
    meeting.running_header = "ই-গভর্ন্যান্স সভার কার্যবিবরণী"  # the office's short running header
    pdf = render_pdf(meeting)
    info = pdfinfo(pdf)
    assert re.search(r"Title:\s+মহিলা বিষয়ক অধিদপ্তরের ই-গভর্ন্যান্স", info)
    assert re.search(r"Author:\s+মহিলা বিষয়ক অধিদপ্তর\n", info)
    assert PdfReader(io.BytesIO(pdf)).trailer["/Root"]["/Lang"] == "bn"
    pages = int(re.search(r"Pages:\s+(\d+)", info)[1])
    assert 3 <= pages <= 6
    first, second = (normalize(pdftotext(pdf, "-f", str(n), "-l", str(n))) for n in (1, 2))
    assert_has(first, f"পৃষ্ঠা ১ / {'০১২৩৪৫৬৭৮৯'[pages]}")
    assert_has(second, "পৃষ্ঠা ২ /")
    assert "ই-গভর্ন্যান্স সভার কার্যবিবরণী" not in first  # no running header on page 1
    assert second.startswith("ই-গভর্ন্যান্স সভার কার্যবিবরণী")  # the running header, not the whole title
    assert "ক্র:নং আলোচ্যসূচি আলোচনা সিদ্ধান্ত বাস্তবায়নকারী" in second  # the table's head repeated


def test_the_appendix_starts_on_its_own_page():
    pdf = render_pdf(make_minutes_002())
    pages = int(re.search(r"Pages:\s+(\d+)", pdfinfo(pdf))[1])
    last = normalize(pdftotext(pdf, "-f", str(pages), "-l", str(pages)))
    before = normalize(pdftotext(pdf, "-f", str(pages - 1), "-l", str(pages - 1)))
    assert "পরিশিষ্ট-'ক'" in last and "বিতরণ" not in last and "পরিশিষ্ট-'ক'" not in before.split("উপস্থিতি")[-1]


@pytest.mark.parametrize("layout", Meeting.Layout.values)
def test_bad_input_still_renders_within_the_page(alice, office_a, layout):
    meeting = MeetingFactory(office=office_a, created_by=alice, show_letterhead=False, layout=layout)
    long_word = "ক" * 300
    url = "https://www.example.gov.bd/" + "a/" * 120
    rows = "".join(f"<tr><td>দপ্তর {i}</td><td>ধারণা {i}</td></tr>" for i in range(40))
    item = meeting.agenda_items.create(
        order=0, title="চাপ পরীক্ষা", discussion=f"<p>{long_word} {url}</p><table>{rows}</table>"
    )
    Decision.objects.bulk_create(
        Decision(agenda_item=item, order=i, text=f"<p>সিদ্ধান্ত নম্বর {i}</p>") for i in range(200)
    )
    html = render_html(meeting)  # no recipients, no attendees, no letterhead
    assert "বিতরণ" not in html and "<h2>পরিশিষ্ট-'ক'</h2>" not in html and "গণপ্রজাতন্ত্রী" not in html

    pdf = render_pdf(meeting)
    assert int(re.search(r"Pages:\s+(\d+)", pdfinfo(pdf))[1]) <= 16
    text = normalize(pdftotext(pdf, "-raw"))
    assert "ধারণা 39" in text and "সিদ্ধান্ত নম্বর 199" in text and "www.example.gov.bd" in text
    if layout != Meeting.Layout.PARAGRAPHS:  # the paragraph layout letters on after other items
        assert "চজ) সিদ্ধান্ত নম্বর 199" in text
    # Nothing drawn outside the A4 page (595 × 842 pt).
    boxes = pdftotext(pdf, "-bbox")
    assert max(float(x) for x in re.findall(r'xMax="([\d.]+)"', boxes)) <= 595.3
    assert max(float(y) for y in re.findall(r'yMax="([\d.]+)"', boxes)) <= 842


def test_html_page_queries_do_not_grow_with_the_meeting(client, alice, office_a, django_assert_num_queries):
    small = MeetingFactory(office=office_a, created_by=alice)
    small.agenda_items.create(order=0, title="এক").decisions.create(order=0, text="ক")
    big = make_minutes_004(state=Meeting.State.DRAFT)
    big.office = office_a
    big.save()
    for i in range(30):
        big.recipients.create(order=100 + i, designation=f"সদস্য {i}")
        big.attendees.create(order=i, name=f"কর্মকর্তা {i}")
    client.force_login(alice)
    with CaptureQueriesContext(connection) as small_queries:
        assert client.get(reverse("minutes:document", args=[small.pk])).status_code == 200
    # Ten: session, user, the meeting with its office, team, chair and issuer, the user's roles and
    # the offices below (access), agenda items, decisions, responsibilities, recipients, attendees.
    assert len(small_queries) == 10
    with django_assert_num_queries(len(small_queries)):
        response = client.get(reverse("minutes:document", args=[big.pk]))
    assert "সদস্য 29" in response.content.decode() and "কর্মকর্তা 29" in response.content.decode()


def test_only_staff_who_can_read_the_office_open_a_draft(client, alice, charlie, office_a, celery_eager):
    meeting = MeetingFactory(office=office_a, created_by=alice)
    for name in ("minutes:document", "minutes:pdf"):
        url = reverse(name, args=[meeting.pk])
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
        client.force_login(charlie)
        assert client.get(url).status_code == 404
        client.force_login(alice)
        response = client.get(url)
        assert response.status_code == 200
        client.logout()
    assert response["Content-Type"] == "application/pdf" and "খসড়া" in pdftotext(response.content, "-raw")
    client.force_login(alice)
    page = client.get(reverse("minutes:document", args=[meeting.pk])).content.decode()
    assert "খসড়া" in page and reverse("minutes:pdf", args=[meeting.pk]) in page  # the staff top bar


def test_staff_see_the_issued_version_as_stored_and_being_prepared_before(client):
    meeting = make_minutes_000()
    client.force_login(user_with_role(meeting.office, OfficeRole.Role.DRAFTER))
    for name in ("minutes:document", "minutes:pdf"):  # reading never prints: it waits for the worker
        response = client.get(reverse(name, args=[meeting.pk]))
        assert response.status_code == 202 and "প্রস্তুত করা হচ্ছে" in response.content.decode()
    store_issued_document(meeting)
    assert client.get(reverse("minutes:document", args=[meeting.pk])).content.decode() == issued_html(meeting)
    assert client.get(reverse("minutes:pdf", args=[meeting.pk])).content == issued_pdf(meeting)[0]


def test_the_pdf_loads_only_the_portals_static_files():
    assert static_file("css/document.css") and static_file("fonts/NotoSerifBengali-Regular.ttf")
    assert static_file("../config/settings.py") is None and static_file("/etc/passwd") is None
    fetcher = _url_fetcher()
    for url in (
        "file:///etc/passwd",
        "http://example.com/x.css",
        "https://sobha.invalid/static/../manage.py",
    ):
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    html = '<html><body><img src="file:///etc/passwd"><img src="http://example.com/x.png"><p>লেখা</p></body></html>'
    assert "লেখা" in pdftotext(render_pdf(html))
    fonts = subprocess.run(
        ["pdffonts", "-"], input=render_pdf(make_minutes_000()), capture_output=True
    ).stdout
    assert b"Sobha-Serif-Bangla" in fonts and b" yes yes yes " in fonts  # the portal's own font, embedded


def test_the_published_page_serves_the_stored_issued_html(client):
    """The address printed in the QR code leads to the public page, which serves the stored HTML
    whole (framed: tests/website/test_pages.py)."""
    meeting = make_minutes_002(state=Meeting.State.PUBLISHED)
    first = client.get(reverse("public:document", args=[meeting.pk]))
    assert first.status_code == 301
    assert client.get(first["Location"]).status_code == 202  # being prepared
    store_issued_document(meeting)
    response = client.get(first["Location"])
    assert response.status_code == 200
    stored = issued_html(meeting)
    body = stored[stored.index("<article") : stored.rindex("</body>")]
    assert body in response.content.decode()
    assert minutes_context(meeting)["is_draft"] is False


def test_issued_minutes_whose_document_went_missing_are_printed_again(celery_eager):
    import datetime

    from minutes.tasks import issued_documents_recover

    meeting = make_minutes_004()
    Meeting.objects.filter(pk=meeting.pk).update(updated_at=meeting.updated_at - datetime.timedelta(hours=1))
    assert issued_documents_recover() == 1  # printed again (eagerly here) …
    assert issued_pdf(meeting) is not None
    assert issued_documents_recover() == 0  # … and only once


def test_the_issued_copy_carries_a_qr_code_of_its_public_address():
    from minutes.document.context import verification_qr
    from minutes.document.render import sanitize_document
    from minutes.document.store import public_url

    meeting = make_minutes_000()
    store_issued_document(meeting)
    assert f'<img class="qr" src="{verification_qr(public_url(meeting))}"' in issued_html(meeting)
    # The QR's data URI is the only one the document keeps: not on a link, not on another image.
    html = '<html><body><a href="data:text/html,x">a</a><img src="data:image/png;base64,AA"></body></html>'
    assert "data:" not in sanitize_document(html)
