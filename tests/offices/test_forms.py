"""Office administrators keep officials and files; bad input gets a Bangla message and saves nothing."""

import pytest
from django.urls import reverse

from offices.models import GovernmentFile, Official
from tests.factories import BranchFactory, GovernmentFileFactory

pytestmark = pytest.mark.django_db


def test_it_adds_an_official_with_a_branch_of_the_office(client, alice, office_a):
    branch = BranchFactory(office=office_a, name="আইসিটি সেল")
    client.force_login(alice)
    response = client.post(
        reverse("offices:official_create", args=[office_a.pk]),
        {
            "name": "জনাব নিপু হালদার",
            "designation": "সহঃ প্রোগ্রামার",
            "branch": branch.pk,
            "mobile": "০১৭১১০০০০০০",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    official = Official.objects.get(name="জনাব নিপু হালদার")
    assert (official.office, official.branch, official.mobile) == (office_a, branch, "01711000000")


def test_it_refuses_a_branch_of_another_office_and_keeps_the_form(client, alice, office_a, office_b):
    foreign_branch = BranchFactory(office=office_b)
    client.force_login(alice)
    response = client.post(
        reverse("offices:official_create", args=[office_a.pk]),
        {"name": "জনাব টাইপ করা নাম", "designation": "উপসচিব", "branch": foreign_branch.pk},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "সঠিক বিকল্প নির্বাচন করুন" in page
    assert "জনাব টাইপ করা নাম" in page
    assert not Official.objects.filter(name="জনাব টাইপ করা নাম").exists()


def test_it_refuses_a_duplicate_file_number_with_a_bangla_message(client, alice, office_a):
    GovernmentFileFactory(office=office_a, number="58.00.0000.018.31.006.17")
    client.force_login(alice)
    response = client.post(
        reverse("offices:file_create", args=[office_a.pk]),
        {
            "number": "৫৮.০০.০০০০.০১৮.৩১.০০৬.১৭",
            "subject": "দ্বিতীয় নথি",
            "last_serial": "0",
            "is_active": "on",
        },
    )
    page = response.content.decode()
    assert "এই নম্বরের একটি নথি আগে থেকেই আছে; একটি নথি নম্বর একবারই ব্যবহার করা যায়।" in page
    assert "দ্বিতীয় নথি" in page
    assert GovernmentFile.objects.filter(office=office_a).count() == 1


def test_it_does_not_let_an_edit_move_a_files_serial(client, alice, office_a):
    government_file = GovernmentFileFactory(office=office_a, last_serial=25)
    client.force_login(alice)
    client.post(
        reverse("offices:file_edit", args=[government_file.pk]),
        {"number": government_file.number, "subject": "নতুন বিষয়", "last_serial": "3", "is_active": "on"},
    )
    government_file.refresh_from_db()
    assert (government_file.subject, government_file.last_serial) == ("নতুন বিষয়", 25)


def test_it_requires_a_name_in_bangla(client, alice, office_a):
    client.force_login(alice)
    response = client.post(reverse("offices:official_create", args=[office_a.pk]), {"designation": "উপসচিব"})
    assert "এই ঘরটি অবশ্যই পূরণ করতে হবে" in response.content.decode()
    assert not Official.objects.exists()
