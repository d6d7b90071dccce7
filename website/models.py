"""The website's own rows: readers' e-mail alerts (website/alerts/models.py)."""

from website.alerts.models import Alert, AlertItem, Subscription

__all__ = ["Alert", "AlertItem", "Subscription"]
