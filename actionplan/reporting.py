"""The writes of achievement reports, each in one transaction: report (or report again), confirm, return.

What is refused, with a Bangla message and nothing saved (no report, no file left in the storage):
- a quarter that has not begun yet, or a report already confirmed;
- a count that is not a whole number, a negative or non-numeric achievement (a percentage above 100
  or above the target is accepted: the score caps it and flags it);
- for a date indicator, a date outside the plan's fiscal year or after today (the date something
  was done cannot be in the future, nor in another year's plan);
- an evidence file that is empty, too large, of a kind not accepted or with a lying extension
  (actionplan/evidence.py), or more than MAX_FILES files at once.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from actionplan.evidence import check_evidence
from actionplan.models import AchievementReport, Evidence, Indicator, Unit
from actionplan.permissions import require_may_report, require_may_review
from bangla.fiscal import fiscal_year_bounds
from bangla.forms import shown_digits

MAX_FILES = 10
MAX_VALUE = Decimal(10) ** 10
State = AchievementReport.State


@dataclass(frozen=True)
class Upload:
    name: str
    data: bytes


def quarter_start(fiscal_year: int, quarter: int) -> datetime.date:
    """1 July, 1 October, 1 January, 1 April of the fiscal year starting in `fiscal_year`."""
    month = 7 + 3 * (quarter - 1)
    return datetime.date(fiscal_year + (month > 12), (month - 1) % 12 + 1, 1)


def check_achieved(indicator: Indicator, achieved, today: datetime.date):
    """The achievement as the indicator's unit has it; ValidationError (Bangla) if it cannot be."""
    if indicator.is_dated:
        if not isinstance(achieved, datetime.date):
            raise ValidationError({"achieved": _("Give the date it was done.")})
        first, last = fiscal_year_bounds(indicator.plan.fiscal_year)
        if not first <= achieved <= last:
            raise ValidationError(
                {
                    "achieved": _("The date must fall in the plan's fiscal year (%(first)s to %(last)s).")
                    % {"first": _dotted(first), "last": _dotted(last)}
                }
            )
        if achieved > today:
            raise ValidationError({"achieved": _("The date it was done cannot be in the future.")})
        return achieved
    if isinstance(achieved, bool) or not isinstance(achieved, int | Decimal):
        raise ValidationError({"achieved": _("Give the achievement as a number.")})
    achieved = Decimal(achieved)
    if not achieved.is_finite() or achieved < 0 or achieved >= MAX_VALUE:
        raise ValidationError({"achieved": _("Give the achievement as a number from 0 up.")})
    if indicator.unit == Unit.COUNT and achieved != achieved.to_integral_value():
        raise ValidationError({"achieved": _("A count is a whole number.")})
    if achieved != achieved.quantize(Decimal("0.01")):
        raise ValidationError({"achieved": _("Give at most two digits after the decimal point.")})
    return achieved


def check_uploads(uploads: list[Upload]) -> list[str]:
    """The kind of each file, or one ValidationError listing every file refused."""
    if len(uploads) > MAX_FILES:
        raise ValidationError(
            {"files": _("Attach at most %(count)s files at a time.") % {"count": shown_digits(MAX_FILES)}}
        )
    kinds, errors = [], []
    for upload in uploads:
        try:
            kinds.append(check_evidence(upload.name, upload.data))
        except ValidationError as error:
            errors.extend(error.messages)
    if errors:
        raise ValidationError({"files": errors})
    return kinds


def achievement_report(
    *,
    indicator: Indicator,
    quarter: int,
    achieved,
    note: str = "",
    uploads: list[Upload] = (),
    by,
    today: datetime.date | None = None,
) -> AchievementReport:
    """Report a quarter's achievement with its evidence (or report it again after it was returned)."""
    require_may_report(by, indicator)
    today = today or timezone.localdate()
    if quarter not in range(1, 5):
        raise ValidationError(_("A fiscal year has quarters 1 to 4."))
    if quarter_start(indicator.plan.fiscal_year, quarter) > today:
        raise ValidationError(_("This quarter has not begun yet."))
    achieved = check_achieved(indicator, achieved, today)
    uploads = list(uploads)
    kinds = check_uploads(uploads)
    stored: list[Evidence] = []
    try:
        with transaction.atomic():
            report = _write_report(indicator, quarter, achieved, note, by)
            now = timezone.now()
            for upload, kind in zip(uploads, kinds, strict=True):
                evidence = Evidence(
                    report=report,
                    name=upload.name[-255:],
                    kind=kind,
                    size=len(upload.data),
                    uploaded_by=by,
                    uploaded_at=now,
                )
                evidence.file.save(upload.name, ContentFile(upload.data), save=False)
                stored.append(evidence)
                evidence.save()
    except BaseException:
        for evidence in stored:  # the database rolled back; the storage does not, so undo it by hand
            evidence.file.delete(save=False)
        raise
    return report


def _write_report(indicator, quarter, achieved, note, by) -> AchievementReport:
    report = (
        AchievementReport.objects.select_for_update().filter(indicator=indicator, quarter=quarter).first()
    )
    if report is not None and report.state == State.CONFIRMED:
        raise ValidationError(_("This quarter's report is already confirmed."))
    report = report or AchievementReport(indicator=indicator, quarter=quarter)
    dated = indicator.is_dated
    report.achieved_date = achieved if dated else None
    report.achieved_value = None if dated else achieved
    report.note = (note or "").strip()
    report.state = State.REPORTED
    report.reported_by = by
    report.reported_at = timezone.now()
    report.reviewed_by, report.reviewed_at, report.review_comment = None, None, ""
    report.full_clean(validate_unique=False, validate_constraints=False)
    report.save()
    return report


@transaction.atomic
def achievement_confirm(*, report: AchievementReport, by) -> AchievementReport:
    require_may_review(by, report)
    report = _locked(report, _("Only a report awaiting confirmation can be confirmed."))
    report.state = State.CONFIRMED
    report.reviewed_by, report.reviewed_at, report.review_comment = by, timezone.now(), ""
    report.save()
    return report


@transaction.atomic
def achievement_return(*, report: AchievementReport, comment: str, by) -> AchievementReport:
    require_may_review(by, report)
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError({"comment": _("Write what must be corrected.")})
    if len(comment) > 2000:
        raise ValidationError({"comment": _("The comment may be at most 2000 characters.")})
    report = _locked(report, _("Only a report awaiting confirmation can be returned."))
    report.state = State.RETURNED
    report.reviewed_by, report.reviewed_at, report.review_comment = by, timezone.now(), comment
    report.save()
    return report


def _locked(report: AchievementReport, refused: str) -> AchievementReport:
    """The report as it is now, locked; refused unless it awaits confirmation (another approver may
    have answered it in the meantime)."""
    locked = AchievementReport.objects.select_for_update().select_related("indicator__plan__office")
    current = locked.get(pk=report.pk)
    if current.state != State.REPORTED:
        raise ValidationError(refused)
    return current


def _dotted(day: datetime.date) -> str:
    return shown_digits(day.strftime("%d.%m.%Y"))


@transaction.atomic
def evidence_remove(*, evidence: Evidence, by) -> None:
    """Take a file off a report that is not confirmed yet (a wrong file, say, after a return). The
    row goes (its history stays); the stored file is deleted once the transaction has committed."""
    report = evidence.report
    require_may_report(by, report.indicator)
    if AchievementReport.objects.select_for_update().get(pk=report.pk).state == State.CONFIRMED:
        raise ValidationError(_("The report is confirmed: its evidence can no longer be changed."))
    stored, storage = evidence.file.name, evidence.file.storage
    evidence._history_user = by
    evidence.delete()
    transaction.on_commit(lambda: storage.delete(stored))
