import pytest

from offices.models import OfficeRole
from tests.factories import user_with_role

R = OfficeRole.Role


@pytest.fixture
def drafter_a(office_a):
    """Staff of office A without the administrator's role."""
    return user_with_role(office_a, R.DRAFTER, username="dipu")
