"""Shows a refused workflow step the same way on every page: its reason as a message, back on the
meeting's page (or the list of minutes), with a redirect htmx follows too."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from minutes.workflow.steps import StepRefused


class StepRefusedMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, StepRefused):
            return None
        messages.error(request, str(exception))
        meeting = exception.meeting
        url = reverse("minutes:detail", args=[meeting.pk]) if meeting else reverse("minutes:list")
        if getattr(request, "htmx", False):  # htmx follows HX-Redirect only on a 2xx answer
            return HttpResponse(status=204, headers={"HX-Redirect": url})
        return redirect(url)
