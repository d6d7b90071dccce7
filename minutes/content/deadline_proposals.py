"""The editor's deadline proposal: a decision whose words name a deadline ("আগামী ০৭ (সাত)
কার্যদিবসের মধ্যে") while its deadline is not set shows "সময়সীমা প্রস্তাব: জারির ০৭ কার্যদিবসের
মধ্যে — গ্রহণ করুন" under it. Nothing is set until the drafter accepts: the button is an editor
action ("deadline:items-0-decisions-1") that fills the decision's deadline fields in the posted,
unsaved data, like adding a row; saving is still the drafter's.

The proposal is shown when the editor is drawn, and again when the drafter leaves the decision's
text (an htmx POST of that text, which writes nothing: a decision may hold 10,000 characters,
too many for a URL). The words are read by bangla.deadlines, counted from the meeting's date.
"""

import datetime
import json
import re
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from bangla import deadlines as words
from bangla.dates import DateInputError, parse_date
from bangla.forms import shown_digits
from minutes.content.richtext import sanitize_rich_text, visible_text
from minutes.limits import MAX_TEXT
from minutes.models import Decision

DECISION_PREFIX = re.compile(r"items-\d{1,4}-decisions-\d{1,4}")
NO_DEADLINE = ("", Decision.Deadline.NONE)


def reference_date(posted_date: str | None, meeting_date: datetime.date) -> datetime.date:
    """The meeting's date as typed in the editor's header (not saved yet), else as stored."""
    try:
        return parse_date(posted_date or "")
    except DateInputError:
        return meeting_date


def _words(text_html: str) -> str:
    return " ".join(visible_text(text_html or "").split())


def proposal_for(text_html: str, kind: str | None, reference: datetime.date) -> words.Proposal | None:
    """What the decision's words (sanitised HTML) propose, while its deadline is not set."""
    if (kind or "") not in NO_DEADLINE:
        return None
    text = _words(text_html)
    if not text or len(text) > MAX_TEXT:  # too long to save anyway: the form says so
        return None
    return words.propose_deadline(text, reference)


def decision_fields(finding: words.Finding) -> dict[str, str]:
    """The decision's deadline fields (posted names without the row's prefix) the proposal fills."""
    fields = {
        "deadline_kind": finding.kind,
        "deadline_date": "",
        "deadline_working_days": "",
        "deadline_rule": "",
        "deadline_every": "",
        "deadline_month": "",
        "deadline_day": "",
    }
    if finding.kind == words.DATE:
        fields["deadline_date"] = finding.date.strftime("%d.%m.%Y")
    elif finding.kind == words.WORKING_DAYS:
        fields["deadline_working_days"] = str(finding.working_days)
    elif finding.kind == words.RULE:
        rule = finding.rule
        fields["deadline_rule"] = finding.phrase[: Decision._meta.get_field("deadline_rule").max_length]
        fields["deadline_every"] = rule.every
        fields["deadline_month"] = "" if rule.month is None else str(rule.month)
        fields["deadline_day"] = "" if rule.day is None else str(rule.day)
    return fields


def accept(data, prefix: str, reference: datetime.date) -> bool:
    """Fill the posted row's deadline fields from its words (the drafter pressed "accept"); False
    when its words give no deadline with a date (any more)."""
    proposal = words.propose_deadline(_words(sanitize_rich_text(data.get(f"{prefix}-text", ""))), reference)
    if proposal is None or not proposal.finding.has_date:
        return False
    for name, value in decision_fields(proposal.finding).items():
        data[f"{prefix}-{name}"] = value
    return True


def describe(finding: words.Finding) -> str:
    """The proposal in the page's words: "১৫.০২.২০২১", "জারির ০৭ কার্যদিবসের মধ্যে", a rule."""
    if finding.kind == words.DATE:
        return shown_digits(finding.date.strftime("%d.%m.%Y"))
    if finding.kind == words.WORKING_DAYS:
        n = finding.working_days
        return ngettext("%(days)s working day after issue", "%(days)s working days after issue", n) % {
            "days": shown_digits(f"{n:02d}")
        }
    if finding.kind == words.RULE:
        return finding.rule.words()
    reasons = {
        words.NEXT_MEETING: _("the next meeting: no date"),
        words.AS_SOON_AS_POSSIBLE: _("as soon as possible: no date"),
        words.SET_ELSEWHERE: _("a time set elsewhere: no date"),
    }
    return reasons[finding.reason]


def render_proposal(proposal: words.Proposal | None, prefix: str, edit_url: str) -> SafeString:
    """The proposal under the decision, with its accept button (an editor action); "" for none."""
    if proposal is None:
        return mark_safe("")
    finding = proposal.finding
    ctx = {
        "finding": finding,
        "shown": describe(finding),
        "others": [f.phrase for f in proposal.others],
        "action": f"deadline:{prefix}",
        "edit_url": edit_url,
    }
    return render_to_string("minutes/_deadline_proposal.html", ctx)


@dataclass(frozen=True)
class DeadlineProposals:
    """What the editor's page needs to show each decision's proposal and to ask for it again."""

    reference: datetime.date  # the meeting's date, as typed in the header
    edit_url: str
    proposal_url: str

    def block(self, form) -> SafeString:
        """Under a decision: the slot with its proposal, and an element that asks for it again when
        the drafter leaves the decision's text (static/js/editor.js sends "decision-text-left")."""
        prefix = form.prefix
        proposal = proposal_for(form["text"].value(), form["deadline_kind"].value(), self.reference)
        return format_html(
            '<div class="deadline-proposal-slot" id="{slot}" aria-live="polite">{proposal}</div>'
            '<span hidden hx-post="{url}" hx-trigger="decision-text-left from:closest .decision" '
            'hx-target="#{slot}" hx-select="unset" hx-swap="innerHTML" hx-params="{params}" '
            'hx-vals="{vals}"></span>',
            slot=f"{prefix}-deadline-proposal",
            proposal=render_proposal(proposal, prefix, self.edit_url),
            url=self.proposal_url,
            params=f"{prefix}-text,{prefix}-deadline_kind,date,prefix",
            vals=json.dumps({"prefix": prefix}),
        )
