"""Django for scripts and benchmarks run as plain files (bench/*.py, scripts/*.py), not through manage.py.

from config.standalone import setup_django
setup_django(database_url="sqlite:///…")   # before importing models
"""

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def setup_django(*, database_url: str | None = None, **environment: str) -> None:
    """Configure and start Django; a throwaway SQLite database unless DATABASE_URL or `database_url` says otherwise."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault(
        "DATABASE_URL", database_url or f"sqlite:///{tempfile.mkdtemp()}/standalone.sqlite3"
    )
    os.environ.update(environment)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
