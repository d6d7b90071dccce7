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

import pytest
from django.urls import reverse
from django.utils import timezone

from minutes.delivery.services import deliveries_record
from minutes.document.store import store_issued_document
from minutes.models import Delivery, IssuedDocument, Meeting
from minutes.workflow import services as workflow_services
from offices.models import OfficeRole
from tests.e2e.xss_run import Run
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
from website.addresses import minutes_url

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
R = OfficeRole.Role


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

    failures = run.failures()
    assert failures == [], "\n".join(failures)
