"""The follow-up's writes: making the items to chase (occurrences.py), and their progress (progress.py)."""

from followup.services.occurrences import occurrences_for_meeting, occurrences_for_plan, sync_occurrences
from followup.services.progress import Upload, progress_confirm, progress_reopen, progress_report

__all__ = [
    "Upload",
    "occurrences_for_meeting",
    "occurrences_for_plan",
    "progress_confirm",
    "progress_reopen",
    "progress_report",
    "sync_occurrences",
]
