"""What may still change in a plan that has been reported on (docs/actionplan-editor.md).

An indicator is *reported* once it has an achievement report in any state, or issued minutes
attached as its evidence; it is *scored* once a report of it is confirmed, or minutes are attached
(they count without confirmation).

- A reported indicator cannot be removed (nor the activity or area it is in), and its unit cannot
  change: its reports hold a date or a number by that unit.
- A scored indicator's terms are fixed: its number, unit, weight, target, tiers and quarterly
  targets, since its marks were earned against them. Its text, who is responsible and the evidence
  it needs may still change, and it may move up or down.
- Once anything in the plan is scored, the plan's total marks are fixed; marks may still move
  between indicators that are not scored, as long as they add up.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from actionplan.drafts import IndicatorDraft, PlanDraft
from actionplan.models import AchievementReport, MeetingEvidence, Plan
from actionplan.numbering import show_number
from bangla.forms import shown_digits

TERMS = ("number", "unit", "weight", "target", "tiers", "quarters")


@dataclass(frozen=True)
class Lock:
    reported: bool = False
    scored: bool = False


def indicator_locks(plan: Plan) -> dict[int, Lock]:
    """{indicator id: Lock} for the plan's reported indicators (two queries)."""
    locks: dict[int, Lock] = {}
    reports = AchievementReport.objects.filter(indicator__plan=plan).values_list("indicator_id", "state")
    for indicator_id, state in reports:
        scored = state == AchievementReport.State.CONFIRMED or locks.get(indicator_id, Lock()).scored
        locks[indicator_id] = Lock(reported=True, scored=scored)
    for indicator_id in MeetingEvidence.objects.filter(indicator__plan=plan).values_list(
        "indicator_id", flat=True
    ):
        locks[indicator_id] = Lock(reported=True, scored=True)
    return locks


def terms_changed(before: IndicatorDraft, after: IndicatorDraft) -> bool:
    return any(getattr(before, name) != getattr(after, name) for name in TERMS)


def lock_problems(stored: PlanDraft, edited: PlanDraft, locks: dict[int, Lock]) -> list[str]:
    """The edits that the plan's reports forbid, each in a sentence naming the indicator."""
    problems = []
    kept = {indicator.pk: indicator for indicator in edited.indicators() if indicator.pk}
    for before in stored.indicators():
        lock = locks.get(before.pk)
        if lock is None:
            continue
        name = {"number": shown_digits(show_number(before.number, stored.numbers_in_brackets, bangla=False))}
        after = kept.get(before.pk)
        if after is None:
            problems.append(
                _("%(number)s has been reported on: it cannot be removed, nor the activity or area it is in.")
                % name
            )
        elif lock.scored and terms_changed(before, after):
            problems.append(
                _(
                    "%(number)s has a confirmed achievement: its number, unit, weight, target, tiers and "
                    "quarterly targets can no longer change (its text, who is responsible and the evidence may)."
                )
                % name
            )
        elif before.unit != after.unit:
            problems.append(_("%(number)s has been reported on: its unit cannot change.") % name)
    if any(lock.scored for lock in locks.values()) and stored.total_marks != edited.total_marks:
        problems.append(_("The plan has confirmed achievements: its total marks can no longer change."))
    return problems
