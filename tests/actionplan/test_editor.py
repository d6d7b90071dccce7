"""The plan editor: an office administrator adjusts an imported plan on one Bangla page. Bad input is
refused with a Bangla message, the form kept and nothing saved; a reported plan keeps what its
reports were measured against; every change is in the office's audit log; a GET never writes."""

import dataclasses
import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from actionplan import services
from actionplan.editing import services as editing
from actionplan.editing.content import fingerprint, stored_draft
from actionplan.models import AchievementReport, Activity, Area, Indicator, MeetingEvidence, Plan, TierTarget
from offices.models import AuditEntry, OfficeRole
from tests.actionplan.editor_data import PlanEditorPage
from tests.actionplan.templates import csv_bytes, generated_rows
from tests.factories import BranchFactory, MeetingFactory, OfficeFactory, PostFactory, user_with_role

pytestmark = pytest.mark.django_db
R = OfficeRole.Role


@pytest.fixture
def plan(reference_plan):
    return reference_plan


@pytest.fixture
def editor(client, alice, plan):
    client.force_login(alice)
    return PlanEditorPage(client, plan)


def _weights(plan) -> dict[str, Decimal]:
    return dict(plan.indicators.values_list("number", "weight"))


def _stored(plan):
    """Everything the editor could change, to compare before and after a refusal."""
    return (
        list(Plan.objects.filter(pk=plan.pk).values()),
        list(Area.objects.filter(plan=plan).values()),
        list(Activity.objects.filter(area__plan=plan).values()),
        list(Indicator.objects.filter(plan=plan).values()),
        list(TierTarget.objects.filter(indicator__plan=plan).values()),
    )


def _refused(editor, plan, *expected: str) -> str:
    """Save; assert the refusal shows each expected message, the typed values are kept and nothing
    was written. Returns the page."""
    before = _stored(plan)
    response = editor.save()
    assert response.status_code == 400
    page = response.content.decode()
    assert "কিছুই সংরক্ষণ করা হয়নি" in page
    for message in expected:
        assert message in page, message
    assert _stored(plan) == before
    assert not AuditEntry.objects.exists()
    return page


# ---- Opening the editor -----------------------------------------------------------------------------


def test_it_shows_the_plan_in_bangla_as_the_plan_writes_it(editor):
    fields = editor.fields
    first = editor.indicator_prefix("[১.১.১]")
    assert fields[f"{first}-title"] == ["একটি নতুন উদ্ভাবনী ধারণা বাস্তবায়িত"]
    assert fields[f"{first}-unit"] == ["date"]
    assert fields[f"{first}-weight"] == ["৫"]
    assert fields[f"{first}-target"] == ["১৬-০৩-২০২২"]
    assert fields[f"{editor.indicator_prefix('[১.৫.১]')}-target"] == ["৮০"]
    assert fields["plan-total_marks"] == ["৫০"]
    assert fields["areas-0-marks"] == ["২৯"] and fields["areas-1-marks"] == ["২১"]
    assert "কর্মপরিকল্পনা সম্পাদনা" in editor.html


def test_an_english_reader_gets_ascii_digits_and_english_messages(client, alice, plan):
    client.force_login(alice)
    client.post(reverse("set_language"), {"language": "en"})
    editor = PlanEditorPage(client, plan)
    first = editor.indicator_prefix("[1.1.1]")
    assert editor.fields[f"{first}-target"] == ["16-03-2022"]
    assert "অসাধারণ (100%)" in editor.html
    editor.set(**{f"{first}-weight": "6"})
    page = editor.save().content.decode()
    assert "The indicators of area 1 add up to 30 marks, but the area has 29." in page


def test_opening_it_writes_nothing_and_costs_the_same_however_many_indicators(client, alice, office_a):
    small = services.plan_import(
        office=office_a, fiscal_year=2021, data=csv_bytes(generated_rows(8, tiers=True)), by=alice
    )
    large = services.plan_import(
        office=office_a, fiscal_year=2022, data=csv_bytes(generated_rows(40, tiers=True)), by=alice
    )
    client.force_login(alice)
    history = sum(model.history.count() for model in (Plan, Area, Activity, Indicator, TierTarget))
    counts = []
    for plan in (small, large):
        with CaptureQueriesContext(connection) as queries:
            assert PlanEditorPage(client, plan).response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
    assert history == sum(model.history.count() for model in (Plan, Area, Activity, Indicator, TierTarget))
    assert not AuditEntry.objects.exists()


# ---- Changing it --------------------------------------------------------------------------------------


def test_an_administrator_changes_weights_and_tiers_and_the_change_is_audited(editor, plan, alice):
    editor.set_indicator("[১.১.১]", weight="৬", tier_100="১৬-০৩-২০২২", tier_90="৩১-০৩-২০২২")
    editor.set_indicator("[১.২.১]", weight="৪")
    response = editor.save()
    assert response.status_code == 302 and response.url == plan.get_absolute_url()
    weights = _weights(plan)
    assert (weights["1.1.1"], weights["1.2.1"]) == (6, 4)
    first = plan.indicators.get(number="1.1.1")
    assert [(t.level, t.date) for t in first.tiers.order_by("-level")] == [
        (100, datetime.date(2022, 3, 16)),
        (90, datetime.date(2022, 3, 31)),
    ]
    entries = {entry.object_repr: entry for entry in AuditEntry.objects.all()}
    assert set(entries) == {"[১.১.১] একটি নতুন উদ্ভাবনী ধারণা বাস্তবায়িত", "[১.২.১] একটি সেবা সহজিকৃত"}
    changed = entries["[১.১.১] একটি নতুন উদ্ভাবনী ধারণা বাস্তবায়িত"]
    assert (changed.action, changed.actor, changed.office) == (AuditEntry.Action.CHANGED, alice, plan.office)
    assert changed.changes["weight"] == ["5", "6"]
    assert changed.changes["tiers"] == [[None] * 5, ["16-03-2022", "31-03-2022", None, None, None]]
    assert first.history.first().history_user == alice


def test_saving_an_unchanged_plan_changes_nothing(editor, plan):
    before = _stored(plan)
    assert editor.save().status_code == 302
    assert _stored(plan) == before
    assert not AuditEntry.objects.exists()


def test_the_audit_page_shows_the_change_in_bangla(client, editor, plan):
    editor.set_indicator("[১.১.১]", weight="৬", tier_100="১৬-০৩-২০২২")
    editor.set_indicator("[১.২.১]", weight="৪")
    assert editor.save().status_code == 302
    page = client.get(f"/offices/{plan.office.pk}/manage/audit/").content.decode()
    assert "[১.১.১] একটি নতুন উদ্ভাবনী ধারণা বাস্তবায়িত" in page
    assert "১৬-০৩-২০২২, —, —, —, —" in page


# ---- Refusals: a Bangla message each, the form kept, nothing saved --------------------------------------


def test_it_refuses_marks_that_do_not_add_up(editor, plan):
    editor.set_indicator("[১.১.১]", weight="৬")
    page = _refused(
        editor,
        plan,
        "ক্ষেত্র ১-এর সূচকগুলোর মান যোগ করলে ৩০ হয়, কিন্তু ক্ষেত্রের মান ২৯।",
        "সূচকগুলোর মান যোগ করলে ৫১ হয়, কিন্তু কর্মপরিকল্পনার মোট মান ৫০।",
    )
    assert 'value="৬"' in page  # the form is kept as typed


def test_it_refuses_marks_that_do_not_add_up_to_the_plans_total(editor, plan):
    editor.set(**{"plan-total_marks": "১০০"})
    _refused(editor, plan, "সূচকগুলোর মান যোগ করলে ৫০ হয়, কিন্তু কর্মপরিকল্পনার মোট মান ১০০।")


def test_it_refuses_a_duplicate_indicator_number(editor, plan):
    editor.set_indicator("[২.১.২]", number="[২.১.১]")
    _refused(editor, plan, "[২.১.১] নম্বরটি কর্মপরিকল্পনায় দুবার ব্যবহৃত হয়েছে।")


def test_it_refuses_an_indicator_number_outside_its_activity(editor, plan):
    editor.set_indicator("[২.১.২]", number="[২.২.৯]")
    _refused(editor, plan, "[২.২.৯] [২.১]-এর অধীনে পড়ে না।")


def test_it_refuses_a_target_date_outside_the_fiscal_year(editor, plan):
    editor.set_indicator("[১.১.১]", target="১৬-০৩-২০২৩")
    _refused(editor, plan, "১৬-০৩-২০২৩ অর্থবছর ২০২১-২২-এর (১ জুলাই থেকে ৩০ জুন) বাইরে।")


@pytest.mark.parametrize(
    ("number", "tiers", "expected"),
    [
        ("[১.৫.১]", {"tier_100": "৮০", "tier_90": "৯০"}, "স্তরগুলো ক্রমে নেই: প্রতিটি স্তরের মান তার আগের স্তরের"),
        ("[১.১.১]", {"tier_90": "১৬-০৩-২০২২", "tier_80": "১০-০৩-২০২২"}, "স্তরগুলো ক্রমে নেই: প্রতিটি স্তরের তারিখ"),
        ("[১.৫.১]", {"tier_100": "৯০"}, "অসাধারণ (১০০%) স্তর ৯০, কিন্তু লক্ষ্যমাত্রা ৮০: দুটি একই হতে হবে।"),
    ],
)
def test_it_refuses_tiers_out_of_order(editor, plan, number, tiers, expected):
    editor.set_indicator(number, **tiers)
    _refused(editor, plan, expected)


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("weight", "পাঁচ", "“পাঁচ” কোনো সংখ্যা নয়।"),
        ("weight", "১.২৫৫", "“১.২৫৫”-এ দুই ঘরের বেশি দশমিক আছে।"),
        ("weight", "১০১", "১০১ মানটি ১০০-এর বেশি।"),
        ("target", "৩০-০২-২০২২", "“৩০-০২-২০২২” দিন-মাস-বছর আকারে লেখা কোনো তারিখ নয়"),
        ("q2", "২০২১-০৬-৩০", "৩০-০৬-২০২১ অর্থবছর ২০২১-২২-এর (১ জুলাই থেকে ৩০ জুন) বাইরে।"),
        ("number", "১-১-১", "“১-১-১” [১.১.১]-এর মতো কোনো নম্বর নয়।"),
        ("title", "", "এটি পূরণ করুন।"),
        ("title", "ক" * 501, "লেখাটি ৫০০ অক্ষরের বেশি।"),
    ],
)
def test_it_refuses_a_bad_value_next_to_its_field(editor, plan, field, value, expected):
    editor.set_indicator("[১.১.১]", **{field: value})
    _refused(editor, plan, expected)


def test_it_refuses_a_plan_changed_by_someone_else_since_it_was_opened(editor, plan, alice):
    other = stored_draft(plan)
    other.areas[1].activities[0].indicators[0].title = "অন্য কেউ বদলেছেন"
    editing.plan_edit(plan=plan, draft=other, seen=fingerprint(stored_draft(plan)), by=alice)
    AuditEntry.objects.all().delete()
    editor.set_indicator("[১.১.১]", title="আমার বদল")
    _refused(editor, plan, "অন্য কেউ কর্মপরিকল্পনাটি বদলেছেন")


@pytest.mark.parametrize(
    "tampering",
    [
        {"areas-TOTAL_FORMS": "99999"},
        {"areas-0-activities-TOTAL_FORMS": "x"},
        {"action": "explode:areas"},
        {"action": "remove:areas-0-activities-1-indicators-"},
    ],
)
def test_a_tampered_post_is_a_bad_request(editor, plan, tampering):
    before = _stored(plan)
    assert editor.post(**tampering).status_code == 400
    assert _stored(plan) == before


def test_an_indicator_of_another_plan_cannot_be_slipped_in(editor, plan, office_b, charlie):
    other = services.plan_import(
        office=office_b, fiscal_year=2021, data=csv_bytes(generated_rows(4)), by=charlie
    )
    stranger = other.indicators.first()
    editor.set(**{f"{editor.indicator_prefix('[১.১.১]')}-id": str(stranger.pk)})
    _refused(editor, plan, "সংরক্ষিত কর্মপরিকল্পনার সারির সঙ্গে মেলে না")
    assert Indicator.objects.get(pk=stranger.pk).plan == other


def test_the_service_refuses_a_branch_of_another_office(plan, alice, office_b):
    draft = stored_draft(plan)
    draft.areas[0].activities[0].indicators[0].responsible_branch_id = BranchFactory(office=office_b).pk
    with pytest.raises(ValidationError, match="বাস্তবায়নকারী শাখা বা পদ দপ্তরটির নয়"):
        editing.plan_edit(plan=plan, draft=draft, seen=fingerprint(stored_draft(plan)), by=alice)


# ---- Adding, moving, removing ---------------------------------------------------------------------------


def test_it_adds_an_indicator_numbered_next_and_saves_it(editor, plan):
    editor.act("add:areas-1-activities-1-indicators")
    new = editor.indicator_prefix("[২.২.৬]")  # numbered after [২.২.৫]
    editor.set(
        **{f"{new}-title": "নতুন সূচক", f"{new}-unit": "count", f"{new}-weight": "১", f"{new}-target": "২"}
    )
    editor.set_indicator("[২.২.৫]", weight="২")
    assert editor.save().status_code == 302
    numbers = list(plan.indicators.order_by("order").values_list("number", flat=True))
    assert numbers[-2:] == ["2.2.5", "2.2.6"]
    assert AuditEntry.objects.filter(action="created", object_repr="[২.২.৬] নতুন সূচক").exists()


def test_an_indicator_added_early_keeps_the_plans_order(editor, plan):
    editor.act("add:areas-0-activities-0-indicators")  # [১.১.২], under the first activity
    new = editor.indicator_prefix("[১.১.২]")
    editor.set(**{f"{new}-title": "নতুন", f"{new}-unit": "count", f"{new}-weight": "১", f"{new}-target": "১"})
    editor.set_indicator("[১.১.১]", weight="৪")
    assert editor.save().status_code == 302
    rows = list(plan.indicators.order_by("order").values_list("number", "order"))
    assert [number for number, _order in rows][:3] == ["1.1.1", "1.1.2", "1.2.1"]
    assert [order for _number, order in rows] == list(range(14))  # one place each, in the plan's order


def test_a_new_row_left_blank_is_dropped(editor, plan):
    editor.act("add:areas")
    assert editor.fields["areas-2-number"] == ["[৩]"]
    assert editor.fields["areas-2-activities-0-number"] == ["[৩.১]"]
    assert editor.fields["areas-2-activities-0-indicators-0-number"] == ["[৩.১.১]"]
    assert editor.save().status_code == 302
    assert plan.areas.count() == 2


def test_it_moves_an_indicator_up(editor, plan):
    editor.act("up:areas-1-activities-0-indicators-1")
    assert editor.save().status_code == 302
    first, second = plan.indicators.filter(activity__number="2.1").order_by("order")
    assert (first.number, second.number) == ("2.1.2", "2.1.1")
    assert AuditEntry.objects.filter(action="changed").count() == 2


def test_it_removes_an_indicator_and_an_area(editor, plan):
    editor.act("remove:areas-1-activities-1-indicators-4")  # [২.২.৫], 3 marks
    editor.set_indicator("[২.২.৪]", weight="৬")
    assert editor.save().status_code == 302
    assert not plan.indicators.filter(number="2.2.5").exists()
    assert AuditEntry.objects.filter(action="removed").count() == 1

    editor = PlanEditorPage(editor.client, plan)
    editor.act("remove:areas-1")
    editor.set(**{"plan-total_marks": "২৯"})
    assert editor.save().status_code == 302
    assert list(plan.areas.values_list("number", flat=True)) == ["1"]
    assert Plan.objects.get(pk=plan.pk).total_marks == 29
    assert not Indicator.objects.filter(plan=plan, number__startswith="2.").exists()


def test_two_indicators_may_swap_their_numbers(editor, plan):
    first, second = editor.indicator_prefix("[২.১.১]"), editor.indicator_prefix("[২.১.২]")
    editor.set(**{f"{first}-number": "[২.১.২]", f"{second}-number": "[২.১.১]"})
    assert editor.save().status_code == 302
    titles = dict(plan.indicators.values_list("number", "title"))
    assert titles["2.1.1"] == "বিভিন্ন প্রকাশনা ও তথ্যাদি তথ্য বাতায়নে প্রকাশিত"


def test_responsibility_is_chosen_from_the_offices_branches_and_posts(client, alice, plan, office_b):
    branch = BranchFactory(office=plan.office, name="আইসিটি শাখা")
    post = PostFactory(office=plan.office, title="সিস্টেম এনালিস্ট")
    BranchFactory(office=office_b, name="অন্য দপ্তরের শাখা")
    client.force_login(alice)
    editor = PlanEditorPage(client, plan)
    assert "অন্য দপ্তরের শাখা" not in editor.html
    editor.set_indicator("[১.১.১]", responsible="", responsible_branch=str(branch.pk))
    editor.set_indicator("[১.২.১]", responsible_post=str(post.pk))
    assert editor.save().status_code == 302
    first, second = (plan.indicators.get(number=n) for n in ("1.1.1", "1.2.1"))
    assert (first.responsible_branch, first.responsible) == (branch, "আইসিটি শাখা")
    assert second.responsible_post == post


def test_the_evidence_needed_is_ticked(editor, plan):
    prefix = editor.indicator_prefix("[১.৪.১]")  # a meeting: notice, attendance, minutes
    assert editor.fields[f"{prefix}-evidence_kinds"] == ["notice", "attendance", "minutes"]
    editor.set(**{f"{prefix}-evidence_kinds": ["minutes", "photos"]})
    assert editor.save().status_code == 302
    assert plan.indicators.get(number="1.4.1").evidence_kinds == ["minutes", "photos"]
    entry = AuditEntry.objects.get()
    assert entry.changes == {"evidence_kinds": [["নোটিশ", "হাজিরা", "কার্যবিবরণী"], ["কার্যবিবরণী", "ছবি"]]}


# ---- A plan that has been reported on ---------------------------------------------------------------------


def _report(indicator, state, by):
    return AchievementReport.objects.create(
        indicator=indicator,
        quarter=1,
        achieved_value=None if indicator.is_dated else Decimal(1),
        achieved_date=indicator.target_date,
        state=state,
        reported_by=by,
        reported_at=timezone.now(),
    )


def test_a_confirmed_indicators_terms_are_fixed_but_its_text_may_change(client, alice, plan):
    _report(plan.indicators.get(number="2.1.1"), AchievementReport.State.CONFIRMED, alice)
    client.force_login(alice)
    editor = PlanEditorPage(client, plan)
    assert "অর্জন নিশ্চিত হয়েছে" in editor.html
    prefix = editor.indicator_prefix("[২.১.১]")
    assert f"{prefix}-weight" not in editor.fields  # shown disabled
    editor.set(**{f"{prefix}-weight": "৩", f"{prefix}-title": "নতুন শিরোনাম"})  # a posted weight is ignored
    editor.set_indicator("[২.১.২]", weight="১")
    response = editor.save()
    assert response.status_code == 400  # [২.১.১] kept its 4 marks: area [২] now adds up to 20
    assert "ক্ষেত্র ২-এর সূচকগুলোর মান যোগ করলে ২০ হয়" in response.content.decode()
    editor.set_indicator("[২.১.২]", weight="২")
    assert editor.save().status_code == 302
    kept = plan.indicators.get(number="2.1.1")
    assert (kept.weight, kept.title) == (4, "নতুন শিরোনাম")


def test_the_service_refuses_to_change_a_confirmed_indicators_terms(plan, alice):
    _report(plan.indicators.get(number="2.1.1"), AchievementReport.State.CONFIRMED, alice)
    for change in (
        {"weight": Decimal(3)},
        {"target": Decimal(5)},
        {"tiers": {100: Decimal(4)}},
        {"number": "2.1.3"},
    ):
        draft = stored_draft(plan)
        activity = draft.areas[1].activities[0]
        activity.indicators[0] = dataclasses.replace(activity.indicators[0], **change)
        activity.indicators[1].weight += Decimal(4) - change.get("weight", Decimal(4))
        with pytest.raises(ValidationError, match="অর্জন নিশ্চিত হয়েছে: এর নম্বর, একক, মান"):
            editing.plan_edit(plan=plan, draft=draft, seen=fingerprint(stored_draft(plan)), by=alice)
    assert not AuditEntry.objects.exists()


def test_a_reported_indicator_keeps_its_unit_and_stays_in_the_plan(plan, alice):
    _report(plan.indicators.get(number="1.1.1"), AchievementReport.State.REPORTED, alice)
    draft = stored_draft(plan)
    draft.areas[0].activities[0].indicators[0].unit = "count"
    draft.areas[0].activities[0].indicators[0].target = Decimal(1)
    with pytest.raises(ValidationError, match="প্রতিবেদন দেওয়া হয়েছে: এর একক বদলানো যাবে না"):
        editing.plan_edit(plan=plan, draft=draft, seen=fingerprint(stored_draft(plan)), by=alice)
    draft = stored_draft(plan)
    draft.areas[0].activities.pop(0)  # [১.১] with its indicator
    draft.areas[0].activities[0].indicators[0].weight += 5
    with pytest.raises(ValidationError, match="সরানো যাবে না"):
        editing.plan_edit(plan=plan, draft=draft, seen=fingerprint(stored_draft(plan)), by=alice)
    draft = stored_draft(plan)  # its target may still change: nothing is confirmed
    draft.areas[0].activities[0].indicators[0].target = datetime.date(2022, 3, 31)
    editing.plan_edit(plan=plan, draft=draft, seen=fingerprint(stored_draft(plan)), by=alice)
    assert plan.indicators.get(number="1.1.1").target_date == datetime.date(2022, 3, 31)


def test_attached_minutes_fix_a_meeting_indicators_terms(plan, alice):
    indicator = plan.indicators.get(number="1.4.1")
    meeting = MeetingFactory(office=plan.office, state="issued", date=datetime.date(2021, 8, 30))
    MeetingEvidence.objects.create(meeting=meeting, indicator=indicator, attached_by=alice)
    draft = stored_draft(plan)
    draft.areas[0].activities[3].indicators[0].target = datetime.date(2021, 9, 30)
    with pytest.raises(ValidationError, match="অর্জন নিশ্চিত হয়েছে"):
        editing.plan_edit(plan=plan, draft=draft, seen=fingerprint(stored_draft(plan)), by=alice)


def test_a_scored_plans_total_is_fixed(plan, alice):
    _report(plan.indicators.get(number="2.1.1"), AchievementReport.State.CONFIRMED, alice)
    draft = stored_draft(plan)
    draft.total_marks = Decimal(51)
    draft.areas[0].marks += 1
    draft.areas[0].activities[0].indicators[0].weight += 1
    with pytest.raises(ValidationError, match="মোট মান আর বদলানো যাবে না"):
        editing.plan_edit(plan=plan, draft=draft, seen=fingerprint(stored_draft(plan)), by=alice)


# ---- Who may edit ---------------------------------------------------------------------------------------


def test_only_the_offices_administrators_and_those_above_may_edit(client, plan, drafter_a, charlie, office_a):
    url = f"/plans/{plan.pk}/edit/"
    client.force_login(drafter_a)  # reads the plan, may not change it
    assert client.get(url).status_code == 403
    assert client.post(url, {"save": "1"}).status_code == 403
    client.force_login(charlie)  # another office: not even told the plan exists
    assert client.get(url).status_code == 404
    assert client.post(url, {"save": "1"}).status_code == 404
    superior = OfficeFactory(name="ঊর্ধ্বতন মন্ত্রণালয়")
    office_a.parent = superior
    office_a.save()
    client.force_login(user_with_role(superior, R.ADMIN, username="boss"))
    assert client.get(url).status_code == 200
    client.force_login(user_with_role(superior, R.APPROVER, username="reader"))
    assert client.get(url).status_code == 403
    client.logout()
    assert client.get(url).status_code == 302


def test_the_service_checks_who_edits(plan, drafter_a):
    with pytest.raises(Exception) as refused:
        editing.plan_edit(
            plan=plan, draft=stored_draft(plan), seen=fingerprint(stored_draft(plan)), by=drafter_a
        )
    assert refused.type.__name__ == "PermissionDenied"
