import pytest

from offices.models import Office
from tests.factories import OfficeFactory


@pytest.fixture
def ministry(db):
    return OfficeFactory(name="স্বরাষ্ট্র মন্ত্রণালয়", kind=Office.Kind.MINISTRY, slug="moha")


@pytest.fixture
def division(ministry):
    return OfficeFactory(name="সুরক্ষা সেবা বিভাগ", kind=Office.Kind.DIVISION, parent=ministry, slug="ssd")


@pytest.fixture
def directorate(division):
    return OfficeFactory(name="মাদকদ্রব্য নিয়ন্ত্রণ অধিদপ্তর", parent=division, slug="dnc")
