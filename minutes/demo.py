"""Demo distribution groups, added to the offices' demo data (offices/demo.py); safe to run twice."""

from django.db import transaction

from minutes.models import DistributionGroup, DistributionGroupMember

# office: {group name: [(designation, name, branch, office as printed, request)]}
GROUPS = {
    "সুরক্ষা সেবা বিভাগ": {
        "ইনোভেশন টিম ও অধিদপ্তর প্রধান": [
            ("অধিদপ্তর প্রধান (সকল)", "", "", "সুরক্ষা সেবা বিভাগ", ""),
            ("যুগ্মসচিব ও সদস্য", "জনাব মল্লিক সাঈদ মাহবুব", "ইনোভেশন টিম", "সুরক্ষা সেবা বিভাগ", ""),
            ("উপসচিব ও সদস্য", "জনাব মো: মনিরুজ্জামান", "ইনোভেশন টিম", "সুরক্ষা সেবা বিভাগ", ""),
            ("প্রোগ্রামার ও সদস্য", "জনাব মো: আইয়ুব হোসেন", "ইনোভেশন টিম", "সুরক্ষা সেবা বিভাগ", ""),
            ("সহঃ প্রোগ্রামার", "জনাব নিপু হালদার", "আইসিটি সেল", "সুরক্ষা সেবা বিভাগ", "ওয়েবসাইটে প্রকাশের অনুরোধ করা হলো"),
        ],
    },
    "জনপ্রশাসন মন্ত্রণালয়": {
        "অনুবিভাগের শাখাসমূহ": [
            ("উপসচিব", "", "প্রশাসন-১ শাখা", "জনপ্রশাসন মন্ত্রণালয়", ""),
            ("উপসচিব", "", "প্রেষণ-১ শাখা", "জনপ্রশাসন মন্ত্রণালয়", ""),
            ("সিনিয়র সিস্টেম এনালিস্ট", "", "সিনিয়র সিস্টেম এনালিস্টের দপ্তর", "জনপ্রশাসন মন্ত্রণালয়",
             "কার্যবিবরণীটি ওয়েবসাইটে আপলোডের অনুরোধসহ"),
        ],
    },
}  # fmt: skip


@transaction.atomic
def load_minutes_demo(offices_by_name: dict) -> None:
    for office_name, groups in GROUPS.items():
        office = offices_by_name[office_name]
        for group_name, members in groups.items():
            group, _ = DistributionGroup.objects.get_or_create(office=office, name=group_name)
            group.members.all().delete()
            DistributionGroupMember.objects.bulk_create(
                DistributionGroupMember(
                    group=group, order=i, designation=d, name=n, branch=b, office_name=o, request=r
                )
                for i, (d, n, b, o, r) in enumerate(members)
            )
