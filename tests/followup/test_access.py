"""Who may open an item, its evidence and its forms: another office's staff get 404, a GET never
writes, the forms need the CSRF token; an official of another office named in a joint decision sees
and reports on their own item."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from followup.models import Occurrence, ProgressReport
from followup.services import Upload, occurrences_for_meeting, progress_report
from tests.actionplan.evidence_files import pdf
from tests.factories import OfficeFactory, OfficialFactory, UserFactory
from tests.followup.conftest import TODAY, add_decision, due_on

pytestmark = pytest.mark.django_db


@pytest.fixture
def reported(people, issued, evidence_folder, clock):
    occurrence = Occurrence.objects.get(decision=issued["to_post"])
    entry = progress_report(
        occurrence=occurrence, note="সম্পন্ন।", done=True, uploads=[Upload("প্রমাণ.pdf", pdf())], by=people.rahim
    )
    return occurrence, entry.evidence.get()


def urls(occurrence, evidence):
    return {
        "item": reverse("followup:item", args=[occurrence.pk]),
        "evidence": reverse("followup:evidence", args=[evidence.pk]),
    }, {
        "report": reverse("followup:report", args=[occurrence.pk]),
        "confirm": reverse("followup:confirm", args=[occurrence.pk]),
        "reopen": reverse("followup:reopen", args=[occurrence.pk]),
    }


def test_another_offices_staff_get_404_everywhere(client, charlie, reported):
    reads, writes = urls(*reported)
    client.force_login(charlie)
    for url in reads.values():
        assert client.get(url).status_code == 404, url
    for url in writes.values():
        assert client.post(url, {"note": "x", "status": "done", "comment": "x"}).status_code == 404, url
    assert ProgressReport.objects.count() == 1


def test_logged_out_visitors_are_sent_to_log_in(client, reported):
    reads, writes = urls(*reported)
    for url in [*reads.values(), *writes.values(), reverse("followup:my_work")]:
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response.url


def test_a_get_never_writes(client, people, reported):
    _reads, writes = urls(*reported)
    client.force_login(people.approver)
    for url in writes.values():
        assert client.get(url, {"note": "x", "status": "done", "comment": "x"}).status_code == 405
    assert Occurrence.objects.get(pk=reported[0].pk).status == Occurrence.Status.DONE
    assert ProgressReport.objects.count() == 1


def test_the_forms_need_the_csrf_token(people, reported):
    client = Client(enforce_csrf_checks=True)
    client.force_login(people.approver)
    _reads, writes = urls(*reported)
    assert client.post(writes["confirm"], {"comment": ""}).status_code == 403
    assert Occurrence.objects.get(pk=reported[0].pk).status == Occurrence.Status.DONE


def test_staff_of_the_office_and_of_offices_above_read_but_only_approvers_review(client, people, reported):
    reads, writes = urls(*reported)
    client.force_login(people.drafter)
    assert client.get(reads["item"]).status_code == 200
    assert client.post(writes["confirm"]).status_code == 403  # a drafter does not confirm
    parent_staff = UserFactory()
    parent = OfficeFactory(name="মন্ত্রণালয়")
    people.office.parent = parent
    people.office.save()
    parent.user_roles.create(user=parent_staff, role="drafter")
    client.force_login(parent_staff)
    assert client.get(reads["item"]).status_code == 200 and client.get(reads["evidence"]).status_code == 200
    assert client.post(writes["report"], {"note": "x", "status": "progress"}).status_code == 403


def test_an_official_of_another_office_named_in_a_joint_decision_reports_on_it(client, people, issued, clock):
    directorate = OfficeFactory(name="অধিদপ্তর")
    official = OfficialFactory(office=directorate, name="অধিদপ্তরের কর্মকর্তা")
    user = UserFactory()
    user.official = official
    user.save()
    decision = add_decision(
        issued["meeting"], "অধিদপ্তর বাস্তবায়ন করবে।", to=[official], **due_on(datetime.date(2024, 9, 25))
    )
    occurrences_for_meeting(meeting=issued["meeting"], today=TODAY)
    occurrence = Occurrence.objects.get(decision=decision)
    client.force_login(user)

    assert "অধিদপ্তর বাস্তবায়ন করবে।" in client.get(reverse("followup:my_work")).content.decode()
    page = client.get(reverse("followup:item", args=[occurrence.pk])).content.decode()
    assert "অধিদপ্তর বাস্তবায়ন করবে।" in page
    assert (
        reverse("minutes:detail", args=[issued["meeting"].pk]) not in page
    )  # the minutes page is not theirs
    response = client.post(
        reverse("followup:report", args=[occurrence.pk]), {"note": "শুরু হয়েছে", "status": "progress"}
    )
    assert response.status_code == 302
    # Other items of the same minutes stay closed to them.
    other = Occurrence.objects.get(decision=issued["to_post"])
    assert client.get(reverse("followup:item", args=[other.pk])).status_code == 404
