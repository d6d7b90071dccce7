"""The office's holidays: the year's public holidays and what the office (or a superior office)
announced on top of them. Working-day deadlines count with these (offices.selectors.office_calendar)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bangla.dates import parse_date
from bangla.workdays import public_holidays
from offices import selectors, services
from offices.administration.records import record_edit_page
from offices.administration.sections import render_section
from offices.forms import HolidayMoveForm, HolidayYearForm, OfficeHolidayForm, add_errors
from offices.models import Office, OfficeHoliday


def _year(request) -> int:
    form = HolidayYearForm(request.GET if "year" in request.GET else None)
    return form.cleaned_data["year"] if form.is_valid() else timezone.localdate().year


def _page(request, office: Office, year: int, *, form=None, move_form=None, status=200):
    """The year's holidays, with the forms (as posted, with their errors, after a refusal)."""
    ctx = {
        "year": year,
        "years": (year - 1, year + 1),
        "rows": selectors.office_holiday_rows(office, year, get_language() or "bn"),
        "form": form or OfficeHolidayForm(instance=OfficeHoliday(office=office)),
        "move_form": move_form or HolidayMoveForm(public=public_holidays(year)),
    }
    return render_section(request, office, "holidays", "offices/manage/holidays.html", ctx, status=status)


def _back(office: Office, year: int):
    return redirect(f"{reverse('offices:holidays', args=[office.pk])}?year={year}")


@login_required
def holiday_list(request, pk):
    office = selectors.get_office_to_administer_or_404(request.user, pk)
    return _page(request, office, _year(request))


@login_required
@require_POST
def holiday_create(request, pk):
    office = selectors.get_office_to_administer_or_404(request.user, pk)
    form = OfficeHolidayForm(request.POST, instance=OfficeHoliday(office=office))
    year = _year(request)
    if form.is_valid():
        year = form.instance.date.year
        try:
            services.holiday_save(holiday=form.instance, by=request.user)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Saved. Working-day deadlines count with it from now on."))
            return _back(office, year)
    return _page(request, office, year, form=form, status=400)


@login_required
@require_POST
def holiday_move(request, pk):
    office = selectors.get_office_to_administer_or_404(request.user, pk)
    year = _year(request)
    move_form = HolidayMoveForm(request.POST, public=public_holidays(year))
    if move_form.is_valid():
        try:
            services.holiday_move(
                office=office,
                public_date=move_form.cleaned_data["public_date"],
                to_date=move_form.cleaned_data["to_date"],
                name=move_form.public_name(),
                by=request.user,
            )
        except ValidationError as error:
            add_errors(move_form, error)
        else:
            messages.success(request, _("Saved. Working-day deadlines count with it from now on."))
            return _back(office, year)
    return _page(request, office, year, move_form=move_form, status=400)


@login_required
@require_POST
def holiday_cancel(request, pk):
    """A public holiday the office works on: a working day announced with the holiday's name."""
    office = selectors.get_office_to_administer_or_404(request.user, pk)
    try:
        day = parse_date(request.POST.get("date", ""))
    except ValueError:
        day = None
    public = public_holidays(day.year) if day else {}
    if day not in public:
        messages.error(request, _("That day is not a public holiday."))
        return _back(office, _year(request))
    holiday = OfficeHoliday(
        office=office, date=day, kind=OfficeHoliday.Kind.WORKING_DAY, name=f"{public[day]} (বাতিল)"
    )
    try:
        services.holiday_save(holiday=holiday, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Saved. Working-day deadlines count with it from now on."))
    return _back(office, day.year)


@login_required
def holiday_edit(request, pk):
    holiday = selectors.get_record_to_administer_or_404(request.user, OfficeHoliday, pk)

    def save(form):
        services.holiday_save(holiday=form.instance, by=request.user)

    response = record_edit_page(
        request,
        holiday.office,
        holiday,
        OfficeHolidayForm,
        section="holidays",
        title=_("Edit an announced day"),
        save=save,
    )
    if response.status_code == 302:  # saved: back to the year of the day as it is now
        return _back(holiday.office, holiday.date.year)
    return response


@login_required
@require_POST
def holiday_remove(request, pk):
    holiday = selectors.get_record_to_administer_or_404(request.user, OfficeHoliday, pk)
    office, year = holiday.office, holiday.date.year
    services.holiday_remove(holiday=holiday, by=request.user)
    messages.success(request, _("Removed: the day is as the public calendar says."))
    return _back(office, year)
