"""Reads for the public website: published minutes and their stored documents, nothing else."""

from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from minutes.models import Meeting


def published_meetings(query: str = "") -> QuerySet[Meeting]:
    meetings = Meeting.objects.filter(state=Meeting.State.PUBLISHED).select_related("office")
    if query:
        meetings = meetings.filter(Q(title__icontains=query) | Q(office__name__icontains=query))
    return meetings.order_by("-issue_date", "-id")


def get_published_or_404(pk) -> Meeting:
    """Drafts and unpublished minutes do not exist for the public."""
    meeting = get_object_or_404(Meeting.objects.select_related("office"), pk=pk)
    if not meeting.is_public:
        raise Http404
    return meeting
