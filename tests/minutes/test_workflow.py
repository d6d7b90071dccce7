"""Draft → submitted → approved → issued → published, with refusals, memo numbers and corrections."""

import threading

import pytest
from django.db import connections
from django.db.models import QuerySet
from django.urls import reverse

from minutes.models import Meeting, Transition
from minutes.workflow import services as workflow
from minutes.workflow.steps import StepRefused
from offices.models import GovernmentFile, OfficeRole
from tests.factories import GovernmentFileFactory, MeetingFactory, OfficialFactory, user_with_role

R = OfficeRole.Role
S = Meeting.State


@pytest.fixture
def people(office_a):
    def user(role, name):
        u = user_with_role(office_a, role)
        u.official = OfficialFactory(office=office_a, name=name, designation="উপসচিব")
        u.save()
        return u

    return {
        "drafter": user(R.DRAFTER, "মোঃ আবদুল কাদির"),
        "approver": user(R.APPROVER, "ড. তরুণ কান্তি শিকদার"),
        "issuer": user(R.ISSUER, "জনাব মো: মনিরুজ্জামান"),
    }


@pytest.fixture
def meeting(office_a, people):
    meeting = MeetingFactory(office=office_a, created_by=people["drafter"])
    meeting.agenda_items.create(order=0, title="বিবিধ")
    return meeting


@pytest.fixture
def nothi(office_a):
    return GovernmentFileFactory(office=office_a, number="58.00.0000.018.31.006.17", last_serial=25)


def test_the_whole_way_with_a_return_and_every_step_recorded(meeting, people, nothi):
    workflow.meeting_submit(meeting=meeting, by=people["drafter"])
    workflow.meeting_return(meeting=meeting, by=people["approver"], comment="সিদ্ধান্ত খ স্পষ্ট করুন")
    assert Meeting.objects.get(pk=meeting.pk).state == S.RETURNED
    workflow.meeting_submit(meeting=meeting, by=people["drafter"])
    workflow.meeting_approve(meeting=meeting, by=people["approver"])
    issued = workflow.minutes_issue(
        meeting=meeting, government_file=nothi, by=people["issuer"], signer=people["issuer"].official
    )
    assert issued.memo_number == "58.00.0000.018.31.006.17.26"
    assert (issued.issuer_name, issued.issuer_designation) == ("জনাব মো: মনিরুজ্জামান", "উপসচিব")
    workflow.minutes_publish(meeting=meeting, by=people["issuer"])
    steps = list(Transition.objects.filter(meeting=meeting).values_list("to_state", "by_name", "comment"))
    assert steps == [
        (S.SUBMITTED, "মোঃ আবদুল কাদির", ""),
        (S.RETURNED, "ড. তরুণ কান্তি শিকদার", "সিদ্ধান্ত খ স্পষ্ট করুন"),
        (S.SUBMITTED, "মোঃ আবদুল কাদির", ""),
        (S.APPROVED, "ড. তরুণ কান্তি শিকদার", ""),
        (S.ISSUED, "জনাব মো: মনিরুজ্জামান", ""),
        (S.PUBLISHED, "জনাব মো: মনিরুজ্জামান", ""),
    ]


def test_wrong_roles_and_wrong_states_are_refused_in_bangla(meeting, people, nothi, charlie):
    with pytest.raises(StepRefused, match="ভূমিকা"):
        workflow.meeting_approve(meeting=meeting, by=people["drafter"])  # cannot approve own office's minutes
    with pytest.raises(StepRefused, match="এখন এটি করা যাবে না"):
        workflow.meeting_approve(meeting=meeting, by=people["approver"])  # not submitted yet
    with pytest.raises(StepRefused, match="ভূমিকা"):
        workflow.meeting_submit(meeting=meeting, by=charlie)
    workflow.meeting_submit(meeting=meeting, by=people["drafter"])
    with pytest.raises(StepRefused, match="মন্তব্য"):
        workflow.meeting_return(meeting=meeting, by=people["approver"], comment="  ")
    assert Meeting.objects.get(pk=meeting.pk).state == S.SUBMITTED
    assert Transition.objects.filter(meeting=meeting).count() == 1


def test_issuing_twice_or_from_another_offices_file_uses_no_number(meeting, people, nothi, office_b):
    workflow.meeting_submit(meeting=meeting, by=people["drafter"])
    workflow.meeting_approve(meeting=meeting, by=people["approver"])
    foreign = GovernmentFileFactory(office=office_b, last_serial=7)
    with pytest.raises(StepRefused, match="নিজস্ব নথি"):
        workflow.minutes_issue(meeting=meeting, government_file=foreign, by=people["issuer"])
    assert GovernmentFile.objects.get(pk=foreign.pk).last_serial == 7
    workflow.minutes_issue(meeting=meeting, government_file=nothi, by=people["issuer"])
    with pytest.raises(StepRefused, match="এখন এটি করা যাবে না"):
        workflow.minutes_issue(meeting=meeting, government_file=nothi, by=people["issuer"])  # double click
    assert GovernmentFile.objects.get(pk=nothi.pk).last_serial == 26


def test_a_failed_issue_does_not_use_up_a_number(meeting, people, nothi, monkeypatch):
    workflow.meeting_submit(meeting=meeting, by=people["drafter"])
    workflow.meeting_approve(meeting=meeting, by=people["approver"])

    update = QuerySet.update

    def broken_update(queryset, **fields):  # the meeting's row cannot be written after the serial is taken
        if queryset.model is Meeting and "memo_number" in fields:
            raise RuntimeError("disk full")
        return update(queryset, **fields)

    monkeypatch.setattr(QuerySet, "update", broken_update)
    with pytest.raises(RuntimeError):
        workflow.minutes_issue(meeting=meeting, government_file=nothi, by=people["issuer"])
    monkeypatch.undo()
    assert GovernmentFile.objects.get(pk=nothi.pk).last_serial == 25
    assert Meeting.objects.get(pk=meeting.pk).state == S.APPROVED


@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_issues_from_one_file_get_twenty_consecutive_serials(office_a, people):
    nothi = GovernmentFileFactory(office=office_a, last_serial=100)
    meetings = [
        MeetingFactory(office=office_a, created_by=people["drafter"], state=S.APPROVED) for _ in range(20)
    ]
    barrier = threading.Barrier(20)
    errors = []

    def issue(meeting):
        try:
            barrier.wait()
            workflow.minutes_issue(meeting=meeting, government_file=nothi, by=people["issuer"])
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=issue, args=(m,)) for m in meetings]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    serials = sorted(Meeting.objects.filter(government_file=nothi).values_list("memo_serial", flat=True))
    assert serials == list(range(101, 121))
    assert GovernmentFile.objects.get(pk=nothi.pk).last_serial == 120


def test_a_correction_is_a_new_version_that_links_to_the_issued_one(meeting, people, nothi):
    meeting.agenda_items.get().decisions.create(order=0, text="প্রমাণক সংরক্ষণ করবে।")
    Meeting.objects.filter(pk=meeting.pk).update(state=S.ISSUED, memo_number="58.1.26")
    correction = workflow.minutes_correct(meeting=meeting, by=people["drafter"])
    assert (correction.version, correction.replaces_id, correction.state) == (2, meeting.pk, S.DRAFT)
    assert correction.memo_number == ""
    assert correction.agenda_items.get().decisions.get().text == "প্রমাণক সংরক্ষণ করবে।"
    assert Meeting.objects.get(pk=meeting.pk).memo_number == "58.1.26"  # the issued version is untouched
    with pytest.raises(StepRefused):
        workflow.minutes_correct(meeting=meeting, by=people["drafter"])


def test_the_page_shows_only_allowed_steps_and_refuses_posted_ones(client, meeting, people):
    client.force_login(people["drafter"])
    page = client.get(reverse("minutes:detail", args=[meeting.pk])).content.decode()
    assert "অনুমোদনের জন্য দাখিল করুন" in page and "অনুমোদন করুন" not in page
    response = client.post(reverse("minutes:step", args=[meeting.pk, "approve"]), follow=True)
    assert "এই ধাপের জন্য এই দপ্তরে আপনার প্রয়োজনীয় ভূমিকা নেই।" in response.content.decode()
    assert Meeting.objects.get(pk=meeting.pk).state == S.DRAFT


def test_inbox_shows_each_role_what_waits(client, meeting, people):
    Meeting.objects.filter(pk=meeting.pk).update(state=S.SUBMITTED)
    client.force_login(people["approver"])
    assert meeting.title in client.get(reverse("minutes:inbox")).content.decode()
    client.force_login(people["issuer"])
    assert meeting.title not in client.get(reverse("minutes:inbox")).content.decode()


def test_other_offices_cannot_see_the_page_or_take_steps(client, meeting, charlie):
    client.force_login(charlie)
    assert client.get(reverse("minutes:detail", args=[meeting.pk])).status_code == 404
    assert client.post(reverse("minutes:step", args=[meeting.pk, "submit"])).status_code == 404
    assert Meeting.objects.get(pk=meeting.pk).state == S.DRAFT


def test_the_public_sees_published_minutes_only(client, meeting):
    for state in (S.DRAFT, S.SUBMITTED, S.APPROVED, S.ISSUED):
        Meeting.objects.filter(pk=meeting.pk).update(state=state)
        assert client.get(reverse("public:document", args=[meeting.pk])).status_code == 404
        assert client.get(reverse("public:pdf", args=[meeting.pk])).status_code == 404
    assert meeting.title not in client.get(reverse("public:list")).content.decode()


def test_whoever_submitted_may_not_approve_unless_the_office_allows_it(client, meeting, people, office_a):
    """Separation of duties, an office policy on by default: one person holding every role cannot
    take minutes from draft to published alone."""
    everything = user_with_role(office_a, R.DRAFTER, R.APPROVER, R.ISSUER, R.ADMIN)
    workflow.meeting_submit(meeting=meeting, by=everything)
    with pytest.raises(StepRefused, match="আপনি এই কার্যবিবরণী দাখিল করেছেন"):
        workflow.meeting_approve(meeting=meeting, by=everything)
    client.force_login(everything)
    page = client.get(reverse("minutes:detail", args=[meeting.pk])).content.decode()
    assert "অনুমোদন করুন" not in page and "মন্তব্যসহ ফেরত দিন" in page  # may still return it for changes
    assert meeting.title not in client.get(reverse("minutes:inbox")).content.decode()
    response = client.post(reverse("minutes:step", args=[meeting.pk, "approve"]), follow=True)
    assert "আপনি এই কার্যবিবরণী দাখিল করেছেন" in response.content.decode()
    assert Meeting.objects.get(pk=meeting.pk).state == S.SUBMITTED

    workflow.meeting_approve(meeting=meeting, by=people["approver"])  # someone else may
    assert Meeting.objects.get(pk=meeting.pk).state == S.APPROVED

    office_a.separate_submit_and_approve = False  # an office of one may switch the rule off
    office_a.save()
    second = MeetingFactory(office=office_a, created_by=everything)
    second.agenda_items.create(order=0, title="বিবিধ")
    workflow.meeting_submit(meeting=second, by=everything)
    workflow.meeting_approve(meeting=second, by=everything)
    assert Meeting.objects.get(pk=second.pk).state == S.APPROVED


def test_buttons_inbox_and_editor_follow_the_one_table_of_steps(client, meeting, people, office_a):
    from minutes.workflow.steps import available_steps, can_edit

    admin = user_with_role(office_a, R.ADMIN)
    assert available_steps(meeting, admin) == ["edit", "submit", "delete"]  # the administrator may submit
    client.force_login(admin)
    assert meeting.title in client.get(reverse("minutes:inbox")).content.decode()
    assert available_steps(meeting, people["issuer"]) == [] and not can_edit(meeting, people["issuer"])
    Meeting.objects.filter(pk=meeting.pk).update(state=S.PUBLISHED, memo_number="58.9.9")
    published = Meeting.objects.get(pk=meeting.pk)
    assert available_steps(published, people["drafter"]) == ["correct"]
    # No "correct" button without the role; the approver may withdraw it from the website.
    assert available_steps(published, people["approver"]) == ["withdraw"]
    client.force_login(people["approver"])
    page = client.get(reverse("minutes:detail", args=[meeting.pk])).content.decode()
    assert reverse("minutes:step", args=[meeting.pk, "correct"]) not in page


def test_an_office_may_issue_and_publish_in_one_step(client, meeting, people, nothi, office_a):
    office_a.publish_on_issue = True
    office_a.save()
    Meeting.objects.filter(pk=meeting.pk).update(state=S.APPROVED)
    workflow.minutes_issue(
        meeting=Meeting.objects.get(pk=meeting.pk), government_file=nothi, by=people["issuer"]
    )
    assert Meeting.objects.get(pk=meeting.pk).state == S.PUBLISHED
    steps = list(Transition.objects.filter(meeting=meeting).values_list("from_state", "to_state"))
    assert steps == [(S.APPROVED, S.ISSUED), (S.ISSUED, S.PUBLISHED)]
    assert (
        client.get(reverse("public:document", args=[meeting.pk]), follow=True).status_code == 202
    )  # prepared


def test_the_e_mail_links_to_the_website_only_once_published(office_a, people, nothi):
    from minutes.delivery.services import build_message
    from minutes.document.store import store_issued_document
    from minutes.models import Delivery

    meeting = MeetingFactory(office=office_a, created_by=people["drafter"], state=S.APPROVED)
    meeting.agenda_items.create(order=0, title="বিবিধ")
    recipient = meeting.recipients.create(order=0, designation="উপসচিব", email="a@example.gov.bd")
    issued = workflow.minutes_issue(meeting=meeting, government_file=nothi, by=people["issuer"])
    store_issued_document(issued)
    delivery = Delivery.objects.create(meeting=issued, recipient=recipient, email=recipient.email)
    assert "/public/minutes/" not in build_message(issued, delivery).body
    published = workflow.minutes_publish(meeting=issued, by=people["issuer"])
    assert f"/public/minutes/{meeting.pk}/" in build_message(published, delivery).body


def test_a_draft_can_be_deleted_by_its_office_but_issued_minutes_never(client, meeting, people, charlie):
    url = reverse("minutes:step", args=[meeting.pk, "delete"])
    client.force_login(charlie)
    assert client.post(url).status_code == 404
    client.force_login(people["approver"])
    client.post(url)
    assert Meeting.objects.filter(pk=meeting.pk).exists()  # refused: not an editor
    client.force_login(people["drafter"])
    page = client.get(reverse("minutes:detail", args=[meeting.pk])).content.decode()
    assert "এই খসড়াটি মুছে ফেলুন" in page
    response = client.post(url, follow=True)
    assert response.redirect_chain[-1][0] == reverse("minutes:list")
    assert "খসড়াটি মুছে ফেলা হয়েছে" in response.content.decode()
    assert not Meeting.objects.filter(pk=meeting.pk).exists()

    issued = MeetingFactory(
        office=meeting.office, created_by=people["drafter"], state=S.ISSUED, memo_number="58.1.9"
    )
    with pytest.raises(StepRefused):
        workflow.meeting_delete(meeting=issued, by=people["drafter"])
    assert Meeting.objects.filter(pk=issued.pk).exists()
