"""Requests carrying a NUL character are refused with 400: no honest form or link contains one, and
databases (PostgreSQL) cannot store it."""

from django.http import HttpResponseBadRequest
from django.template.loader import render_to_string


class RejectNulMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _has_nul(request.GET) or (request.method == "POST" and _has_nul(request.POST)):
            return HttpResponseBadRequest(render_to_string("400.html", request=request))
        return self.get_response(request)


def _has_nul(data) -> bool:
    return any("\x00" in key or any("\x00" in value for value in values) for key, values in data.lists())
