"""A drafter links a decision to the indicator it names, in the editor, with one click; then attaches
issued minutes to a meeting indicator from the indicator's page."""

import datetime

import pytest
from django.urls import reverse

from actionplan import services
from actionplan.models import DecisionLink
from minutes.models import AgendaItem, Decision, Meeting
from offices.models import OfficeRole
from tests.actionplan.templates import REFERENCE
from tests.e2e.conftest import log_in
from tests.factories import MeetingFactory, OfficeFactory, user_with_role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
R = OfficeRole.Role


def test_a_drafter_links_a_decision_in_the_editor_and_attaches_issued_minutes(page):
    office = OfficeFactory(name="সুরক্ষা সেবা বিভাগ")
    drafter = user_with_role(office, R.DRAFTER, R.ADMIN, username="dipu")
    plan = services.plan_import(office=office, fiscal_year=2021, data=REFERENCE.read_bytes(), by=drafter)
    draft = MeetingFactory(office=office, date=datetime.date(2022, 2, 15), title="ইনোভেশন টিমের সভা")
    item = AgendaItem.objects.create(meeting=draft, title="সেবা সহজিকরণ")
    decision = Decision.objects.create(
        agenda_item=item, text="<p>কার্যক্রম ১.২.১ অনুযায়ী একটি সেবা সহজিকরণ করতে হবে।</p>"
    )
    issued = MeetingFactory(
        office=office,
        date=datetime.date(2021, 9, 20),
        state=Meeting.State.ISSUED,
        memo_number="০৫.৪৭.০০০০.০০৬.১৬.০০১.২১",
        issue_date=datetime.date(2021, 9, 22),
        title="অগ্রগতি পর্যালোচনা সভা",
    )

    log_in(page, "dipu", "pass-1234")
    page.goto(page.base_url + reverse("minutes:edit", args=[draft.pk]))
    suggestion = page.locator(f"#decision-links-{decision.pk}")
    suggestion.get_by_text("[১.২.১] একটি সেবা সহজিকৃত").wait_for()
    assert page.locator(".unsaved-note").is_hidden()  # loading the panel changed nothing typed
    suggestion.get_by_role("button", name="যুক্ত করুন").click()
    page.locator(".linked-indicator", has_text="[১.২.১]").wait_for()
    assert page.url.endswith(reverse("minutes:edit", args=[draft.pk]))  # still in the editor
    assert page.locator(".unsaved-note").is_hidden()  # nothing to save: the link is stored already
    assert page.locator('[name="items-0-title"]').input_value() == "সেবা সহজিকরণ"
    link = DecisionLink.objects.get()
    assert (link.decision, link.indicator.number) == (decision, "1.2.1")

    page.locator(".linked-indicator a").click()
    page.get_by_role("link", name="ইনোভেশন টিমের সভা").wait_for()

    review = plan.indicators.get(number="2.2.3")
    page.goto(page.base_url + reverse("actionplan:indicator", args=[review.pk]))
    page.locator(".attachable-minutes", has_text="অগ্রগতি পর্যালোচনা সভা").get_by_role(
        "button", name="সংযুক্ত করুন"
    ).click()
    assert page.locator("#meetings-held").inner_text() == "১"
    page.locator(".attached-minutes").get_by_role("link", name="অগ্রগতি পর্যালোচনা সভা").wait_for()
    assert issued.indicator_evidence.count() == 1

    # The editor's own swaps still count as unsaved changes; the panel of a new row waits for a save.
    page.goto(page.base_url + reverse("minutes:edit", args=[draft.pk]))
    page.locator(".linked-indicator", has_text="[১.২.১]").wait_for()
    page.get_by_role("button", name="+ সিদ্ধান্ত যোগ করুন").click()
    page.locator('[name="items-0-decisions-1-text"]').wait_for(state="attached")
    assert page.locator(".unsaved-note").is_visible()
