"""An iCalendar (RFC 5545) feed of deadlines, as Google Calendar and Outlook read it.

Each item is an all-day event (DTSTART;VALUE=DATE, DTEND the next day) with a stable UID per item,
a Bangla SUMMARY (the decision's or indicator's text, shortened), a DESCRIPTION with the meeting or
the plan, the URL of its page, STATUS and TRANSP:TRANSPARENT (a deadline does not make anyone busy);
optionally a VALARM at 9:00 the day before. DTSTAMP is the item's last change (no METHOD: a
published calendar), so the same items give the same bytes and the ETag holds between polls.
The calendar carries the VTIMEZONE of Asia/Dhaka (from zoneinfo) and asks to be re-read every six
hours (REFRESH-INTERVAL, and X-PUBLISHED-TTL for Outlook). icalendar writes CRLF and folds lines at
75 octets.
"""

import datetime
import functools
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from icalendar import Alarm, Calendar, Event, Timezone

from actionplan.numbering import show_number
from bangla.dates import format_date
from bangla.digits import to_bangla_digits
from bangla.fiscal import format_fiscal_year
from bangla.ordinals import ordinal_digits
from followup.models import Occurrence
from followup.scope import decision_text, item_path

PRODID = "-//Sobha//Follow-up deadlines//BN"
REFRESH = datetime.timedelta(hours=6)
SUMMARY_CHARS = 60
ALARM_BEFORE = datetime.timedelta(hours=15)  # 9:00 the day before an all-day event
S = Occurrence.Status


@functools.cache
def local_timezone() -> Timezone:
    """The portal's time zone (Asia/Dhaka) as a VTIMEZONE, built once from zoneinfo."""
    return Timezone.from_tzid(settings.TIME_ZONE, first_date=datetime.date(2000, 1, 1))


def site_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def item_url(occurrence: Occurrence) -> str:
    return site_url(item_path(occurrence))


def feed_ics(*, name: str, items, with_alarm: bool = False) -> bytes:
    """The calendar named `name` with an event per item (items as calendar/selectors.feed_items gives them)."""
    with translation.override(settings.LANGUAGE_CODE):
        calendar = Calendar()
        calendar.add("prodid", PRODID)
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("name", name)
        calendar.add("x-wr-calname", name)
        calendar.add("x-wr-timezone", settings.TIME_ZONE)
        calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", "PT6H")
        calendar.add_component(local_timezone())
        uid_host = urlsplit(settings.SITE_URL).hostname or "sobha"
        for item in items:
            calendar.add_component(_event(item, uid_host, with_alarm))
        return calendar.to_ical()


def summary(occurrence: Occurrence) -> str:
    """ "সিদ্ধান্ত: ওয়েবসাইট হালনাগাদ…", "সূচক [১.১.১]: সভা আয়োজিত (২য় ত্রৈমাসিক)", with the state
    when it is no longer open."""
    if occurrence.decision_id:
        text = _("Decision: %(text)s") % {"text": Truncator(decision_text(occurrence)).chars(SUMMARY_CHARS)}
    else:
        indicator = occurrence.indicator
        text = _("Indicator %(number)s: %(title)s (%(quarter)s quarter)") % {
            "number": show_number(indicator.number, True),
            "title": Truncator(indicator.title).chars(SUMMARY_CHARS),
            "quarter": ordinal_digits(occurrence.period),
        }
    if occurrence.status == S.DONE:
        return _("%(text)s [done, awaiting confirmation]") % {"text": text}
    if occurrence.status == S.CONFIRMED:
        return _("%(text)s [done]") % {"text": text}
    return text


def description(occurrence: Occurrence) -> str:
    lines = []
    if occurrence.decision_id:
        meeting = occurrence.decision.agenda_item.meeting
        lines.append(decision_text(occurrence))
        lines.append(
            _("Meeting: %(title)s, %(date)s") % {"title": meeting.title, "date": format_date(meeting.date)}
        )
        if meeting.memo_number:
            lines.append(_("Memo number: %(number)s") % {"number": to_bangla_digits(meeting.memo_number)})
        labels = [r.label for r in occurrence.decision.responsibilities.all() if r.label]
        if labels:
            lines.append(_("Responsible: %(who)s") % {"who": "; ".join(labels)})
    else:
        indicator, plan = occurrence.indicator, occurrence.indicator.plan
        lines.append(f"{show_number(indicator.number, True)} {indicator.title}")
        lines.append(
            _("e-Governance and Innovation Action Plan %(year)s")
            % {"year": format_fiscal_year(plan.fiscal_year)}
        )
        if indicator.responsible:
            lines.append(_("Responsible: %(who)s") % {"who": indicator.responsible})
    lines.append(_("Office: %(office)s") % {"office": occurrence.office.name})
    lines.append(_("Due: %(date)s") % {"date": format_date(occurrence.due_date)})
    lines.append(_("Status: %(status)s") % {"status": occurrence.get_status_display()})
    lines.append(item_url(occurrence))
    return "\n".join(lines)


def revised_at(occurrence: Occurrence) -> datetime.datetime:
    """The item's last change that the feed shows (made, reported done, confirmed), in UTC."""
    stamps = [occurrence.created_at, occurrence.done_at, occurrence.confirmed_at]
    return max(stamp for stamp in stamps if stamp).astimezone(datetime.UTC)


def _event(occurrence: Occurrence, uid_host: str, with_alarm: bool) -> Event:
    event = Event()
    title = summary(occurrence)
    event.add("uid", f"followup-occurrence-{occurrence.pk}@{uid_host}")
    event.add("dtstamp", revised_at(occurrence))
    event.add("last-modified", revised_at(occurrence))
    event.add("dtstart", occurrence.due_date)
    event.add("dtend", occurrence.due_date + datetime.timedelta(days=1))
    event.add("summary", title)
    event.add("description", description(occurrence))
    event.add("url", item_url(occurrence))
    event.add("status", "CONFIRMED")  # the deadline stands; the item's own state is in the summary
    event.add("transp", "TRANSPARENT")
    event.add("categories", [_("Decision") if occurrence.decision_id else _("Action plan")])
    if with_alarm:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", title)
        alarm.add("trigger", -ALARM_BEFORE)
        event.add_component(alarm)
    return event
