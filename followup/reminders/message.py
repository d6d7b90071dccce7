"""What a digest says: one context rendered into the subject, the text, the HTML and the SMS, in
Bangla (Bangla digits, dates in both calendars as the portal shows them). Only the items still open
when it is sent are in it; a digest left with none is not sent."""

import datetime
import html
import urllib.parse
from dataclasses import dataclass, field

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from actionplan.models import Indicator
from actionplan.numbering import show_number
from bangla.dates import format_dual_date
from bangla.digits import bn_number, to_bangla_digits
from followup.models import Digest, Occurrence, Reminder
from followup.reminders.channels.base import Message
from followup.reminders.recipients import responsible_officials
from minutes.models import Decision

Kind = Reminder.Kind
# The digest's sections, in this order.
SECTIONS = {
    Kind.OVERDUE: gettext_lazy("Overdue"),
    Kind.DUE: gettext_lazy("Due today"),
    Kind.SOON: gettext_lazy("Due soon"),
    Kind.ESCALATED: gettext_lazy("Long overdue, for your attention"),
}


@dataclass
class Item:
    title: str
    source: str
    due_date: datetime.date
    when: str
    url: str
    responsible: str = ""


@dataclass
class Section:
    kind: str
    title: str
    items: list[Item] = field(default_factory=list)


def absolute(path: str) -> str:
    return urllib.parse.urljoin(settings.SITE_URL, path)


def _followup_page(*candidates: tuple[str, list]) -> str:
    """The first of the follow-up's pages that exists; the portal's home page while none does (the
    reminders were built beside the follow-up's pages: followup:item and followup:my_work)."""
    for name, args in candidates:
        try:
            return reverse(name, args=args)
        except NoReverseMatch:
            continue
    return reverse("home")


def progress_path(occurrence_id: int) -> str:
    """Where the official reports progress on the item: its page, else My work."""
    return _followup_page(("followup:item", [occurrence_id]), ("followup:my_work", []))


def my_work_path() -> str:
    return _followup_page(("followup:my_work", []))


def shortened(rich_text: str, length: int = 160) -> str:
    """A decision's rich text as one line of plain text, cut at a word with "…" when long."""
    plain = html.unescape(strip_tags(rich_text.replace("<", " <")))
    return Truncator(" ".join(plain.split())).chars(length)


def when(due_date: datetime.date, day: datetime.date) -> str:
    days = (due_date - day).days
    if days > 0:
        return ngettext("%(n)s day left", "%(n)s days left", days) % {"n": bn_number(days)}
    if days == 0:
        return _("today is the last day")
    return ngettext("%(n)s day overdue", "%(n)s days overdue", -days) % {"n": bn_number(-days)}


def titles_and_sources(occurrences: list[Occurrence]) -> dict[int, tuple[str, str]]:
    """{occurrence id: (what is to be done, where it comes from)}: a decision's text and its minutes
    (title, memo number), or an indicator's number and title and its action plan. Two small queries
    rather than one join of ten tables, whose planning alone costs more than its running."""
    decisions = {
        d.pk: d
        for d in Decision.objects.filter(pk__in=[o.decision_id for o in occurrences if o.decision_id])
        .select_related("agenda_item__meeting")
        .only("text", "agenda_item__meeting__title", "agenda_item__meeting__memo_number")
    }
    indicators = {
        i.pk: i
        for i in Indicator.objects.filter(pk__in=[o.indicator_id for o in occurrences if o.indicator_id])
        .select_related("plan__office")
        .only("number", "title", "plan__fiscal_year", "plan__office__name")
    }
    found = {}
    for occurrence in occurrences:
        if occurrence.decision_id:
            decision = decisions[occurrence.decision_id]
            meeting = decision.agenda_item.meeting
            source = meeting.title
            if meeting.memo_number:
                source = _("%(title)s (memo %(memo)s)") % {
                    "title": meeting.title,
                    "memo": to_bangla_digits(meeting.memo_number),
                }
            found[occurrence.pk] = (shortened(decision.text), source)
        else:
            indicator = indicators[occurrence.indicator_id]
            source = _("Action plan %(year)s, %(office)s") % {
                "year": indicator.plan.fiscal_year_label,
                "office": indicator.plan.office.name,
            }
            found[occurrence.pk] = (
                f"{show_number(indicator.number, brackets=True)} {indicator.title}",
                source,
            )
    return found


def digest_sections(digest: Digest) -> list[Section]:
    """The digest's open items by section (empty sections left out), each item once per section."""
    reminders = list(
        Reminder.objects.filter(digest=digest, occurrence__status=Occurrence.Status.OPEN)
        .select_related("occurrence")
        .order_by("occurrence__due_date", "occurrence_id", "kind")
    )
    occurrences = [r.occurrence for r in reminders]
    described = titles_and_sources(occurrences)
    escalated = [r.occurrence for r in reminders if r.kind == Kind.ESCALATED]
    responsible = responsible_officials(escalated) if escalated else {}
    sections = {kind: Section(kind, str(title)) for kind, title in SECTIONS.items()}
    for reminder in reminders:
        occurrence = reminder.occurrence
        title, source = described[occurrence.pk]
        names = ", ".join(f"{o.name}, {o.designation}" for o in responsible.get(occurrence.pk, []))
        sections[reminder.kind].items.append(
            Item(
                title=title,
                source=source,
                due_date=occurrence.due_date,
                when=when(occurrence.due_date, digest.for_date),
                url=absolute(progress_path(occurrence.pk)),
                responsible=names or (_("nobody in the portal") if reminder.kind == Kind.ESCALATED else ""),
            )
        )
    return [section for section in sections.values() if section.items]


def message_id(digest: Digest) -> str:
    host = urllib.parse.urlsplit(settings.SITE_URL).hostname or "sobha.localhost"
    return f"<reminders.{digest.pk}.{digest.for_date:%Y%m%d}@{host}>"


def build_message(digest: Digest) -> Message | None:
    """The digest's message in Bangla; None when none of its items is open any more."""
    with translation.override("bn"):
        sections = digest_sections(digest)
        if not sections:
            return None
        counts = {section.kind: len(section.items) for section in sections}
        total = sum(counts.values())
        ctx = {
            "digest": digest,
            "official": digest.official,
            "sections": sections,
            "date": digest.for_date,
            "total": total,
            "my_work_url": absolute(my_work_path()),
            "preferences_url": absolute(reverse("reminders:preferences")),
        }
        subject = ngettext(
            "Sobha reminders, %(date)s: %(n)s item to follow up",
            "Sobha reminders, %(date)s: %(n)s items to follow up",
            total,
        ) % {"date": format_dual_date(digest.for_date), "n": bn_number(total)}
        return Message(
            subject=subject,
            text=render_to_string("followup/reminders/digest.txt", ctx),
            html=render_to_string("followup/reminders/digest.html", ctx),
            short_text=render_to_string(
                "followup/reminders/digest_sms.txt", {**ctx, "counts": counts}
            ).strip(),
            message_id=message_id(digest),
        )
