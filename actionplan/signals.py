"""Signals the action plan sends for the apps above it (which the action plan may not import).

A receiver only hands the event to its own app's service; no rule of the plan lives in one.
"""

import logging

from django.db import transaction
from django.dispatch import Signal

logger = logging.getLogger(__name__)

# Sent after the commit of a write that creates or changes a plan's indicators or their targets
# (plan_import, plan_copy, the editor's plan_edit), with `plan_id`.
plan_changed = Signal()


def plan_changed_on_commit(plan_id: int) -> None:
    """Tell the apps above (the follow-up) once the plan's rows are committed; a receiver's failure is
    logged, never undoes nor refuses the write."""

    def send():
        for receiver, result in plan_changed.send_robust(sender=None, plan_id=plan_id):
            if isinstance(result, Exception):
                logger.error("plan_changed receiver %r failed", receiver, exc_info=result)

    transaction.on_commit(send)
