"""A user of office A must not see or change office B's officials, files or users."""

import pytest
from django.urls import reverse

from offices.models import GovernmentFile, OfficeRole, Official
from tests.factories import GovernmentFileFactory, OfficeFactory, OfficialFactory, user_with_role

pytestmark = pytest.mark.django_db
R = OfficeRole.Role


@pytest.fixture
def secrets_of_b(office_b):
    return {
        "official": OfficialFactory(office=office_b, name="গোপন কর্মকর্তা"),
        "file": GovernmentFileFactory(office=office_b, number="99.00.0000.001.01.001.24"),
    }


def test_it_shows_an_office_page_to_its_own_staff(client, alice, office_a):
    OfficialFactory(office=office_a, name="নিজ কর্মকর্তা")
    client.force_login(alice)
    response = client.get(reverse("offices:detail", args=[office_a.pk]))
    assert response.status_code == 200
    assert "নিজ কর্মকর্তা" in response.content.decode()


@pytest.mark.parametrize(
    "url_name, key",
    [
        ("offices:detail", None),
        ("offices:official_edit", "official"),
        ("offices:file_edit", "file"),
        ("offices:official_create", None),
        ("offices:file_create", None),
        ("offices:branch_create", None),
    ],
)
def test_it_hides_another_offices_pages_even_by_guessed_urls(
    client, alice, office_b, secrets_of_b, url_name, key
):
    client.force_login(alice)
    pk = secrets_of_b[key].pk if key else office_b.pk
    response = client.get(reverse(url_name, args=[pk]))
    assert response.status_code == 404
    assert "গোপন কর্মকর্তা" not in response.content.decode()


def test_it_refuses_a_post_that_changes_another_offices_official(client, alice, secrets_of_b):
    client.force_login(alice)
    official = secrets_of_b["official"]
    response = client.post(
        reverse("offices:official_edit", args=[official.pk]), {"name": "বদলানো", "designation": "সচিব"}
    )
    assert response.status_code == 404
    official.refresh_from_db()
    assert official.name == "গোপন কর্মকর্তা"


def test_it_refuses_a_post_that_adds_a_file_to_another_office(client, alice, office_b):
    client.force_login(alice)
    response = client.post(
        reverse("offices:file_create", args=[office_b.pk]),
        {"number": "11.00.0000.001.01.001.24", "subject": "অনধিকার", "last_serial": 0, "is_active": "on"},
    )
    assert response.status_code == 404
    assert not GovernmentFile.objects.filter(office=office_b).exists()


def test_it_lists_only_the_users_own_offices(client, alice, office_a, office_b):
    client.force_login(alice)
    page = client.get(reverse("offices:list")).content.decode()
    assert office_a.name in page
    assert office_b.name not in page


def test_it_lets_a_superior_office_read_but_not_change_a_subordinate(client):
    """Its drafters, approvers and issuers read; only its administrators administer (test_administration_access)."""
    division = OfficeFactory(name="সুরক্ষা সেবা বিভাগ")
    directorate = OfficeFactory(name="কারা অধিদপ্তর", parent=division)
    official = OfficialFactory(office=directorate, name="কারা কর্মকর্তা")
    reader = user_with_role(division, R.DRAFTER, R.APPROVER, R.ISSUER)
    client.force_login(reader)
    assert "কারা কর্মকর্তা" in client.get(reverse("offices:detail", args=[directorate.pk])).content.decode()
    response = client.post(
        reverse("offices:official_edit", args=[official.pk]), {"name": "বদলানো", "designation": "সচিব"}
    )
    assert response.status_code == 403
    assert "অনুমতি" in response.content.decode()
    official.refresh_from_db()
    assert official.name == "কারা কর্মকর্তা"


def test_it_does_not_let_a_subordinate_read_its_superior(client):
    division = OfficeFactory()
    directorate = OfficeFactory(parent=division)
    client.force_login(user_with_role(directorate, R.ADMIN))
    assert client.get(reverse("offices:detail", args=[division.pk])).status_code == 404


def test_it_lets_only_administrators_add_officials(client, office_a):
    drafter = user_with_role(office_a, R.DRAFTER)
    client.force_login(drafter)
    response = client.post(
        reverse("offices:official_create", args=[office_a.pk]), {"name": "নতুন", "designation": "উপসচিব"}
    )
    assert response.status_code == 403
    assert not Official.objects.filter(name="নতুন").exists()


def test_it_answers_an_office_that_does_not_exist_with_a_bangla_404(client, alice):
    client.force_login(alice)
    response = client.get(reverse("offices:detail", args=[987654]))
    assert response.status_code == 404
    assert "পাওয়া যায়নি" in response.content.decode()


def test_it_sends_anonymous_visitors_to_log_in(client, office_a):
    response = client.get(reverse("offices:detail", args=[office_a.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
