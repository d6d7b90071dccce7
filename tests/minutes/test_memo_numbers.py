"""A memo number is issued once: a file's number is fixed once a letter is issued from it, file
numbers are unique, and the database refuses a duplicate memo number whatever happens above it."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from minutes.models import Meeting
from minutes.workflow import services as workflow
from minutes.workflow.steps import StepRefused
from offices.models import GovernmentFile, OfficeRole
from tests.factories import GovernmentFileFactory, MeetingFactory, OfficeFactory, user_with_role

pytestmark = pytest.mark.django_db
R = OfficeRole.Role
NUMBER = "58.00.0000.018.31.006.17"


@pytest.fixture
def issuer(office_a):
    return user_with_role(office_a, R.ISSUER, R.ADMIN)


def approved(office_a, issuer) -> Meeting:
    meeting = MeetingFactory(office=office_a, created_by=issuer, state=Meeting.State.APPROVED)
    meeting.agenda_items.create(order=0, title="বিবিধ")
    return meeting


def test_the_reported_path_cannot_issue_a_memo_number_twice(client, office_a, issuer):
    nothi = GovernmentFileFactory(office=office_a, number=NUMBER, last_serial=0)
    first = workflow.minutes_issue(meeting=approved(office_a, issuer), government_file=nothi, by=issuer)
    assert first.memo_number == f"{NUMBER}.1"

    # 1. The file's number cannot be changed any more, in the portal's form or anywhere else.
    client.force_login(issuer)
    edit = reverse("offices:file_edit", args=[nothi.pk])
    assert "নম্বর আর বদলানো যায় না" in client.get(edit).content.decode()  # said next to the field
    client.post(edit, {"number": "58.00.0000.018.31.999.17", "subject": "ইনোভেশন", "is_active": "on"})
    assert GovernmentFile.objects.get(pk=nothi.pk).number == NUMBER
    nothi.number = "58.00.0000.018.31.999.17"
    with pytest.raises(ValidationError, match="number"):
        nothi.full_clean()

    # 2. No other file may take the number, in this office or another one.
    for office in (office_a, OfficeFactory()):
        with pytest.raises(ValidationError, match="number"):
            GovernmentFile(office=office, number=NUMBER, subject="নতুন").full_clean()

    # 3. Even if both were done behind the portal's back, the database refuses the second ….1.
    GovernmentFile.objects.filter(pk=nothi.pk).update(number="58.00.0000.018.31.999.17")
    again = GovernmentFile.objects.create(office=office_a, number=NUMBER, subject="নতুন", last_serial=0)
    second = approved(office_a, issuer)
    with pytest.raises(StepRefused, match="আগে জারি হয়েছে"):
        workflow.minutes_issue(meeting=second, government_file=again, by=issuer)
    assert Meeting.objects.filter(memo_number=f"{NUMBER}.1").count() == 1
    assert Meeting.objects.get(pk=second.pk).state == Meeting.State.APPROVED
    assert GovernmentFile.objects.get(pk=again.pk).last_serial == 0  # nothing used up


def test_a_closed_file_issues_nothing(office_a, issuer):
    nothi = GovernmentFileFactory(office=office_a, last_serial=7, is_active=False)
    meeting = approved(office_a, issuer)
    with pytest.raises(StepRefused, match="নথিটি বন্ধ"):
        workflow.minutes_issue(meeting=meeting, government_file=nothi, by=issuer)
    assert GovernmentFile.objects.get(pk=nothi.pk).last_serial == 7
