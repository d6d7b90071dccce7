"""The text layer of WeasyPrint PDFs must give back exactly the Bangla text that was drawn.

Every test renders HTML with the fonts the portal ships and extracts it with poppler's
``pdftotext`` (what search indexers, ``less file.pdf`` and many viewers' copy use).

How texts are compared (``_words``): Unicode NFC, split on whitespace, and a line break
right after "-" or "/" is joined up (WeasyPrint may break lines there). Equal word lists
mean a character error rate of 0. ZWJ and ZWNJ are compared too: pdftotext keeps them
from the ActualText. Wrapped text is extracted with ``-raw`` (content stream order):
the default mode drops a hyphen ending a line and may reorder table cells or columns.

Fonts: the portal's ``static/css/fonts.css`` gives the Bengali and the Latin Noto files
the *same* family name with ``unicode-range``. WeasyPrint 70 keys PDF fonts by Pango
font description, so those two files collapse into one PDF font and Bangla is drawn
with Latin glyphs; the test CSS below therefore uses two family names.
"""

from __future__ import annotations

import html as html_lib
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

import pytest

import pdftext
from tests.conftest import services_required

if not (shutil.which("pdftotext") and shutil.which("pdftoppm")) and not services_required():
    pytest.skip("poppler-utils (pdftotext, pdftoppm) is not installed", allow_module_level=True)

ROOT = Path(__file__).resolve().parents[2]
FONTS = ROOT / "static" / "fonts"
REFERENCE_MINUTES = ROOT / "tests" / "minutes" / "reference"  # the three real minutes, as extracted

BANGLA_RANGE = "U+0964-0965, U+0980-09FE, U+200C-200D, U+25CC"
LATIN_RANGE = "U+0000-0963, U+0966-097F, U+0A00-200B, U+200E-FFFF"


def _font_faces() -> str:
    rules = []
    for family, stem, unicode_range in [
        ("Bangla Serif", "NotoSerifBengali", BANGLA_RANGE),
        ("Latin Serif", "NotoSerif", LATIN_RANGE),
        ("Bangla Sans", "NotoSansBengali", BANGLA_RANGE),
        ("Latin Sans", "NotoSans", LATIN_RANGE),
    ]:
        for weight, style in [(400, "Regular"), (700, "Bold")]:
            url = (FONTS / f"{stem}-{style}.ttf").as_uri()
            rules.append(
                f'@font-face {{ font-family: "{family}"; src: url("{url}"); '
                f"font-weight: {weight}; unicode-range: {unicode_range}; }}"
            )
    return "\n".join(rules)


SERIF = '"Bangla Serif", "Latin Serif"'
SANS = '"Bangla Sans", "Latin Sans"'


def _document(body: str, family: str = SERIF, css: str = "") -> str:
    return (
        f'<!doctype html><html lang="bn"><head><meta charset="utf-8"><style>{_font_faces()}\n'
        f"@page {{ size: A4; margin: 2cm }} body {{ font-family: {family}; font-size: 12pt }}\n"
        "tr { break-inside: avoid }\n"
        f"{css}</style></head><body>{body}</body></html>"
    )


def _paragraphs(lines: list[str]) -> str:
    return "".join(f"<p>{html_lib.escape(line)}</p>" for line in lines)


# One sentence per case the remedy has to handle (see the module docstring).
SENTENCES = [
    # pre-base vowel signs ি ে ৈ
    "জেলা প্রশাসকের কার্যালয়ে নৈতিকতা কমিটির বিশেষ সভা অনুষ্ঠিত হয়।",
    # two-part vowel signs ো ৌ
    "বোর্ডের কৌশলগত পরিকল্পনা নিয়ে মৌলিক আলোচনা হয়েছে।",
    # conjuncts ক্ষ ন্ত্র স্ক ঙ্গ জ্ঞ and more
    "সুরক্ষা মন্ত্রণালয়ের স্কুল কার্যক্রম, বঙ্গবন্ধু বিজ্ঞান জাদুঘর ও দক্ষতা উন্নয়ন।",
    # reph র্য র্ক র্ম, ya-phala ্য
    "কার্যবিবরণী, তর্কবিতর্ক, কর্মকর্তা, বাক্য, ব্যবস্থা ও স্বাস্থ্য সেবা।",
    # ZWJ (র‍্যাব = র + ZWJ + ্ + য) and ZWNJ (explicit hasanta: উদ্‌যাপন)
    "র\u200d্যাব সদস্যরা উদ্\u200cযাপন অনুষ্ঠানে র\u200d্যাংকিং বিষয়ে জানান।",
    # Bangla digits, dates, times
    "সভার তারিখ ১৭.০২.২০২১ খ্রিস্টাব্দ, সময় বিকাল ০৩.০০টা, স্মারক নং ৯৫।",
    # mixed Latin and Bangla, punctuation right after Bangla marks (a font change)
    "Zoom Online Platform-এ সভা হয়; ই-নথি (e-Nothi) ব্যবহারে ৯৫% অগ্রগতি, বোর্ড, শুরু।",
]


def _words(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text)
    return re.sub(r"(?<=[-/])\s+", "", text).split()


def _render(document: str, **kwargs) -> bytes:
    return pdftext.write_pdf(document, base_url=str(ROOT), **kwargs)


_UNPATCHED = """
import sys, weasyprint
document = sys.stdin.buffer.read().decode()
sys.stdout.buffer.write(weasyprint.HTML(string=document, base_url=sys.argv[1]).write_pdf())
"""


def _render_unpatched(document: str) -> bytes:
    """Plain WeasyPrint, in a fresh interpreter since :func:`install` patches globally."""
    result = subprocess.run(
        [sys.executable, "-c", _UNPATCHED, str(ROOT)],
        input=document.encode(),
        capture_output=True,
        check=True,
        cwd=ROOT,
    )
    return result.stdout


def _pdftotext(pdf: bytes, *options: str) -> str:
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "document.pdf"
        path.write_bytes(pdf)
        result = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", *options, str(path), "-"],
            capture_output=True,
            check=True,
        )
    return result.stdout.decode()


def _page_images(pdf: bytes) -> list[bytes]:
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "document.pdf"
        path.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", "50", str(path), str(Path(directory) / "page")], check=True)
        return [page.read_bytes() for page in sorted(Path(directory).glob("page*.ppm"))]


def _assert_same_words(expected: str, extracted: str) -> None:
    expected_words, extracted_words = _words(expected), _words(extracted)
    wrong = [(a, b) for a, b in zip(expected_words, extracted_words, strict=False) if a != b]
    assert extracted_words == expected_words, f"first differences: {wrong[:5]}"


@pytest.fixture(autouse=True)
def _restore_patch_state():
    """install() patches WeasyPrint for the whole process: put back what was there."""
    installed = pdftext.is_installed()
    yield
    if installed:
        pdftext.install()
    else:
        pdftext.uninstall()


@pytest.mark.parametrize("family", [SERIF, SANS], ids=["serif", "sans"])
@pytest.mark.parametrize("mode", [(), ("-layout",), ("-raw",)], ids=["default", "layout", "raw"])
def test_bangla_sentences_extract_exactly(family, mode):
    pdf = _render(_document(_paragraphs(SENTENCES), family))

    _assert_same_words("\n".join(SENTENCES), _pdftotext(pdf, *mode))


def test_zwj_and_zwnj_are_kept():
    pdf = _render(_document(_paragraphs(SENTENCES[4:5])))

    text = _pdftotext(pdf)
    assert "র\u200d্যাব" in text
    assert "উদ্\u200cযাপন" in text


def test_without_the_remedy_the_same_text_does_not_extract():
    """Proves the comparison can fail: plain WeasyPrint 70 loses and reorders vowel signs."""
    document = _document(_paragraphs(SENTENCES))

    words = _words(_pdftotext(_render_unpatched(document)))

    assert words != _words("\n".join(SENTENCES))
    assert "প্রশাসকের" not in words and "কার্যালয়ে" not in words


def test_bold_and_inline_markup():
    body = (
        "<p><b>সিদ্ধান্ত:</b> <b>বোর্ড</b>, <strong>শুরু</strong>। "
        "<em>কার্যক্রম</em> <b>কর্মকর্তা <i>জেলা</i> প্রশাসক</b> "
        "<span style='color: #006a4e'>স্বাস্থ্য</span>সেবা <u>ক্ষমতা</u></p>"
        "<h1>জনপ্রশাসন মন্ত্রণালয়ের ইনোভেশন টিমের সভা</h1>"
    )
    expected = "সিদ্ধান্ত: বোর্ড, শুরু। কার্যক্রম কর্মকর্তা জেলা প্রশাসক স্বাস্থ্যসেবা ক্ষমতা\nজনপ্রশাসন মন্ত্রণালয়ের ইনোভেশন টিমের সভা"
    for family in (SERIF, SANS):
        _assert_same_words(expected, _pdftotext(_render(_document(body, family))))


TABLE_ROWS = [
    ("ক্র:নং", "আলোচ্যসূচি", "সিদ্ধান্ত", "বাস্তবায়নকারী"),
    ("১", "ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা বাস্তবায়ন", "নৈতিকতা কমিটি গঠন", "জেলা প্রশাসক"),
    ("২", "সেবা সহজিকরণ ও ডিজিটাইজেশন", "প্রস্তাব গৃহীত হয়", "র\u200d্যাব সদর দপ্তর"),
]
TABLE = (
    "<table border='1'>"
    + "".join(
        "<tr>" + "".join(f"<td style='width: 25%'>{html_lib.escape(cell)}</td>" for cell in row) + "</tr>"
        for row in TABLE_ROWS
    )
    + "</table>"
)


def test_table_cells():
    # -raw keeps content stream order: row by row, cell by cell, line by line.
    text = _pdftotext(_render(_document(TABLE)), "-raw")

    _assert_same_words("\n".join(" ".join(row) for row in TABLE_ROWS), text)


def test_text_across_lines_and_pages():
    paragraph = " ".join(SENTENCES[:4])
    body = "".join(f"<p>{html_lib.escape(paragraph)}</p>" for _ in range(12))
    pdf = _render(_document(body, css="body { width: 6cm; text-align: justify }"))

    text = _pdftotext(pdf, "-raw")

    assert text.count("\f") >= 3  # one form feed per page: the text is spread over pages
    _assert_same_words("\n".join([paragraph] * 12), text)


def _reference_lines() -> list[tuple[str, list[str]]]:
    files = sorted(REFERENCE_MINUTES.glob("*.txt"))
    if not files:
        pytest.skip(f"no reference minutes in {REFERENCE_MINUTES}")
    return [(path.name, path.read_text(encoding="utf-8").splitlines()[:40]) for path in files]


def _reference_document(lines: list[str]) -> tuple[str, str]:
    """Lines with tabs become table rows (as in the originals), the others paragraphs."""
    body, in_table = [], False
    for line in filter(str.strip, lines):
        cells = line.split("\t")
        if len(cells) > 1:
            body.append("" if in_table else "<table style='font-size: 10pt'>")
            body.append("<tr>" + "".join(f"<td>{html_lib.escape(c)}</td>" for c in cells) + "</tr>")
        else:
            body.append(("</table>" if in_table else "") + f"<p>{html_lib.escape(line)}</p>")
        in_table = len(cells) > 1
    return "".join(body) + ("</table>" if in_table else ""), "\n".join(lines)


@pytest.mark.parametrize("family", [SERIF, SANS], ids=["serif", "sans"])
def test_reference_minutes_extract_exactly(family):
    for name, lines in _reference_lines():
        body, expected = _reference_document(lines)
        text = _pdftotext(_render(_document(body, family)), "-raw")
        try:
            _assert_same_words(expected, text)
        except AssertionError as error:
            raise AssertionError(f"{name}: {error}") from None


def test_pages_look_identical_with_and_without_the_remedy():
    document = _document(_paragraphs(SENTENCES) + TABLE + "<p><b>বোর্ড</b>, <i>শুরু</i></p>")

    patched, unpatched = _render(document), _render_unpatched(document)

    assert patched != unpatched  # the remedy did change the PDF…
    patched_pages, unpatched_pages = _page_images(patched), _page_images(unpatched)
    assert len(patched_pages) == len(unpatched_pages) >= 1
    assert patched_pages == unpatched_pages  # …but not a single pixel


def test_latin_only_text_is_left_byte_identical():
    document = _document(
        "<h1>Minutes of the Innovation Team</h1><p>Held on Zoom, 17 February 2021 at "
        "3 p.m.; <b>decisions</b> were taken (see annex A).</p>"
        "<table><tr><td>Chair</td><td>Additional Secretary</td></tr></table>"
    )

    assert _render(document) == _render_unpatched(document)


def test_write_pdf_takes_weasyprint_objects():
    import weasyprint

    document = _document(_paragraphs(SENTENCES[:1]))
    html = weasyprint.HTML(string=document, base_url=str(ROOT))

    for source in (html, html.render()):
        _assert_same_words(SENTENCES[0], _pdftotext(pdftext.write_pdf(source)))
    with pytest.raises(TypeError):
        pdftext.write_pdf(html, target="minutes.pdf")


def test_importing_patches_nothing():
    code = (
        "import pdftext, weasyprint.draw.text as t;"
        "assert t.draw_first_line.__module__ == 'weasyprint.draw.text'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_install_is_idempotent_and_uninstall_restores():
    from weasyprint.draw import text

    pdftext.uninstall()
    original = text.draw_first_line
    pdftext.install()
    pdftext.install()
    assert pdftext.is_installed()
    assert text.draw_first_line is pdftext._draw_first_line

    pdftext.uninstall()
    assert text.draw_first_line is original
    assert not pdftext.is_installed()


def test_version_pin_fails_loudly(monkeypatch):
    import weasyprint

    pdftext.uninstall()
    monkeypatch.setattr(weasyprint, "__version__", "71.0")

    with pytest.raises(pdftext.WeasyPrintVersionError, match="71.0"):
        pdftext.install()
    with pytest.raises(pdftext.WeasyPrintVersionError):
        pdftext.write_pdf(_document("<p>জেলা</p>"))
    assert not pdftext.is_installed()
    monkeypatch.undo()  # before the autouse fixture re-installs the patch for the tests that follow
