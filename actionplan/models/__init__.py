"""The action plan: an office's plan for a fiscal year, its areas, activities and indicators."""

from actionplan.models.areas import Activity, Area
from actionplan.models.ideas import Idea, IdeaKind, IdeaStatus
from actionplan.models.indicators import EvidenceKind, Indicator, QuarterTarget, TierTarget, Unit
from actionplan.models.plan import Plan

__all__ = [
    "Activity",
    "Area",
    "EvidenceKind",
    "Idea",
    "IdeaKind",
    "IdeaStatus",
    "Indicator",
    "Plan",
    "QuarterTarget",
    "TierTarget",
    "Unit",
]
