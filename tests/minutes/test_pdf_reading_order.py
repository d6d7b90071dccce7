"""The PDF reads in order (issue 12, item 5): table cells are not mixed by extractors, running
headers and footers are artifacts, Latin words are not set larger than the Bangla around them,
and no last page holds only the verification line."""

import html as htmllib
import io
import re
import subprocess

import pikepdf
import pytest
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from fontTools.ttLib import TTFont

from minutes.document.render import html_to_pdf, render_html
from minutes.models import Meeting
from tests.factories import MeetingFactory
from tests.minutes.reference_fixtures import make_minutes_000, make_minutes_002, make_minutes_004
from tests.minutes.test_document import normalize, pdf_body_text, pdftotext

pytestmark = pytest.mark.django_db

OFFICES = ("মন্ত্রিপরিষদ বিভাগ", "জেলা প্রশাসকের কার্যালয়, ঢাকা", "মহিলা বিষয়ক অধিদপ্তর", "তথ্য ও যোগাযোগ প্রযুক্তি বিভাগ")
PROGRESS = (
    "ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা অনুসারে বাস্তবায়নকৃত কার্যক্রম এন.আই.এস সফটওয়্যারের মাধ্যমে "
    "আপলোড করা হয়েছে এবং সফটওয়্যারের আপলোডকৃত তথ্য অনুসারে পূর্ণনম্বর পাওয়া গেছে।"
)


def table_rows(html: str, table_class: str | None) -> list[list[str]]:
    """The cells' texts of each body row of the document's tables of that class (None: tables
    typed into a discussion), in order."""
    pattern = rf'<table class="{table_class}">(.*?)</table>' if table_class else r"<table>(.*?)</table>"
    rows = []
    for table in re.findall(pattern, html, flags=re.S):
        for row in re.findall(
            r"<tr>(.*?)</tr>", re.sub(r"<thead>.*?</thead>", "", table, flags=re.S), flags=re.S
        ):
            cells = re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, flags=re.S)
            texts = [normalize(htmllib.unescape(re.sub(r"<[^>]+>", " ", cell))) for cell in cells]
            rows.append([text for text in texts if text])
    return rows


def assert_rows_read_in_order(pdf: bytes, title: str, rows: list[list[str]]):
    """Every row that fits on one page comes out of `pdftotext -raw` as its cells one after the
    other, each whole: no line of one cell between the lines of another. A row split by a page
    break comes out in two parts (the rest of each cell after the break): at most one a page."""
    text = pdf_body_text(pdf, title)
    whole = [row for row in rows if " ".join(row) in text]
    pages = int(re.search(r"Pages:\s+(\d+)", pdfinfo(pdf))[1])
    assert len(rows) >= 3 and len(whole) >= len(rows) - (pages - 1), [
        row[:2] for row in rows if row not in whole
    ]


def test_table_cells_are_read_in_order_cell_by_cell():
    # The agenda table (layout "table"), the attendance sheet, a table typed into a discussion.
    meeting = make_minutes_004()
    assert_rows_read_in_order(
        html_to_pdf(render_html(meeting)), meeting.title, table_rows(render_html(meeting), "agenda-table")
    )
    meeting = make_minutes_002()
    html = render_html(meeting)
    assert_rows_read_in_order(html_to_pdf(html), meeting.title, table_rows(html, "attendance"))

    meeting = MeetingFactory(layout=Meeting.Layout.SECTIONS, show_letterhead=False)
    rows = "".join(
        f"<tr><td>{office}</td><td>{PROGRESS}</td><td>চলমান, পরবর্তী সভায় অবহিত করতে হবে</td></tr>"
        for office in OFFICES
    )
    head = "<thead><tr><th>দপ্তর</th><th>অগ্রগতি</th><th>মন্তব্য</th></tr></thead>"
    meeting.agenda_items.create(
        order=0, title="অগ্রগতি", discussion=f"<table>{head}<tbody>{rows}</tbody></table>"
    )
    html = render_html(meeting)
    pdf = html_to_pdf(html)
    assert_rows_read_in_order(pdf, meeting.title, table_rows(html, None))
    # Office names wrap between words only, and not into one word a line.
    text = pdftotext(pdf, "-raw")
    assert "মন্ত্রিপরিষদ বিভাগ" in text and "তথ্য ও যোগাযোগ" in text and "জেলা প্রশাসকের" in text


PAGE_NUMBER = re.compile(r"পৃষ্ঠা [০-৯]+ ?/ ?[০-৯]+")


def split_artifacts(pdf: bytes) -> tuple[bytes, bytes]:
    """Two copies of the PDF: one drawing only what is marked /Artifact, one drawing the rest."""
    copies = []
    for keep_artifacts in (True, False):
        with pikepdf.open(io.BytesIO(pdf)) as document:
            for page in document.pages:
                kept, stack = [], []
                for operands, operator in pikepdf.parse_content_stream(page):
                    name = str(operator)
                    if name in ("BDC", "BMC"):
                        stack.append(str(operands[0]) == "/Artifact" or (bool(stack) and stack[-1]))
                    in_artifact = bool(stack and stack[-1])
                    if name == "EMC" and stack:
                        stack.pop()
                    is_text = name in ("TJ", "Tj", "'", '"')
                    if not is_text or in_artifact == keep_artifacts:
                        kept.append(pikepdf.ContentStreamInstruction(operands, operator))
                page.Contents = document.make_stream(pikepdf.unparse_content_stream(kept))
            out = io.BytesIO()
            document.save(out)
            copies.append(out.getvalue())
    return copies[0], copies[1]


def artifact_marks(pdf: bytes) -> list[str]:
    """The property lists of every /Artifact marked-content sequence, as text."""
    with pikepdf.open(io.BytesIO(pdf)) as document:
        return [
            str(dict(operands[1])) if len(operands) > 1 else ""
            for page in document.pages
            for operands, operator in pikepdf.parse_content_stream(page)
            if str(operator) == "BDC" and str(operands[0]) == "/Artifact"
        ]


@pytest.mark.parametrize("make", [make_minutes_000, make_minutes_004])
def test_running_header_and_page_numbers_are_artifacts_and_the_body_is_not(make):
    meeting = make()
    pdf = html_to_pdf(render_html(meeting))
    artifacts, body = split_artifacts(pdf)

    pages = int(re.search(r"Pages:\s+(\d+)", pdfinfo(pdf))[1])
    artifact_text = normalize(pdftotext(artifacts, "-raw"))
    assert len(PAGE_NUMBER.findall(artifact_text)) == pages
    # Besides the page numbers, only the running header (the office's short text, or the title).
    headers = {normalize(h) for h in PAGE_NUMBER.split(artifact_text)} - {""}
    assert len(headers) <= 1 and all(len(h) < len(meeting.title) + 5 for h in headers)

    body_text = normalize(pdftotext(body, "-raw"))
    assert not PAGE_NUMBER.search(body_text)
    # pdftotext still gives the whole text: the body as before, the page numbers and titles too.
    assert len(body_text) > 3000 and body_text == pdf_body_text(pdf, meeting.title)

    marks = artifact_marks(pdf)
    assert sum("/Pagination" in m and "/Footer" in m for m in marks) == pages
    assert sum("/Pagination" in m and "/Header" in m for m in marks) == (pages - 1 if headers else 0)
    with pikepdf.open(io.BytesIO(pdf)) as document:
        assert document.Root.MarkInfo.Marked and "/StructTreeRoot" in document.Root
        assert document.check_pdf_syntax() == []


def test_without_a_running_header_only_the_page_numbers_are_artifacts():
    html = render_html(make_minutes_004())
    no_header = "<style>@page { @top-center { content: none } }</style></head>"
    pdf = html_to_pdf(html.replace("</head>", no_header, 1))
    artifacts, body = split_artifacts(pdf)
    assert PAGE_NUMBER.sub("", normalize(pdftotext(artifacts, "-raw"))).strip() == ""
    assert not PAGE_NUMBER.search(pdftotext(body, "-raw"))
    assert not any("/Header" in mark for mark in artifact_marks(pdf))


VERIFICATION = {"url": "https://sobha.example.gov.bd/public/minutes/12/", "hash": "ab" * 32}


def page_count(pdf: bytes) -> int:
    return int(re.search(r"Pages:\s+(\d+)", pdfinfo(pdf))[1])


def page_body(pdf: bytes, page: int) -> str:
    """The text of one page without its running header and page number (artifacts)."""
    _, body = split_artifacts(pdf)
    return normalize(pdftotext(body, "-raw", "-f", str(page), "-l", str(page)))


def padded_pdf(meeting, paragraphs: int, **kwargs) -> bytes:
    item = meeting.agenda_items.get()
    item.discussion = "".join(
        f"<p>আলোচনার অনুচ্ছেদ {n}: সভাপতি বিষয়টি উপস্থাপন করেন।</p>" for n in range(paragraphs)
    )
    item.save()
    return html_to_pdf(render_html(meeting, **kwargs))


def test_the_verification_line_never_stands_alone_on_the_last_page():
    meeting = MeetingFactory(layout=Meeting.Layout.SECTIONS, show_letterhead=False, closing="")
    meeting.agenda_items.create(order=0, title="অগ্রগতি")
    # The fewest paragraphs that spill onto a second page without the verification line: one
    # fewer ends page one at its foot, leaving no room for the line (2 cm QR code) under it.
    low, high = 1, 120
    while low < high:
        middle = (low + high) // 2
        low, high = (low, middle) if page_count(padded_pdf(meeting, middle)) > 1 else (middle + 1, high)
    for paragraphs in range(low - 3, low):
        pdf = padded_pdf(meeting, paragraphs, verification=VERIFICATION)
        last = page_body(pdf, page_count(pdf))
        assert "যাচাই:" in last
        assert len(re.sub(r"যাচাই:.*", "", last).strip()) > 20, (paragraphs, last)


def test_the_attendance_sheet_follows_the_verification_line_on_its_own_page():
    meeting = make_minutes_002()
    pdf = html_to_pdf(render_html(meeting, verification=VERIFICATION))
    pages = page_count(pdf)
    sheet, before = page_body(pdf, pages), page_body(pdf, pages - 1)
    assert sheet.startswith("পরিশিষ্ট-'ক'") and "যাচাই:" not in sheet
    assert "যাচাই:" in before and len(before.split("যাচাই:")[0]) > 100


def document_pdf(body: str) -> bytes:
    """A PDF of `body` set with the minutes document's own stylesheets."""
    links = "".join(
        f'<link rel="stylesheet" href="{static(css)}">' for css in ("css/fonts.css", "css/document.css")
    )
    return html_to_pdf(
        f'<!doctype html><html lang="bn"><head><meta charset="utf-8"><title>t</title>{links}</head>'
        f'<body class="document"><article class="sheet">{body}</article></body></html>'
    )


def word_boxes(pdf: bytes) -> dict[str, tuple[float, float]]:
    """Each word of the first page -> its width and height in points (pdftotext -bbox)."""
    boxes = re.findall(
        r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]+)<', pdftotext(pdf, "-bbox")
    )
    return {word: (float(x2) - float(x1), float(y2) - float(y1)) for x1, y1, x2, y2, word in boxes}


def test_latin_words_in_bangla_text_are_set_at_the_size_of_the_bangla():
    pdf = document_pdf("<p>সভাটি Zoom Online Platform এর মাধ্যমে অনুষ্ঠিত হয়। e-mail ঠিকানা 2024-25 অর্থবছরে।</p>")
    noto_serif = TTFont(finders.find("fonts/NotoSerif-Regular.ttf"))
    advances, cmap = noto_serif["hmtx"], noto_serif.getBestCmap()
    for word in ("Platform", "e-mail", "2024-25"):
        at_12pt = sum(advances[cmap[ord(c)]][0] for c in word) / 1000 * 12  # Noto Serif unscaled
        width, _ = word_boxes(pdf)[word]
        # Drawn at 0.88: capitals and digits as tall as the Bangla headline (0.628 vs 0.622 em).
        assert width == pytest.approx(0.88 * at_12pt, rel=0.01)


def pdfinfo(pdf: bytes) -> str:
    return subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
