"""Bangla first, for everyone: the browser's language does not count; the switch does, and stays."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_an_english_language_browser_gets_bangla(client):
    response = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="bn">' in response.content.decode() and "লগ ইন" in response.content.decode()
    assert response["Content-Language"] == "bn"


def test_the_switch_gives_english_and_remembers_it(client):
    switch = client.post(reverse("set_language"), {"language": "en", "next": reverse("login")})
    assert switch.status_code == 302
    assert switch.cookies["django_language"]["max-age"] == 365 * 24 * 3600
    page = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="bn").content.decode()
    assert '<html lang="en">' in page and "Log in" in page
    client.post(reverse("set_language"), {"language": "bn", "next": "/"})
    assert '<html lang="bn">' in client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-US").content.decode()


def test_a_made_up_language_cookie_gets_bangla(client):
    client.cookies["django_language"] = "xx"
    assert '<html lang="bn">' in client.get(reverse("login")).content.decode()


def test_not_found_and_not_allowed_are_friendly_bangla_pages_even_in_debug(client, settings, alice, charlie):
    from tests.factories import MeetingFactory

    settings.DEBUG = True
    meeting = MeetingFactory(office=alice.office_roles.first().office, created_by=alice)
    client.force_login(charlie)  # another office's user opens a drafter's address
    response = client.get(reverse("minutes:edit", args=[meeting.pk]), HTTP_ACCEPT_LANGUAGE="en-US")
    page = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="bn">' in page and 'name="viewport"' in page  # the portal's layout, fit for a phone
    assert "Page not found" not in page  # not Django's technical page
