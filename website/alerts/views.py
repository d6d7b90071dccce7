"""The alerts' pages: subscribe (a form), confirm and unsubscribe (from the e-mailed links).

A GET never writes: each link opens a page with a button, and the button's POST does it. The
unsubscribe address takes a POST without a CSRF token, as mail programs send it (RFC 8058): its
signed token is what allows it. These pages carry a CSRF token and are never cached."""

from django import forms
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from offices.lockout import client_ip
from offices.throttle import over_limit
from website.alerts import services
from website.alerts.tokens import BadToken, read_confirmation
from website.feeds import bad_request, feed_path
from website.following import BadCriteria, Criteria

REQUESTS_PER_ADDRESS = 10  # subscription requests from one network address an hour
REQUESTS_PER_EMAIL = 3  # confirmation e-mails to one e-mail address a day


class SubscribeForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("Your e-mail address"), max_length=254)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request):
    """What is followed comes from the query string (office, sub, q, fy), as on the feeds."""
    params = request.POST if request.method == "POST" else request.GET
    try:
        criteria = Criteria.from_params(params)
    except BadCriteria as error:
        return bad_request(request, error)
    form = SubscribeForm(request.POST if request.method == "POST" else None)
    ctx = {"form": form, "criteria": criteria, "params": criteria.params(), "feed_url": feed_path(criteria)}
    if request.method != "POST" or not form.is_valid():
        return render(request, "website/alerts/subscribe.html", ctx, status=400 if form.errors else 200)
    email = form.cleaned_data["email"].strip()
    if over_limit(f"alerts:address:{client_ip(request)}", limit=REQUESTS_PER_ADDRESS) or over_limit(
        f"alerts:email:{email.lower()}", limit=REQUESTS_PER_EMAIL, seconds=24 * 3600
    ):
        form.add_error(None, _("Too many requests. Try again later."))
        return render(request, "website/alerts/subscribe.html", ctx, status=429)
    services.subscription_request(email=email, criteria=criteria, language=get_language())
    return render(request, "website/alerts/subscribe.html", {**ctx, "sent_to": email})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    try:
        if request.method == "POST":
            subscription, created = services.subscription_confirm(token=token)
            ctx = {
                "done": True,
                "created": created,
                "what": services.subscription_criteria(subscription).describe(),
            }
        else:
            email, criteria, _language = read_confirmation(token)
            ctx = {"done": False, "email": email, "what": criteria.describe()}
    except BadToken:
        return _bad_link(request)
    return render(request, "website/alerts/confirm.html", ctx)


@never_cache
@csrf_exempt  # RFC 8058: mail programs POST "List-Unsubscribe=One-Click" without a token of ours
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    try:
        if request.method == "POST":
            services.subscription_cancel(token=token)
            ctx = {"done": True}
        else:
            subscription = services.subscription_for_token(token)
            ctx = {
                "done": subscription is None,
                "email": subscription and subscription.email,
                "what": subscription and services.subscription_criteria(subscription).describe(),
            }
    except BadToken:
        return _bad_link(request)
    return render(request, "website/alerts/unsubscribe.html", ctx)


def _bad_link(request) -> HttpResponse:
    return bad_request(
        request,
        _("This link is not valid or has expired. Copy the whole link from the e-mail, or subscribe again."),
    )
