import pytest
from django.core.management import call_command
from django.urls import reverse

from offices.models import GovernmentFile, Office, OfficeRole, Official, User

pytestmark = pytest.mark.django_db


def test_it_shows_the_signed_in_users_offices_and_roles_in_bangla(client, alice, office_a):
    client.force_login(alice)
    page = client.get(reverse("home")).content.decode()
    assert '<html lang="bn">' in page
    assert office_a.name in page
    assert "খসড়া প্রস্তুতকারী" in page
    assert "দপ্তর প্রশাসক" in page


def test_it_switches_the_interface_to_english(client, alice):
    client.force_login(alice)
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"}, follow=True)
    page = response.content.decode()
    assert '<html lang="en">' in page
    assert "Drafter" in page


def test_it_refuses_an_unknown_user_with_a_bangla_message(client):
    response = client.post(reverse("login"), {"username": "nobody", "password": "wrong"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "সঠিক ব্যবহারকারীর নাম ও পাসওয়ার্ড দিন" in page
    assert 'value="nobody"' in page


def test_it_loads_the_demo_data_twice_without_duplicates(capsys):
    call_command("load_demo", "--force")  # pytest-django runs with DEBUG off
    counts = [model.objects.count() for model in (Office, Official, GovernmentFile, User, OfficeRole)]
    call_command("load_demo", "--force")
    assert [model.objects.count() for model in (Office, Official, GovernmentFile, User, OfficeRole)] == counts
    division = Office.objects.get(name="সুরক্ষা সেবা বিভাগ")
    assert division.children.count() == 4
    assert GovernmentFile.objects.get(office=division).number_bn == "৫৮.০০.০০০০.০১৮.৩১.০০৬.১৭"
    drafter = User.objects.get(username="drafter")
    assert drafter.check_password("sobha-demo-2026")
    assert OfficeRole.objects.filter(user=drafter, office=division, role=OfficeRole.Role.DRAFTER).exists()
    assert "drafter" in capsys.readouterr().out


def test_it_keeps_the_serial_an_office_moved_on_when_demo_data_is_loaded_again():
    call_command("load_demo", "--force")  # pytest-django runs with DEBUG off
    government_file = GovernmentFile.objects.get(office__name="সুরক্ষা সেবা বিভাগ")
    GovernmentFile.objects.filter(pk=government_file.pk).update(last_serial=31)
    call_command("load_demo", "--force")
    government_file.refresh_from_db()
    assert government_file.last_serial == 31
