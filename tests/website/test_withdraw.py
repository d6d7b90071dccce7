"""Withdrawing published minutes from the website: a step of the workflow, with a reason, for the
issuing officer and the approver; recorded; the minutes leave every public page at once."""

import pytest
from django.urls import reverse

from minutes.models import Meeting, Transition
from offices.models import OfficeRole
from tests.factories import user_with_role
from tests.website.publishing import S, minutes
from website.addresses import minutes_url

pytestmark = pytest.mark.django_db
R = OfficeRole.Role


def withdraw(client, meeting, reason):
    return client.post(
        reverse("minutes:step", args=[meeting.pk, "withdraw"]), {"comment": reason}, follow=True
    )


@pytest.mark.parametrize("role", [R.ISSUER, R.APPROVER])
def test_the_issuer_or_the_approver_withdraws_with_a_reason(
    client, division, role, django_capture_on_commit_callbacks
):
    meeting = minutes(division, title="প্রত্যাহারযোগ্য সভা")
    assert client.get(minutes_url(meeting)).status_code == 200  # cached now
    user = user_with_role(division, role)
    client.force_login(user)
    page = client.get(reverse("minutes:detail", args=[meeting.pk])).content.decode()
    assert "ওয়েবসাইট থেকে প্রত্যাহার করুন" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = withdraw(client, meeting, "ভুল সংযুক্তি প্রকাশিত হয়েছে")
    assert response.status_code == 200
    meeting.refresh_from_db()
    assert meeting.state == S.ISSUED and meeting.memo_number  # still issued, with its memo number
    step = Transition.objects.filter(meeting=meeting).latest("at")
    assert (step.from_state, step.to_state, step.comment, step.by) == (
        S.PUBLISHED, S.ISSUED, "ভুল সংযুক্তি প্রকাশিত হয়েছে", user
    )  # fmt: skip
    assert "ভুল সংযুক্তি প্রকাশিত হয়েছে" in response.content.decode()  # in the meeting's history
    client.logout()
    assert client.get(minutes_url(meeting)).status_code == 404
    assert client.get(minutes_url(meeting, pdf=True)).status_code == 404
    assert "প্রত্যাহারযোগ্য সভা" not in client.get("/public/ssd/").content.decode()


def test_a_withdrawal_without_a_reason_is_refused_and_changes_nothing(client, division):
    meeting = minutes(division)
    client.force_login(user_with_role(division, R.ISSUER))
    response = withdraw(client, meeting, "   ")
    assert "কেন প্রত্যাহার" in response.content.decode()
    assert Meeting.objects.get(pk=meeting.pk).state == S.PUBLISHED
    assert not Transition.objects.filter(meeting=meeting, to_state=S.ISSUED).exists()


def test_drafters_and_other_offices_may_not_withdraw(client, division, directorate):
    meeting = minutes(division)
    for user in (user_with_role(division, R.DRAFTER, R.ADMIN), user_with_role(directorate, R.ISSUER)):
        client.force_login(user)
        response = withdraw(client, meeting, "কারণ")
        assert response.status_code in (403, 404) or "প্রয়োজনীয় ভূমিকা" in response.content.decode()
        assert Meeting.objects.get(pk=meeting.pk).state == S.PUBLISHED


def test_withdrawn_minutes_may_be_published_again(client, division, django_capture_on_commit_callbacks):
    from minutes.workflow import services as workflow

    meeting = minutes(division)
    issuer = user_with_role(division, R.ISSUER)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.minutes_withdraw(meeting=meeting, by=issuer, reason="যাচাই চলছে")
    assert client.get(minutes_url(meeting)).status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        workflow.minutes_publish(meeting=Meeting.objects.get(pk=meeting.pk), by=issuer)
    assert client.get(minutes_url(meeting)).status_code == 200
