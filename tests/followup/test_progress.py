"""Reporting progress with evidence, marking done, the approver's confirmation or reopening; the
decision's own status follows, so the next meeting pulls in exactly the open decisions."""

import datetime
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404
from django.urls import reverse

from followup.models import Occurrence, ProgressEvidence, ProgressReport
from followup.services import Upload, progress_confirm, progress_reopen, progress_report
from minutes.content.services import open_decisions_of_earlier_meetings
from minutes.models import Decision
from tests.actionplan.evidence_files import pdf, png
from tests.factories import InnovationTeamFactory
from tests.followup.conftest import add_decision, due_on, make_meeting

pytestmark = pytest.mark.django_db
S = Occurrence.Status


def item(decision) -> Occurrence:
    return Occurrence.objects.select_related("office").get(decision=decision)


def stored_files(folder) -> list:
    return [p for p in folder.rglob("*") if p.is_file()]


def test_progress_with_a_file_then_done_then_confirmed(people, issued, evidence_folder, clock):
    decision = issued["to_post"]

    progress_report(
        occurrence=item(decision), note="খসড়া প্রস্তুত।", uploads=[Upload("খসড়া.pdf", pdf())], by=people.rahim
    )
    decision.refresh_from_db()
    assert decision.status == Decision.Status.IN_PROGRESS
    (entry,) = ProgressReport.objects.all()
    assert (entry.kind, entry.by_name, entry.by_designation) == ("progress", "মোঃ রহিম", "সিস্টেম এনালিস্ট")
    (evidence,) = entry.evidence.all()
    assert (evidence.name, evidence.kind) == ("খসড়া.pdf", "pdf")
    assert evidence.file.read() == pdf() and "খসড়া" not in evidence.file.name

    progress_report(occurrence=item(decision), note="ওয়েবসাইট হালনাগাদ সম্পন্ন।", done=True, by=people.rahim)
    done = item(decision)
    assert (done.status, done.next_reminder_on) == (S.DONE, None) and done.done_at
    assert Decision.objects.get(pk=decision.pk).status == Decision.Status.IN_PROGRESS  # until confirmed

    progress_confirm(occurrence=done, comment="ঠিক আছে।", by=people.approver)
    confirmed = item(decision)
    assert (confirmed.status, confirmed.confirmed_by) == (S.CONFIRMED, people.approver)
    assert Decision.objects.get(pk=decision.pk).status == Decision.Status.DONE
    assert list(ProgressReport.objects.values_list("kind", flat=True)) == ["progress", "done", "confirmed"]


def test_the_next_meeting_pulls_in_exactly_the_decisions_still_open(people, issued, clock):
    team = InnovationTeamFactory(office=people.office)
    issued["meeting"].team = team
    issued["meeting"].save()
    progress_report(occurrence=item(issued["to_post"]), note="সম্পন্ন।", done=True, by=people.rahim)
    progress_confirm(occurrence=item(issued["to_post"]), by=people.approver)
    progress_report(occurrence=item(issued["to_branch"]), note="চলছে।", by=people.karim)

    next_meeting = make_meeting(
        people.office, team=team, date=datetime.date(2024, 9, 20), issue_date=None, state="draft"
    )

    pulled = set(open_decisions_of_earlier_meetings(next_meeting))
    assert pulled == {issued["to_branch"], issued["to_office"]}


def test_reopening_sends_the_item_back_with_the_comment(people, issued, clock):
    progress_report(occurrence=item(issued["to_post"]), note="সম্পন্ন।", done=True, by=people.rahim)
    progress_confirm(occurrence=item(issued["to_post"]), by=people.approver)

    progress_reopen(occurrence=item(issued["to_post"]), comment="প্রমাণক সংযুক্ত করুন।", by=people.approver)

    reopened = item(issued["to_post"])
    assert (reopened.status, reopened.confirmed_by, reopened.done_at) == (S.OPEN, None, None)
    assert reopened.next_reminder_on == reopened.due_date - datetime.timedelta(days=7)
    assert ProgressReport.objects.last().note == "প্রমাণক সংযুক্ত করুন।"
    assert Decision.objects.get(pk=issued["to_post"].pk).status == Decision.Status.IN_PROGRESS


def test_refusals_leave_nothing_behind(people, issued, evidence_folder, settings, clock):
    occurrence = item(issued["to_post"])
    with pytest.raises(ValidationError) as empty:
        progress_report(
            occurrence=occurrence, note="  ", done=True, uploads=[Upload("a.pdf", pdf())], by=people.rahim
        )
    assert "কী করা হয়েছে লিখুন" in str(empty.value)
    with pytest.raises(ValidationError) as lying:
        progress_report(
            occurrence=occurrence, note="ছবি", uploads=[Upload("ছবি.pdf", png())], by=people.rahim
        )
    assert "PNG" in str(lying.value) and ".pdf" in str(lying.value)
    settings.SOBHA_EVIDENCE_MAX_BYTES = 100
    with pytest.raises(ValidationError) as large:
        progress_report(occurrence=occurrence, note="বড়", uploads=[Upload("বড়.pdf", pdf())], by=people.rahim)
    assert "বড়.pdf ফাইলটি খুব বড়" in str(large.value)
    with pytest.raises(ValidationError):
        progress_confirm(occurrence=occurrence, by=people.approver)  # not reported done
    with pytest.raises(ValidationError):
        progress_reopen(occurrence=occurrence, comment="কেন?", by=people.approver)  # open already

    assert not ProgressReport.objects.exists() and not ProgressEvidence.objects.exists()
    assert stored_files(evidence_folder) == []
    assert item(issued["to_post"]).status == S.OPEN
    assert Decision.objects.get(pk=issued["to_post"].pk).status == Decision.Status.PENDING


def test_a_file_refused_after_the_first_is_stored_removes_the_first(
    people, issued, evidence_folder, monkeypatch
):
    """The database rolls back; the files already stored are deleted too."""
    original_save = ProgressEvidence.save
    calls = []

    def fail_on_second(self, *args, **kwargs):
        calls.append(self)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return original_save(self, *args, **kwargs)

    monkeypatch.setattr(ProgressEvidence, "save", fail_on_second)
    with pytest.raises(RuntimeError):
        progress_report(
            occurrence=item(issued["to_post"]), note="দুটি ফাইল",
            uploads=[Upload("a.pdf", pdf()), Upload("b.png", png())], by=people.rahim,
        )  # fmt: skip
    assert stored_files(evidence_folder) == [] and not ProgressReport.objects.exists()


def test_who_may_report_and_review(people, issued, charlie, clock):
    occurrence = item(issued["to_post"])
    with pytest.raises(Http404):  # not his post, and no role in the office: not his to see
        progress_report(occurrence=occurrence, note="আমি না।", by=people.karim)
    with pytest.raises(Http404):
        progress_report(occurrence=occurrence, note="অন্য দপ্তর।", by=charlie)
    with pytest.raises(PermissionDenied):  # reads the office's records, reports for no one
        progress_report(occurrence=occurrence, note="আমি না।", by=people.approver)
    progress_report(occurrence=occurrence, note="তাঁর পক্ষে।", by=people.drafter)  # a drafter reports for them
    progress_report(occurrence=item(issued["to_post"]), note="সম্পন্ন।", done=True, by=people.rahim)
    with pytest.raises(PermissionDenied):
        progress_confirm(occurrence=item(issued["to_post"]), by=people.rahim)  # not an approver
    with pytest.raises(ValidationError):
        progress_report(occurrence=item(issued["to_post"]), note="আবার।", done=True, by=people.rahim)


def test_whoever_reported_done_may_not_confirm_it_when_the_office_separates_duties(people, issued, clock):
    people.office.user_roles.create(user=people.rahim, role="approver")
    progress_report(occurrence=item(issued["to_post"]), note="সম্পন্ন।", done=True, by=people.rahim)
    with pytest.raises(PermissionDenied):
        progress_confirm(occurrence=item(issued["to_post"]), by=people.rahim)
    progress_confirm(occurrence=item(issued["to_post"]), by=people.approver)


def test_the_page_keeps_the_form_and_says_why_in_bangla(client, people, issued, evidence_folder, clock):
    occurrence = item(issued["to_post"])
    client.force_login(people.rahim)
    url = reverse("followup:report", args=[occurrence.pk])

    response = client.post(
        url, {"note": "", "status": "done", "files": [SimpleUploadedFile("ফাইল.pdf", png())]}
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert "কী করা হয়েছে লিখুন" in page and "কিছুই জানানো হয়নি" in page
    assert re.search(r'value="done"[^>]*checked', page)  # the choice made is kept
    assert not ProgressReport.objects.exists() and stored_files(evidence_folder) == []

    response = client.post(
        url, {"note": "ছবি দেখুন", "status": "progress", "files": [SimpleUploadedFile("ফাইল.pdf", png())]}
    )
    assert response.status_code == 400 and "PNG" in response.content.decode()
    assert "ছবি দেখুন" in response.content.decode()  # the note typed is kept
    assert not ProgressReport.objects.exists() and stored_files(evidence_folder) == []

    response = client.post(
        url, {"note": "হালনাগাদ সম্পন্ন", "status": "done", "files": [SimpleUploadedFile("প্রমাণ.pdf", pdf())]}
    )
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert "হালনাগাদ সম্পন্ন" in page and "প্রমাণ.pdf" in page and "অনুমোদনকারী তা নিশ্চিত করবেন" in page
    evidence = ProgressEvidence.objects.get()
    download = client.get(reverse("followup:evidence", args=[evidence.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content) == pdf()


def test_the_approver_reopens_on_the_page_only_with_a_comment(client, people, issued, clock):
    progress_report(occurrence=item(issued["to_post"]), note="সম্পন্ন।", done=True, by=people.rahim)
    occurrence = item(issued["to_post"])
    client.force_login(people.approver)
    page = client.get(reverse("followup:item", args=[occurrence.pk])).content.decode()
    assert "সম্পন্ন বলে নিশ্চিত করুন" in page and "মন্তব্যসহ পুনরায় খুলুন" in page

    response = client.post(reverse("followup:reopen", args=[occurrence.pk]), {"comment": ""})
    assert response.status_code == 400 and "কী এখনো বাকি আছে লিখুন" in response.content.decode()
    assert item(issued["to_post"]).status == S.DONE

    response = client.post(reverse("followup:confirm", args=[occurrence.pk]), {"comment": ""})
    assert response.status_code == 302 and item(issued["to_post"]).status == S.CONFIRMED


def test_the_minutes_page_shows_each_decisions_history(client, people, issued, clock):
    progress_report(occurrence=item(issued["to_post"]), note="খসড়া প্রস্তুত।", by=people.rahim)
    client.force_login(people.drafter)

    page = client.get(reverse("minutes:detail", args=[issued["meeting"].pk])).content.decode()

    assert "সিদ্ধান্ত বাস্তবায়নের অগ্রগতি" in page and "খসড়া প্রস্তুত।" in page and "মোঃ রহিম" in page
    assert reverse("followup:item", args=[item(issued["to_branch"]).pk]) in page


def test_a_draft_meeting_page_has_no_follow_up(client, people, clock):
    draft = make_meeting(people.office, state="draft")
    add_decision(draft, to=[people.post], **due_on(datetime.date(2024, 9, 30)))
    client.force_login(people.drafter)
    page = client.get(reverse("minutes:detail", args=[draft.pk])).content.decode()
    assert "সিদ্ধান্ত বাস্তবায়নের অগ্রগতি" not in page


def test_an_indicators_progress_is_a_note_and_its_achievement_stays_the_plans(client, people, clock):
    from followup.services import occurrences_for_plan
    from tests.followup.conftest import make_plan

    plan = make_plan(people.office, post=people.post)
    occurrences_for_plan(plan=plan)
    occurrence = Occurrence.objects.select_related("office").get(indicator__number="1.1.2")
    people.office.user_roles.create(user=people.rahim, role="drafter")
    client.force_login(people.rahim)

    response = client.post(
        reverse("followup:report", args=[occurrence.pk]), {"note": "খসড়া চূড়ান্ত হচ্ছে।", "status": "progress"}
    )

    page = client.get(response.url).content.decode()
    assert "কর্মপরিকল্পনা প্রণীত" in page and "খসড়া চূড়ান্ত হচ্ছে।" in page
    assert reverse("actionplan:indicator", args=[occurrence.indicator_id]) in page  # the achievement: there
    assert "১৫ অক্টোবর ২০২৪" in page and "২য় ত্রৈমাসিক" in page
