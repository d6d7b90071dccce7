"""The document for the office's staff: an issued version exactly as stored, a draft as it is now
with its "খসড়া" watermark. Reading only: printing happens in Celery tasks (store.py)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from minutes.document import selectors, store
from minutes.document.render import render_html
from minutes.selectors import get_meeting_for_user_or_404
from minutes.tasks import draft_pdf_print_task


def being_prepared(request, meeting, *, failed: str = ""):
    """The page shown while a worker prints the document (it reloads itself), or why it could not."""
    ctx = {"meeting": meeting, "failed": failed}
    return render(request, "minutes/document_preparing.html", ctx, status=422 if failed else 202)


@require_GET
@login_required
def meeting_document(request, pk):
    meeting = get_meeting_for_user_or_404(request.user, pk)
    if meeting.is_issued:
        html = selectors.issued_html(meeting)
        if html is None:
            return being_prepared(request, meeting)
        return HttpResponse(html, content_type="text/html; charset=utf-8")
    toolbar = [
        (_("← The meeting's page"), reverse("minutes:detail", args=[pk])),
        ("PDF", reverse("minutes:pdf", args=[pk])),
    ]
    response = HttpResponse(render_html(meeting, toolbar=toolbar), content_type="text/html; charset=utf-8")
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
@login_required
def meeting_pdf(request, pk):
    meeting = get_meeting_for_user_or_404(request.user, pk)
    if meeting.is_issued:
        stored = selectors.issued_pdf(meeting)
        if stored is None:
            return being_prepared(request, meeting)
        pdf, name, cache_control = stored[0], f"minutes-{meeting.pk}-v{meeting.version}.pdf", "private"
    else:
        pdf = store.awaited_pdf(render_html(meeting), lambda: draft_pdf_print_task.delay(meeting.pk))
        if pdf is None:
            return being_prepared(request, meeting)
        if pdf.startswith(store.FAILED):
            return being_prepared(request, meeting, failed=pdf.removeprefix(store.FAILED).decode())
        name, cache_control = f"minutes-{meeting.pk}-draft.pdf", "private, no-store"
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{name}"'
    response["Cache-Control"] = cache_control
    return response
