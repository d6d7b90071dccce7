"""The site-wide Content-Security-Policy, built once per process by the portal's subclass of
django-csp's middleware, is exactly django-csp's; a response that asks for its own still gets it."""

from csp.constants import HEADER
from csp.middleware import CSPMiddleware
from django.http import HttpResponse
from django.test import RequestFactory

from config.middleware import ContentSecurityPolicyMiddleware


def _header(middleware_class, response):
    request = RequestFactory().get("/public/")
    middleware = middleware_class(lambda request: response)
    middleware.process_request(request)
    return middleware.process_response(request, response)[HEADER]


def test_the_site_wide_policy_is_django_csps_own():
    ours, theirs = (
        _header(ContentSecurityPolicyMiddleware, HttpResponse()),
        _header(CSPMiddleware, HttpResponse()),
    )
    assert ours == theirs and "default-src 'none'" in ours and "script-src 'self'" in ours
    assert _header(ContentSecurityPolicyMiddleware, HttpResponse()) == ours  # built once, the same after


def test_a_response_with_its_own_policy_gets_it():
    response = HttpResponse()
    response._csp_update = {"img-src": ["https://maps.example.gov.bd"]}
    assert "https://maps.example.gov.bd" in _header(ContentSecurityPolicyMiddleware, response)
    assert "https://maps.example.gov.bd" not in _header(ContentSecurityPolicyMiddleware, HttpResponse())


def test_a_request_that_used_a_nonce_is_left_to_django_csp(settings):
    from csp.constants import NONCE, SELF

    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": [SELF], "script-src": [SELF, NONCE]}}
    request = RequestFactory().get("/")
    middleware = ContentSecurityPolicyMiddleware(lambda request: HttpResponse())
    middleware.process_request(request)
    nonce = str(request.csp_nonce)
    assert f"'nonce-{nonce}'" in middleware.process_response(request, HttpResponse())[HEADER]


def test_changed_settings_build_the_policy_again(settings):
    before = _header(ContentSecurityPolicyMiddleware, HttpResponse())
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": ["'self'"]}}
    assert _header(ContentSecurityPolicyMiddleware, HttpResponse()) == "default-src 'self'" != before
