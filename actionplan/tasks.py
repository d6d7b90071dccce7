"""Celery tasks of the action plan. They take ids, reload, and call the functions that do the work."""

from celery import shared_task
from django.conf import settings

from actionplan.models import Plan
from actionplan.progress.document import plan_sheet_html
from minutes.document import store


@shared_task(acks_late=True, soft_time_limit=settings.SOBHA_DRAFT_RENDER_TIME_LIMIT + 15)
def progress_sheet_print_task(plan_id: int, quarter: int) -> None:
    """Print a plan's progress sheet as it is now and cache the PDF under its content hash."""
    plan = Plan.objects.select_related("office").filter(pk=plan_id).first()
    if plan is not None and quarter in (1, 2, 3, 4):
        store.print_into_cache(plan_sheet_html(plan, quarter))
