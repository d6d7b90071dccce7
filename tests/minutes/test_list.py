"""The staff list of meetings: only readable offices, filtered by fiscal year, state and text."""

import pytest
from django.urls import reverse

from minutes.models import Meeting
from tests.factories import MeetingFactory


@pytest.fixture
def meetings(alice, office_a, office_b):
    return {
        "old": MeetingFactory(office=office_a, created_by=alice, title="পুরনো সভা", date="2023-03-01"),
        "new": MeetingFactory(office=office_a, created_by=alice, title="নতুন সভা", date="2024-08-01",
                              state=Meeting.State.ISSUED),
        "other": MeetingFactory(office=office_b, title="অন্য দপ্তরের গোপন খসড়া", date="2024-08-01"),
    }  # fmt: skip


def titles(client, **params):
    page = client.get(reverse("minutes:list"), params).content.decode()
    return {t for t in ("পুরনো সভা", "নতুন সভা", "অন্য দপ্তরের গোপন খসড়া") if t in page}


def test_it_lists_only_the_users_offices(client, alice, meetings):
    client.force_login(alice)
    assert titles(client) == {"পুরনো সভা", "নতুন সভা"}


def test_it_filters_by_fiscal_year_state_and_text(client, alice, meetings):
    client.force_login(alice)
    assert titles(client, fiscal_year="2022") == {"পুরনো সভা"}
    assert titles(client, fiscal_year="২০২৪") == {"নতুন সভা"}
    assert titles(client, state="issued") == {"নতুন সভা"}
    assert titles(client, q="পুরনো") == {"পুরনো সভা"}
    assert titles(client, q="গোপন") == set()


def test_anonymous_readers_are_sent_to_log_in(client, meetings):
    response = client.get(reverse("minutes:list"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
