"""The drafters' writes: a decision linked to an indicator, issued minutes attached to a meeting
indicator. Each checks the office, the plan's fiscal year and the role, in one transaction."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from actionplan.links.suggest import meeting_fiscal_year
from actionplan.models import DecisionLink, EvidenceKind, Indicator, MeetingEvidence
from bangla.fiscal import fiscal_year_bounds
from minutes.models import Decision, Meeting
from offices.access import Role, require_role


def is_meeting_indicator(indicator: Indicator) -> bool:
    """An indicator whose evidence is minutes: "[১.৪.১] সভা আয়োজিত", "[২.২.৩] … সভা আয়োজিত"."""
    return EvidenceKind.MINUTES in (indicator.evidence_kinds or [])


@transaction.atomic
def decision_link(*, decision: Decision, indicator: Indicator, by) -> DecisionLink:
    """Link once; linking again returns the link there is."""
    require_role(by, indicator.plan.office, Role.DRAFTER)
    meeting = decision.agenda_item.meeting
    if meeting.office_id != indicator.plan.office_id:
        raise ValidationError(_("A decision can serve only its own office's plan."))
    if meeting_fiscal_year(meeting) != indicator.plan.fiscal_year:
        raise ValidationError(_("The meeting is not in this plan's fiscal year."))
    link, _created = DecisionLink.objects.get_or_create(
        decision=decision, indicator=indicator, defaults={"linked_by": by}
    )
    return link


@transaction.atomic
def decision_unlink(*, decision: Decision, indicator: Indicator, by) -> None:
    require_role(by, indicator.plan.office, Role.DRAFTER)
    DecisionLink.objects.filter(decision=decision, indicator=indicator).delete()


def attach_refusal(meeting: Meeting, indicator: Indicator) -> str:
    """Why these minutes cannot be the evidence of this indicator; "" if they can."""
    plan = indicator.plan
    first, last = fiscal_year_bounds(plan.fiscal_year)
    if not is_meeting_indicator(indicator):
        return _("Only a meeting indicator takes minutes as its evidence.")
    if meeting.office_id != plan.office_id:
        return _("Only the office's own minutes can be attached.")
    if not meeting.is_issued:
        return _("Only issued minutes can be attached.")
    if not first <= meeting.date <= last:
        return _("The meeting was not held in this plan's fiscal year.")
    return ""


@transaction.atomic
def minutes_attach(*, meeting: Meeting, indicator: Indicator, by) -> MeetingEvidence:
    """Attach issued minutes once; attaching again returns the attachment there is."""
    require_role(by, indicator.plan.office, Role.DRAFTER)
    refused = attach_refusal(meeting, indicator)
    if refused:
        raise ValidationError(refused)
    evidence, _created = MeetingEvidence.objects.get_or_create(
        meeting=meeting, indicator=indicator, defaults={"attached_by": by}
    )
    return evidence


@transaction.atomic
def minutes_detach(*, meeting: Meeting, indicator: Indicator, by) -> None:
    require_role(by, indicator.plan.office, Role.DRAFTER)
    MeetingEvidence.objects.filter(meeting=meeting, indicator=indicator).delete()
