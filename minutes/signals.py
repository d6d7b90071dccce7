"""Signals the minutes send for the apps above them (which the minutes may not import).

A receiver only hands the event to its own app's service; no rule of the minutes lives in one.
"""

from django.dispatch import Signal

# Sent after the commit of the issue step (minutes/workflow/services.py: minutes_issue), with
# `meeting_id`: the minutes are issued, their decisions' deadlines now count (the follow-up chases them).
minutes_issued = Signal()
