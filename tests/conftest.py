import os

import pytest

from offices.models import OfficeRole
from tests.factories import OfficeFactory, user_with_role

R = OfficeRole.Role

pytest_plugins = ["tests.worker", "tests.followup.reminder_world"]


@pytest.fixture(autouse=True)
def _fast_passwords_and_bangla(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.LANGUAGE_CODE = "bn"


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache (drafts' PDFs, throttling counters)."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def office_a(db):
    return OfficeFactory(name="দপ্তর ক")


@pytest.fixture
def office_b(db):
    return OfficeFactory(name="দপ্তর খ")


@pytest.fixture
def alice(office_a):
    """Drafter and administrator of office A."""
    return user_with_role(office_a, R.DRAFTER, R.ADMIN, username="alice")


@pytest.fixture
def charlie(office_b):
    """Administrator of office B: must see nothing of office A."""
    return user_with_role(office_b, R.DRAFTER, R.ADMIN, username="charlie")


@pytest.fixture
def celery_eager():
    """Tasks run in the test's own process when queued (unit tests of what a task does)."""
    from config.celery_app import app

    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = False


def services_required() -> bool:
    """In CI (SOBHA_REQUIRE_SERVICES=1) a missing service fails the test instead of skipping it."""
    return os.environ.get("SOBHA_REQUIRE_SERVICES") == "1"
