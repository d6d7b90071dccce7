"""The innovation bank's writes, each in one transaction."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from actionplan.ideas.sheet import parse_sheet
from actionplan.importing.files import read_rows
from actionplan.models import Idea, IdeaStatus
from actionplan.models.ideas import StatusMoveError
from offices.models import Office
from offices.publication import public_content_changed

# The date a status move records, if the entry has none yet.
STATUS_DATES = {IdeaStatus.PILOTING: "piloted_on", IdeaStatus.IMPLEMENTED: "implemented_on"}


@transaction.atomic
def idea_save(*, idea: Idea, by) -> Idea:
    """A new entry or an edited one, checked whole."""
    if idea.pk is None:
        idea.created_by = by
    idea.full_clean()
    idea.save()
    if idea.is_published:
        public_content_changed()
    return idea


@transaction.atomic
def idea_set_status(*, idea: Idea, status: str, on: datetime.date | None = None) -> Idea:
    """Move an entry forward (ধারণা → পাইলটিং → বাস্তবায়িত → রেপ্লিকেটেড); never back."""
    idea = Idea.objects.select_for_update().get(pk=idea.pk)
    try:
        idea.set_status(status)
    except StatusMoveError:
        raise ValidationError(
            _("An idea's status only moves forward: from “%(now)s” it may go to %(next)s.")
            % {
                "now": idea.get_status_display(),
                "next": "، ".join(IdeaStatus(s).label for s in idea.next_statuses()) or "—",
            }
        ) from None
    field = STATUS_DATES.get(status)
    if field and getattr(idea, field) is None:
        setattr(idea, field, on or timezone.localdate())
    idea.full_clean()
    idea.save()
    if idea.is_published:
        public_content_changed()
    return idea


@transaction.atomic
def idea_set_published(*, idea: Idea, published: bool) -> Idea:
    idea.is_published = published
    idea.save(update_fields=["is_published"])
    public_content_changed()
    return idea


@transaction.atomic
def ideas_import(*, office: Office, data: bytes, by) -> list[Idea]:
    """Read and check the whole sheet first; write all its entries or none."""
    ideas = parse_sheet(read_rows(data), office=office)
    for idea in ideas:
        idea.created_by = by
    if any(idea.is_published for idea in ideas):
        public_content_changed()
    return bulk_create_with_history(ideas, Idea, default_user=by)
