"""Publishing a plan as the template for the subordinate offices, and making a plan from it. Each in
one transaction, written to the office's audit log."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from actionplan.models import Plan
from actionplan.rules import plain
from actionplan.services import plan_copy, refuse_second_plan
from offices.access import require_admin
from offices.audit import Action, audit_record, changes_between
from offices.models import Office


@transaction.atomic
def template_publish(*, plan: Plan, published: bool, by) -> Plan:
    """Publish the plan as the template of its office's subordinates for its fiscal year, or take it
    back. Taking it back leaves the plans already made from it as they are."""
    require_admin(by, plan.office)
    plan = Plan.objects.select_for_update().select_related("office").get(pk=plan.pk)
    if published and not plan.office.children.exists():
        raise ValidationError(_("The office has no subordinate offices to publish a template for."))
    if plan.is_template == published:
        return plan
    plan.is_template = published
    plan._history_user = by
    plan.save(update_fields=["is_template"])
    audit_record(
        office=plan.office,
        by=by,
        action=Action.CHANGED,
        record=plan,
        changes=changes_between({"is_template": not published}, {"is_template": published}),
    )
    return plan


@transaction.atomic
def plan_from_template(*, office: Office, template: Plan, by) -> Plan:
    """The office's plan for the template's fiscal year, a copy of the template its superior office
    published: the same areas, activities, indicators, tiers and quarterly targets; responsibilities
    linked to the office's own branches and posts of the same names, or to none."""
    require_admin(by, office)
    template = Plan.objects.select_for_update().filter(pk=template.pk).first()
    if template is None or not template.is_template or template.office_id != office.parent_id:
        raise ValidationError(_("This plan is not a template published for the office."))
    refuse_second_plan(office, template.fiscal_year)
    plan = plan_copy(
        source=template, office=office, fiscal_year=template.fiscal_year, origin=Plan.Origin.TEMPLATE, by=by
    )
    audit_record(
        office=office,
        by=by,
        action=Action.CREATED,
        record=plan,
        changes=changes_between({}, {"origin": plan.origin, "total_marks": plain(plan.total_marks)}),
    )
    return plan
