"""The portal's own request handling: which language a page speaks, and requests refused outright."""

import copy
from dataclasses import asdict

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject, CSPMiddleware, PolicyParts
from csp.utils import build_policy
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


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, but the policy of a response that asks for nothing of its own (no
    per-view decorator, no nonce: every page of the portal today) is built once per process, not for
    every response; building it cost as much as serving a cached public page. Anything else is
    left to django-csp as it is."""

    _PER_RESPONSE = (
        "_csp_config", "_csp_update", "_csp_replace", "_csp_config_ro", "_csp_update_ro", "_csp_replace_ro",
    )  # fmt: skip
    _built: tuple = (None, {})  # (the settings they were built from, {header: policy})

    def _policies(self) -> dict:
        source = (
            getattr(settings, "CONTENT_SECURITY_POLICY", None),
            getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None),
        )  # settings changed (in tests): built again
        if self._built[0] != source:
            source = copy.deepcopy(source)
            parts = PolicyParts()  # no per-response config, no nonce
            policies = {
                HEADER: build_policy(**asdict(parts)),
                HEADER_REPORT_ONLY: build_policy(**asdict(parts), report_only=True),
            }
            type(self)._built = (source, policies)
        return self._built[1]

    def process_response(self, request, response):
        plain = getattr(request, "_csp_nonce", None) is None and not any(
            getattr(response, name, None) for name in self._PER_RESPONSE
        )
        if not plain or (getattr(settings, "CONTENT_SECURITY_POLICY", None) or {}).get(
            "EXCLUDE_URL_PREFIXES"
        ):
            return super().process_response(request, response)
        if response.status_code in (500, 404) and settings.DEBUG:
            return response
        exempt = {HEADER: "_csp_exempt", HEADER_REPORT_ONLY: "_csp_exempt_ro"}
        for header, policy in self._policies().items():
            if policy and header not in response and not getattr(response, exempt[header], False):
                response[header] = policy
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response
