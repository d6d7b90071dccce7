"""The XSS corpus in every text of the action plan and the innovation bank, opened in Chromium.

The plan's titles, responsibilities and kinds of evidence, the achievement reports' notes and the
approver's comments, the evidence files' names and every text of an innovation-bank entry hold the
corpus (tests/security/xss_corpus.py) — as a crafted template file or a hostile user could leave
them. Each page that shows them is opened with the CSP bypassed and enforced, provoked and scanned
as in tests/e2e/test_xss_browser.py: no payload may run, no CSP violation may be reported.
"""

import datetime

import pytest
from django.core.files.storage import FileSystemStorage
from django.urls import reverse

from actionplan import reporting, services
from actionplan.ideas.services import idea_save
from actionplan.models import AchievementReport, Activity, Area, Evidence, Idea, Indicator
from actionplan.reporting import Upload
from offices.models import OfficeRole
from tests.actionplan.evidence_files import pdf
from tests.actionplan.templates import REFERENCE
from tests.e2e.xss_run import Run
from tests.factories import OfficeFactory, user_with_role
from tests.security.xss_corpus import FORM_PAYLOADS
from tests.security.xss_fields import joined, pack

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
R = OfficeRole.Role
ON = datetime.date(2022, 6, 20)  # the fourth quarter of 2021-22: every quarter can be reported


class Placing:
    """Hands out the corpus in turn, as much as each field takes, and remembers what went where."""

    def __init__(self):
        self.next = 0
        self.coverage: dict[str, set[int]] = {}

    def text(self, field: str, limit: int) -> str:
        chunk = pack(FORM_PAYLOADS, limit, start=self.next % len(FORM_PAYLOADS))
        self.next += len(chunk)
        self.coverage.setdefault(field, set()).update(p.number for p in chunk)
        return joined(chunk)[:limit]

    def everything(self, field: str) -> str:
        self.coverage.setdefault(field, set()).update(p.number for p in FORM_PAYLOADS)
        return joined(FORM_PAYLOADS, "\n")


def _basename(text: str) -> str:
    """A browser sends a file's name without its folders: no slash reaches the portal."""
    return text.replace("/", " ").replace("\\", " ")


def _hostile_plan(office, admin, approver, placing: Placing):
    plan = services.plan_import(office=office, fiscal_year=2021, data=REFERENCE.read_bytes(), by=admin)
    for model, field in (
        (Area, "title"),
        (Activity, "title"),
        (Indicator, "title"),
        (Indicator, "responsible"),
    ):
        limit = model._meta.get_field(field).max_length
        for row in model.objects.filter(**{"plan" if model is not Activity else "area__plan": plan}):
            setattr(row, field, placing.text(f"{model.__name__.lower()}.{field}", limit))
            row.save(update_fields=[field])
    Indicator.objects.filter(plan=plan).update(
        evidence_kinds=[p.text for p in FORM_PAYLOADS]
    )  # a JSON list of strings
    placing.everything("indicator.evidence_kinds")
    count = Indicator.objects.get(plan=plan, number="2.1.1")
    for quarter in (1, 2, 3):
        uploads = [
            Upload(name=_basename(placing.text("evidence.name", 200)) + ".pdf", data=pdf()) for _ in range(3)
        ]
        report = reporting.achievement_report(
            indicator=count,
            quarter=quarter,
            achieved=1,
            note=placing.text("report.note", 2000),
            uploads=uploads,
            by=admin,
            today=ON,
        )
        if quarter != 3:
            reporting.achievement_return(
                report=report, comment=placing.text("review.comment", 2000), by=approver
            )
    return plan, count


def _hostile_idea(office, admin, placing: Placing) -> Idea:
    fields = {
        name: placing.everything(f"idea.{name}")
        for name in (
            "summary",
            "problem",
            "root_cause",
            "solution",
            "innovators",
            "remarks",
            "showcase_result",
        )
    }
    return idea_save(idea=Idea(office=office, title=placing.text("idea.title", 300), **fields), by=admin)


def test_no_payload_runs_on_the_action_plan_or_innovation_bank_pages(
    browser, live_server, monkeypatch, tmp_path, capsys
):
    monkeypatch.setattr(Evidence._meta.get_field("file"), "storage", FileSystemStorage(location=tmp_path))
    office = OfficeFactory(name="দপ্তর ক")
    admin = user_with_role(office, R.DRAFTER, R.ADMIN, username="admin_a")
    approver = user_with_role(office, R.APPROVER, username="approver_a")
    placing = Placing()
    plan, indicator = _hostile_plan(office, admin, approver, placing)
    idea = _hostile_idea(office, admin, placing)
    assert AchievementReport.objects.filter(indicator=indicator).count() == 3
    assert Evidence.objects.filter(report__indicator=indicator).count() == 9

    run = Run(browser, live_server.url)
    try:
        run.log_in(admin)
        run.visit("plan page", reverse("actionplan:detail", args=[plan.pk]))
        run.visit("indicator page (drafter)", reverse("actionplan:indicator", args=[indicator.pk]))
        run.visit("report form", reverse("actionplan:report", args=[indicator.pk, 1]))
        run.visit("innovation bank", reverse("actionplan:ideas", args=[office.pk]))
        run.visit("innovation-bank entry", reverse("actionplan:idea", args=[idea.pk]))
        run.visit("innovation-bank entry, edited", reverse("actionplan:idea_edit", args=[idea.pk]))
        run.log_in(approver)
        run.visit("indicator page (approver)", reverse("actionplan:indicator", args=[indicator.pk]))
        run.control()
    finally:
        run.close()

    missing = {p.number for p in FORM_PAYLOADS} - set().union(*placing.coverage.values())
    assert missing == set(), f"payloads placed nowhere: {sorted(missing)}"
    with capsys.disabled():
        pairs = sum(len(numbers) for numbers in placing.coverage.values())
        print(
            f"\nXSS in Chromium, action plan and innovation bank: {len(FORM_PAYLOADS)} payloads in "
            f"{len(placing.coverage)} fields ({pairs} payload-field pairs), {len(run.pages)} pages, "
            f"{run.elements} elements scanned, {run.provoked} provoked"
        )
    failures = run.failures()
    assert failures == [], "\n".join(failures)
