"""Reporting achievements with evidence, confirming and returning them: who may, and what is refused."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from actionplan import reporting
from actionplan.models import AchievementReport, Evidence
from offices.models import OfficeRole
from tests.actionplan import evidence_files as files
from tests.factories import OfficeFactory, OfficialFactory, PostFactory, user_with_role

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("evidence_storage")]
R = OfficeRole.Role
State = AchievementReport.State


def _indicator(plan, number):
    return plan.indicators.select_related("plan__office").get(number=number)


def _report_url(indicator, quarter):
    return reverse("actionplan:report", args=[indicator.pk, quarter])


def _post_report(client, indicator, quarter, achieved, *uploads, note=""):
    data = {"achieved": achieved, "note": note, "files": list(uploads)}
    return client.post(_report_url(indicator, quarter), data)


def _stored(folder) -> list:
    return [path for path in folder.rglob("*") if path.is_file()]


def test_a_drafter_reports_a_count_in_bangla_digits_with_two_evidence_files(
    client, drafter_a, reference_plan, evidence_storage
):
    indicator = _indicator(reference_plan, "2.1.1")
    client.force_login(drafter_a)
    form = client.get(_report_url(indicator, 1)).content.decode()
    assert "১ম ত্রৈমাসিক" in form and "multiple" in form
    response = _post_report(
        client,
        indicator,
        1,
        "৩",
        SimpleUploadedFile("নোটিশ.pdf", files.pdf()),
        SimpleUploadedFile("photo.png", files.png()),
        note="সেবা বক্স হালনাগাদ",
    )
    assert response.status_code == 302 and response["Location"] == reverse(
        "actionplan:indicator", args=[indicator.pk]
    )
    report = AchievementReport.objects.get()
    assert (report.quarter, report.achieved, report.state, report.reported_by) == (
        1,
        Decimal(3),
        State.REPORTED,
        drafter_a,
    )
    assert sorted(e.name for e in report.evidence.all()) == ["photo.png", "নোটিশ.pdf"]
    assert len(_stored(evidence_storage)) == 2
    page = client.get(reverse("actionplan:indicator", args=[indicator.pk])).content.decode()
    assert "নোটিশ.pdf" in page and "সেবা বক্স হালনাগাদ" in page and "নিশ্চিতকরণের অপেক্ষায়" in page
    download = client.get(reverse("actionplan:evidence", args=[report.evidence.get(name="photo.png").pk]))
    assert b"".join(download.streaming_content) == files.png()
    assert download["Content-Disposition"].startswith("attachment;")
    assert "photo.png" in download["Content-Disposition"]


def test_the_approver_confirms_and_the_report_counts(client, drafter_a, approver_a, reference_plan):
    indicator = _indicator(reference_plan, "2.1.1")
    report = reporting.achievement_report(indicator=indicator, quarter=1, achieved=Decimal(2), by=drafter_a)
    client.force_login(approver_a)
    page = client.get(reverse("actionplan:indicator", args=[indicator.pk])).content.decode()
    assert reverse("actionplan:confirm", args=[report.pk]) in page
    response = client.post(reverse("actionplan:confirm", args=[report.pk]))
    assert response.status_code == 302
    report.refresh_from_db()
    assert (report.state, report.reviewed_by) == (State.CONFIRMED, approver_a)
    page = client.get(reverse("actionplan:indicator", args=[indicator.pk])).content.decode()
    assert "২ / ৪" in page  # 2 of 4 service boxes: half the weight of 4
    assert reverse("actionplan:confirm", args=[report.pk]) not in page


def test_a_returned_report_shows_the_comment_and_is_reported_again(
    client, drafter_a, approver_a, reference_plan
):
    indicator = _indicator(reference_plan, "2.1.1")
    report = reporting.achievement_report(indicator=indicator, quarter=1, achieved=Decimal(2), by=drafter_a)
    client.force_login(approver_a)
    client.post(reverse("actionplan:return", args=[report.pk]), {"comment": "হাজিরা সংযুক্ত করুন"})
    report.refresh_from_db()
    assert (report.state, report.review_comment) == (State.RETURNED, "হাজিরা সংযুক্ত করুন")
    client.force_login(drafter_a)
    form = client.get(_report_url(indicator, 1)).content.decode()
    assert "হাজিরা সংযুক্ত করুন" in form and 'value="২"' in form  # the achievement as reported
    _post_report(client, indicator, 1, "২", SimpleUploadedFile("হাজিরা.pdf", files.pdf()))
    report.refresh_from_db()
    assert (report.state, report.review_comment, report.evidence.count()) == (State.REPORTED, "", 1)
    assert [h.state for h in report.history.order_by("history_date")] == ["reported", "returned", "reported"]
    page = client.get(reverse("actionplan:indicator", args=[indicator.pk])).content.decode()
    history = page[page.index("<details") : page.index("</details>")]
    assert history.count("<li>") == 3 and "হাজিরা সংযুক্ত করুন" in history


def test_the_indicator_page_costs_the_same_with_one_report_or_four(
    client, drafter_a, reference_plan, django_assert_num_queries
):
    indicator = _indicator(reference_plan, "2.1.1")
    url = reverse("actionplan:indicator", args=[indicator.pk])
    upload = [reporting.Upload("a.pdf", files.pdf()), reporting.Upload("b.png", files.png())]
    reporting.achievement_report(indicator=indicator, quarter=1, achieved=1, uploads=upload, by=drafter_a)
    client.force_login(drafter_a)
    client.get(url)
    # session, user, the indicator (with plan, office, activity, area, branch, post), the user's roles,
    # the offices below theirs; tiers, quarterly targets; reports (with reporters and reviewers),
    # their evidence, their history; the attached minutes; the decisions linked (links, roles)
    with django_assert_num_queries(12):
        client.get(url)
    for quarter in (2, 3, 4):
        reporting.achievement_report(
            indicator=indicator, quarter=quarter, achieved=1, uploads=upload, by=drafter_a
        )
    with django_assert_num_queries(12):
        page = client.get(url).content.decode()
    assert page.count("a.pdf</a>") == 4


def test_a_return_without_a_comment_is_refused(client, drafter_a, approver_a, reference_plan):
    indicator = _indicator(reference_plan, "2.1.1")
    report = reporting.achievement_report(indicator=indicator, quarter=1, achieved=Decimal(2), by=drafter_a)
    client.force_login(approver_a)
    response = client.post(reverse("actionplan:return", args=[report.pk]), {"comment": "  "}, follow=True)
    assert "কী সংশোধন করতে হবে তা লিখুন।" in response.content.decode()
    report.refresh_from_db()
    assert report.state == State.REPORTED


def test_only_a_report_awaiting_confirmation_is_confirmed_or_returned(drafter_a, approver_a, reference_plan):
    indicator = _indicator(reference_plan, "2.1.1")
    report = reporting.achievement_report(indicator=indicator, quarter=1, achieved=Decimal(2), by=drafter_a)
    reporting.achievement_confirm(report=report, by=approver_a)
    with pytest.raises(ValidationError, match="অপেক্ষমাণ"):
        reporting.achievement_confirm(report=report, by=approver_a)
    with pytest.raises(ValidationError, match="অপেক্ষমাণ"):
        reporting.achievement_return(report=report, comment="আবার", by=approver_a)
    with pytest.raises(ValidationError, match="ইতিমধ্যে নিশ্চিত"):
        reporting.achievement_report(indicator=indicator, quarter=1, achieved=Decimal(3), by=drafter_a)


def test_who_may_report_and_who_may_review(client, drafter_a, approver_a, alice, reference_plan, office_a):
    indicator = _indicator(reference_plan, "2.1.1")
    superior = OfficeFactory(name="মন্ত্রণালয়")
    office_a.parent = superior
    office_a.save()
    above = user_with_role(superior, R.APPROVER, R.DRAFTER, username="above")
    # The approver alone and readers from above may not report …
    for user in (approver_a, above):
        client.force_login(user)
        assert client.get(_report_url(indicator, 1)).status_code == 403
        assert client.get(reverse("actionplan:indicator", args=[indicator.pk])).status_code == 200
    report = reporting.achievement_report(indicator=indicator, quarter=1, achieved=Decimal(2), by=drafter_a)
    # … a drafter, the administrator and the superior office's approver may not confirm.
    for user in (drafter_a, alice, above):
        client.force_login(user)
        assert client.post(reverse("actionplan:confirm", args=[report.pk])).status_code == 403
        assert (
            client.post(reverse("actionplan:return", args=[report.pk]), {"comment": "না"}).status_code == 403
        )
    report.refresh_from_db()
    assert report.state == State.REPORTED


def test_whoever_reported_may_not_confirm_it_under_the_offices_separation_rule(reference_plan, office_a):
    indicator = _indicator(reference_plan, "2.1.1")
    both = user_with_role(office_a, R.DRAFTER, R.APPROVER, username="both")
    report = reporting.achievement_report(indicator=indicator, quarter=1, achieved=Decimal(2), by=both)
    with pytest.raises(PermissionDenied):
        reporting.achievement_confirm(report=report, by=both)
    office_a.separate_submit_and_approve = False
    office_a.save()
    report = AchievementReport.objects.select_related("indicator__plan__office").get(pk=report.pk)
    assert reporting.achievement_confirm(report=report, by=both).state == State.CONFIRMED


def test_the_responsible_official_reports_without_the_drafters_role(client, reference_plan, office_a):
    post = PostFactory(office=office_a, title="প্রোগ্রামার")
    indicator = _indicator(reference_plan, "2.1.1")
    indicator.responsible_post = post
    indicator.save()
    official = OfficialFactory(office=office_a, post=post)
    responsible = user_with_role(office_a, R.ISSUER, username="responsible")
    responsible.official = official
    responsible.save()
    other = user_with_role(office_a, R.ISSUER, username="other-issuer")
    client.force_login(other)
    assert client.get(_report_url(indicator, 1)).status_code == 403
    client.force_login(responsible)
    assert _post_report(client, indicator, 1, "১").status_code == 302
    assert AchievementReport.objects.get().reported_by == responsible
    assert client.get(_report_url(_indicator(reference_plan, "2.1.2"), 1)).status_code == 403


def test_other_offices_get_404_for_everything(client, charlie, drafter_a, reference_plan):
    indicator = _indicator(reference_plan, "2.1.1")
    report = reporting.achievement_report(
        indicator=indicator,
        quarter=1,
        achieved=Decimal(2),
        uploads=[reporting.Upload("notice.pdf", files.pdf())],
        by=drafter_a,
    )
    client.force_login(charlie)
    for url in (
        reverse("actionplan:indicator", args=[indicator.pk]),
        _report_url(indicator, 1),
        reverse("actionplan:evidence", args=[report.evidence.get().pk]),
    ):
        assert client.get(url).status_code == 404
    assert client.post(_report_url(indicator, 2), {"achieved": "1"}).status_code == 404
    assert client.post(reverse("actionplan:confirm", args=[report.pk])).status_code == 404
    assert client.post(reverse("actionplan:return", args=[report.pk]), {"comment": "x"}).status_code == 404
    assert AchievementReport.objects.count() == 1


def test_anonymous_visitors_cannot_download_evidence(client, drafter_a, reference_plan):
    indicator = _indicator(reference_plan, "2.1.1")
    report = reporting.achievement_report(
        indicator=indicator,
        quarter=1,
        achieved=1,
        uploads=[reporting.Upload("a.pdf", files.pdf())],
        by=drafter_a,
    )
    response = client.get(reverse("actionplan:evidence", args=[report.evidence.get().pk]))
    assert response.status_code == 302 and reverse("login") in response["Location"]
    client.force_login(drafter_a)
    page = client.get(reverse("actionplan:indicator", args=[indicator.pk])).content.decode()
    assert "/media/" not in page and reverse("actionplan:evidence", args=[report.evidence.get().pk]) in page


BAD_FILES = [
    ("photo.jpg", files.pdf(), "photo.jpg একটি PDF ফাইল, কিন্তু এর নামের শেষে “.jpg”"),
    ("notice.pdf", files.ELF, "notice.pdf গ্রহণযোগ্য ধরনের ফাইল নয়"),
    ("report.docx", files.plain_zip(), "report.docx গ্রহণযোগ্য ধরনের ফাইল নয়"),
]


@pytest.mark.parametrize(("name", "data", "message"), BAD_FILES, ids=[row[0] for row in BAD_FILES])
def test_a_bad_file_keeps_the_form_and_saves_nothing(
    client, drafter_a, reference_plan, evidence_storage, name, data, message
):
    indicator = _indicator(reference_plan, "2.1.1")
    client.force_login(drafter_a)
    response = _post_report(
        client,
        indicator,
        1,
        "৩",
        SimpleUploadedFile("good.pdf", files.pdf()),
        SimpleUploadedFile(name, data),
        note="নোট",
    )
    page = response.content.decode()
    assert response.status_code == 200 and message in page
    assert 'value="৩"' in page and "নোট" in page  # the form is kept
    assert AchievementReport.objects.count() == 0 and Evidence.objects.count() == 0
    assert _stored(evidence_storage) == []


def test_a_file_too_large_is_refused_before_it_is_read(
    client, drafter_a, reference_plan, settings, evidence_storage
):
    settings.SOBHA_EVIDENCE_MAX_BYTES = 1024
    indicator = _indicator(reference_plan, "2.1.1")
    client.force_login(drafter_a)
    response = _post_report(
        client, indicator, 1, "৩", SimpleUploadedFile("big.pdf", files.pdf() + b"%" * 2048)
    )
    assert "big.pdf ফাইলটি খুব বড়" in response.content.decode()
    assert AchievementReport.objects.count() == 0 and _stored(evidence_storage) == []


def test_files_already_stored_are_removed_when_saving_fails_half_way(
    drafter_a, reference_plan, evidence_storage, monkeypatch
):
    indicator = _indicator(reference_plan, "2.1.1")
    saved = Evidence.save

    def fail_on_second(self, *args, **kwargs):
        if Evidence.objects.count() == 1:
            raise RuntimeError("the database went away")
        return saved(self, *args, **kwargs)

    monkeypatch.setattr(Evidence, "save", fail_on_second)
    uploads = [reporting.Upload("a.pdf", files.pdf()), reporting.Upload("b.png", files.png())]
    with pytest.raises(RuntimeError):
        reporting.achievement_report(
            indicator=indicator, quarter=1, achieved=1, uploads=uploads, by=drafter_a
        )
    assert AchievementReport.objects.count() == 0 and _stored(evidence_storage) == []


BAD_ACHIEVEMENTS = [
    ("2.1.1", "২.৫", "গণনা পূর্ণ সংখ্যা হয়।"),
    ("2.1.1", "-১", "যেমন ৮৫"),
    ("2.1.1", "অনেক", "যেমন ৮৫"),
    ("1.5.1", "৮৫.৫৫৫", "দশমিকের পরে সর্বোচ্চ দুই অঙ্ক"),
    ("1.1.1", "১৬.০৩.২০২৩", "তারিখটি কর্মপরিকল্পনার অর্থবছরের (০১.০৭.২০২১ থেকে ৩০.০৬.২০২২) মধ্যে হতে হবে।"),
    ("1.1.1", "৩০.০৬.২০২১", "তারিখটি কর্মপরিকল্পনার অর্থবছরের"),
    ("1.1.1", "৩২.০১.২০২২", "৩১ দিন"),
]


@pytest.mark.parametrize(("number", "typed", "message"), BAD_ACHIEVEMENTS)
def test_a_bad_achievement_is_refused_in_bangla(client, drafter_a, reference_plan, number, typed, message):
    indicator = _indicator(reference_plan, number)
    client.force_login(drafter_a)
    response = _post_report(client, indicator, 1, typed)
    assert response.status_code == 200 and message in response.content.decode()
    assert AchievementReport.objects.count() == 0


def test_a_date_indicator_takes_a_bangla_date_in_its_fiscal_year(client, drafter_a, reference_plan):
    indicator = _indicator(reference_plan, "1.1.1")
    client.force_login(drafter_a)
    assert _post_report(client, indicator, 3, "১৬.০৩.২০২২").status_code == 302
    assert AchievementReport.objects.get().achieved == datetime.date(2022, 3, 16)


def test_a_percentage_above_100_is_accepted(drafter_a, reference_plan):
    report = reporting.achievement_report(
        indicator=_indicator(reference_plan, "1.5.1"), quarter=1, achieved=Decimal("120"), by=drafter_a
    )
    assert report.achieved == Decimal(120)


@time_machine.travel(datetime.datetime(2021, 11, 10, 10, 0))
def test_a_quarter_not_begun_and_a_date_in_the_future_are_refused(drafter_a, reference_plan):
    count, dated = _indicator(reference_plan, "2.1.1"), _indicator(reference_plan, "1.1.1")
    with pytest.raises(ValidationError, match="এই ত্রৈমাসিক এখনও শুরু হয়নি।"):
        reporting.achievement_report(indicator=count, quarter=3, achieved=1, by=drafter_a)
    with pytest.raises(ValidationError, match="ভবিষ্যতের হতে পারে না"):
        reporting.achievement_report(
            indicator=dated, quarter=2, achieved=datetime.date(2021, 12, 1), by=drafter_a
        )
    assert reporting.achievement_report(indicator=count, quarter=2, achieved=1, by=drafter_a).quarter == 2


def test_a_get_writes_nothing(client, drafter_a, approver_a, reference_plan):
    indicator = _indicator(reference_plan, "2.1.1")
    report = reporting.achievement_report(indicator=indicator, quarter=1, achieved=1, by=drafter_a)
    before = (
        AchievementReport.history.count(),
        list(AchievementReport.objects.values_list("state", flat=True)),
    )
    for user in (drafter_a, approver_a):
        client.force_login(user)
        for url in (
            reverse("actionplan:indicator", args=[indicator.pk]),
            _report_url(indicator, 2) + "?achieved=3",
            reverse("actionplan:confirm", args=[report.pk]),
            reverse("actionplan:return", args=[report.pk]) + "?comment=x",
        ):
            assert client.get(url).status_code in (200, 403, 405)
    assert (
        AchievementReport.history.count(),
        list(AchievementReport.objects.values_list("state", flat=True)),
    ) == before


def test_the_reporter_removes_a_wrong_file_until_the_report_is_confirmed(
    client, drafter_a, approver_a, reference_plan, evidence_storage
):
    indicator = _indicator(reference_plan, "2.1.1")
    uploads = [reporting.Upload("wrong.pdf", files.pdf()), reporting.Upload("right.png", files.png())]
    report = reporting.achievement_report(
        indicator=indicator, quarter=1, achieved=1, uploads=uploads, by=drafter_a
    )
    wrong, right = report.evidence.get(name="wrong.pdf"), report.evidence.get(name="right.png")
    client.force_login(approver_a)  # reads, may not remove
    assert client.post(reverse("actionplan:evidence_remove", args=[wrong.pk])).status_code == 403
    client.force_login(drafter_a)
    assert client.get(reverse("actionplan:evidence_remove", args=[wrong.pk])).status_code == 405
    response = client.post(reverse("actionplan:evidence_remove", args=[wrong.pk]), follow=True)
    assert "wrong.pdf সরানো হয়েছে।" in response.content.decode()
    assert [e.name for e in report.evidence.all()] == ["right.png"]
    assert Evidence.history.filter(name="wrong.pdf", history_type="-").get().history_user == drafter_a
    reporting.achievement_confirm(report=report, by=approver_a)
    response = client.post(reverse("actionplan:evidence_remove", args=[right.pk]), follow=True)
    assert "এর প্রমাণক আর বদলানো যায় না" in response.content.decode()
    assert report.evidence.count() == 1


def test_the_stored_file_goes_once_the_removal_is_committed(
    drafter_a, reference_plan, evidence_storage, django_capture_on_commit_callbacks
):
    indicator = _indicator(reference_plan, "2.1.1")
    uploads = [reporting.Upload("wrong.pdf", files.pdf())]
    report = reporting.achievement_report(
        indicator=indicator, quarter=1, achieved=1, uploads=uploads, by=drafter_a
    )
    assert len(_stored(evidence_storage)) == 1
    with django_capture_on_commit_callbacks(execute=True):
        reporting.evidence_remove(evidence=report.evidence.get(), by=drafter_a)
    assert _stored(evidence_storage) == []


@pytest.mark.parametrize("pk", ["0", str(2**63), str(10**30)])
def test_a_made_up_or_overflowing_id_is_not_found(client, drafter_a, reference_plan, pk):
    indicator = _indicator(reference_plan, "2.1.1")
    client.force_login(drafter_a)
    for url in (
        f"/plans/indicator/{pk}/",
        f"/plans/indicator/{pk}/quarter/1/report/",
        f"/plans/indicator/{indicator.pk}/quarter/{pk}/report/",
        f"/plans/evidence/{pk}/",
    ):
        assert client.get(url).status_code == 404, url
    for url in (
        f"/plans/report/{pk}/confirm/",
        f"/plans/report/{pk}/return/",
        f"/plans/evidence/{pk}/remove/",
    ):
        assert client.post(url).status_code == 404, url


@pytest.mark.parametrize("typed", ["１২", "9" * 30, "৮৫%%", "1e5", "NaN", "-0", "৮৫ %"])
def test_hostile_achievements_are_refused_with_the_form_kept(client, drafter_a, reference_plan, typed):
    indicator = _indicator(reference_plan, "1.5.1")
    client.force_login(drafter_a)
    response = _post_report(client, indicator, 1, typed)
    if typed == "৮৫ %":  # a space before the sign is fine
        assert AchievementReport.objects.get().achieved == Decimal(85)
    else:
        assert response.status_code == 200 and 'class="invalid-feedback' in response.content.decode()
        assert AchievementReport.objects.count() == 0


@pytest.mark.parametrize("field", ["achieved", "note"])
def test_a_nul_gets_the_bad_request_page_and_nothing_is_saved(client, drafter_a, reference_plan, field):
    indicator = _indicator(reference_plan, "2.1.1")
    client.force_login(drafter_a)
    data = {"achieved": "১", "note": "", field: "১\x00"}
    assert client.post(_report_url(indicator, 1), data).status_code == 400
    assert AchievementReport.objects.count() == 0
