"""What the follow-up chases: each due date of a decision or an indicator (Occurrence), and the
history of each one: progress reported, done, confirmed or reopened (ProgressReport), with the
evidence files (ProgressEvidence).

    open ──report done──▶ done ──confirm──▶ confirmed
      ▲                     │
      └──────reopen─────────┘ (the approver, with a comment)

An occurrence of a decision is superseded when later issued minutes take the decision over (a
correction of the minutes, or a later meeting that carries the still-open decision forward): the
chase moves to the new decision, the history stays with the old one.
"""

import datetime
import os
import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from actionplan.models import Indicator
from actionplan.models.reports import evidence_storage
from minutes.models import Decision
from offices.models import Office, Official

# The first reminder goes this many days before the due date (an office setting will replace it).
DEFAULT_REMIND_DAYS_BEFORE = 7


class Occurrence(models.Model):
    """One due date of one thing to chase: a decision of issued minutes or an action-plan indicator."""

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        DONE = "done", _("reported done, awaiting confirmation")
        CONFIRMED = "confirmed", _("confirmed done")
        SUPERSEDED = "superseded", _("followed up in later minutes")

    # Still to be done or confirmed: what "my work" lists.
    PENDING_STATUSES = (Status.OPEN, Status.DONE)

    decision = models.ForeignKey(
        Decision,
        verbose_name=_("decision"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="occurrences",
    )
    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("indicator"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="occurrences",
    )
    # The meeting's office for a decision, the plan's office for an indicator: whose approver confirms.
    office = models.ForeignKey(
        Office, verbose_name=_("office"), on_delete=models.CASCADE, related_name="followup_occurrences"
    )
    due_date = models.DateField(_("due date"))
    # A decision: the due date's place among its due dates (1, 2 … for a recurring deadline);
    # an indicator: the fiscal year's quarter (1 = July-September).
    period = models.PositiveSmallIntegerField(_("period"), default=1)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    done_at = models.DateTimeField(_("reported done at"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("confirmed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    # The next day a reminder is due; the reminders (their sweep) advance it. None: no reminder.
    next_reminder_on = models.DateField(_("next reminder"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("follow-up item")
        verbose_name_plural = _("follow-up items")
        ordering = ["due_date", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(decision__isnull=False, indicator__isnull=True)
                | Q(decision__isnull=True, indicator__isnull=False),
                name="followup_occurrence_decision_xor_indicator",
            ),
            models.UniqueConstraint(
                fields=["decision", "due_date"], name="followup_occurrence_decision_date"
            ),
            models.UniqueConstraint(
                fields=["indicator", "period"], name="followup_occurrence_indicator_period"
            ),
        ]
        indexes = [
            # The reminders' sweep: status=open, next_reminder_on <= today (scales with what is due today).
            models.Index(fields=["status", "next_reminder_on"], name="followup_occ_reminder"),
            # An office's pending items by due date (the approver's list, the office dashboards).
            models.Index(fields=["office", "status", "due_date"], name="followup_occ_office_status"),
        ]

    def __str__(self):
        return f"{self.decision or self.indicator} ({self.due_date:%d.%m.%Y})"

    @staticmethod
    def first_reminder(due_date: datetime.date) -> datetime.date:
        return due_date - datetime.timedelta(days=DEFAULT_REMIND_DAYS_BEFORE)

    @property
    def is_pending(self) -> bool:
        return self.status in self.PENDING_STATUSES

    def is_overdue(self, today: datetime.date) -> bool:
        return self.status == self.Status.OPEN and self.due_date < today


class ProgressReport(models.Model):
    """One entry in an item's history: progress reported, done reported, or the approver's
    confirmation or reopening (with a comment). Who wrote it is frozen as it was then."""

    class Kind(models.TextChoices):
        PROGRESS = "progress", _("in progress")
        DONE = "done", _("done")
        CONFIRMED = "confirmed", _("confirmed")
        REOPENED = "reopened", _("reopened")

    occurrence = models.ForeignKey(
        Occurrence, verbose_name=_("follow-up item"), on_delete=models.CASCADE, related_name="reports"
    )
    kind = models.CharField(_("status reported"), max_length=20, choices=Kind.choices)
    note = models.TextField(_("note"), max_length=2000, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    by_name = models.CharField(_("name"), max_length=200)
    by_designation = models.CharField(_("designation"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        ordering = ["occurrence", "created_at", "id"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.by_name}"


def progress_evidence_path(evidence, filename: str) -> str:
    """Never the uploader's name in the path: followup/office/year/random name with the checked extension."""
    occurrence = evidence.report.occurrence
    extension = os.path.splitext(filename)[1].lower()
    return f"followup/{occurrence.office_id}/{occurrence.due_date.year}/{uuid.uuid4().hex}{extension}"


class ProgressEvidence(models.Model):
    """A file attached to a progress report, kept in the "evidence" storage, served only through the
    portal to those who may read the item."""

    report = models.ForeignKey(
        ProgressReport, verbose_name=_("progress report"), on_delete=models.CASCADE, related_name="evidence"
    )
    file = models.FileField(
        _("file"), upload_to=progress_evidence_path, storage=evidence_storage, max_length=300
    )
    name = models.CharField(_("file name"), max_length=255)
    kind = models.CharField(_("kind"), max_length=10)
    size = models.PositiveIntegerField(_("size (bytes)"))

    class Meta:
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")
        ordering = ["report", "pk"]

    def __str__(self):
        return self.name


class CalendarFeed(models.Model):
    """A secret address from which a calendar app (Google Calendar, Outlook) reads deadlines: the
    user's own items, or an office's pending ones (followup/calendar/).

    Only the token's SHA-256 is stored: the address is shown once, when it is made, and a lost one
    is replaced by a new one. A feed is revoked, never deleted; a revoked feed's address answers 404.
    When it was last read is kept in the cache, not here: reading the feed is a GET, and a GET never
    writes to the database."""

    class Scope(models.TextChoices):
        MINE = "mine", _("my items")
        OFFICE = "office", _("an office's pending items")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="calendar_feeds",
    )
    scope = models.CharField(_("calendar"), max_length=10, choices=Scope.choices)
    office = models.ForeignKey(
        Office, verbose_name=_("office"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    token_sha256 = models.CharField(_("token (SHA-256)"), max_length=64, unique=True, editable=False)
    with_alarm = models.BooleanField(_("a reminder the day before"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")
        ordering = ["user", "-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(scope="mine", office__isnull=True) | Q(scope="office", office__isnull=False),
                name="followup_calendarfeed_office_iff_office_scope",
            ),
            # One live address per user and calendar: making a new one revokes the old.
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(scope="mine", revoked_at__isnull=True),
                name="followup_calendarfeed_one_live_mine",
            ),
            models.UniqueConstraint(
                fields=["user", "office"],
                condition=Q(scope="office", revoked_at__isnull=True),
                name="followup_calendarfeed_one_live_per_office",
            ),
        ]

    def __str__(self):
        return f"{self.user}: {self.office or self.get_scope_display()}"

    @property
    def is_live(self) -> bool:
        return self.revoked_at is None


# ---- Reminders (followup/reminders/, docs/reminders.md) ---------------------------------------------


def default_days_before() -> list[int]:
    return [7, 1]


class ReminderPolicy(models.Model):
    """When an office's items are reminded, set by its administrator; an office without one has the
    defaults. Reminders go out the days before the due date listed here, on the due date, and every
    `overdue_every_days` after it; from `escalate_after_days` overdue the head of the responsible office
    is told too, and the superior office's team when `escalate_to_superior`."""

    office = models.OneToOneField(
        Office, verbose_name=_("office"), on_delete=models.CASCADE, related_name="reminder_policy"
    )
    days_before = models.JSONField(
        _("reminders before the due date (days)"), default=default_days_before, blank=True
    )
    overdue_every_days = models.PositiveSmallIntegerField(
        _("when overdue, remind every (days)"),
        default=7,
        validators=[MinValueValidator(1), MaxValueValidator(30)],
    )
    escalate_after_days = models.PositiveSmallIntegerField(
        _("tell the head of office after (days overdue)"),
        default=14,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
    )
    escalate_to_superior = models.BooleanField(
        _("also tell the superior office's innovation team"),
        default=True,
        help_text=_(
            "When the office has a superior office: its team's member-secretary (or chair) is told too."
        ),
    )
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("reminder policy")
        verbose_name_plural = _("reminder policies")

    def __str__(self):
        return str(self.office)


class ReminderPreference(models.Model):
    """What an official wants of their daily digest; an official without one has the defaults."""

    official = models.OneToOneField(
        Official, verbose_name=_("official"), on_delete=models.CASCADE, related_name="reminder_preference"
    )
    digest_hour = models.PositiveSmallIntegerField(
        _("send my daily digest at"), default=9, validators=[MinValueValidator(0), MaxValueValidator(23)]
    )
    include_soon_due = models.BooleanField(
        _("remind me before the due date"),
        default=True,
        help_text=_("Off: only items due today or overdue are in the digest."),
    )
    by_sms = models.BooleanField(
        _("also by SMS"),
        default=True,
        help_text=_("When the portal sends SMS and your mobile number is known."),
    )

    class Meta:
        verbose_name = _("reminder preference")
        verbose_name_plural = _("reminder preferences")

    def __str__(self):
        return str(self.official)


class Digest(models.Model):
    """One official's reminders of one day, sent as one message by each channel (DigestDelivery).
    Reminders are added while it is open; closing it freezes what it says and creates its deliveries."""

    official = models.ForeignKey(
        Official, verbose_name=_("official"), on_delete=models.CASCADE, related_name="reminder_digests"
    )
    for_date = models.DateField(_("date"))
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("reminder digest")
        verbose_name_plural = _("reminder digests")
        ordering = ["-for_date", "official"]
        constraints = [
            models.UniqueConstraint(fields=["official", "for_date"], name="followup_digest_one_a_day"),
        ]
        indexes = [
            # The sweep's dispatch: the digests still open on or before today (a day's worth at most).
            models.Index(
                fields=["for_date"], condition=Q(closed_at__isnull=True), name="followup_digest_open"
            ),
        ]

    def __str__(self):
        return f"{self.official} ({self.for_date:%d.%m.%Y})"


class Reminder(models.Model):
    """One reminder of one item to one official on one day, recorded before anything is sent: the
    unique constraint is what makes a re-run, or a second sweep running at once, add nothing."""

    class Kind(models.TextChoices):
        SOON = "soon", _("due soon")
        DUE = "due", _("due today")
        OVERDUE = "overdue", _("overdue")
        ESCALATED = "escalated", _("overdue, told to the head of office")

    digest = models.ForeignKey(
        Digest, verbose_name=_("reminder digest"), on_delete=models.CASCADE, related_name="reminders"
    )
    official = models.ForeignKey(
        Official, verbose_name=_("official"), on_delete=models.CASCADE, related_name="+"
    )
    occurrence = models.ForeignKey(
        Occurrence, verbose_name=_("follow-up item"), on_delete=models.CASCADE, related_name="reminders"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    for_date = models.DateField(_("date"))

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        ordering = ["digest", "occurrence__due_date", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["official", "occurrence", "kind", "for_date"], name="followup_reminder_once"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.occurrence_id} → {self.official_id}"


class DigestDelivery(models.Model):
    """A digest sent by one channel (e-mail, SMS). Claimed before it is sent (pending or failed →
    sending, by a conditional UPDATE), marked sent once the channel accepted it, failed with the
    reason otherwise (retried with back-off), skipped when it cannot or need not go."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        SKIPPED = "skipped", _("Not sent")

    digest = models.ForeignKey(
        Digest, verbose_name=_("reminder digest"), on_delete=models.CASCADE, related_name="deliveries"
    )
    channel = models.CharField(_("channel"), max_length=20)
    address = models.CharField(_("sent to"), max_length=254, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    # When the sweep should queue it again if nothing else has: a pending send whose task was lost, a
    # failed one whose retry was lost, one left "sending" by a worker that died. None: nothing to do.
    recover_after = models.DateTimeField(_("check again after"), null=True, blank=True)
    claimed_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("digest delivery")
        verbose_name_plural = _("digest deliveries")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["digest", "channel"], name="followup_delivery_once_per_channel"),
        ]
        indexes = [
            # The sweep's recovery: sends to queue again (few; sent and skipped ones are left out).
            models.Index(
                fields=["recover_after"],
                condition=Q(status__in=["pending", "sending", "failed"]),
                name="followup_delivery_recover",
            ),
        ]

    def __str__(self):
        return f"{self.digest} · {self.channel}: {self.get_status_display()}"
