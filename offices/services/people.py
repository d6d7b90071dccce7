"""Officials and their posts: on a transfer the post stays and the person changes."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from offices.access import Role, require_admin
from offices.audit import Action, audit_record
from offices.models import (
    Official,
    Post,
    User,
)
from offices.services.base import save_with_history
from offices.services.users import roles_take


@transaction.atomic
def post_transfer(*, post: Post, to: Official, previous_leave_office: bool, by: User) -> Official:
    """A transfer: the post stays, the person changes. Whoever holds the post now leaves it (and, if
    they leave the office, is no longer in office and loses their roles here); `to` (an official of
    the office, or a new one not saved yet) holds it from now on, with its designation and branch.
    Decisions assigned to the post follow it to the new holder."""
    require_admin(by, post.office)
    if to.pk and to.office_id != post.office_id:
        raise ValidationError(_("The new holder must be an official of the post's office."))
    previous = list(
        post.current_holders().select_for_update(of=("self",)).select_related("user").exclude(pk=to.pk)
    )
    if to.pk and not previous and to.post_id == post.pk and to.is_active:
        raise ValidationError(_("This official already holds the post."))
    for official in previous:
        if previous_leave_office:
            save_with_history(official, by, post=None, is_active=False)
            account = getattr(official, "user", None)
            if account is not None:
                roles_take(account, post.office, set(Role.values), by)
        else:
            save_with_history(official, by, post=None)
    save_with_history(
        to, by, office=post.office, post=post, designation=post.title, branch=post.branch, is_active=True
    )
    audit_record(
        office=post.office,
        by=by,
        action=Action.TRANSFERRED,
        record=post,
        changes={"holders": [", ".join(o.name for o in previous) or None, to.name]},
    )
    return to
