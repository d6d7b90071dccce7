"""The document for staff: the issued version as stored, a draft rendered now with its watermark."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse

from minutes import pdf, selectors


@login_required
def meeting_document(request, pk):
    meeting = selectors.get_meeting_for_user_or_404(request.user, pk)
    html = pdf.store_issued_document(meeting).html if meeting.memo_number else pdf.render_html(meeting)
    return HttpResponse(html, content_type="text/html; charset=utf-8")


@login_required
def meeting_pdf(request, pk):
    meeting = selectors.get_meeting_for_user_or_404(request.user, pk)
    data = bytes(pdf.store_issued_document(meeting).pdf) if meeting.memo_number else pdf.render_pdf(meeting)
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="minutes-{meeting.pk}-v{meeting.version}.pdf"'
    return response
