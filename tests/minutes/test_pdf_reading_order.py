"""The PDF reads in order (issue 12, item 5): table cells are not mixed by extractors, running
headers and footers are artifacts, Latin words are not set larger than the Bangla around them,
and no last page holds only the verification line."""

import io
import re
import subprocess

import pikepdf
import pytest
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from fontTools.ttLib import TTFont

from minutes.document.render import html_to_pdf, render_html
from tests.minutes.reference_fixtures import make_minutes_000, make_minutes_004
from tests.minutes.test_document import normalize, pdf_body_text, pdftotext

pytestmark = pytest.mark.django_db

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
