"""The filters of the office's meeting list: fiscal year, state, office and free text."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from bangla.digits import to_ascii_digits
from minutes.models import Meeting


class MeetingFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    fiscal_year = django_filters.CharFilter(label=_("fiscal year (starting year)"), method="in_fiscal_year")
    state = django_filters.ChoiceFilter(label=_("state"), choices=Meeting.State.choices)
    office = django_filters.ModelChoiceFilter(label=_("office"), queryset=None)

    class Meta:
        model = Meeting
        fields = ["q", "fiscal_year", "state", "office"]

    def __init__(self, *args, offices=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["office"].queryset = offices

    def search(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(
            Q(title__icontains=value)
            | Q(venue__icontains=value)
            | Q(chair_name__icontains=value)
            | Q(agenda_items__title__icontains=value)
            | Q(agenda_items__decisions__text__icontains=value)
        ).distinct()

    def in_fiscal_year(self, queryset, name, value):
        """A meeting belongs to the fiscal year it was held in (July to June), or the one it names."""
        digits = to_ascii_digits(value.strip())[:4]
        if not (digits.isascii() and digits.isdigit()):
            return queryset
        year = int(digits)
        return queryset.filter(
            Q(fiscal_year=year)
            | Q(fiscal_year__isnull=True, date__gte=f"{year}-07-01", date__lte=f"{year + 1}-06-30")
        )
