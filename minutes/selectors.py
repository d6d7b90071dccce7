"""Scoped reads of meetings: every query here is limited to what the user may see."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from minutes.models import Meeting
from offices.access import readable_office_ids, require_readable


def meetings_for_user(user) -> QuerySet[Meeting]:
    """Meetings of the offices the user may read (their own and those below them)."""
    readable = readable_office_ids(user)
    meetings = Meeting.objects.select_related("office", "team")
    return meetings if readable is None else meetings.filter(office_id__in=readable)


def get_meeting_for_user_or_404(user, pk) -> Meeting:
    """404 for a meeting the user may not read, so guessing ids reveals nothing."""
    meeting = get_object_or_404(
        Meeting.objects.select_related("office", "team", "chair", "issuer", "replaces"), pk=pk
    )
    require_readable(user, meeting.office)
    return meeting
