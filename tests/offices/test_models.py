import pytest
from django.core.exceptions import ValidationError

from offices.models import Branch, GovernmentFile
from tests.factories import BranchFactory, GovernmentFileFactory, OfficeFactory, OfficialFactory

pytestmark = pytest.mark.django_db


def test_it_refuses_a_cycle_in_the_office_hierarchy():
    ministry = OfficeFactory()
    division = OfficeFactory(parent=ministry)
    directorate = OfficeFactory(parent=division)
    ministry.parent = directorate
    with pytest.raises(ValidationError) as error:
        ministry.full_clean()
    assert "নিজের বা নিজের অধীনস্থ" in str(error.value.message_dict["parent"])


def test_it_refuses_an_office_as_its_own_parent():
    office = OfficeFactory()
    office.parent = office
    with pytest.raises(ValidationError):
        office.full_clean()


def test_it_refuses_a_branch_whose_parent_is_in_another_office():
    wing_elsewhere = BranchFactory()
    branch = Branch(office=OfficeFactory(), name="প্রশাসন-১ শাখা", parent=wing_elsewhere)
    with pytest.raises(ValidationError) as error:
        branch.full_clean()
    assert "একই দপ্তরের" in str(error.value.message_dict["parent"])


def test_it_refuses_a_cycle_of_branches():
    wing = BranchFactory()
    section = BranchFactory(office=wing.office, parent=wing)
    wing.parent = section
    with pytest.raises(ValidationError):
        wing.full_clean()


def test_it_stores_file_numbers_typed_in_bangla_digits_in_one_form():
    government_file = GovernmentFile(office=OfficeFactory(), number="৫৮.০০.০০০০.০১৮.৩১.০০৬.১৭", subject="সভা")
    government_file.full_clean()
    assert government_file.number == "58.00.0000.018.31.006.17"
    assert government_file.number_bn == "৫৮.০০.০০০০.০১৮.৩১.০০৬.১৭"


DUPLICATE = "এই নম্বরের একটি নথি আগে থেকেই আছে; একটি নথি নম্বর একবারই ব্যবহার করা যায়।"


def test_it_refuses_a_duplicate_file_number_typed_with_other_digits():
    existing = GovernmentFileFactory(number="58.00.0000.018.31.006.17")
    duplicate = GovernmentFile(office=existing.office, number="৫৮.০০.০০০০.০১৮.৩১.০০৬.১৭", subject="অন্য")
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert error.value.message_dict["number"] == [DUPLICATE]


def test_it_refuses_the_same_file_number_in_another_office():
    """A file number carries the ministry's, office's and branch's codes: one file in the government."""
    existing = GovernmentFileFactory(number="58.00.0000.018.31.006.17")
    other = GovernmentFile(office=OfficeFactory(), number=existing.number, subject="সভা")
    with pytest.raises(ValidationError) as error:
        other.full_clean()
    assert error.value.message_dict["number"] == [DUPLICATE]


@pytest.mark.parametrize("number", ["", "58", "58.00", "৫৮-০০-০০", "58..00.17", "abc.def.ghi"])
def test_it_refuses_malformed_file_numbers(number):
    government_file = GovernmentFile(office=OfficeFactory(), number=number, subject="সভা")
    with pytest.raises(ValidationError) as error:
        government_file.full_clean()
    assert "number" in error.value.message_dict


def test_it_refuses_an_officials_branch_from_another_office():
    official = OfficialFactory.build(office=OfficeFactory(), branch=BranchFactory())
    with pytest.raises(ValidationError) as error:
        official.full_clean()
    assert "branch" in error.value.message_dict


def test_it_keeps_mobile_numbers_typed_in_bangla_digits_as_digits():
    official = OfficialFactory.build(office=OfficeFactory(), mobile="০১৭১১২৬৬০৮৫")
    official.full_clean()
    assert official.mobile == "01711266085"


def test_it_prints_the_standard_letterhead_when_none_is_set():
    office = OfficeFactory(name="মহিলা বিষয়ক অধিদপ্তর", address="৩৭/৩ ইস্কাটন গার্ডেন রোড, ঢাকা")
    assert office.letterhead_lines() == [
        "গণপ্রজাতন্ত্রী বাংলাদেশ সরকার",
        "মহিলা বিষয়ক অধিদপ্তর",
        "৩৭/৩ ইস্কাটন গার্ডেন রোড, ঢাকা",
    ]
