"""The public website: published minutes only, served exactly as issued (stored HTML and PDF)."""

from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import cache_control

from minutes.models import Meeting
from minutes.pdf import store_issued_document


def _published(pk) -> Meeting:
    meeting = get_object_or_404(Meeting.objects.select_related("office"), pk=pk)
    if not meeting.is_public:
        raise Http404  # drafts and unpublished minutes do not exist for the public
    return meeting


def published_list(request):
    query = request.GET.get("q", "").strip()
    meetings = Meeting.objects.filter(state=Meeting.State.PUBLISHED).select_related("office")
    if query:
        meetings = meetings.filter(Q(title__icontains=query) | Q(office__name__icontains=query))
    ctx = {"meetings": meetings.order_by("-issue_date", "-id")[:200], "query": query}
    return render(request, "minutes/public_list.html", ctx)


@cache_control(public=True, max_age=3600)
def published_document(request, pk):
    meeting = _published(pk)
    document = store_issued_document(meeting)
    return HttpResponse(document.html, content_type="text/html; charset=utf-8")


@cache_control(public=True, max_age=3600)
def published_pdf(request, pk):
    meeting = _published(pk)
    document = store_issued_document(meeting)
    response = HttpResponse(bytes(document.pdf), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="minutes-{meeting.memo_number}.pdf"'
    response["ETag"] = f'"{document.pdf_sha256}"'
    return response
