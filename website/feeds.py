"""Following published minutes without visiting: Atom feeds (all minutes, an office's, a search's)
and an office's meetings as an iCalendar feed. Like every public page they are answered through
website/pages.py (cache, ETag/Last-Modified and 304, Cache-Control), and they read only published
minutes: withdrawn minutes leave every feed with the public version that their withdrawal bumps.
"""

import datetime
import zoneinfo
from urllib.parse import urlencode, urlsplit

import icalendar
from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from bangla.forms import shown_digits
from minutes.models import Meeting
from website import selectors
from website.addresses import minutes_url, office_url
from website.following import BadCriteria, Criteria, first_decisions, site_url, with_publication_time
from website.pages import public_page

FEED_ENTRIES = 50  # the newest published minutes in a feed
CALENDAR_EVENTS = 500  # the newest meetings in an office's calendar
SUMMARY_DECISIONS = 3  # decisions quoted in an entry's summary
SUMMARY_DECISION_CHARACTERS = 300


class MinutesFeed(Feed):
    """An Atom feed of the published minutes that `Criteria` match, newest first. Each entry links to
    the minutes' stable address; <published> is the issue date, <updated> the (last) publication;
    the office is the author; the summary is the title and the first decisions, as escaped text."""

    feed_type = Atom1Feed

    def get_object(self, request, criteria: Criteria):
        return criteria

    def title(self, criteria: Criteria) -> str:
        return _("Published minutes: %(what)s") % {"what": criteria.describe()}

    def subtitle(self, criteria: Criteria) -> str:
        return _("Minutes of innovation-team meetings as the offices issued and published them.")

    def link(self, criteria: Criteria) -> str:
        if criteria.office is not None and not criteria.query and not criteria.fiscal_year:
            path = office_url(criteria.office) + ("?sub=1" if criteria.subordinates else "")
        else:
            params = {name: value for name, value in criteria.params().items() if name != "office"}
            path = reverse("public:list") + (f"?{urlencode(params)}" if params else "")
        return site_url(path)

    def feed_url(self, criteria: Criteria) -> str:
        return site_url(feed_path(criteria))

    def feed_guid(self, criteria: Criteria) -> str:
        return self.feed_url(criteria)

    def author_name(self, criteria: Criteria) -> str:
        return criteria.office.name if criteria.office else _("Sobha")

    def items(self, criteria: Criteria) -> list[Meeting]:
        minutes = list(with_publication_time(criteria.minutes())[:FEED_ENTRIES])
        decisions = first_decisions([meeting.pk for meeting in minutes], SUMMARY_DECISIONS)
        for meeting in minutes:
            meeting.first_decisions = decisions[meeting.pk]
        return minutes

    def item_title(self, meeting: Meeting) -> str:
        return meeting.title

    def item_link(self, meeting: Meeting) -> str:
        return site_url(minutes_url(meeting))

    def item_guid(self, meeting: Meeting) -> str:
        return self.item_link(meeting)

    def item_description(self, meeting: Meeting) -> str:
        """Escaped here, so that a reader shows any markup-like text as text (<summary type="html">)."""
        lines = [
            meeting.title,
            _("Memo number %(number)s") % {"number": shown_digits(meeting.memo_number)},
        ]
        for decision in meeting.first_decisions:
            text = " ".join(decision.plain_text().split())
            if len(text) > SUMMARY_DECISION_CHARACTERS:
                text = text[: SUMMARY_DECISION_CHARACTERS - 1] + "…"
            lines.append(f"• {text}")
        return "<br>".join(escape(line) for line in lines)

    def item_pubdate(self, meeting: Meeting) -> datetime.datetime:
        return datetime.datetime.combine(meeting.issue_date, datetime.time(), tzinfo=_local_zone())

    def item_updateddate(self, meeting: Meeting) -> datetime.datetime:
        return meeting.published_at or self.item_pubdate(meeting)

    def item_author_name(self, meeting: Meeting) -> str:
        return meeting.office.name

    def item_author_link(self, meeting: Meeting) -> str:
        return site_url(office_url(meeting.office))

    def item_categories(self, meeting: Meeting) -> list[str]:
        return [meeting.team.name] if meeting.team_id else []


def _local_zone() -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def feed_path(criteria: Criteria) -> str:
    """The feed of these criteria: an office's own address if only the office is followed."""
    params = criteria.params()
    if criteria.office is not None and not criteria.query and not criteria.fiscal_year:
        return reverse("public:office_feed", args=[criteria.office.web_name]) + (
            "?sub=1" if criteria.subordinates else ""
        )
    if not params:
        return reverse("public:feed")
    return reverse("public:search_feed") + "?" + urlencode(params)


# ---- Views --------------------------------------------------------------------------------------------


@require_safe
def minutes_feed(request):
    """Every office's published minutes."""
    return public_page(request, ("atom",), lambda: MinutesFeed()(request, criteria=Criteria()))


@require_safe
def office_feed(request, office):
    """An office's published minutes; with ?sub=1 also those of every office below it."""
    return _office_answer(request, office, "public:office_feed", lambda c: MinutesFeed()(request, criteria=c))


@require_safe
def search_feed(request):
    """The published minutes a search finds (q, office, sub, fy), newest first."""
    try:
        criteria = Criteria.from_params(request.GET)
    except BadCriteria as error:
        return bad_request(request, error)
    # A text is not kept in the cache (made-up texts must not fill it); the rest is, as the lists are.
    key = None if criteria.query else ("atom", tuple(sorted(criteria.params().items())))
    return public_page(request, key, lambda: MinutesFeed()(request, criteria=criteria))


@require_safe
def office_calendar(request, office):
    """An office's published meetings as iCalendar events (?sub=1: with the offices below it)."""
    return _office_answer(request, office, "public:office_calendar", _calendar_response)


def _office_answer(request, office: str, route: str, build) -> HttpResponse:
    """An office's feed: `build(criteria)` through public_page, so that a repeat costs no query; 404
    for no such office, 400 for parameters not understood, a permanent redirect from an office's
    number to its web address (none of them kept)."""

    def answer():
        try:
            criteria = Criteria.from_params(request.GET, office=selectors.get_office_or_404(office))
        except BadCriteria as error:
            return bad_request(request, error)
        if criteria.office.web_name != office:
            path = reverse(route, args=[criteria.office.web_name])
            return HttpResponsePermanentRedirect(site_url(path + ("?sub=1" if criteria.subordinates else "")))
        return build(criteria)

    plain = set(request.GET) <= {"sub"} and request.GET.get("sub", "") in ("", "0", "1")
    return public_page(request, (route, office, request.GET.get("sub") == "1") if plain else None, answer)


def _calendar_response(criteria: Criteria) -> HttpResponse:
    minutes = with_publication_time(criteria.minutes().only(*selectors.LIST_FIELDS, "start_time", "venue"))[
        :CALENDAR_EVENTS
    ]
    response = HttpResponse(meetings_calendar(criteria, minutes), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{criteria.office.web_name}.ics"'
    return response


def meetings_calendar(criteria: Criteria, minutes) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Sobha//Published minutes//BN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", criteria.describe())
    host = urlsplit(settings.SITE_URL).hostname or "sobha"
    zone = _local_zone()
    for meeting in minutes:
        url = site_url(minutes_url(meeting))
        published = meeting.published_at or datetime.datetime.combine(
            meeting.issue_date, datetime.time(), zone
        )
        event = icalendar.Event()
        event.add("uid", f"minutes-{meeting.pk}@{host}")
        event.add("dtstamp", published)
        event.add("last-modified", published)
        event.add("dtstart", datetime.datetime.combine(meeting.date, meeting.start_time, tzinfo=zone))
        event.add("summary", meeting.title)
        event.add("location", meeting.venue)
        event.add("url", url)
        memo = _("Memo number %(number)s") % {"number": shown_digits(meeting.memo_number)}
        event.add("description", f"{meeting.office.name}\n{memo}\n{url}")
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def bad_request(request, error: Exception, status: int = 400) -> HttpResponse:
    """Parameters not understood: why, in the reader's language; never kept, never a 500."""
    response = render(request, "website/bad_request.html", {"reason": str(error)}, status=status)
    response["Cache-Control"] = "no-cache"
    return response
