"""The XSS corpus (tests/security/xss_corpus.py) in every text field, opened in Chromium on every page
that shows it: no payload may run, on the editor, the meeting's page, the document (draft and issued,
as stored), the public page or the PDFs.

A drafter saves one meeting holding the whole corpus through the real editor view; an approver
returns it (the corpus in the return comments) and approves it (as much of it as the approve comment
takes), an issuing officer issues and publishes it, and the issued document is stored (no worker
runs here, so the test stores it). Chromium opens each page twice:

- with the page's CSP bypassed, so the sanitisers alone stand between a payload and the probe:
  every payload calls `top.__xss(<its number>)`, which this test defines in each page and frame
  before the page's own scripts, and which reports to the test;
- with the CSP enforced, as users get it: no violation may be reported at all.

On each visit the test presses Tab, clicks and hovers the discussions (and, with the CSP bypassed,
fires mouse and focus events at every element of the users' content), then scans the whole DOM for anything that could run (an
on* attribute, a javascript: URL, a script or frame the portal does not write). A positive control
at the end shows that the probe and the CSP reports do catch an injected handler.
"""

import time
from collections import defaultdict
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from minutes.delivery.services import deliveries_record
from minutes.document.store import store_issued_document
from minutes.models import Delivery, IssuedDocument, Meeting
from minutes.workflow import services as workflow_services
from offices.models import OfficeRole
from tests.factories import (
    BranchFactory,
    GovernmentFileFactory,
    MeetingFactory,
    OfficeFactory,
    OfficialFactory,
    user_with_role,
)
from tests.security.xss_corpus import FORM_PAYLOADS, PAYLOADS
from tests.security.xss_fields import ALL_FIELDS, comment_chunks, corpus_post, joined, pack
from tests.security.xss_scan import (
    DOM_SCAN_SCRIPT,
    PROBE_INIT_SCRIPT,
    csp_problems,
    dom_scan_arguments,
    pdf_problems,
)
from website.addresses import minutes_url

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
R = OfficeRole.Role

# Events fired at every element of the users' content (inline handlers run on synthetic events too).
PROVOKE_SCRIPT = """
(selector) => {
  let count = 0;
  for (const el of document.querySelectorAll(selector)) {
    count++;
    for (const type of ["mouseover", "mouseenter", "mousemove", "mousedown", "mouseup", "pointerover", "pointerdown"]) {
      el.dispatchEvent(new MouseEvent(type, {bubbles: true, cancelable: true}));
    }
    if (!el.closest("a, button, label, select, input, [hx-post], [hx-get]")) el.dispatchEvent(new MouseEvent("click", {bubbles: true, cancelable: true}));
    if (el.hasAttribute("tabindex") || el.isContentEditable || el.matches("a[href], input, select, textarea, button")) el.focus();
    el.dispatchEvent(new FocusEvent("focusin", {bubbles: true}));
  }
  return count;
}
"""
USER_CONTENT = ".discussion, .discussion *, td, td *, li, li *, h1, h2, p, span, strong"
EDITOR_CONTENT = ".rich-text-box, .rich-text-box *"  # the rest of the editor is inputs holding text


class Watch:
    """What happens in one browser context: probe calls, dialogs, CSP reports, requests, errors."""

    def __init__(self, browser, base_url: str, *, bypass_csp: bool):
        self.name = "CSP bypassed" if bypass_csp else "CSP enforced"
        self.base_url = base_url
        self.probe_calls: list[tuple[str, str]] = []
        self.csp_reports: list[str] = []
        self.console: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.popups: list[str] = []
        self.expected_navigation = ""
        self.context = browser.new_context(
            locale="bn-BD", viewport={"width": 1280, "height": 900}, bypass_csp=bypass_csp
        )
        self.context.set_default_timeout(15_000)
        self.context.add_init_script(PROBE_INIT_SCRIPT)
        self.label = ""  # the page being visited, for the report
        self.context.expose_binding("__xssReport", lambda source, n: self.probe_calls.append((self.label, n)))
        self.context.expose_binding("__cspReport", lambda source, report: self.csp_reports.append(report))
        self.page = self.context.new_page()
        self.page.on("dialog", self._dialog)
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.errors.append(f"{self.page.url}: {error}"))
        self.page.on("request", self._request)
        self.page.on("popup", lambda popup: self.popups.append(popup.url))

    def _dialog(self, dialog):
        if dialog.type != "beforeunload":  # the editor's own "unsaved changes" warning
            self.dialogs.append(f"{dialog.type}: {dialog.message} on {self.page.url}")
        dialog.dismiss()

    def _console(self, message):
        text = message.text
        if "Content Security Policy" in text or "Refused to" in text:
            self.console.append(text)

    def _request(self, request):
        url = request.url
        if url.startswith("data:") or url.startswith("about:"):
            return
        own = url.startswith(self.base_url + "/")
        path = urlsplit(url).path
        if own and path.startswith("/static/") or own and path == "/favicon.ico":
            return
        if (
            own
            and request.is_navigation_request()
            and request.frame == self.page.main_frame
            and url == self.expected_navigation
        ):
            return
        self.requests.append(f"{request.resource_type} {request.method} {url} (on {self.page.url})")

    def log_in(self, user):
        self.context.clear_cookies()
        if user is None:
            return
        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
        self.context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": self.base_url}]
        )


class Run:
    def __init__(self, browser, base_url: str):
        self.base_url = base_url
        self.watches = [Watch(browser, base_url, bypass_csp=True), Watch(browser, base_url, bypass_csp=False)]
        self.pages: list[str] = []
        self.problems: dict[str, list[str]] = defaultdict(list)
        self.elements = 0
        self.provoked = 0

    def log_in(self, user):
        for watch in self.watches:
            watch.log_in(user)

    def visit(self, label: str, path: str, *, is_document=False, editor=False):
        self.pages.append(label)
        for watch in self.watches:
            page = watch.page
            url = self.base_url + path
            watch.expected_navigation, watch.label = url, label
            response = page.goto(url, wait_until="load")
            assert response.status == 200, f"{label}: {response.status}"
            header = response.headers.get("content-security-policy")
            self.problems[label] += [f"CSP header: {p}" for p in csp_problems(header)]
            if editor:
                areas = page.locator("textarea.rich-text").count()
                page.wait_for_function(
                    "n => document.querySelectorAll('.rich-text-box[contenteditable=true]').length === n",
                    arg=areas,
                )
                # Each payload is in a discussion and in a decision, both rich text in the editor's boxes.
                assert areas >= 2 * len(FORM_PAYLOADS), f"the editor shows {areas} rich-text boxes"
                # With the formatting the sanitiser keeps ("<b>hover me</b>"), in discussions and decisions.
                for field in ("discussion", "text"):
                    bold = page.locator(f'textarea.rich-text[name$="-{field}"]').locator(
                        "xpath=preceding-sibling::div[contains(@class, 'rich-text-box')]//b",
                        has_text="hover me",
                    )
                    assert bold.count() >= 1, field
                boxes = page.locator(".rich-text-box")
                for i in range(0, boxes.count(), 20):  # real clicks on a share of the boxes, in both passes
                    boxes.nth(i).click()
            for _ in range(6):
                page.keyboard.press("Tab")
            hover = page.locator(".discussion, .rich-text-box, td, .decisions li").filter(visible=True)
            for i in range(0, min(hover.count(), 400), 50):
                hover.nth(i).hover()
            if watch is self.watches[0]:
                self.provoked += page.evaluate(PROVOKE_SCRIPT, EDITOR_CONTENT if editor else USER_CONTENT)
            page.wait_for_timeout(250)  # image errors, toggles and frames report asynchronously
            # The portal writes no frame: any frame is a payload's (and evaluating in it may never return).
            self.problems[label] += [f"{watch.name}: a frame at {frame.url}" for frame in page.frames[1:]]
            scan = page.evaluate(DOM_SCAN_SCRIPT, dom_scan_arguments(is_document=is_document))
            self.elements += scan["elements"] if watch is self.watches[0] else 0
            self.problems[label] += [f"{watch.name}: {p}" for p in scan["problems"]]
            if editor:
                assert scan["boxes"] >= 2 * len(FORM_PAYLOADS)
            if page.url != url:
                self.problems[label].append(f"{watch.name}: navigated to {page.url}")
            elif "__xss(" not in page.inner_text("body"):  # the page does show users' text (as text)
                self.problems[label].append(f"{watch.name}: no payload shown: is this the right page?")

    def fetch_pdf(self, label: str, path: str):
        self.pages.append(label)
        response = self.watches[1].context.request.get(self.base_url + path)
        assert response.status == 200, f"{label}: {response.status}"
        assert response.headers["content-type"] == "application/pdf"
        self.problems[label] += [
            f"CSP header: {p}" for p in csp_problems(response.headers.get("content-security-policy"))
        ]
        self.problems[label] += pdf_problems(response.body())

    def control(self):
        """An injected handler is caught: by the probe with the CSP bypassed, by a CSP report with it enforced."""
        for watch in self.watches:
            before = (len(watch.probe_calls), len(watch.csp_reports))
            watch.page.evaluate(
                "document.body.insertAdjacentHTML('beforeend', '<img id=control src=\"data:,\" onerror=top.__xss(-1)>')"
            )
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline and (len(watch.probe_calls), len(watch.csp_reports)) == before:
                watch.page.wait_for_timeout(50)
            watch.page.wait_for_timeout(200)
            watch.page.evaluate("document.getElementById('control').remove()")
            calls = [n for _label, n in watch.probe_calls[before[0] :]]
            reports = watch.csp_reports[before[1] :]
            del watch.probe_calls[before[0] :], watch.csp_reports[before[1] :]
            watch.console[:] = [c for c in watch.console if "inline event handler" not in c]
            if watch is self.watches[0]:
                assert calls == ["-1"], f"the probe did not report the control: {calls}"
            else:
                assert calls == [] and len(reports) == 1 and "script-src" in reports[0], (calls, reports)

    def close(self):
        for watch in self.watches:
            watch.context.close()


def _step(client, user, meeting, step, **data):
    client.force_login(user)
    response = client.post(reverse("minutes:step", args=[meeting.pk, step]), data)
    assert response.status_code == 302, f"{step}: {response.status_code}"
    return Meeting.objects.get(pk=meeting.pk)


def test_no_payload_runs_in_chromium_on_any_page_that_shows_it(
    browser, live_server, client, monkeypatch, capsys
):
    started = time.monotonic()
    office = OfficeFactory(name="দপ্তর ক")
    # The office's records feed the editor's lists and its officials' data (a JSON script block).
    breakouts = [p for p in FORM_PAYLOADS if p.kind == "breakout"]
    for payload in breakouts:
        OfficialFactory(office=office, name=payload.text, designation=payload.text)
    BranchFactory(office=office, name=breakouts[0].text)
    drafter = user_with_role(office, R.DRAFTER, username="drafter")
    approver = user_with_role(office, R.APPROVER, username="approver")
    issuer = user_with_role(office, R.ISSUER, username="issuer")
    for user, payload in ((drafter, breakouts[1]), (approver, breakouts[2]), (issuer, breakouts[3])):
        user.first_name = payload.text[:150]  # shown in the page header and frozen on workflow steps
        user.save(update_fields=["first_name"])
    nothi = GovernmentFileFactory(office=office)
    meeting = MeetingFactory(office=office, created_by=drafter, date="2021-02-17")

    # The drafter saves the whole corpus through the editor.
    post, coverage = corpus_post(FORM_PAYLOADS)
    client.force_login(drafter)
    response = client.post(reverse("minutes:edit", args=[meeting.pk]), post)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert (
        meeting.agenda_items.count()
        == meeting.attendees.count()
        == meeting.recipients.count()
        == len(FORM_PAYLOADS)
    )

    # Submitted and returned with the corpus in the comments, once per 5,000 characters.
    chunks = comment_chunks(FORM_PAYLOADS)
    for chunk in chunks:
        _step(client, drafter, meeting, "submit")
        _step(client, approver, meeting, "return", comment=joined(chunk, "\n"))
    coverage["return comment"] = {p.number for chunk in chunks for p in chunk}

    run = Run(browser, live_server.url)
    try:
        run.log_in(drafter)
        run.visit("editor (drafter, returned)", reverse("minutes:edit", args=[meeting.pk]), editor=True)

        meeting = _step(client, drafter, meeting, "submit")
        run.log_in(approver)
        run.visit("inbox (approver)", reverse("minutes:inbox"))
        run.visit("meeting page (approver, submitted)", reverse("minutes:detail", args=[meeting.pk]))
        run.visit(
            "draft document (approver)", reverse("minutes:document", args=[meeting.pk]), is_document=True
        )

        approve_comment = pack(FORM_PAYLOADS, 5000, start=len(FORM_PAYLOADS) // 2, separator="\n")
        meeting = _step(client, approver, meeting, "approve", comment=joined(approve_comment, "\n"))
        coverage["approve comment"] = {p.number for p in approve_comment}
        run.log_in(drafter)
        run.visit("meeting page (drafter, approved)", reverse("minutes:detail", args=[meeting.pk]))
        for layout in ("table", "paragraphs", "sections"):
            Meeting.objects.filter(pk=meeting.pk).update(layout=layout)
            run.visit(
                f"draft document ({layout})", reverse("minutes:document", args=[meeting.pk]), is_document=True
            )

        # Issued (no worker runs here: the test stores the document the after-commit task would),
        # the deliveries recorded, then published.
        queued = []
        monkeypatch.setattr(workflow_services, "_after_issue", queued.append)
        meeting = _step(
            client,
            issuer,
            meeting,
            "issue",
            government_file=nothi.pk,
            issue_date=timezone.localdate().strftime("%d.%m.%Y"),
            signer="typed",
        )
        assert queued == [meeting.pk]
        stored = store_issued_document(Meeting.objects.select_related("office").get(pk=meeting.pk))
        assert deliveries_record(meeting=meeting)
        meeting = _step(client, issuer, meeting, "publish")
        assert (
            meeting.state == Meeting.State.PUBLISHED and IssuedDocument.objects.filter(pk=stored.pk).exists()
        )
        assert Delivery.objects.filter(meeting=meeting).count() == len(coverage["recipient.email"])

        run.visit("meeting page (drafter, published)", reverse("minutes:detail", args=[meeting.pk]))
        run.visit(
            "issued document, as stored (staff)",
            reverse("minutes:document", args=[meeting.pk]),
            is_document=True,
        )
        run.fetch_pdf("issued PDF (staff)", reverse("minutes:pdf", args=[meeting.pk]))
        run.visit("meeting list (drafter)", reverse("minutes:list"))
        run.log_in(None)
        public = Meeting.objects.select_related("office").get(pk=meeting.pk)
        run.visit("public page", minutes_url(public), is_document=True)
        run.visit("public list", reverse("public:list"))
        run.visit("public office page", reverse("public:office", args=[public.office.web_name]))
        run.fetch_pdf("public PDF", minutes_url(public, pdf=True))
        run.control()
    finally:
        run.close()

    pairs = sum(len(numbers) for numbers in coverage.values())
    with capsys.disabled():
        print(
            f"\nXSS in Chromium: {len(FORM_PAYLOADS)} of {len(PAYLOADS)} payloads (the other has a raw NUL, refused "
            f"before any form) in {len(ALL_FIELDS)} fields, {pairs} payload-field pairs "
            f"(+ {len(breakouts)} officials, a branch and 3 users' names); {len(run.pages)} pages and PDFs, "
            f"each with the CSP bypassed and enforced; {run.elements} elements scanned, {run.provoked} provoked; "
            f"{time.monotonic() - started:.0f} s"
        )
        partial = {
            field: len(numbers) for field, numbers in coverage.items() if len(numbers) < len(FORM_PAYLOADS)
        }
        print(
            "  fields holding part of the corpus:", ", ".join(f"{f} {n}" for f, n in sorted(partial.items()))
        )

    by_number = {str(p.number): p for p in PAYLOADS}
    failures = []
    for watch in run.watches:
        ran = defaultdict(list)
        for label, number in watch.probe_calls:
            ran[label].append(str(by_number.get(number, number)))
        failures += [
            f"{watch.name}, {label}: payloads RAN: " + "; ".join(sorted(set(found)))
            for label, found in ran.items()
        ]
        for what, found in (("dialogs opened", watch.dialogs), ("CSP violations", watch.csp_reports + watch.console),
                            ("unexpected requests", watch.requests), ("windows opened", watch.popups),
                            ("script errors", watch.errors)):  # fmt: skip
            if found:
                failures.append(f"{watch.name}: {what}: " + "\n    ".join(found[:30]))
    for label, found in run.problems.items():
        if found:
            failures.append(f"{label}:\n    " + "\n    ".join(found[:30]))
    assert failures == [], "\n".join(failures)
