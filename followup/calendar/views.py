"""The calendar feeds: the page where a user makes and revokes secret addresses, and the feed itself,
which calendar apps read without logging in (they cannot): the token in the address is the key."""

import hashlib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from bangla.digits import parse_integer
from followup.calendar import selectors, services
from followup.calendar.feeds import feed_ics
from followup.calendar.forms import FeedForm
from followup.models import CalendarFeed
from offices.selectors import get_office_for_user_or_404

Scope = CalendarFeed.Scope


def _page(request, *, office_pk=None, new_feed=None, new_token=None):
    feeds = selectors.user_feeds(request.user)
    ctx = {
        "feeds": feeds,
        "offices": selectors.subscribable_offices(request.user, feeds, office_pk),
        "official": request.user.official if request.user.official_id else None,
        "new_feed": new_feed,
        "new_url": request.build_absolute_uri(_feed_path(new_token)) if new_token else None,
    }
    if ctx["new_url"]:
        ctx["new_webcal"] = "webcal://" + ctx["new_url"].split("://", 1)[1]
    return render(request, "followup/calendar/feeds.html", ctx)


def _feed_path(token: str) -> str:
    return reverse("followup:calendar_feed", args=[token])


@login_required
@require_safe
def feed_list(request):
    """The user's calendars: their own items, and each office they work in (or came from)."""
    try:
        office_pk = parse_integer(request.GET.get("office", ""))
    except ValueError:
        office_pk = None
    return _page(request, office_pk=office_pk)


@login_required
@require_POST
def feed_create(request):
    """Makes a secret address (revoking the calendar's old one) and shows it, once: only its hash is kept."""
    form = FeedForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose which calendar to subscribe to."))
        return redirect("followup:calendar")
    scope = form.cleaned_data["scope"]
    office = (
        get_office_for_user_or_404(request.user, form.cleaned_data["office"])
        if scope == Scope.OFFICE
        else None
    )
    if not services.may_subscribe(request.user, scope, office):
        messages.error(
            request, _("Your account is not tied to an official in office: ask your office administrator.")
        )
        return redirect("followup:calendar")
    feed, token = services.calendar_feed_create(
        user=request.user, scope=scope, office=office, with_alarm=form.cleaned_data["with_alarm"]
    )
    return _page(request, office_pk=office.pk if office else None, new_feed=feed, new_token=token)


@login_required
@require_POST
def feed_revoke(request, pk):
    feed = get_object_or_404(CalendarFeed, pk=pk, user=request.user, revoked_at__isnull=True)
    services.calendar_feed_revoke(feed=feed, by=request.user)
    messages.success(request, _("The address is revoked: calendars subscribed to it get nothing more."))
    return redirect("followup:calendar")


@require_safe
def feed(request, token):
    """The .ics of a live feed; 404 for anything else. Conditional GET: an unchanged calendar answers
    304 Not Modified to If-None-Match. Writes nothing to the database (the last use goes to the cache)."""
    feed = selectors.get_live_feed_or_404(token)
    name = (
        _("Sobha: deadlines of %(office)s") % {"office": feed.office.name}
        if feed.scope == Scope.OFFICE
        else _("Sobha: my deadlines (%(name)s)") % {"name": feed.user.official.name}
    )
    items = selectors.feed_items(feed, timezone.localdate())
    body = feed_ics(name=name, items=items, with_alarm=feed.with_alarm)
    etag = '"' + hashlib.sha256(body).hexdigest()[:40] + '"'
    selectors.record_use(feed)
    response = get_conditional_response(request, etag=etag) or HttpResponse(
        body, content_type="text/calendar; charset=utf-8"
    )
    response["ETag"] = etag
    response["Content-Disposition"] = 'inline; filename="sobha.ics"'
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    patch_cache_control(response, private=True, max_age=900)
    return response
