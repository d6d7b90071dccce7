"""Sections that other apps add to a meeting's staff page (minutes/workflow/views.py: meeting_detail),
below its steps. An app adds one from its AppConfig.ready() with `add_meeting_section` (the minutes
cannot import it): the follow-up shows each decision's history of progress."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class MeetingSection:
    key: str
    template: str  # rendered with the context below
    context: Callable  # (meeting, user) -> dict, or None to show nothing; a fixed number of queries


SECTIONS: list[MeetingSection] = []


def add_meeting_section(section: MeetingSection) -> None:
    if all(existing.key != section.key for existing in SECTIONS):
        SECTIONS.append(section)


def meeting_sections(meeting, user) -> list[tuple[MeetingSection, dict]]:
    """The sections to show on this meeting's page, each with its context."""
    shown = []
    for section in SECTIONS:
        context = section.context(meeting, user)
        if context is not None:
            shown.append((section, context))
    return shown
