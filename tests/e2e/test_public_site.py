"""An anonymous reader on the public website, in Chromium: the front door leads to the public home,
then an office, a document, its PDF; the pages read well on a 360 px phone and axe-core finds no
serious or critical WCAG 2.1 A/AA violation on them."""

import re
from pathlib import Path

import pytest

from actionplan.models import Idea
from minutes.document.selectors import issued_pdf
from minutes.document.store import store_issued_document
from minutes.models import Meeting
from tests.e2e.conftest import screenshot
from tests.minutes.reference_fixtures import make_minutes_004

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text()
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture
def published():
    meeting = make_minutes_004(state=Meeting.State.PUBLISHED)  # a real print, as the worker stores it
    meeting.office.slug = "dwa"
    meeting.office.save()
    store_issued_document(meeting)
    Idea.objects.create(
        office=meeting.office, title="অনলাইনে অভিযোগ গ্রহণ", summary="ঘরে বসে অভিযোগ", is_published=True
    )
    return meeting


def axe_violations(page) -> list[str]:
    """Serious and critical WCAG 2.1 A/AA violations axe-core finds on the page as it is now."""
    page.evaluate(AXE)  # evaluated by the browser's debugger protocol: the page's CSP does not apply
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", WCAG
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_an_anonymous_reader_finds_reads_and_downloads_published_minutes(browser, live_server, published):
    context = browser.new_context(
        locale="bn-BD", viewport={"width": 1280, "height": 900}, accept_downloads=True
    )
    page = context.new_page()
    page.goto(live_server.url + "/")
    assert page.url.endswith("/public/")
    assert page.locator("html").get_attribute("lang") == "bn"
    assert page.get_by_role("heading", level=1).inner_text() == "ইনোভেশন টিমের সভার কার্যবিবরণী"
    problems = {"home": axe_violations(page)}

    page.get_by_role("link", name="মহিলা বিষয়ক অধিদপ্তর", exact=True).click()
    page.wait_for_url("**/public/dwa/")
    assert page.get_by_role("heading", level=1).inner_text() == "মহিলা বিষয়ক অধিদপ্তর"
    problems["office"] = axe_violations(page)
    page.get_by_label("অর্থবছর").select_option("2024-25")
    page.get_by_role("button", name="দেখান").click()
    page.wait_for_url(re.compile(r"/public/dwa/\?fy=2024-25"))
    page.get_by_role("link", name=published.title).click()
    page.wait_for_url(f"**/public/dwa/2024-25/{published.memo_number}/")
    assert published.title in page.get_by_role("heading", level=1).inner_text()
    problems["document"] = axe_violations(page)

    with page.expect_download() as download:
        page.get_by_role("link", name="PDF নামান").first.click()
    assert Path(download.value.path()).read_bytes() == issued_pdf(published)[0]

    page.get_by_role("link", name="← দপ্তরের কার্যবিবরণী").click()
    page.wait_for_url("**/public/dwa/")
    page.get_by_role("link", name="দপ্তরের উদ্ভাবন ব্যাংক →").click()
    assert "অনলাইনে অভিযোগ গ্রহণ" in page.content()
    problems["ideas"] = axe_violations(page)
    page.goto(live_server.url + "/public/minutes/")
    problems["all minutes"] = axe_violations(page)
    page.set_content('<html><body><img src="x.png"><a href="/x"></a></body></html>')  # axe does look
    assert {found.split(" ")[0] for found in axe_violations(page)} >= {
        "image-alt",
        "html-has-lang",
        "link-name",
    }
    context.close()
    assert {name: found for name, found in problems.items() if found} == {}


def test_the_pages_read_well_on_a_360_px_phone(browser, live_server, published):
    context = browser.new_context(
        locale="bn-BD", viewport={"width": 360, "height": 740}, device_scale_factor=1
    )
    page = context.new_page()
    document = f"/public/dwa/2024-25/{published.memo_number}/"
    for name, path in (("home", "/public/"), ("office", "/public/dwa/"), ("document", document)):
        page.goto(live_server.url + path)
        # Nothing wider than the phone: the page does not scroll sideways (the document's wide table
        # scrolls inside its sheet).
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, (name, width)
        path = screenshot(page, f"public-360-{name}")
        assert path.stat().st_size > 10_000
    # The document's header keeps the way back and the PDF within reach at the top.
    page.goto(live_server.url + document)
    for link in ("← মহিলা বিষয়ক অধিদপ্তর", "PDF নামান"):
        box = page.get_by_role("link", name=link).first.bounding_box()
        assert box["y"] < 200 and box["x"] + box["width"] <= 360, (link, box)
    context.close()
