"""The document for the office's staff: an issued version exactly as stored, a draft rendered now
with its "খসড়া" watermark."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

from minutes import pdf
from minutes.document import ISSUED_STATES
from minutes.selectors import get_meeting_for_user_or_404


@require_GET
@login_required
def meeting_document(request, pk):
    meeting = get_meeting_for_user_or_404(request.user, pk)
    if meeting.state in ISSUED_STATES:
        html = pdf.store_issued_document(meeting).html
    else:
        toolbar = [
            ("← সভার পাতা", reverse("minutes:detail", args=[pk])),
            ("PDF", reverse("minutes:pdf", args=[pk])),
        ]
        html = pdf.render_html(meeting, toolbar=toolbar)
    return HttpResponse(html, content_type="text/html; charset=utf-8")


@require_GET
@login_required
def meeting_pdf(request, pk):
    meeting = get_meeting_for_user_or_404(request.user, pk)
    if meeting.state in ISSUED_STATES:
        data = pdf.issued_pdf(meeting) or bytes(pdf.store_issued_document(meeting).pdf)
        name = f"minutes-{meeting.pk}-v{meeting.version}.pdf"
    else:
        data = pdf.render_pdf(meeting)
        name = f"minutes-{meeting.pk}-draft.pdf"
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{name}"'
    response["Cache-Control"] = "private, no-store" if meeting.state not in ISSUED_STATES else "private"
    return response
