"""Offices and the branches inside them (অনুবিভাগ, অধিশাখা, শাখা)."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


def _walks_into(start, target, parent_attr: str) -> bool:
    """True if following `parent_attr` upwards from `start` reaches `target`."""
    seen = set()
    node = start
    while node is not None and node.pk not in seen:
        if target.pk is not None and node.pk == target.pk:
            return True
        seen.add(node.pk)
        node = getattr(node, parent_attr)
    return False


# Words of the public website's own addresses (/public/minutes/, /public/search/ …): no office's.
RESERVED_SLUGS = frozenset(
    {"minutes", "search", "feeds", "feed", "api", "ideas", "offices", "language", "static"}
)
SLUG_VALIDATORS = [
    RegexValidator(
        r"^(?=.*[a-z])[a-z0-9]+(-[a-z0-9]+)*$",
        _("Small English letters, digits and hyphens, with at least one letter, e.g. ssd or dnc-dhaka."),
    )
]


class Office(models.Model):
    class Kind(models.TextChoices):
        MINISTRY = "ministry", _("Ministry")
        DIVISION = "division", _("Division")
        DIRECTORATE = "directorate", _("Directorate / agency")
        DIVISIONAL = "divisional", _("Divisional office")
        DISTRICT = "district", _("District office")
        UPAZILA = "upazila", _("Upazila office")

    name = models.CharField(_("name (Bangla)"), max_length=200, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    short_name = models.CharField(_("short name"), max_length=50, blank=True)
    slug = models.CharField(
        _("web address"),
        max_length=50,
        unique=True,
        null=True,
        blank=True,
        validators=SLUG_VALIDATORS,
        help_text=_(
            "The office's address on the public website, e.g. ssd for /public/ssd/. Published pages "
            "are linked by it: change it only if you must (empty: the office's number is used)."
        ),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("superior office"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    website = models.URLField(_("website"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    letterhead = models.TextField(
        _("letterhead lines"),
        blank=True,
        help_text=_("Lines printed above the title, one per line; leave empty for the standard letterhead."),
    )
    slogan = models.CharField(_("slogan"), max_length=200, blank=True)
    separate_submit_and_approve = models.BooleanField(
        _("whoever submits minutes may not approve them"),
        default=True,
        help_text=_("Separation of duties: the approver must be someone other than the submitter."),
    )
    publish_on_issue = models.BooleanField(
        _("publish minutes on the website when they are issued"),
        default=False,
        help_text=_("Issue and publish in one step; otherwise publishing is a step of its own."),
    )
    publish_decision_status = models.BooleanField(
        _("show the follow-up status of decisions on the website"),
        default=False,
        help_text=_("Under each published minutes, each decision with where it stands (pending, done …)."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("office")
        verbose_name_plural = _("offices")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("offices:detail", args=[self.pk])

    def clean(self):
        self.slug = (self.slug or "").strip().lower() or None
        if self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {"slug": _("This word is part of the website's own addresses; choose another.")}
            )
        if self.parent_id and _walks_into(self.parent, self, "parent"):
            raise ValidationError(
                {"parent": _("An office cannot be placed under itself or under one of its own subordinates.")}
            )

    @property
    def web_name(self) -> str:
        """The office's part of its public addresses: its web address, or its number until it has one."""
        return self.slug or str(self.pk)

    def letterhead_lines(self) -> list[str]:
        """The lines printed above a document's title."""
        lines = [line.strip() for line in self.letterhead.splitlines() if line.strip()]
        if lines:
            return lines
        standard = ["গণপ্রজাতন্ত্রী বাংলাদেশ সরকার", self.name]
        return standard + [part for part in (self.address, self.website) if part]


class Branch(models.Model):
    """A wing, section or branch (অনুবিভাগ / অধিশাখা / শাখা) inside an office."""

    class Kind(models.TextChoices):
        WING = "wing", _("Wing (অনুবিভাগ)")
        SECTION = "section", _("Section (অধিশাখা)")
        BRANCH = "branch", _("Branch (শাখা)")
        CELL = "cell", _("Cell / unit")

    office = models.ForeignKey(
        Office, verbose_name=_("office"), on_delete=models.PROTECT, related_name="branches"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    name = models.CharField(_("name"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.BRANCH)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("branch")
        verbose_name_plural = _("branches")
        ordering = ["office", "name"]
        constraints = [
            models.UniqueConstraint(fields=["office", "name"], name="branch_name_unique_in_office"),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        if Branch.objects.filter(office=self.office_id, name=self.name).exclude(pk=self.pk).exists():
            raise ValidationError({"name": _("This office already has a branch with this name.")})
        if self.parent_id is None:
            return
        if self.parent.office_id != self.office_id:
            raise ValidationError({"parent": _("A branch can only be part of a branch of the same office.")})
        if _walks_into(self.parent, self, "parent"):
            raise ValidationError(
                {"parent": _("A branch cannot be part of itself or of one of its own parts.")}
            )

    def validate_constraints(self, exclude=None):
        # clean() already reported a duplicate name in the user's language.
        super().validate_constraints(exclude={*(exclude or ()), "name"})
