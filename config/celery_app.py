"""The Celery application: configured from Django settings (CELERY_*), tasks found in each app."""

import os
import warnings

from celery import Celery
from celery.exceptions import SecurityWarning

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

if os.environ.get("SOBHA_DEMO_RUN") == "1":
    # `make run` on a developer's machine or container often runs as root; the worker accepts JSON
    # only (CELERY_ACCEPT_CONTENT), so the warning's concern, pickle as root, does not arise there.
    warnings.filterwarnings("ignore", category=SecurityWarning)

app = Celery("sobha")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
