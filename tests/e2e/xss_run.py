"""Chromium with the XSS probe: each page opened twice (CSP bypassed, CSP enforced), provoked, scanned.

Shared by the XSS browser tests (tests/e2e/test_xss_*.py); tests/e2e/test_xss_browser.py says how.
"""

import time
from collections import defaultdict
from urllib.parse import urlsplit

from django.conf import settings
from django.test import Client

from tests.security.xss_corpus import FORM_PAYLOADS, PAYLOADS
from tests.security.xss_scan import (
    DOM_SCAN_SCRIPT,
    PROBE_INIT_SCRIPT,
    csp_problems,
    dom_scan_arguments,
    pdf_problems,
)

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

    def failures(self) -> list[str]:
        """Everything that went wrong, by browser context and page: empty when nothing could run."""
        by_number = {str(p.number): p for p in PAYLOADS}
        failures = []
        for watch in self.watches:
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
        for label, found in self.problems.items():
            if found:
                failures.append(f"{label}:\n    " + "\n    ".join(found[:30]))
        return failures

    def close(self):
        for watch in self.watches:
            watch.context.close()
