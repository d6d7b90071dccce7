"""An office's own announced days: holidays the public calendar does not know, and days the office
works although the public calendar (or the weekend) says otherwise."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from bangla.digits import to_bangla_digits
from offices.models.office import Office


class OfficeHoliday(models.Model):
    """A day an office announced as a holiday (an executive-order holiday, Eid on the day the moon
    was sighted) or as a working day (a public holiday the package computed a day off, a Saturday
    declared a working day).

    It applies to the office and to every office below it (a ministry's announcement reaches its
    directorates), unless an office nearer to them announced that day otherwise: the nearest wins.
    Working days count with these (offices.selectors.office_calendar); the Bangladesh public
    holidays themselves come from the `holidays` package (bangla/workdays.py).
    """

    FIRST_YEAR, LAST_YEAR = 2000, 2099

    class Kind(models.TextChoices):
        HOLIDAY = "holiday", _("Holiday: the office is closed")
        WORKING_DAY = "working_day", _("Working day: the office is open")

    office = models.ForeignKey(
        Office, verbose_name=_("office"), on_delete=models.CASCADE, related_name="announced_days"
    )
    date = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.HOLIDAY)
    name = models.CharField(
        _("name or reason"),
        max_length=200,
        help_text=_("e.g. সাধারণ ছুটি (নির্বাহী আদেশে), ঈদুল ফিতর, or why the office is open that day."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("announced holiday or working day")
        verbose_name_plural = _("announced holidays and working days")
        ordering = ["office", "date"]
        constraints = [
            # Also the index of offices.selectors.office_calendar (an office's days of one year).
            models.UniqueConstraint(fields=["office", "date"], name="office_holiday_once_a_day"),
        ]

    def __str__(self):
        return f"{self.date:%d.%m.%Y} {self.name}"

    def clean(self):
        if self.date and not self.FIRST_YEAR <= self.date.year <= self.LAST_YEAR:
            message = _("Give a date from the year %(first)s to %(last)s.")
            params = {"first": to_bangla_digits(self.FIRST_YEAR), "last": to_bangla_digits(self.LAST_YEAR)}
            raise ValidationError({"date": ValidationError(message, params=params)})
        if self.name is not None:
            self.name = self.name.strip()
        if (
            self.date
            and OfficeHoliday.objects.filter(office=self.office_id, date=self.date)
            .exclude(pk=self.pk)
            .exists()
        ):
            raise ValidationError(
                {"date": _("This office has already announced this day; edit that entry instead.")}
            )

    def validate_constraints(self, exclude=None):
        # clean() already reported a second entry for the day in the user's language.
        super().validate_constraints(exclude={*(exclude or ()), "date"})

    @property
    def is_holiday(self) -> bool:
        return self.kind == self.Kind.HOLIDAY
