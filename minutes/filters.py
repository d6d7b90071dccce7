"""The filters of the office's meeting list: fiscal year, state, office and free text."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from bangla.fiscal import fiscal_year_bounds
from bangla.forms import IntegerField
from minutes.models import Meeting


class YearFilter(django_filters.NumberFilter):
    field_class = IntegerField  # Bangla or ASCII digits


class MeetingFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    fiscal_year = YearFilter(
        label=_("fiscal year (starting year)"), method="in_fiscal_year", min_value=1971, max_value=2200
    )
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
        start, end = fiscal_year_bounds(int(value))
        return queryset.filter(Q(fiscal_year=value) | Q(fiscal_year__isnull=True, date__range=(start, end)))
