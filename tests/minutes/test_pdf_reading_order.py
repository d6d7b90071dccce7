"""The PDF reads in order (issue 12, item 5): table cells are not mixed by extractors, running
headers and footers are artifacts, Latin words are not set larger than the Bangla around them,
and no last page holds only the verification line."""

import io
import re
import subprocess

import pikepdf
import pytest

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


def pdfinfo(pdf: bytes) -> str:
    return subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
