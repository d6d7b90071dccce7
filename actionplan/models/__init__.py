"""The action plan: an office's plan for a fiscal year, its areas, activities and indicators."""

from actionplan.models.areas import Activity, Area
from actionplan.models.ideas import Idea, IdeaKind, IdeaStatus
from actionplan.models.indicators import EvidenceKind, Indicator, QuarterTarget, TierTarget, Unit
from actionplan.models.links import DecisionLink, MeetingEvidence
from actionplan.models.plan import Plan
from actionplan.models.reports import AchievementReport, Evidence

__all__ = [
    "AchievementReport",
    "Activity",
    "Area",
    "DecisionLink",
    "Evidence",
    "EvidenceKind",
    "Idea",
    "IdeaKind",
    "IdeaStatus",
    "Indicator",
    "MeetingEvidence",
    "Plan",
    "QuarterTarget",
    "TierTarget",
    "Unit",
]
