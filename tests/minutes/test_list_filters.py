"""The staff list's filters take what people type, in Bangla or ASCII digits, and refuse nonsense politely."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("year", ["9999", "0", "99999", "-1", "abc", "২০২০২০২০"])
def test_an_impossible_fiscal_year_keeps_the_list_and_says_why(client, alice, office_a, year):
    MeetingFactory(office=office_a, created_by=alice, title="বার্ষিক সভা")
    client.force_login(alice)
    response = client.get(reverse("minutes:list"), {"fiscal_year": year})
    assert response.status_code == 200
    page = response.content.decode()
    assert "invalid-feedback" in page and "বার্ষিক সভা" in page  # the filter is ignored, the error shown


def test_a_fiscal_year_typed_in_bangla_digits_filters(client, alice, office_a):
    MeetingFactory(office=office_a, created_by=alice, title="২০২০-২১ এর সভা", date=datetime.date(2021, 2, 17))
    MeetingFactory(office=office_a, created_by=alice, title="২০২৩-২৪ এর সভা", date=datetime.date(2024, 1, 10))
    client.force_login(alice)
    page = client.get(reverse("minutes:list"), {"fiscal_year": "২০২০"}).content.decode()
    assert "২০২০-২১ এর সভা" in page and "২০২৩-২৪ এর সভা" not in page


def test_the_fiscal_year_filter_is_shown_again_in_bangla_digits_and_its_range_too(client, alice):
    client.force_login(alice)
    page = client.get(reverse("minutes:list"), {"fiscal_year": "2020"}).content.decode()
    assert 'name="fiscal_year" value="২০২০"' in page and 'inputmode="numeric"' in page
    page = client.get(reverse("minutes:list"), {"fiscal_year": "১৯০০"}).content.decode()
    assert "১৯৭১ থেকে ২২০০-এর মধ্যে একটি সংখ্যা লিখুন।" in page
