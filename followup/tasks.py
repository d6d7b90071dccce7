"""The follow-up's Celery tasks (found by Celery's autodiscovery here)."""

from followup.reminders.tasks import digest_delivery_send, followup_sweep

__all__ = ["digest_delivery_send", "followup_sweep"]
