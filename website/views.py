"""The public website: published minutes only, served exactly as issued (stored HTML and PDF)."""

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from minutes.document.selectors import issued_html, issued_pdf
from website import selectors


def _being_prepared(request, meeting):
    return render(request, "website/preparing.html", {"meeting": meeting}, status=202)


@require_GET
def published_list(request):
    query = request.GET.get("q", "").strip()[:200]
    ctx = {"meetings": selectors.published_meetings(query)[:200], "query": query}
    return render(request, "website/minutes_list.html", ctx)


@require_GET
def published_document(request, pk):
    meeting = selectors.get_published_or_404(pk)
    html = issued_html(meeting)
    if html is None:
        return _being_prepared(request, meeting)
    return _public(HttpResponse(html, content_type="text/html; charset=utf-8"))


@require_GET
def published_pdf(request, pk):
    meeting = selectors.get_published_or_404(pk)
    stored = issued_pdf(meeting)
    if stored is None:
        return _being_prepared(request, meeting)
    response = HttpResponse(stored[0], content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="minutes-{meeting.memo_number}.pdf"'
    response["ETag"] = f'"{stored[1]}"'
    return _public(response)


def _public(response):
    response["Cache-Control"] = "public, max-age=3600"
    return response
