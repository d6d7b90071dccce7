"""Users of an office: roles given and taken, invitations, deactivation."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from offices.access import Role, can_manage_account, require_admin
from offices.audit import Action, audit_record, changes_between, snapshot
from offices.models import (
    Office,
    OfficeRole,
    Official,
    User,
)
from offices.services.base import save_with_history
from offices.tasks import invitation_send_task


def _account_name(user: User) -> str:
    return f"{user.display_name()} ({user.username})"


def roles_give(user: User, office: Office, roles: set[str], by: User) -> None:
    held = set(OfficeRole.objects.filter(user=user, office=office).values_list("role", flat=True))
    for role in sorted(roles - held):
        office_role = OfficeRole(user=user, office=office, role=role)
        save_with_history(office_role, by)
        audit_record(
            office=office,
            by=by,
            action=Action.ROLE_GIVEN,
            record=office_role,
            name=_account_name(user),
            changes={"role": [None, role]},
        )


def roles_take(user: User, office: Office, roles: set[str], by: User) -> None:
    for office_role in OfficeRole.objects.filter(user=user, office=office, role__in=roles):
        audit_record(
            office=office,
            by=by,
            action=Action.ROLE_TAKEN,
            record=office_role,
            name=_account_name(user),
            changes={"role": [office_role.role, None]},
        )
        office_role._history_user = by
        office_role.delete()


def _roles_in(user: User, office: Office) -> set[str]:
    return set(OfficeRole.objects.filter(user=user, office=office).values_list("role", flat=True))


@transaction.atomic
def office_roles_set(*, user: User, office: Office, roles: set[str], by: User) -> None:
    """Give and take a user's roles in one office so that they hold exactly `roles` there."""
    require_admin(by, office)
    if user.pk == by.pk and Role.ADMIN not in roles and Role.ADMIN in _roles_in(user, office):
        raise ValidationError(
            _("You cannot take away your own administrator role; ask another administrator.")
        )
    roles_take(user, office, set(Role.values) - roles, by)
    roles_give(user, office, roles, by)


@transaction.atomic
def user_invite(
    *,
    office: Office,
    email: str,
    username: str = "",
    name: str = "",
    official: Official | None = None,
    roles: set[str],
    by: User,
) -> tuple[User, bool]:
    """Invite someone to the portal with roles in an office: a new account waits, inactive and
    without a password, until its holder sets one through the e-mailed link. An address that
    already has an account gets the roles (and, if not active yet, the invitation again).
    Returns (user, whether an invitation e-mail is sent)."""
    require_admin(by, office)
    if not roles:
        raise ValidationError(_("Give the user at least one role."))
    if official is not None and official.office_id != office.pk:
        raise ValidationError(_("The official must belong to this office."))
    email = User.objects.normalize_email(email).strip()
    existing = list(User.objects.filter(email__iexact=email)[:2])
    if len(existing) > 1:
        raise ValidationError(_("Several users have this e-mail address; ask the portal's administrators."))
    if existing:
        user = existing[0]
        if not user.is_active and not can_manage_account(by, user):
            raise ValidationError(
                _("This address belongs to an account that another office keeps; ask its administrator.")
            )
        roles_give(user, office, roles, by)
        if user.is_active:
            return user, False
        _invite_again(user, office, by)
        return user, True
    username = (username or email).strip()
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": _("This user name is taken; choose another.")})
    user = User(username=username, email=email, first_name=name.strip(), official=official, is_active=False)
    user.set_unusable_password()
    save_with_history(user, by)
    audit_record(
        office=office,
        by=by,
        action=Action.INVITED,
        record=user,
        name=_account_name(user),
        changes=changes_between({}, snapshot(user, ["username", "email", "official"])),
    )
    roles_give(user, office, roles, by)
    _invitation_queue(user, office, by)
    return user, True


@transaction.atomic
def user_invite_again(*, user: User, office: Office, by: User) -> None:
    """Send the invitation again (it expired, was lost, or the account was deactivated): the new link
    lets the user set a password and the account becomes active again."""
    require_admin(by, office)
    if user.is_active:
        raise ValidationError(_("This user has already set a password and can log in."))
    if not can_manage_account(by, user):
        raise ValidationError(_("This account holds roles in offices you do not administer."))
    if not user.email:
        raise ValidationError(_("This user has no e-mail address."))
    _invite_again(user, office, by)


def _invite_again(user: User, office: Office, by: User) -> None:
    if user.deactivated_at:  # no longer deactivated: invited, until the password is set
        user.deactivated_at = None
        user.save(update_fields=["deactivated_at"])
    _invitation_queue(user, office, by)
    audit_record(office=office, by=by, action=Action.INVITED_AGAIN, record=user, name=_account_name(user))


def _invitation_queue(user: User, office: Office, by: User) -> None:
    user_id, office_id, by_id = user.pk, office.pk, by.pk
    transaction.on_commit(lambda: invitation_send_task.delay(user_id, office_id, by_id))


@transaction.atomic
def user_invitation_accept(*, user: AbstractBaseUser, password: str) -> User:
    """The invited user sets a password through the e-mailed link; the account becomes active."""
    user = User.objects.select_for_update().get(pk=user.pk)
    user.set_password(password)
    user.is_active, user.deactivated_at = True, None
    user.save(update_fields=["password", "is_active", "deactivated_at"])
    for office in Office.objects.filter(user_roles__user=user).distinct():
        audit_record(office=office, by=user, action=Action.JOINED, record=user, name=_account_name(user))
    return user


@transaction.atomic
def user_deactivate(*, user: User, office: Office, by: User) -> User:
    """The user can no longer log in; the account, its roles and everything it did stay on record.
    Open links (invitation, password reset) stop working. Re-inviting the user reactivates it."""
    require_admin(by, office)
    if user.pk == by.pk:
        raise ValidationError(_("You cannot deactivate your own account."))
    if not can_manage_account(by, user):
        raise ValidationError(
            _(
                "This user also holds roles in offices you do not administer: take away the roles here instead."
            )
        )
    user = User.objects.select_for_update().get(pk=user.pk)
    user.is_active, user.deactivated_at = False, timezone.now()
    user.set_unusable_password()
    user.save(update_fields=["is_active", "deactivated_at", "password"])
    audit_record(office=office, by=by, action=Action.DEACTIVATED, record=user, name=_account_name(user))
    return user
