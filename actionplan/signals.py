"""Signals the action plan sends for the apps above it (which the action plan may not import).

A receiver only hands the event to its own app's service; no rule of the plan lives in one.
"""

from django.dispatch import Signal

# Sent after the commit of a write that creates or changes a plan's indicators or their targets
# (actionplan/services.py: plan_import, plan_copy_last_year), with `plan_id`.
plan_changed = Signal()
