"""An office's announced holidays and working days: added, corrected, moved, removed. Each change is
checked against the office's administrators, written to the audit log, and forgets the cached
calendars of the office and of every office below it once committed (they inherit it)."""

import datetime

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from bangla.dates import format_date
from bangla.workdays import is_public_holiday, is_working_day
from offices.access import require_admin, subordinate_office_ids
from offices.audit import Action, audit_record, changes_between, snapshot
from offices.models import Office, OfficeHoliday, User
from offices.selectors import OfficeCalendar, calendar_cache_key, office_calendar
from offices.services.base import save_with_history

FIELDS = ["date", "kind", "name"]


def _forget_calendars(office: Office, years: set[int]) -> None:
    """Forget the cached calendars of the office and its subordinates for those years: now, for the
    reads of this transaction, and again once committed, as another request may have cached the
    days as they were before the commit."""
    keys = [calendar_cache_key(pk, year) for pk in subordinate_office_ids({office.pk}) for year in years]
    cache.delete_many(keys)
    transaction.on_commit(lambda: cache.delete_many(keys))


def _inherited(office: Office, year: int) -> OfficeCalendar:
    """What the office's superiors announced for the year (the office's own entries left out)."""
    return office_calendar(office.parent_id, year) if office.parent_id else OfficeCalendar()


def _check_it_changes_the_day(office: Office, date: datetime.date, kind: str) -> None:
    """An entry must change something: a holiday on a day that is off anyway (a weekend, a public
    holiday, a superior's announced holiday) or a working day on one that is open is refused."""
    is_open = is_working_day(date, **_inherited(office, date.year).as_kwargs())
    if kind == OfficeHoliday.Kind.HOLIDAY and not is_open:
        message = _("%(date)s is already a holiday for this office (a weekend or a public holiday).")
    elif kind == OfficeHoliday.Kind.WORKING_DAY and is_open:
        message = _("%(date)s is already a working day for this office.")
    else:
        return
    raise ValidationError({"date": ValidationError(message, params={"date": format_date(date, "dotted")})})


def _name(holiday: OfficeHoliday) -> str:
    return f"{format_date(holiday.date, 'dotted')} {holiday.name}"


@transaction.atomic
def holiday_save(*, holiday: OfficeHoliday, by: User) -> OfficeHoliday:
    """Announce a holiday or a working day for the office, or correct one it announced."""
    office = holiday.office
    require_admin(by, office)
    stored = OfficeHoliday.objects.filter(pk=holiday.pk).first() if holiday.pk else None
    holiday.full_clean()
    _check_it_changes_the_day(office, holiday.date, holiday.kind)
    before = snapshot(stored, FIELDS) if stored else {}
    save_with_history(holiday, by)
    changes = changes_between(before, snapshot(holiday, FIELDS))
    if stored is None or changes:
        action = Action.CHANGED if stored else Action.CREATED
        audit_record(
            office=office, by=by, action=action, record=holiday, name=_name(holiday), changes=changes
        )
    _forget_calendars(office, {holiday.date.year, *([stored.date.year] if stored else [])})
    return holiday


@transaction.atomic
def holiday_move(
    *, office: Office, public_date: datetime.date, to_date: datetime.date, name: str, by: User
) -> OfficeHoliday:
    """A public holiday kept on another day (Eid as the moon was sighted): the office works on the
    day the package computed and is closed on the day announced. Two entries, one audit entry."""
    require_admin(by, office)
    if not is_public_holiday(public_date):
        raise ValidationError({"public_date": _("That day is not a public holiday.")})
    if to_date == public_date:
        raise ValidationError({"to_date": _("Give another day than the public holiday's.")})
    cancelled = OfficeHoliday(
        office=office,
        date=public_date,
        kind=OfficeHoliday.Kind.WORKING_DAY,
        name=f"{name} ({format_date(to_date, 'dotted')} তারিখে পালিত)",
    )
    moved = OfficeHoliday(office=office, date=to_date, kind=OfficeHoliday.Kind.HOLIDAY, name=name)
    for entry, field in ((cancelled, "public_date"), (moved, "to_date")):
        try:
            entry.full_clean()
            _check_it_changes_the_day(office, entry.date, entry.kind)
        except ValidationError as error:
            raise ValidationError({field: error.message_dict.get("date", error.messages)}) from error
        save_with_history(entry, by)
    audit_record(
        office=office,
        by=by,
        action=Action.MOVED,
        record=moved,
        name=name,
        changes=changes_between({"date": str(public_date)}, {"date": str(to_date)}),
    )
    _forget_calendars(office, {public_date.year, to_date.year})
    return moved


@transaction.atomic
def holiday_remove(*, holiday: OfficeHoliday, by: User) -> None:
    """Withdraw an announcement: the day is again as the public calendar (and the superiors) say."""
    office = holiday.office
    require_admin(by, office)
    audit_record(
        office=office,
        by=by,
        action=Action.REMOVED,
        record=holiday,
        name=_name(holiday),
        changes={field: [value, None] for field, value in snapshot(holiday, FIELDS).items()},
    )
    holiday._history_user = by
    year = holiday.date.year
    holiday.delete()
    _forget_calendars(office, {year})
