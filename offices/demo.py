"""Demo data: the offices, people and files of the reference minutes, and one user per role.

Loading is idempotent: every record is looked up by its natural key and
updated, so running it twice changes nothing.
"""

from django.db import transaction

from offices.models import (
    Branch,
    GovernmentFile,
    InnovationTeam,
    Office,
    OfficeRole,
    Official,
    TeamMember,
    User,
)

DEMO_PASSWORD = "sobha-demo-2026"

K = Office.Kind
OFFICES = [
    # name, English name, short name, kind, parent, address, website
    (
        "স্বরাষ্ট্র মন্ত্রণালয়",
        "Ministry of Home Affairs",
        "MoHA",
        K.MINISTRY,
        None,
        "বাংলাদেশ সচিবালয়, ঢাকা",
        "https://mha.gov.bd",
    ),
    (
        "সুরক্ষা সেবা বিভাগ",
        "Security Services Division",
        "SSD",
        K.DIVISION,
        "স্বরাষ্ট্র মন্ত্রণালয়",
        "বাংলাদেশ সচিবালয়, ঢাকা",
        "https://ssd.gov.bd",
    ),
    (
        "মাদকদ্রব্য নিয়ন্ত্রণ অধিদপ্তর",
        "Department of Narcotics Control",
        "DNC",
        K.DIRECTORATE,
        "সুরক্ষা সেবা বিভাগ",
        "৪৪১, তেজগাঁও শিল্প এলাকা, ঢাকা",
        "https://dnc.gov.bd",
    ),
    (
        "ফায়ার সার্ভিস ও সিভিল ডিফেন্স অধিদপ্তর",
        "Fire Service and Civil Defence",
        "FSCD",
        K.DIRECTORATE,
        "সুরক্ষা সেবা বিভাগ",
        "কাজী আলাউদ্দিন রোড, ঢাকা",
        "https://fireservice.gov.bd",
    ),
    (
        "ইমিগ্রেশন ও পাসপোর্ট অধিদপ্তর",
        "Department of Immigration and Passports",
        "DIP",
        K.DIRECTORATE,
        "সুরক্ষা সেবা বিভাগ",
        "আগারগাঁও, ঢাকা",
        "https://dip.gov.bd",
    ),
    (
        "কারা অধিদপ্তর",
        "Department of Prisons",
        "DoP",
        K.DIRECTORATE,
        "সুরক্ষা সেবা বিভাগ",
        "বকশীবাজার, ঢাকা",
        "https://prison.gov.bd",
    ),
    (
        "জনপ্রশাসন মন্ত্রণালয়",
        "Ministry of Public Administration",
        "MoPA",
        K.MINISTRY,
        None,
        "বাংলাদেশ সচিবালয়, ঢাকা",
        "https://mopa.gov.bd",
    ),
    (
        "মহিলা ও শিশু বিষয়ক মন্ত্রণালয়",
        "Ministry of Women and Children Affairs",
        "MoWCA",
        K.MINISTRY,
        None,
        "বাংলাদেশ সচিবালয়, ঢাকা",
        "https://mowca.gov.bd",
    ),
    (
        "মহিলা বিষয়ক অধিদপ্তর",
        "Department of Women Affairs",
        "DWA",
        K.DIRECTORATE,
        "মহিলা ও শিশু বিষয়ক মন্ত্রণালয়",
        "৩৭/৩ ইস্কাটন গার্ডেন রোড, ঢাকা",
        "http://www.dwa.gov.bd",
    ),
]

LETTERHEADS = {"মহিলা বিষয়ক অধিদপ্তর": "শেখ হাসিনার বারতা নারী-পুরুষ সমতা"}

B = Branch.Kind
BRANCHES = {
    "সুরক্ষা সেবা বিভাগ": [
        ("প্রশাসন ও অর্থ অনুবিভাগ", B.WING, None),
        ("আইসিটি সেল", B.CELL, None),
    ],
    "জনপ্রশাসন মন্ত্রণালয়": [
        ("সিপি অধিশাখা", B.SECTION, None),
        ("সিপি-৩ শাখা", B.BRANCH, "সিপি অধিশাখা"),
        ("প্রশাসন-১ শাখা", B.BRANCH, None),
        ("প্রেষণ-১ শাখা", B.BRANCH, None),
        ("সওব্য-১ শাখা", B.BRANCH, None),
        ("বিধি-৪ শাখা", B.BRANCH, None),
        ("শৃঙ্খলা-১ শাখা", B.BRANCH, None),
        ("পরিকল্পনা-৩ শাখা", B.BRANCH, None),
        ("আইন-১ শাখা", B.BRANCH, None),
        ("বাবাকো শাখা", B.BRANCH, None),
        ("সিনিয়র সিস্টেম এনালিস্টের দপ্তর", B.CELL, None),
    ],
    "মহিলা বিষয়ক অধিদপ্তর": [
        ("ইনোভেশন শাখা", B.BRANCH, None),
        ("প্রশাসন শাখা", B.BRANCH, None),
        ("প্রশিক্ষণ শাখা", B.BRANCH, None),
        ("ক্ষুদ্রঋণ শাখা", B.BRANCH, None),
        ("হোস্টেল শাখা", B.BRANCH, None),
        ("ই-সার্ভিস কর্মসূচী", B.CELL, None),
    ],
}

# office, name, designation, branch, e-mail, mobile
OFFICIALS = [
    ("সুরক্ষা সেবা বিভাগ", "ড. তরুণ কান্তি শিকদার", "অতিরিক্ত সচিব", None, "tarun.sikder@ssd.example.gov.bd", ""),
    ("সুরক্ষা সেবা বিভাগ", "জনাব মল্লিক সাঈদ মাহবুব", "যুগ্মসচিব", None, "mallik.mahbub@ssd.example.gov.bd", ""),
    ("সুরক্ষা সেবা বিভাগ", "জনাব মো: মনিরুজ্জামান", "উপসচিব", None, "moniruzzaman@ssd.example.gov.bd", ""),
    ("সুরক্ষা সেবা বিভাগ", "জনাব মো: আইয়ুব হোসেন", "প্রোগ্রামার", "আইসিটি সেল", "ayub@ssd.example.gov.bd", ""),
    ("সুরক্ষা সেবা বিভাগ", "জনাব নিপু হালদার", "সহঃ প্রোগ্রামার", "আইসিটি সেল", "nipu@ssd.example.gov.bd", ""),
    (
        "সুরক্ষা সেবা বিভাগ",
        "মোঃ আবদুল কাদির",
        "উপসচিব (অতিরিক্ত দায়িত্ব)",
        "প্রশাসন ও অর্থ অনুবিভাগ",
        "abdul.kadir@ssd.example.gov.bd",
        "",
    ),
    (
        "জনপ্রশাসন মন্ত্রণালয়",
        "ডঃ আবু শাহীন মোঃ আসাদুজ্জামান",
        "যুগ্মসচিব (সিপি অধিশাখা) ও চিফ ইনোভেশন অফিসার",
        "সিপি অধিশাখা",
        "cio@mopa.example.gov.bd",
        "",
    ),
    ("জনপ্রশাসন মন্ত্রণালয়", "মো: এনামুল হক", "উপসচিব", None, "anamulst@gmail.com", "01710765133"),
    ("জনপ্রশাসন মন্ত্রণালয়", "মুহাম্মদ মনিরুজ্জামান", "উপসচিব", None, "", "01711215070"),
    ("মহিলা বিষয়ক অধিদপ্তর", "কেয়া খান", "মহাপরিচালক", None, "dwadhaka@gmail.com", "02-48319149"),
]

TEAMS = {
    # office: (team name, joint?, [(official name, role)])
    "সুরক্ষা সেবা বিভাগ": (
        "ইনোভেশন টিম",
        True,
        [
            ("ড. তরুণ কান্তি শিকদার", TeamMember.Role.CHAIR),
            ("জনাব মল্লিক সাঈদ মাহবুব", TeamMember.Role.MEMBER),
            ("জনাব মো: মনিরুজ্জামান", TeamMember.Role.MEMBER),
            ("জনাব মো: আইয়ুব হোসেন", TeamMember.Role.MEMBER),
            ("মোঃ আবদুল কাদির", TeamMember.Role.MEMBER_SECRETARY),
        ],
    ),
    "জনপ্রশাসন মন্ত্রণালয়": (
        "ইনোভেশন টিম",
        False,
        [
            ("ডঃ আবু শাহীন মোঃ আসাদুজ্জামান", TeamMember.Role.CHAIR),
            ("মো: এনামুল হক", TeamMember.Role.MEMBER),
        ],
    ),
    "মহিলা বিষয়ক অধিদপ্তর": ("ইনোভেশন টিম", False, [("কেয়া খান", TeamMember.Role.CHAIR)]),
}

# office, file number, subject, branch, last serial issued
FILES = [
    ("সুরক্ষা সেবা বিভাগ", "58.00.0000.018.31.006.17", "ইনোভেশন টিমের সভা", "প্রশাসন ও অর্থ অনুবিভাগ", 25),
    ("জনপ্রশাসন মন্ত্রণালয়", "05.00.0000.197.01.003.22", "ইনোভেশন কার্যক্রম", "সিপি অধিশাখা", 129),
    ("মহিলা বিষয়ক অধিদপ্তর", "32.01.0000.021.18.003.24", "ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা", "ইনোভেশন শাখা", 47),
]

R = OfficeRole.Role
# username, office, roles, official name
USERS = [
    ("drafter", "সুরক্ষা সেবা বিভাগ", [R.DRAFTER], "মোঃ আবদুল কাদির"),
    ("approver", "সুরক্ষা সেবা বিভাগ", [R.APPROVER], "ড. তরুণ কান্তি শিকদার"),
    ("issuer", "সুরক্ষা সেবা বিভাগ", [R.ISSUER], "জনাব মো: মনিরুজ্জামান"),
    ("officeadmin", "সুরক্ষা সেবা বিভাগ", [R.ADMIN], "জনাব মো: আইয়ুব হোসেন"),
    ("mopa_drafter", "জনপ্রশাসন মন্ত্রণালয়", [R.DRAFTER, R.ADMIN], "মো: এনামুল হক"),
    ("dwa_drafter", "মহিলা বিষয়ক অধিদপ্তর", [R.DRAFTER, R.APPROVER, R.ISSUER, R.ADMIN], "কেয়া খান"),
]


@transaction.atomic
def load_demo() -> list[tuple[str, str]]:
    """Create or update the demo records; returns (username, description) for the demo log-ins."""
    offices: dict[str, Office] = {}
    for name, name_en, short, kind, parent, address, website in OFFICES:
        offices[name], _ = Office.objects.update_or_create(
            name=name,
            defaults={
                "name_en": name_en,
                "short_name": short,
                "slug": short.lower(),
                "kind": kind,
                "parent": offices.get(parent),
                "address": address,
                "website": website,
                "slogan": LETTERHEADS.get(name, ""),
            },
        )
    branches: dict[tuple[str, str], Branch] = {}
    for office_name, rows in BRANCHES.items():
        for name, kind, parent in rows:
            branches[office_name, name], _ = Branch.objects.update_or_create(
                office=offices[office_name],
                name=name,
                defaults={"kind": kind, "parent": branches.get((office_name, parent))},
            )
    officials: dict[str, Official] = {}
    for office_name, name, designation, branch, email, mobile in OFFICIALS:
        officials[name], _ = Official.objects.update_or_create(
            office=offices[office_name],
            name=name,
            defaults={
                "designation": designation,
                "branch": branches.get((office_name, branch)),
                "email": email,
                "mobile": mobile,
            },
        )
    for office_name, (team_name, joint, members) in TEAMS.items():
        team, _ = InnovationTeam.objects.update_or_create(
            office=offices[office_name], name=team_name, defaults={"covers_subordinates": joint}
        )
        for order, (official_name, role) in enumerate(members, start=1):
            TeamMember.objects.update_or_create(
                team=team, official=officials[official_name], defaults={"role": role, "order": order}
            )
    for office_name, number, subject, branch, last_serial in FILES:
        # The serial is only set when the file is first recorded: issuing moves it on from there.
        GovernmentFile.objects.get_or_create(
            office=offices[office_name],
            number=number,
            defaults={
                "subject": subject,
                "branch": branches.get((office_name, branch)),
                "last_serial": last_serial,
            },
        )
    logins = []
    for username, office_name, roles, official_name in USERS:
        user, created = User.objects.get_or_create(
            username=username, defaults={"official": officials[official_name]}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        for role in roles:
            OfficeRole.objects.get_or_create(user=user, office=offices[office_name], role=role)
        labels = ", ".join(str(R(role).label) for role in roles)
        logins.append((username, f"{labels}: {office_name}"))
    admin, created = User.objects.get_or_create(
        username="admin", defaults={"is_staff": True, "is_superuser": True}
    )
    if created:
        admin.set_password(DEMO_PASSWORD)
        admin.save()
    logins.append(("admin", "superuser"))
    return logins
