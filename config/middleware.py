"""The portal's own request handling: which language a page speaks, and requests refused outright."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import patch_vary_headers


class RejectNulMiddleware:
    """Requests carrying a NUL character are refused with 400: no honest form or link contains one,
    and databases (PostgreSQL) cannot store it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _has_nul(request.GET) or (request.method == "POST" and _has_nul(request.POST)):
            return HttpResponseBadRequest(render_to_string("400.html", request=request))
        return self.get_response(request)


def _has_nul(data) -> bool:
    return any("\x00" in key or any("\x00" in value for value in values) for key, values in data.lists())


class BanglaFirstLocaleMiddleware:
    """Bangla for everyone, whatever the browser asks for (officials' English-language Windows sends
    Accept-Language: en-US); English only for whoever chose it with the language switch, which
    remembers the choice in a cookie (Django's set_language view, LANGUAGE_COOKIE_AGE)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in dict(settings.LANGUAGES):
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ("Cookie",))
        return response


class FriendlyErrorPagesMiddleware:
    """A view's "not found" and "not allowed" answer with the portal's own Bangla pages (templates/404.html,
    403.html), in debug mode too, where Django would otherwise show its technical English page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, Http404):
            return render(request, "404.html", status=404)
        if isinstance(exception, PermissionDenied):
            return render(request, "403.html", status=403)
        return None
