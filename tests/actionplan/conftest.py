import pytest

from offices.models import OfficeRole
from tests.factories import user_with_role

R = OfficeRole.Role


@pytest.fixture
def drafter_a(office_a):
    """Staff of office A without the administrator's role."""
    return user_with_role(office_a, R.DRAFTER, username="dipu")


@pytest.fixture
def approver_a(office_a):
    """The approver of office A (confirms or returns achievement reports)."""
    return user_with_role(office_a, R.APPROVER, username="anwar")


@pytest.fixture
def evidence_storage(monkeypatch, tmp_path):
    """Evidence files go to a temporary folder; the folder is returned to look into."""
    from django.core.files.storage import FileSystemStorage

    from actionplan.models import Evidence

    monkeypatch.setattr(Evidence._meta.get_field("file"), "storage", FileSystemStorage(location=tmp_path))
    return tmp_path


@pytest.fixture
def reference_plan(office_a, alice):
    from actionplan import services
    from tests.actionplan.templates import REFERENCE

    return services.plan_import(office=office_a, fiscal_year=2021, data=REFERENCE.read_bytes(), by=alice)
